#pragma once
// Turns independently drawn road polylines into a road network: wherever two ways of the
// same level cross, both get the same node; ends that overshoot a crossing are trimmed back
// to it; what is not connected to the main network is dropped.

#include <cstdint>
#include <vector>

#include "osm/citygen/city_plan.h"
#include "osm/citygen/node_table.h"

namespace shouwang::osm::citygen {

struct NodedWay {
  std::uint32_t road = 0;            // index into the input roads
  std::vector<std::uint32_t> nodes;  // into RoadNetwork::nodes
};

struct RoadNetwork {
  NodeTable nodes;
  std::vector<NodedWay> ways;
  std::size_t crossings = 0;         // junction nodes created by the noder
  std::size_t dropped_ways = 0;      // ways outside the largest connected part
};

RoadNetwork node_roads(const std::vector<Road>& roads);

}  // namespace shouwang::osm::citygen
