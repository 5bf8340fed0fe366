#pragma once
// How a car (or an emergency vehicle) uses OSM roads: which ways it may drive, in which
// direction, and how fast it typically moves on them.

#include <map>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang::osm {

struct CarProfile {
  // Typical travel speed per highway class in km/h (not the limit: urban traffic is
  // slower). A class missing here is not drivable.
  std::map<std::string, double> speed_kmh;
  // Emergency vehicles may use roads marked access=private / destination and bus-only
  // roads (busway, access=no with bus/psv=yes).
  bool emergency = false;
  // A posted maxspeed lowers the class speed to maxspeed x this factor when smaller.
  double maxspeed_factor = 0.8;

  // Defaults for Chinese cities (see docs/formats/car-profile.md for the sources).
  static CarProfile chinese_urban();
  static CarProfile emergency_vehicle();

  // Reads "key = value" lines over the defaults: `highway.primary = 40`,
  // `emergency = true`, `maxspeed_factor = 0.8`; '#' starts a comment. Errors name the
  // file, line and key.
  static Result<CarProfile> load(const std::string& path);
};

}  // namespace shouwang::osm
