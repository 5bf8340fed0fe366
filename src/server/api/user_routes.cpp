// Account administration for admins: list, create, change, disable, enable, reset a
// password. Every change is an event in the log and a line in the audit log.

#include <algorithm>
#include <initializer_list>

#include <nlohmann/json.hpp>

#include <shouwang/server/credentials.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

using nlohmann::json;


Status only_members(const json& body, std::initializer_list<std::string_view> allowed) {
  for (const auto& item : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      return Error(Errc::kInvalidArgument, item.key() + " is not a member of this request", item.key());
    }
    if (!item.value().is_string()) return Error(Errc::kInvalidArgument, item.key() + " must be a string", item.key());
  }
  return {};
}

// A profile from `body` over `base` (members left out keep base's values); the scope must
// be a unit of the organisation.
Result<UserProfile> read_profile(const json& body, UserProfile base, const OrgTree& org) {
  if (body.contains("display_name")) base.display_name = body["display_name"].get<std::string>();
  if (body.contains("role")) {
    const auto role = parse_role(body["role"].get<std::string>());
    if (!role) {
      return Error(Errc::kInvalidArgument,
                   "role is one of call_taker, dispatcher, commander, station_officer, analyst, admin, unit_terminal",
                   "role");
    }
    base.role = *role;
  }
  if (body.contains("scope")) base.scope = body["scope"].get<std::string>();
  if (body.contains("unit")) base.unit = body["unit"].get<std::string>();
  if (!org.contains(base.scope)) {
    return Error(base.scope.empty() ? Errc::kInvalidArgument : Errc::kNotFound,
                 "the scope must be a unit of the organisation: '" + base.scope + "' is not", "scope");
  }
  return base;
}

HttpResponse admin_only(const Principal& p) {
  return error_response(Error(Errc::kPermissionDenied, "only administrators manage accounts; " + p.username + " is a " +
                                                           std::string(to_string(p.role))));
}

HttpResponse record_change(ApiServices& api, const Principal& p, const std::string& what, const std::string& username,
                           const Recorder& recorder) {
  auto recorded = api.commands.record(recorder);
  if (!recorded) return error_response(recorded.error());
  api.audit.write({{"t", api.commands.clock().now().to_iso8601()},
                   {"event", what},
                   {"user", p.username},
                   {"account", username},
                   {"seq", recorded->last_seq}});
  const auto user = api.accounts.user(username);
  return json_response(what == "user_created" ? 201 : 200, {{"seq", recorded->last_seq}, {"user", user ? user_view(*user) : json()}});
}

}  // namespace

void add_user_routes(Router& router, ApiServices& api) {
  router.add("GET", "/api/v1/users", authed(api, [&api](const HttpRequest&, const Principal& p) {
               if (!AccessPolicy::may_manage_users(p)) return admin_only(p);
               json items = json::array();
               for (const auto& u : api.accounts.users()) items.push_back(user_view(u));
               return json_response(200, {{"items", std::move(items)}});
             }));
  router.add("POST", "/api/v1/users", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               if (!AccessPolicy::may_manage_users(p)) return admin_only(p);
               auto body = json_body(request);
               if (!body) return error_response(body.error());
               if (Status ok = only_members(*body, {"username", "password", "display_name", "role", "scope", "unit"}); !ok) {
                 return error_response(ok.error());
               }
               for (const char* required : {"username", "password", "role", "scope"}) {
                 if (!body->contains(required)) {
                   return error_response(Error(Errc::kInvalidArgument, std::string(required) + " is required", required));
                 }
               }
               UserProfile base;
               base.username = (*body)["username"].get<std::string>();
               base.display_name = base.username;
               auto profile = read_profile(*body, base, api.policy.org());
               if (!profile) return error_response(profile.error());
               const std::string password = (*body)["password"].get<std::string>();
               if (Status ok = check_password_rules(password); !ok) return error_response(ok.error());
               auto hash = hash_password(password);
               if (!hash) return error_response(hash.error());
               const store::Actor actor = p.actor();
               return record_change(api, p, "user_created", profile->username,
                                    [&](const AccountBook& book, UtcTime now) -> Result<std::vector<store::EventDraft>> {
                                      auto d = book.decide_create_user(*profile, *hash, actor, now);
                                      if (!d) return d.error();
                                      return std::vector<store::EventDraft>{std::move(*d)};
                                    });
             }));
  router.add("POST", "/api/v1/users/{username}", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               if (!AccessPolicy::may_manage_users(p)) return admin_only(p);
               auto body = json_body(request);
               if (!body) return error_response(body.error());
               if (Status ok = only_members(*body, {"display_name", "role", "scope", "unit"}); !ok) {
                 return error_response(ok.error());
               }
               const auto current = api.accounts.user(request.params.at("username"));
               if (!current) {
                 return error_response(Error(Errc::kNotFound, "there is no user " + request.params.at("username"), "username"));
               }
               const UserProfile base{current->username, current->display_name, current->role, current->scope, current->unit};
               auto profile = read_profile(*body, base, api.policy.org());
               if (!profile) return error_response(profile.error());
               const store::Actor actor = p.actor();
               return record_change(api, p, "user_updated", profile->username,
                                    [&](const AccountBook& book, UtcTime now) -> Result<std::vector<store::EventDraft>> {
                                      auto d = book.decide_update_user(*profile, actor, now);
                                      if (!d) return d.error();
                                      return std::vector<store::EventDraft>{std::move(*d)};
                                    });
             }));
  router.add("POST", "/api/v1/users/{username}/disable", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               if (!AccessPolicy::may_manage_users(p)) return admin_only(p);
               auto body = json_body(request);
               if (!body) return error_response(body.error());
               if (Status ok = only_members(*body, {"reason"}); !ok) return error_response(ok.error());
               const std::string reason = body->value("reason", "");
               const std::string name = request.params.at("username");
               const store::Actor actor = p.actor();
               return record_change(api, p, "user_disabled", name,
                                    [&](const AccountBook& book, UtcTime now) -> Result<std::vector<store::EventDraft>> {
                                      auto d = book.decide_disable(name, reason, actor, now);
                                      if (!d) return d.error();
                                      return std::vector<store::EventDraft>{std::move(*d)};
                                    });
             }));
  router.add("POST", "/api/v1/users/{username}/enable", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               if (!AccessPolicy::may_manage_users(p)) return admin_only(p);
               auto body = json_body(request);
               if (!body) return error_response(body.error());
               if (Status ok = only_members(*body, {}); !ok) return error_response(ok.error());
               const std::string name = request.params.at("username");
               const store::Actor actor = p.actor();
               return record_change(api, p, "user_enabled", name,
                                    [&](const AccountBook& book, UtcTime now) -> Result<std::vector<store::EventDraft>> {
                                      auto d = book.decide_enable(name, actor, now);
                                      if (!d) return d.error();
                                      return std::vector<store::EventDraft>{std::move(*d)};
                                    });
             }));
  router.add("POST", "/api/v1/users/{username}/password", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               const std::string name = request.params.at("username");
               // Anyone may change their own password; admins may reset anyone's.
               if (!AccessPolicy::may_manage_users(p) && p.username != name) return admin_only(p);
               auto body = json_body(request);
               if (!body) return error_response(body.error());
               if (Status ok = only_members(*body, {"password"}); !ok) return error_response(ok.error());
               if (!body->contains("password")) {
                 return error_response(Error(Errc::kInvalidArgument, "password is required", "password"));
               }
               const std::string password = (*body)["password"].get<std::string>();
               if (Status ok = check_password_rules(password); !ok) return error_response(ok.error());
               auto hash = hash_password(password);
               if (!hash) return error_response(hash.error());
               const store::Actor actor = p.actor();
               return record_change(api, p, "password_set", name,
                                    [&](const AccountBook& book, UtcTime now) -> Result<std::vector<store::EventDraft>> {
                                      auto d = book.decide_set_password(name, *hash, actor, now);
                                      if (!d) return d.error();
                                      return std::vector<store::EventDraft>{std::move(*d)};
                                    });
             }));
}

}  // namespace shouwang::server::api
