#pragma once
// The car profile applied to one way's tags: may a vehicle use it, in which directions,
// and at what speed. Pure functions of the tags, so every rule is unit-tested.

#include <optional>
#include <string>

#include <shouwang/osm/car_profile.h>

namespace shouwang::osm::import {

// Read-only view of a way's tags.
class TagLookup {
 public:
  virtual ~TagLookup() = default;
  // nullptr when absent.
  [[nodiscard]] virtual const char* get(const char* key) const = 0;
};

struct WayRule {
  bool forward = false;   // along the node order
  bool backward = false;  // against it
  double speed_kmh = 0.0;
};

// nullopt: not drivable under this profile.
std::optional<WayRule> apply_profile(const CarProfile& profile, const TagLookup& tags);

// "50", "50 km/h", "30 mph", "50;60" (first) -> km/h; nullopt when unreadable.
std::optional<double> parse_maxspeed(const std::string& text);

}  // namespace shouwang::osm::import
