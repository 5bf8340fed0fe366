#pragma once
// References for what is reached within a time budget: an isochrone and a coverage are
// checked node by node against ReferenceDijkstra searches run to the end, without the
// budget, so the cut at the budget is worked out independently of the code under test.

#include <cstddef>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/routing/coverage.h>
#include <shouwang/routing/isochrone.h>
#include <shouwang/routing/road_graph.h>

#include "routing/reference_dijkstra.h"

namespace shouwang::routing::testing {

struct ReachCounts {
  std::size_t node_cases = 0;    // (node, budget) pairs compared
  std::size_t reached = 0;       // of which the node is within the budget
  std::size_t partial_arcs = 0;  // arcs reached part of the way
};

// An isochrone within `limit` against `reference`, which has run from the same entries:
// - every node of the graph is listed, once, exactly when its reference time is within the
//   limit, and with that time; the list is in order of time;
// - the partial arcs are exactly the arcs whose tail is reached with budget left (its time
//   below the limit) and whose head is not, each with fraction (limit - tail time) / arc time;
// - the outline is the convex hull of the reached nodes and the reached ends of the partial
//   arcs: closed, counter-clockwise and convex, every such point inside or on it, and every
//   corner one of them.
::testing::AssertionResult isochrone_matches(const RoadGraph& graph,
                                             const ReferenceDijkstra& reference, Weight limit,
                                             const Isochrone& isochrone, ReachCounts& counts);

// The coverage of `posts` within `limits[i]` is `coverages[i]`. One reference search per
// post (to the end) checks every node: its time is the best over the posts, kInfinity with
// post -1 when that is beyond the limit; the post named reaches it in that very time (of
// equally near posts either may be named); covered_within(limit) counts the covered nodes.
::testing::AssertionResult coverage_matches(const RoadGraph& graph,
                                            const std::vector<std::vector<GraphEntry>>& posts,
                                            std::span<const Weight> limits,
                                            std::span<const Coverage> coverages,
                                            ReachCounts& counts);

}  // namespace shouwang::routing::testing
