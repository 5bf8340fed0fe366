// Live positions over HTTP: a terminal's report when it cannot reach the MQTT broker, the
// live positions a console may see (for its map when it opens, before the stream's
// "positions" messages), and a unit's stored track for replay.

#include <shouwang/server/unit_telemetry.h>

#include "server/api/api_support.h"
#include "server/api/record_routes.h"
#include "server/units/position_batch.h"

namespace shouwang::server::api {

namespace {

using nlohmann::json;
using telemetry::Verdict;

Error no_telemetry() { return Error(Errc::kUnavailable, "this server takes no unit positions"); }

// Answers for reports the filter did not take as the live position. A resend, a fix older
// than the last one and a late one are normal on a mobile link: 200, not taken. Fixes that
// cannot be true are the terminal's error: 400 naming the field.
HttpResponse verdict_response(Verdict verdict, const std::string& unit, const Error& parse_error) {
  const std::string name(telemetry::verdict_name(verdict));
  switch (verdict) {
    case Verdict::kAccepted:
    case Verdict::kReanchored:
    case Verdict::kDuplicate:
    case Verdict::kOutOfOrder:
    case Verdict::kLate:
      return json_response(200, {{"unit", unit}, {"verdict", name}, {"accepted", telemetry::is_accepted(verdict)}});
    case Verdict::kMalformed: return error_response(parse_error);
    case Verdict::kFuture:
      return error_response(Error(Errc::kOutOfRange, "the fix's time is ahead of the server's clock by more than "
                                                     "the allowed skew: check the terminal's clock", "t"));
    case Verdict::kTooFast:
      return error_response(Error(Errc::kOutOfRange, "the fix is further from the unit's last position than any "
                                                     "vehicle could travel in the time between them", "lat"));
    case Verdict::kOffMap:
      return error_response(Error(Errc::kOutOfRange, "the fix lies outside the city's map", "lat"));
    case Verdict::kUnknownUnit:
      return error_response(Error(Errc::kNotFound, "there is no unit " + unit + " on the roster", "unit"));
  }
  return error_response(Error(Errc::kInternal, "unexpected verdict " + name));
}

HttpResponse report_position(ApiServices& api, const HttpRequest& request, const Principal& p) {
  const std::string unit = request.params.at("unit");
  if (p.role != Role::kUnitTerminal || p.unit != unit) {
    return error_response(Error(Errc::kPermissionDenied, "only unit " + unit + "'s own terminal reports its position"));
  }
  if (api.telemetry == nullptr) return error_response(no_telemetry());
  Error why;
  const Verdict verdict = api.telemetry->accept(unit, request.body, &why);
  return verdict_response(verdict, unit, why);
}

HttpResponse list_positions(ApiServices& api, const HttpRequest&, const Principal& p) {
  if (api.telemetry == nullptr) return error_response(no_telemetry());
  const auto fixes = api.telemetry->live();
  return api.commands.read([&](const cad::State& state, std::uint64_t seq) {
    std::string items = "[";
    for (const auto& fix : fixes) {
      const cad::Unit* unit = state.find_unit(fix.unit);
      if (unit == nullptr || !api.policy.may_see(p, *unit)) continue;
      if (items.size() > 1) items += ',';
      items += detail::position_json(fix);
    }
    items += ']';
    HttpResponse response = HttpResponse::json(200, "{\"seq\":" + std::to_string(seq) + ",\"items\":" + items + "}");
    return response;
  });
}

Result<UtcTime> time_param(const std::map<std::string, std::string>& params, const std::string& name,
                           UtcTime fallback) {
  const auto it = params.find(name);
  if (it == params.end()) return fallback;
  auto t = UtcTime::parse_iso8601(it->second);
  if (!t) return Error(Errc::kInvalidArgument, name + " is an ISO 8601 time such as 2026-11-22T08:30:00Z", name);
  return *t;
}

HttpResponse get_track(ApiServices& api, const HttpRequest& request, const Principal& p) {
  const std::string id = request.params.at("unit");
  if (api.telemetry == nullptr) return error_response(no_telemetry());
  const Status visible = api.commands.read([&](const cad::State& state, std::uint64_t) -> Status {
    const cad::Unit* unit = state.find_unit(id);
    if (unit == nullptr) return Error(Errc::kNotFound, "there is no unit " + id, "unit");
    if (!api.policy.may_see(p, *unit)) return outside_scope("unit " + id, p);
    return {};
  });
  if (!visible) return error_response(visible.error());
  const auto params = query_params(request.query);
  const UtcTime now = SystemClock::instance().now();
  auto to = time_param(params, "to", now);
  if (!to) return error_response(to.error());
  auto from = time_param(params, "from", to->plus_micros(-3600LL * 1'000'000));
  if (!from) return error_response(from.error());
  if (*to < *from) return error_response(Error(Errc::kInvalidArgument, "from must not be after to", "from"));
  auto points = api.telemetry->track(id, *from, *to);
  if (!points) return error_response(points.error());
  json items = json::array();
  for (const auto& point : *points) {
    json item = {{"t", point.t.to_iso8601()}, {"lat", point.position.lat}, {"lon", point.position.lon}};
    if (point.speed_mps) item["speed"] = *point.speed_mps;
    if (point.heading_deg) item["heading"] = *point.heading_deg;
    if (point.accuracy_m) item["accuracy"] = *point.accuracy_m;
    items.push_back(std::move(item));
  }
  return json_response(200, {{"unit", id}, {"from", from->to_iso8601()}, {"to", to->to_iso8601()},
                             {"items", std::move(items)}});
}

}  // namespace

void add_position_routes(Router& router, ApiServices& api) {
  const auto bind = [&api](HttpResponse (*fn)(ApiServices&, const HttpRequest&, const Principal&)) {
    return authed(api, [&api, fn](const HttpRequest& r, const Principal& p) { return fn(api, r, p); });
  };
  router.add("POST", "/api/v1/units/{unit}/position", bind(report_position));
  router.add("GET", "/api/v1/positions", bind(list_positions));
  router.add("GET", "/api/v1/units/{unit}/track", bind(get_track));
}

}  // namespace shouwang::server::api
