// Login, logout and who-am-I. Logins and their failures go to the audit log; a login that
// succeeds is also a session.opened event in the event log.

#include <nlohmann/json.hpp>

#include <shouwang/server/credentials.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {
namespace {

using nlohmann::json;


HttpResponse login(ApiServices& api, const HttpRequest& request) {
  auto body = json_body(request);
  if (!body) return error_response(body.error());
  for (const auto& item : body->items()) {
    if (item.key() != "username" && item.key() != "password" && item.key() != "kind") {
      return error_response(Error(Errc::kInvalidArgument, item.key() + " is not a login field", item.key()));
    }
  }
  const auto string_field = [&](const char* name) -> Result<std::string> {
    const auto it = body->find(name);
    if (it == body->end() || !it->is_string()) return Error(Errc::kInvalidArgument, std::string(name) + " must be a string", name);
    return it->get<std::string>();
  };
  auto username = string_field("username");
  if (!username) return error_response(username.error());
  auto password = string_field("password");
  if (!password) return error_response(password.error());
  SessionKind kind = SessionKind::kCookie;
  if (body->contains("kind")) {
    auto name = string_field("kind");
    if (!name) return error_response(name.error());
    const auto parsed = parse_session_kind(*name);
    if (!parsed) return error_response(Error(Errc::kInvalidArgument, "kind is cookie or bearer", "kind"));
    kind = *parsed;
  }
  const std::string client = request.remote_address;
  auto result = api.auth.login(*username, *password, kind, client);
  api.audit.write({{"t", api.commands.clock().now().to_iso8601()},
                   {"event", result ? "login" : "login_failed"},
                   {"user", *username},
                   {"client", client},
                   {"reason", result ? "" : result.error().message}});
  if (!result) return error_response(result.error());
  json out = {{"user", user_view(result->user)},
              {"session_id", result->session.id},
              {"kind", to_string(kind)},
              {"expires_at", result->session.expires_at.to_iso8601()}};
  HttpResponse response;
  if (kind == SessionKind::kBearer) {
    out["token"] = result->token;
    response = json_response(200, out);
  } else {
    out["csrf_token"] = result->csrf_token;
    response = json_response(200, out);
    response.headers.emplace_back("Set-Cookie", api.auth.session_cookie(result->token, api.auth.options().cookie_lifetime));
  }
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_auth_routes(Router& router, ApiServices& api) {
  router.add("POST", "/api/v1/auth/login", [&api](const HttpRequest& request) { return login(api, request); });
  router.add("POST", "/api/v1/auth/logout", authed(api, [&api](const HttpRequest&, const Principal& p) {
               if (Status ok = api.auth.logout(p); !ok) return error_response(ok.error());
               api.audit.write({{"t", api.commands.clock().now().to_iso8601()}, {"event", "logout"}, {"user", p.username}});
               HttpResponse response = json_response(200, {{"logged_out", true}});
               response.headers.emplace_back("Set-Cookie", api.auth.session_cookie("", {}));
               return response;
             }));
  router.add("GET", "/api/v1/auth/me", authed(api, [&api](const HttpRequest& request, const Principal& p) {
               const auto user = api.accounts.user(p.username);
               json out = user ? user_view(*user) : json::object();
               out["session_id"] = p.session_id;
               if (const std::string csrf = api.auth.csrf_token_of(request); !csrf.empty()) out["csrf_token"] = csrf;
               return json_response(200, out);
             }));
}

}  // namespace shouwang::server::api
