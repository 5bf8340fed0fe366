#include "server/api/api_support.h"

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>

namespace shouwang::server::api {

Handler authed(ApiServices& api, AuthedHandler handler) {
  return [&api, handler = std::move(handler)](const HttpRequest& request) {
    auto principal = api.auth.authenticate(request);
    if (!principal) {
      HttpResponse response = error_response(principal.error());
      if (principal.error().code == Errc::kUnauthenticated) {
        response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"shouwang\"");
      }
      return response;
    }
    return handler(request, *principal);
  };
}

HttpResponse error_response(const Error& error) { return HttpResponse::error(error); }

HttpResponse json_response(int status, const nlohmann::json& body) {
  return HttpResponse::json(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

Result<nlohmann::json> json_body(const HttpRequest& request) {
  if (request.body.empty()) return nlohmann::json::object();
  nlohmann::json parsed = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return Error(Errc::kInvalidArgument, "the request body is not valid JSON");
  if (!parsed.is_object()) return Error(Errc::kInvalidArgument, "the request body must be a JSON object");
  return parsed;
}

std::string percent_decode(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::map<std::string, std::string> query_params(const std::string& query) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start <= query.size()) {
    const std::size_t end = std::min(query.find('&', start), query.size());
    const std::string pair = query.substr(start, end - start);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos) {
        out[percent_decode(pair)] = "";
      } else {
        out[percent_decode(pair.substr(0, eq))] = percent_decode(pair.substr(eq + 1));
      }
    }
    start = end + 1;
  }
  return out;
}

Error outside_scope(const std::string& what, const Principal& p) {
  return Error(Errc::kPermissionDenied, what + " is outside " + p.username + "'s scope " + p.scope);
}

Status incident_visible(ApiServices& api, const Principal& p, IncidentId id) {
  return api.commands.read([&](const cad::State& state, std::uint64_t) -> Status {
    const cad::Incident* incident = state.find(id);
    if (incident == nullptr) return Error(Errc::kNotFound, "there is no incident " + cad::to_string(id), "incident");
    if (!api.policy.may_see(p, *incident, state)) return outside_scope("incident " + cad::to_string(id), p);
    return {};
  });
}

Result<std::string> sensitive_read_reason(const HttpRequest& request, const Principal& p) {
  const auto params = query_params(request.query);
  const auto reason = params.find("reason");
  if (reason == params.end() || reason->second.size() < 2) {
    return Error(Errc::kInvalidArgument, "say why you read these persons' and vehicles' details", "reason");
  }
  if (!AccessPolicy::may_read_involved(p)) {
    return Error(Errc::kPermissionDenied, "a " + std::string(to_string(p.role)) + " may not read persons' details");
  }
  return reason->second;
}

Result<std::uint64_t> record_sensitive_read(ApiServices& api, const Principal& p, IncidentId incident,
                                            const std::string& reason, const std::string& what) {
  const std::string id = cad::to_string(incident);
  const store::Actor actor = p.actor();
  auto recorded = api.commands.record([&](const AccountBook&, UtcTime now) -> Result<std::vector<store::EventDraft>> {
    const nlohmann::json payload = {{"incident_id", id}, {"reason", reason}, {"what", what}};
    return std::vector<store::EventDraft>{{now, actor, "audit.sensitive_read", {id}, payload.dump()}};
  });
  if (!recorded) return recorded.error();
  api.audit.write({{"t", api.commands.clock().now().to_iso8601()},
                   {"event", "sensitive_read"},
                   {"user", p.username},
                   {"role", to_string(p.role)},
                   {"incident", id},
                   {"what", what},
                   {"reason", reason},
                   {"seq", recorded->last_seq}});
  return recorded->last_seq;
}

namespace {

void withhold_fields(nlohmann::json& involved) {
  for (auto& entry : involved) {
    if (!entry.contains("fields") || !entry["fields"].is_object()) continue;
    nlohmann::json names = nlohmann::json::array();
    for (const auto& item : entry["fields"].items()) names.push_back(item.key());
    entry.erase("fields");
    entry["field_names"] = std::move(names);
    entry["withheld"] = true;
  }
}

}  // namespace

nlohmann::json incident_view(const cad::Incident& incident, bool involved_details) {
  nlohmann::json out = cad::incident_json(incident);
  if (!involved_details) {
    withhold_fields(out["persons"]);
    withhold_fields(out["vehicles"]);
  }
  return out;
}

nlohmann::json call_view(const cad::Call& call) { return cad::call_json(call); }
nlohmann::json order_view(const cad::Order& order) { return cad::order_json(order); }

nlohmann::json unit_view(const cad::Unit& unit) {
  nlohmann::json out = cad::unit_json(unit);
  const auto eido = cad::eido_status(unit.status);
  out["eido_status"] = {{"primary", eido.primary}, {"secondary", eido.secondary}};
  return out;
}

nlohmann::json user_view(const User& u) {
  return {{"username", u.username},
          {"display_name", u.display_name},
          {"role", to_string(u.role)},
          {"scope", u.scope},
          {"unit", u.unit},
          {"disabled", u.disabled},
          {"created_at", u.created_at.to_iso8601()},
          {"password_set_at", u.password_set_at.to_iso8601()}};
}

}  // namespace shouwang::server::api
