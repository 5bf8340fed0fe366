#pragma once
// Location by value in EIDO is a PIDF-LO document (RFC 4119, geo shapes per RFC 5491, civic
// address per RFC 5139). We write one device with a point or a circle (WGS 84, radius in
// metres), an optional civic address holding our free text in LOC, the method and the time
// of the fix; we read those elements back from any PIDF-LO, ignoring the rest.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::exchange::eido {

struct PidfLocation {
  std::optional<LatLon> position;
  double radius_m = 0.0;  // 0: a point
  std::string text;       // civic LOC (free text); empty: no civic address
  std::string method;     // gp:method; empty: none
  std::optional<UtcTime> timestamp;
  friend bool operator==(const PidfLocation&, const PidfLocation&) = default;
};

// `entity` names the presentity ("pres:<incident id>"), `device` the device element;
// the time stamp is written with `offset_minutes`.
std::string write_pidf(const PidfLocation& location, std::string_view entity,
                       std::string_view device, std::int32_t offset_minutes);

// kInvalidArgument (message only; the caller names the field) when a shape's position or
// radius, or the time stamp, is not readable.
Result<PidfLocation> read_pidf(std::string_view xml);

}  // namespace shouwang::exchange::eido
