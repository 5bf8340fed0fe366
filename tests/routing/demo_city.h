#pragma once
// Generated demo cities for the routing tests: written as OSM, imported with the Chinese
// urban profile and contracted, once per test process for each (seed, size).

#include <cstdint>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::testing {

struct DemoCity {
  RoadGraph graph;
  ContractionHierarchy ch;
};

// The city for `seed` and `size_km`; a failure to generate or import fails the test.
const DemoCity& demo_city(std::uint64_t seed, double size_km);

}  // namespace shouwang::routing::testing
