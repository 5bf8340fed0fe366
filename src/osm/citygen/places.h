#pragma once
// Addresses and points of interest, placed along the finished road network: house numbers
// on both sides of named streets (odd left, even right, rising along the street), and on
// some of those plots the police stations, schools, hospitals, markets, transport hubs and
// government offices a command centre cares about.

#include "osm/citygen/admin_areas.h"
#include "osm/citygen/city_plan.h"
#include "osm/citygen/layout_context.h"
#include "osm/citygen/noder.h"
#include "osm/citygen/river.h"

namespace shouwang::osm::citygen {

struct PlaceCounts {
  std::size_t addresses = 0;
  std::size_t pois = 0;
};

PlaceCounts add_places(LayoutContext& ctx, const River& river, const AdminAreas& admin,
                       const std::vector<Road>& roads, const RoadNetwork& network, CityPlan& plan);

}  // namespace shouwang::osm::citygen
