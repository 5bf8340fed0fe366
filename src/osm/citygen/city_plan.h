#pragma once
// The demo city as plain geometry in a local metric frame (x east, y north, metres from the
// centre), before it becomes OSM objects. Produced by the layout stages, consumed by the
// noder and the PBF writer.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <shouwang/base/geo.h>

#include "osm/citygen/street_names.h"

namespace shouwang::osm::citygen {

using Tag = std::pair<std::string, std::string>;
using Polyline = std::vector<Xy>;

enum class RoadClass : std::uint8_t {
  kMotorway,
  kMotorwayLink,
  kTrunk,
  kPrimary,
  kSecondary,
  kTertiary,
  kResidential,
  kUnclassified,
  kService,
};

const char* highway_value(RoadClass cls);

// Ways only intersect (share a node where they cross) with ways of the same level; the
// elevated ring and its ramps pass over ground streets without meeting them.
enum class Level : std::uint8_t { kGround, kElevated };

struct Road {
  Polyline points;
  RoadClass cls = RoadClass::kResidential;
  BilingualName name;
  bool oneway = false;
  int maxspeed_kmh = 0;          // 0: no maxspeed tag
  Level level = Level::kGround;
  bool crosses_river = false;    // keeps its river crossing as a bridge instead of being cut
  const char* bridge = nullptr;  // "yes" / "viaduct" once the road is (or is on) a bridge
  int layer = 0;
  const char* service = nullptr; // service=* value for service roads
  std::vector<Tag> extra;
};

struct PointFeature {
  Xy pos;
  std::vector<Tag> tags;
};

struct AreaFeature {
  Polyline ring;  // open ring: the writer closes it
  std::vector<Tag> tags;
  bool relation = false;  // written as a multipolygon / boundary relation around the way
};

struct CityPlan {
  LatLon origin;
  double size_m = 0.0;
  BilingualName city;
  std::string city_ref;  // administrative-division style code of the city (6 digits)
  std::vector<Road> roads;
  std::vector<PointFeature> points;  // POIs and address points
  std::vector<AreaFeature> areas;
  std::vector<Polyline> waterways;   // river centrelines
};

}  // namespace shouwang::osm::citygen
