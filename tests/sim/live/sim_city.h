#pragma once
// The simulator tests' city: a generated demo city imported with the urban profile and
// contracted, its station areas and the shipped taxonomy, built once per test process.

#include <memory>

#include <shouwang/cad/taxonomy.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/sim/patrol_areas.h>
#include <shouwang/sim/road_network.h>

namespace shouwang::sim::testing {

struct SimCity {
  std::unique_ptr<RoadNetwork> network;
  osm::Jurisdictions org;
  PatrolAreas areas;
  cad::Taxonomy taxonomy;
};

// A failure to generate, import or load fails the calling test (and leaves fields empty).
const SimCity& sim_city();

}  // namespace shouwang::sim::testing
