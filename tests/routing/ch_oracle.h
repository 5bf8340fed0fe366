#pragma once
// Checks a contraction hierarchy against plain Dijkstra (the oracle) on seeded random
// queries, for the routing tests.

#include <cstddef>
#include <cstdint>

#include <shouwang/base/random.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::testing {

struct OracleCounts {
  std::size_t pairs = 0;        // (source, target) pairs compared
  std::size_t unreachable = 0;  // of which the target could not be reached
  std::size_t long_paths = 0;   // of which the path had more than 10 nodes
};

// For `sources` random sources, runs Dijkstra to every node and compares `targets` random
// targets with ChQuery: equal distances, and a path from source to target that exists in
// `graph` and takes exactly that time. Reports mismatches as gtest failures.
void expect_matches_dijkstra(const RoadGraph& graph, const ContractionHierarchy& hierarchy,
                             Rng& rng, int sources, int targets, OracleCounts& counts);

// The same for queries with 1–4 sources and 1–4 targets with random start offsets,
// against Dijkstra from a super-source joined to the sources by the offsets.
void expect_multi_matches_dijkstra(const RoadGraph& graph, const ContractionHierarchy& hierarchy,
                                   Rng& rng, int queries, OracleCounts& counts);

}  // namespace shouwang::routing::testing
