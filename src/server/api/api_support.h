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

// Records as the caller may see them. Persons' and vehicles' field values are replaced by
// their names unless `involved_details` (a sensitive read with a reason, logged).
nlohmann::json incident_view(const cad::Incident& incident, bool involved_details);
nlohmann::json call_view(const cad::Call& call);
nlohmann::json order_view(const cad::Order& order);
// An account as the API shows it (never its hash).
nlohmann::json user_view(const User& user);

}  // namespace shouwang::server::api
