#include "osm/import/way_rules.h"

#include <cstdlib>
#include <cstring>

namespace shouwang::osm::import {
namespace {

bool is_one_of(const char* v, std::initializer_list<const char*> values) {
  if (v == nullptr) return false;
  for (const char* candidate : values) {
    if (std::strcmp(v, candidate) == 0) return true;
  }
  return false;
}

// Access for motor cars: the most specific key present decides.
const char* car_access(const TagLookup& tags) {
  for (const char* key : {"motorcar", "motor_vehicle", "vehicle", "access"}) {
    if (const char* v = tags.get(key)) return v;
  }
  return nullptr;
}

}  // namespace

std::optional<double> parse_maxspeed(const std::string& text) {
  std::string first = text.substr(0, text.find(';'));
  char* end = nullptr;
  const double value = std::strtod(first.c_str(), &end);
  if (end == first.c_str() || value <= 0) return std::nullopt;
  std::string unit(end);
  const auto b = unit.find_first_not_of(' ');
  unit = b == std::string::npos ? "" : unit.substr(b);
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") return value;
  if (unit == "mph") return value * 1.609344;
  return std::nullopt;
}

std::optional<WayRule> apply_profile(const CarProfile& profile, const TagLookup& tags) {
  const char* highway = tags.get("highway");
  if (highway == nullptr) return std::nullopt;
  const auto speed = profile.speed_kmh.find(highway);
  if (speed == profile.speed_kmh.end()) return std::nullopt;
  if (is_one_of(tags.get("area"), {"yes"})) return std::nullopt;

  const char* access = car_access(tags);
  const bool bus_only = std::strcmp(highway, "busway") == 0 ||
                        (is_one_of(access, {"no"}) && (is_one_of(tags.get("bus"), {"yes", "designated"}) ||
                                                       is_one_of(tags.get("psv"), {"yes", "designated"})));
  if (bus_only) {
    if (!profile.emergency) return std::nullopt;
  } else if (is_one_of(access, {"private", "destination", "customers", "delivery"})) {
    if (!profile.emergency) return std::nullopt;
  } else if (is_one_of(access, {"no", "agricultural", "forestry", "permit"})) {
    return std::nullopt;
  }

  WayRule rule;
  rule.speed_kmh = speed->second;
  if (const char* maxspeed = tags.get("maxspeed")) {
    if (const auto limit = parse_maxspeed(maxspeed)) {
      rule.speed_kmh = std::min(rule.speed_kmh, *limit * profile.maxspeed_factor);
    }
  }
  const char* oneway = tags.get("oneway");
  const bool implied = std::strcmp(highway, "motorway") == 0 ||
                       is_one_of(tags.get("junction"), {"roundabout", "circular"});
  if (is_one_of(oneway, {"yes", "1", "true"}) || (oneway == nullptr && implied)) {
    rule.forward = true;
  } else if (is_one_of(oneway, {"-1", "reverse"})) {
    rule.backward = true;
  } else if (is_one_of(oneway, {"reversible", "alternating"})) {
    return std::nullopt;  // direction changes by time of day: not routable as a fixed graph
  } else {
    rule.forward = rule.backward = true;
  }
  return rule;
}

}  // namespace shouwang::osm::import
