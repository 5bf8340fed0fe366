#include <shouwang/server/telemetry/position_fix.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

#include <shouwang/exchange/csv_reader.h>

namespace shouwang::server::telemetry {
namespace {

using nlohmann::json;

constexpr double kMillisecondsAbove = 1e11;  // larger epoch numbers are milliseconds
constexpr double kLargestEpochNumber = 1e14;

Error invalid(const std::string& field, const std::string& message) {
  return Error(Errc::kInvalidArgument, message, field);
}

std::string text_of(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

// The member `name` as a finite number, nullopt when absent or null.
Result<std::optional<double>> optional_number(const json& object, const std::string& name) {
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::optional<double>();
  if (!it->is_number()) return invalid(name, name + " must be a number");
  const double value = it->get<double>();
  if (!std::isfinite(value)) return invalid(name, name + " must be a finite number");
  return std::optional<double>(value);
}

Result<double> number_in(const json& object, const std::string& name, double low, double high) {
  auto value = optional_number(object, name);
  if (!value) return value.error();
  if (!value->has_value()) return invalid(name, name + " is required");
  if (**value < low || **value > high) {
    return invalid(name, name + " must lie from " + text_of(low) + " to " + text_of(high) + ", got " +
                             text_of(**value));
  }
  return **value;
}

Result<UtcTime> fix_time(const json& object) {
  const auto it = object.find("t");
  if (it == object.end() || it->is_null()) return invalid("t", "t is required");
  if (it->is_string()) {
    auto parsed = UtcTime::parse_iso8601(it->get<std::string>());
    if (!parsed) return invalid("t", "t: " + parsed.error().message);
    return parsed;
  }
  if (!it->is_number()) return invalid("t", "t must be an ISO 8601 string or seconds since the epoch");
  const double number = it->get<double>();
  if (!std::isfinite(number) || number < 0 || number > kLargestEpochNumber) {
    return invalid("t", "t must be seconds (or milliseconds) since the epoch, from 0 to 1e14");
  }
  const double micros = number > kMillisecondsAbove ? number * 1e3 : number * 1e6;
  return UtcTime::from_micros(std::llround(micros));
}

Status check_optional(const std::optional<double>& value, const std::string& name, double low,
                      double high, const std::string& rule) {
  if (value && (*value < low || *value > high)) {
    return invalid(name, name + " must be " + rule + ", got " + text_of(*value));
  }
  return {};
}

}  // namespace

Result<PositionFix> parse_position_fix(std::string_view unit, std::string_view payload,
                                       UtcTime received_at) {
  if (payload.size() > kMaxPayloadBytes) {
    return invalid("payload", "the payload has " + std::to_string(payload.size()) +
                                  " bytes; at most " + std::to_string(kMaxPayloadBytes) + " are allowed");
  }
  if (!exchange::is_valid_utf8(payload)) return invalid("payload", "the payload is not UTF-8");
  const json object = json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return invalid("payload", "the payload is not JSON");
  if (!object.is_object()) return invalid("payload", "the payload must be a JSON object");

  PositionFix fix;
  fix.unit = std::string(unit);
  fix.received_at = received_at;
  auto lat = number_in(object, "lat", -90, 90);
  if (!lat) return lat.error();
  auto lon = number_in(object, "lon", -180, 180);
  if (!lon) return lon.error();
  fix.position = LatLon{*lat, *lon};
  auto t = fix_time(object);
  if (!t) return t.error();
  fix.t = *t;

  auto speed = optional_number(object, "speed");
  if (!speed) return speed.error();
  auto heading = optional_number(object, "heading");
  if (!heading) return heading.error();
  auto accuracy = optional_number(object, "accuracy");
  if (!accuracy) return accuracy.error();
  constexpr double kNoLimit = 1e300;
  if (auto ok = check_optional(*speed, "speed", 0, kNoLimit, "at least 0 (m/s)"); !ok) return ok.error();
  if (auto ok = check_optional(*heading, "heading", 0, 360, "from 0 to 360 (degrees)"); !ok) {
    return ok.error();
  }
  if (auto ok = check_optional(*accuracy, "accuracy", 0, kNoLimit, "at least 0 (metres)"); !ok) {
    return ok.error();
  }
  fix.speed_mps = *speed;
  fix.heading_deg = *heading;
  fix.accuracy_m = *accuracy;
  return fix;
}

std::string to_payload(const PositionFix& fix) {
  json object = {{"lat", fix.position.lat}, {"lon", fix.position.lon}, {"t", fix.t.to_iso8601()}};
  if (fix.speed_mps) object["speed"] = *fix.speed_mps;
  if (fix.heading_deg) object["heading"] = *fix.heading_deg;
  if (fix.accuracy_m) object["accuracy"] = *fix.accuracy_m;
  return object.dump();
}

}  // namespace shouwang::server::telemetry
