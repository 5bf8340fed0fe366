// Early-warning directives (cad/warning.h): the list a station works through and one
// warning with its evidence. Acknowledging is a command (command_table.cpp); raising is
// the server's own warning watch.

#include <algorithm>

#include <nlohmann/json.hpp>

#include <shouwang/cad/record_id.h>
#include <shouwang/cad/record_json.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {

using cad::to_string;

namespace {

using nlohmann::json;

// The caller's warnings, newest first: `status` open (default: not yet acknowledged),
// acknowledged or all; `day` (YYYY-MM-DD) the day counted; `limit` 1..1000 (default 200).
HttpResponse list_warnings(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (p.role == Role::kUnitTerminal)
    return error_response(Error(Errc::kPermissionDenied,
                                "warnings are for stations and the centre, not unit terminals"));
  std::string status = "open";
  std::string day;
  std::size_t limit = 200;
  for (const auto& [name, value] : query_params(request.query)) {
    if (name == "status") {
      if (value != "open" && value != "acknowledged" && value != "all")
        return error_response(
            Error(Errc::kInvalidArgument, "status is open, acknowledged or all", name));
      status = value;
    } else if (name == "day") {
      day = value;
    } else if (name == "limit") {
      char* end = nullptr;
      const long n = std::strtol(value.c_str(), &end, 10);
      if (end == value.c_str() || *end != '\0' || n < 1 || n > 1000)
        return error_response(
            Error(Errc::kInvalidArgument, "limit is a whole number from 1 to 1000", name));
      limit = static_cast<std::size_t>(n);
    } else {
      return error_response(
          Error(Errc::kInvalidArgument, "warnings are filtered by status, day and limit", name));
    }
  }
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    json items = json::array();
    std::size_t total = 0;
    for (auto it = state.warnings.rbegin(); it != state.warnings.rend(); ++it) {
      const cad::Warning& w = it->second;
      if (!api.policy.may_see(p, w))
        continue;
      if (status != "all" && cad::is_acknowledged(w) != (status == "acknowledged"))
        continue;
      if (!day.empty() && w.subject.day != day)
        continue;
      ++total;
      if (items.size() < limit)
        items.push_back(cad::warning_json(w));
    }
    return json_response(200, {{"seq", seq}, {"total", total}, {"warnings", std::move(items)}});
  });
}

HttpResponse get_warning(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto id = path_id<WarningId>(request, "warning", cad::parse_warning_id);
  if (!id)
    return error_response(id.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Warning* w = state.find(*id);
    if (w == nullptr)
      return error_response(
          Error(Errc::kNotFound, "there is no warning " + to_string(*id), "warning"));
    if (!api.policy.may_see(p, *w))
      return error_response(outside_scope("warning " + to_string(*id), p));
    return json_response(200, {{"seq", seq}, {"warning", cad::warning_json(*w)}});
  });
}

}  // namespace

void add_warning_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api,
                  [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/warnings", bind(list_warnings));
  router.add("GET", "/api/v1/warnings/{warning}", bind(get_warning));
}

}  // namespace shouwang::server::api
