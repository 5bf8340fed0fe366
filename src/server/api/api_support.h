#pragma once
// What the API's route files share: authentication around a handler, JSON bodies, query
// parameters, errors, and records rendered for a caller (with persons' and vehicles'
// details withheld unless asked for with a reason).

#include <functional>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/cad/state.h>
#include <shouwang/server/api.h>

namespace shouwang::server::api {

using AuthedHandler = std::function<HttpResponse(const HttpRequest&, const Principal&)>;

// Authenticates, then runs `handler`; 401 / 403 as JSON errors otherwise.
Handler authed(ApiServices& api, AuthedHandler handler);

HttpResponse error_response(const Error& error);
HttpResponse json_response(int status, const nlohmann::json& body);

// The request body as a JSON object: an empty body is {}; anything else that is not an
// object is kInvalidArgument.
Result<nlohmann::json> json_body(const HttpRequest& request);

// Query string parameters, percent-decoded ('+' is a space). A repeated name keeps its
// last value.
std::map<std::string, std::string> query_params(const std::string& query);
std::string percent_decode(const std::string& text);

Error outside_scope(const std::string& what, const Principal& p);
// kNotFound when there is no such incident, kPermissionDenied when it is outside p's scope.
Status incident_visible(ApiServices& api, const Principal& p, IncidentId incident);

// The id in the path parameter `name`, parsed by `parse`; kInvalidArgument naming it.
template <typename Id, typename Parse>
Result<Id> path_id(const HttpRequest& request, const std::string& name, Parse parse) {
  auto id = parse(request.params.at(name), name);
  if (!id) return Error(Errc::kInvalidArgument, id.error().message, name);
  return *id;
}

// Sensitive reads (persons' and vehicles' details): the `reason` query parameter, which
// must be given, by a role that may read them.
Result<std::string> sensitive_read_reason(const HttpRequest& request, const Principal& p);
// Records the read (an audit.sensitive_read event, then the audit file) before anything is
// shown; returns the event's sequence number. `what` names the details read.
Result<std::uint64_t> record_sensitive_read(ApiServices& api, const Principal& p, IncidentId incident,
                                            const std::string& reason, const std::string& what);

// Records as the caller may see them. Persons' and vehicles' field values are replaced by
// their names unless `involved_details` (a sensitive read with a reason, logged).
nlohmann::json incident_view(const cad::Incident& incident, bool involved_details);
nlohmann::json call_view(const cad::Call& call);
nlohmann::json order_view(const cad::Order& order);
// The unit's record with its EIDO status {primary, secondary}.
nlohmann::json unit_view(const cad::Unit& unit);
// An account as the API shows it (never its hash).
nlohmann::json user_view(const User& user);

}  // namespace shouwang::server::api
