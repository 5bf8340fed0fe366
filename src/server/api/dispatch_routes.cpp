// The dispatcher's one action (一键派警): the ranked units for an incident, and sending the
// first (or the chosen) one. Passing over better-ranked units needs a reason, recorded with
// the order. The road route of one unit to the incident, for the map.

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/cad/event_types.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/record_id.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"

namespace shouwang::server::api {

using cad::to_string;

namespace {

using nlohmann::json;

Status may_ask(const Principal& p) {
  switch (p.role) {
    case Role::kDispatcher:
    case Role::kCommander:
    case Role::kCallTaker:
    case Role::kStationOfficer:
      return {};
    default:
      return Error(Errc::kPermissionDenied, "a " + std::string(to_string(p.role)) + " does not dispatch units");
  }
}

struct RecommendationQuery {
  cad::RecommendOptions options;
  cad::RecommendationView view;
};

std::vector<std::string> comma_list(const std::string& value) {
  std::vector<std::string> list;
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto comma = value.find(',', start);
    const std::string item = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty()) list.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return list;
}

// ?capability=a,b&limit=N&include=off_duty
Result<RecommendationQuery> query_from(const std::map<std::string, std::string>& params) {
  RecommendationQuery query;
  for (const auto& [name, value] : params) {
    if (name == "capability") {
      query.options.capabilities = comma_list(value);
    } else if (name == "limit") {
      std::size_t limit = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), limit);
      if (ec != std::errc() || end != value.data() + value.size() || limit == 0)
        return Error(Errc::kInvalidArgument, "limit must be a whole number of at least 1, not '" + value + "'", name);
      query.view.ranked_limit = limit;
    } else if (name == "include") {
      if (value != "off_duty")
        return Error(Errc::kInvalidArgument, "include takes only off_duty, not '" + value + "'", name);
      query.view.list_off_duty = true;
    } else {
      return Error(Errc::kInvalidArgument, "a recommendation takes only capability, limit and include", name);
    }
  }
  return query;
}

Result<cad::Recommendation> recommend_for(ApiServices& api, const Principal& p, IncidentId id,
                                          const cad::RecommendOptions& options) {
  if (api.units == nullptr)
    return Error(Errc::kUnavailable, "this centre has no road network loaded; recommendations need one");
  if (Status visible = incident_visible(api, p, id); !visible) return visible.error();
  return api.commands.read([&](const cad::State& state, std::uint64_t) -> Result<cad::Recommendation> {
    const cad::Incident* incident = state.find(id);
    if (incident == nullptr) return Error(Errc::kNotFound, "there is no incident " + to_string(id), "incident");
    return api.units->recommend(state, api.taxonomy, *incident, options, api.commands.clock().now());
  });
}

HttpResponse get_recommendation(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (Status allowed = may_ask(p); !allowed) return error_response(allowed.error());
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id) return error_response(id.error());
  auto query = query_from(query_params(request.query));
  if (!query) return error_response(query.error());
  query->options.ranked_limit = query->view.ranked_limit;  // only those shown are ranked in full
  auto recommendation = recommend_for(api, p, *id, query->options);
  if (!recommendation) return error_response(recommendation.error());
  const std::string text = cad::recommendation_text(*recommendation, query->view);
  return HttpResponse::json(200, "{\"recommendation\":" + text + "}");
}

// Degrees to 7 decimals (about a centimetre): shorter lines to draw, nothing lost.
double degrees(double value) {
  return std::round(value * 1e7) / 1e7;
}

json route_json(const UnitRoute& route, const std::string& unit, IncidentId incident) {
  json coordinates = json::array();
  for (const LatLon& p : route.geometry)
    coordinates.push_back({degrees(p.lon), degrees(p.lat)});
  return {{"unit", unit},
          {"incident", to_string(incident)},
          {"eta_s", std::llround(route.eta.value())},
          {"length_m", std::llround(route.length.value())},
          {"from",
           {{"lat", route.from.lat},
            {"lon", route.from.lon},
            {"source", route.origin == cad::OriginKind::kHomePost ? "home_post" : "live"}}},
          {"to", {{"lat", route.to.lat}, {"lon", route.to.lon}}},
          {"geometry", {{"type", "LineString"}, {"coordinates", std::move(coordinates)}}}};
}

// ?unit=CALLSIGN: the road route the recommendation times for that unit, to draw on the
// map. Readable by those who may ask for the recommendation.
HttpResponse get_route(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (Status allowed = may_ask(p); !allowed)
    return error_response(allowed.error());
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id)
    return error_response(id.error());
  const auto params = query_params(request.query);
  for (const auto& [name, value] : params) {
    if (name != "unit")
      return error_response(Error(Errc::kInvalidArgument, "a route takes only unit", name));
  }
  const auto unit = params.find("unit");
  if (unit == params.end() || unit->second.empty()) {
    return error_response(
        Error(Errc::kInvalidArgument, "name the unit with ?unit=CALLSIGN", "unit"));
  }
  if (api.units == nullptr) {
    return error_response(
        Error(Errc::kUnavailable, "this centre has no road network loaded; routes need one"));
  }
  if (Status visible = incident_visible(api, p, *id); !visible)
    return error_response(visible.error());
  const cad::RecommendOptions options;  // the recommendation's rule for a unit's origin
  auto route = api.commands.read([&](const cad::State& state, std::uint64_t) -> Result<UnitRoute> {
    const cad::Incident* incident = state.find(*id);
    if (incident == nullptr)
      return Error(Errc::kNotFound, "there is no incident " + to_string(*id), "incident");
    const cad::Unit* found = state.find_unit(unit->second);
    if (found == nullptr)
      return Error(Errc::kNotFound, "there is no unit " + unit->second, "unit");
    auto target = cad::incident_target(*incident);
    if (!target)
      return target.error();
    return api.units->route(*found, *target, options.max_fix_age, api.commands.clock().now());
  });
  if (!route)
    return error_response(route.error());
  return json_response(200, route_json(*route, unit->second, *id));
}

// {unit?, bypass_reason?, instructions?, capabilities?}: recommends afresh and sends the
// first ranked unit, or the chosen one if it is ranked; the units ranked above a chosen one
// are recorded as bypassed, with the reason.
HttpResponse dispatch(ApiServices& api, const HttpRequest& request, const Principal& p) {
  if (!role_may_issue(p.role, cad::IssueOrder::kName)) {
    return error_response(Error(Errc::kPermissionDenied, "a " + std::string(to_string(p.role)) + " may not issue_order"));
  }
  auto id = path_id<IncidentId>(request, "incident", cad::parse_incident_id);
  if (!id) return error_response(id.error());
  auto body = json_body(request);
  if (!body) return error_response(body.error());
  for (const auto& item : body->items()) {
    const std::string& key = item.key();
    if (key != "unit" && key != "bypass_reason" && key != "instructions" && key != "capabilities")
      return error_response(Error(Errc::kInvalidArgument, key + " is not a member of a dispatch", key));
    const bool text = key != "capabilities";
    if (text ? !item.value().is_string() : !item.value().is_array())
      return error_response(Error(Errc::kInvalidArgument, key + (text ? " must be text" : " must be a list"), key));
  }
  cad::RecommendOptions options;
  if (body->contains("capabilities")) {
    std::vector<std::string> list;
    for (const auto& c : (*body)["capabilities"]) {
      if (!c.is_string()) return error_response(Error(Errc::kInvalidArgument, "capabilities are names", "capabilities"));
      list.push_back(c.get<std::string>());
    }
    options.capabilities = std::move(list);
  }
  auto recommendation = recommend_for(api, p, *id, options);
  if (!recommendation) return error_response(recommendation.error());
  if (recommendation->ranked.empty())
    return error_response(Error(Errc::kConflict, "no unit is available for incident " + to_string(*id), "unit"));
  const std::string chosen = body->value("unit", recommendation->ranked.front().unit);
  const auto ranked = std::find_if(recommendation->ranked.begin(), recommendation->ranked.end(),
                                   [&](const cad::RankedUnit& r) { return r.unit == chosen; });
  if (ranked == recommendation->ranked.end()) {
    return error_response(Error(Errc::kConflict, "unit " + chosen + " is not among the units recommended now", "unit"));
  }
  cad::IssueOrder order;
  order.incident = *id;
  order.target = {cad::TargetKind::kUnit, chosen, ""};
  order.instructions = body->value("instructions", std::string());
  order.bypassed = cad::ranked_above(*recommendation, chosen);
  order.bypass_reason = body->value("bypass_reason", std::string());
  const cad::Command command = order;
  const auto guard = [&](const cad::State& state) { return api.policy.may_issue(p, command, state); };
  auto outcome = api.commands.execute(command, p.actor(), guard);
  if (!outcome) return error_response(outcome.error());
  json out = api.commands.read([&](const cad::State& state, std::uint64_t) {
    json answer;
    for (const auto& e : outcome->events) {
      if (e.body.type != cad::event_type::kOrderIssued) continue;
      if (const auto oid = cad::parse_order_id(e.body.entities.at(1)); oid.ok()) {
        if (const cad::Order* o = state.find(*oid)) answer["order"] = order_view(*o);
      }
    }
    if (const cad::Unit* unit = state.find_unit(chosen)) answer["unit"] = unit_view(*unit);
    return answer;
  });
  out["seq"] = outcome->last_seq;
  out["rank"] = ranked->rank;
  // Shown down to the chosen unit, so that every unit passed over is in the answer.
  cad::RecommendationView view;
  view.ranked_limit = std::max<std::size_t>(view.ranked_limit, static_cast<std::size_t>(ranked->rank));
  out["recommendation"] = cad::recommendation_json(*recommendation, view);
  return json_response(201, out);
}

}  // namespace

void add_dispatch_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("GET", "/api/v1/incidents/{incident}/recommendation", bind(get_recommendation));
  router.add("GET", "/api/v1/incidents/{incident}/route", bind(get_route));
  router.add("POST", "/api/v1/incidents/{incident}/dispatch", bind(dispatch));
}

}  // namespace shouwang::server::api
