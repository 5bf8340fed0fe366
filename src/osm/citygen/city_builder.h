#pragma once
// Runs the layout stages in order and returns the finished city.

#include "osm/citygen/city_plan.h"
#include "osm/citygen/noder.h"

#include <shouwang/osm/city_generator.h>

namespace shouwang::osm::citygen {

struct BuiltCity {
  CityPlan plan;
  RoadNetwork network;
  std::size_t addresses = 0;
  std::size_t pois = 0;
  std::size_t districts = 0;
  std::size_t stations = 0;
};

BuiltCity build_city(const CityOptions& options);

}  // namespace shouwang::osm::citygen
