#pragma once
// The JSON payload of one position fix as a terminal publishes it on
// shouwang/units/{unit}/position (the server's parser is server/telemetry/position_fix.h):
//
//   {"lat":31.2304123,"lon":121.4737456,"t":1795392000.250,"speed":8.3,"heading":92.5,
//    "accuracy":3.8}
//
// `t` is seconds since the Unix epoch with milliseconds, which the parser accepts beside
// ISO 8601. Written into the caller's buffer without allocating: 2,000 units publish one
// fix per second each.

#include <cstddef>
#include <span>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>

namespace shouwang::sim {

// Large enough for any payload format_fix_payload writes.
inline constexpr std::size_t kFixPayloadCapacity = 192;

struct FixValues {
  LatLon position;
  UtcTime t;
  double speed_mps = 0.0;    // >= 0
  double heading_deg = 0.0;  // [0, 360)
  double accuracy_m = 0.0;   // >= 0
};

// Writes the payload into `buffer` and returns a view of it. Precondition: the buffer holds
// at least kFixPayloadCapacity bytes. Out-of-range speed and heading are brought into range.
std::string_view format_fix_payload(std::span<char> buffer, const FixValues& fix);

}  // namespace shouwang::sim
