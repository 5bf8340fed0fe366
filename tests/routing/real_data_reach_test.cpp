// Isochrones and coverage against a reference Dijkstra on every node of the real OSM
// extracts of ../shared/data/osm, when they are present (they are never in the repository;
// without them these tests skip and say why). Fewer cases than on the demo city, each over
// the whole extract.

#include <cstdio>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/isochrone.h>
#include <shouwang/routing/snap_index.h>

#include "routing/reach_oracles.h"
#include "routing/real_extracts.h"
#include "routing/reference_dijkstra.h"

namespace shouwang::routing {
namespace {

class RealCityReach : public testing::RealExtractTest {};

// A snapped position near a random node.
Snap random_snap(Rng& rng, const SnapIndex& index) {
  const RoadGraph& g = index.graph();
  const LatLon at = g.coordinate(NodeId(static_cast<std::uint32_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))));
  return index.snap({at.lat + rng.uniform(-3e-4, 3e-4), at.lon + rng.uniform(-3e-4, 3e-4)}).value();
}

TEST_P(RealCityReach, IsochronesMatchAReferenceDijkstraOnEveryNode) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  DijkstraQuery query(g);
  testing::ReferenceDijkstra reference(g);
  testing::ReachCounts counts;
  Rng rng(404);
  int isochrones = 0;
  for (int round = 0; round < 10; ++round) {
    for (const Weight limit : {60'000u, 180'000u, 300'000u}) {
      const auto sources = random_snap(rng, index).as_source(g);
      const Isochrone iso = isochrone(g, query, sources, limit);
      reference.run(sources);
      ASSERT_TRUE(testing::isochrone_matches(g, reference, limit, iso, counts))
          << "isochrone " << isochrones;
      ++isochrones;
    }
  }
  EXPECT_EQ(counts.node_cases, 30 * g.node_count());
  EXPECT_GT(counts.reached, 0u);
  EXPECT_LT(counts.reached, counts.node_cases);
  EXPECT_GT(counts.partial_arcs, 0u);
  std::printf("%d isochrones: %zu node cases, %zu reached, %zu partial arcs\n", isochrones,
              counts.node_cases, counts.reached, counts.partial_arcs);
}

// Both coverage computations: the multi-source Dijkstra and PHAST on the hierarchy.
TEST_P(RealCityReach, CoverageMatchesAReferenceDijkstraOnEveryNode) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  DijkstraQuery query(g);
  CoverageQuery phast(extract().hierarchy());
  testing::ReachCounts counts;
  Rng rng(505);
  const Weight budgets[] = {60'000, 180'000, 300'000};
  for (const std::size_t post_count : {1u, 10u, 100u}) {
    std::vector<std::vector<testing::GraphEntry>> posts;
    for (std::size_t p = 0; p < post_count; ++p) {
      posts.push_back(random_snap(rng, index).as_source(g));
    }
    std::vector<Weight> limits;
    std::vector<Coverage> coverages;
    for (const Weight limit : budgets) {
      limits.push_back(limit);
      coverages.push_back(coverage(g, query, posts, limit));
      limits.push_back(limit);
      coverages.push_back(phast.run(posts, limit));
    }
    ASSERT_TRUE(testing::coverage_matches(g, posts, limits, coverages, counts))
        << post_count << " posts";
  }
  EXPECT_EQ(counts.node_cases, 3 * 6 * g.node_count());
  EXPECT_GT(counts.reached, 0u);
  EXPECT_LT(counts.reached, counts.node_cases);
  std::printf("%zu node cases, %zu covered\n", counts.node_cases, counts.reached);
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealCityReach, ::testing::ValuesIn(testing::kRealExtracts),
                         testing::extract_test_name);

}  // namespace
}  // namespace shouwang::routing
