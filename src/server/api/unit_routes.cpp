// Reading the roster: the units a caller may see, with their duty, status, open orders
// and emergency, filtered by status, station, duty and capability.

#include <nlohmann/json.hpp>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {

namespace {

using nlohmann::json;

struct UnitFilter {
  std::optional<cad::UnitStatus> status;
  std::string station;
  std::optional<bool> on_duty;
  std::string capability;
  bool include_retired = false;

  [[nodiscard]] bool accepts(const cad::Unit& unit) const {
    if (unit.retired && !include_retired) return false;
    if (status && unit.status != *status) return false;
    if (!station.empty() && unit.profile.station != station) return false;
    if (on_duty && cad::on_duty(unit.status) != *on_duty) return false;
    if (!capability.empty()) {
      const auto& has = unit.profile.capabilities;
      if (!std::binary_search(has.begin(), has.end(), capability)) return false;
    }
    return true;
  }
};

Result<bool> flag(const std::string& name, const std::string& value) {
  if (value == "true") return true;
  if (value == "false") return false;
  return Error(Errc::kInvalidArgument, name + " is true or false", name);
}

Result<UnitFilter> parse_filter(const HttpRequest& request) {
  UnitFilter filter;
  for (const auto& [name, value] : query_params(request.query)) {
    if (name == "status") {
      filter.status = cad::parse_unit_status(value);
      if (!filter.status) return Error(Errc::kInvalidArgument, "there is no unit status '" + value + "'", name);
    } else if (name == "station") {
      filter.station = value;
    } else if (name == "on_duty") {
      auto on = flag(name, value);
      if (!on) return on.error();
      filter.on_duty = *on;
    } else if (name == "capability") {
      filter.capability = value;
    } else if (name == "retired") {
      auto retired = flag(name, value);
      if (!retired) return retired.error();
      filter.include_retired = *retired;
    } else {
      return Error(Errc::kInvalidArgument, "units are filtered by status, station, on_duty, capability and retired",
                   name);
    }
  }
  return filter;
}

HttpResponse list_units(ApiServices& api, const HttpRequest& request, const Principal& p) {
  auto filter = parse_filter(request);
  if (!filter) return error_response(filter.error());
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    json items = json::array();
    for (const auto& [id, unit] : state.units) {
      if (filter->accepts(unit) && api.policy.may_see(p, unit)) items.push_back(unit_view(unit));
    }
    return json_response(200, {{"seq", seq}, {"items", std::move(items)}});
  });
}

HttpResponse get_unit(ApiServices& api, const HttpRequest& request, const Principal& p) {
  const std::string id = request.params.at("unit");
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    const cad::Unit* unit = state.find_unit(id);
    if (unit == nullptr) return error_response(Error(Errc::kNotFound, "there is no unit " + id, "unit"));
    if (!api.policy.may_see(p, *unit)) return error_response(outside_scope("unit " + id, p));
    return json_response(200, {{"seq", seq}, {"unit", unit_view(*unit)}});
  });
}

}  // namespace

void add_unit_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/units", bind(list_units));
  router.add("GET", "/api/v1/units/{unit}", bind(get_unit));
}

}  // namespace shouwang::server::api
