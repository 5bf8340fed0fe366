#pragma once
// One GPS fix of a patrol unit's terminal and the parser of its JSON payload, the same
// payload over MQTT (topic shouwang/units/{unit}/position) and over the HTTP fallback:
//
//   {"lat": 31.2304, "lon": 121.4737, "t": "2026-11-22T08:30:00Z",
//    "speed": 8.3, "heading": 92.5, "accuracy": 6.0}
//
// - lat, lon: required numbers, -90..90 and -180..180.
// - t: when the fix was taken, required; an ISO 8601 string ("...Z" or "...+08:00"), or a
//   number of seconds since the Unix epoch (fractions allowed). A number above 1e11 is read
//   as milliseconds since the epoch instead (1e11 s is the year 5138, while milliseconds of
//   any date after 1973 exceed 1e11), so terminals may send either. Numbers must lie in
//   0..1e14 (milliseconds up to the year 5138).
// - speed (m/s, >= 0), heading (degrees clockwise from north, 0..360), accuracy (metres,
//   >= 0, the receiver's horizontal error estimate): optional numbers; null means absent.
// - Other members are ignored, so terminals may send more.
//
// The payload must be valid UTF-8, at most kMaxPayloadBytes, and one JSON object.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::server::telemetry {

inline constexpr std::size_t kMaxPayloadBytes = 4096;

struct PositionFix {
  std::string unit;  // the unit's code (unit_code.h)
  LatLon position;
  UtcTime t;  // when the terminal took the fix (its clock)
  std::optional<double> speed_mps;
  std::optional<double> heading_deg;
  std::optional<double> accuracy_m;
  UtcTime received_at;  // when the server received it (the server's clock)
};

// The fix in `payload` for `unit`, received at `received_at`. Errors are kInvalidArgument
// naming the field ("lat", "lon", "t", "speed", "heading", "accuracy", or "payload" for a
// payload that is too large, not UTF-8, not JSON or not an object). `unit` is copied as is;
// callers check it (is_valid_unit_code).
Result<PositionFix> parse_position_fix(std::string_view unit, std::string_view payload,
                                       UtcTime received_at);

// The JSON payload of `fix` (t as ISO 8601; absent options left out): what a terminal
// sends. For tests, simulators and the replay API.
std::string to_payload(const PositionFix& fix);

}  // namespace shouwang::server::telemetry
