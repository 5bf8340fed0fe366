#include <cassert>
#include <cmath>
#include <cstdio>

#include <shouwang/sim/fix_payload.h>

namespace shouwang::sim {

std::string_view format_fix_payload(std::span<char> buffer, const FixValues& fix) {
  assert(buffer.size() >= kFixPayloadCapacity);
  const std::int64_t ms = fix.t.micros() / 1000;
  double heading = std::fmod(fix.heading_deg, 360.0);
  if (heading < 0)
    heading += 360.0;
  if (heading >= 359.95)
    heading = 0.0;  // would print as 360.0
  const int n =
      std::snprintf(buffer.data(), buffer.size(),
                    "{\"lat\":%.7f,\"lon\":%.7f,\"t\":%lld.%03lld,\"speed\":%.1f,\"heading\":%.1f,"
                    "\"accuracy\":%.1f}",
                    fix.position.lat, fix.position.lon, static_cast<long long>(ms / 1000),
                    static_cast<long long>(ms % 1000), std::max(fix.speed_mps, 0.0), heading,
                    std::max(fix.accuracy_m, 0.0));
  assert(n > 0 && static_cast<std::size_t>(n) < buffer.size());
  return {buffer.data(), static_cast<std::size_t>(n)};
}

}  // namespace shouwang::sim
