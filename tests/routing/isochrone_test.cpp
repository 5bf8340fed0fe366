#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/routing/isochrone.h>
#include <shouwang/routing/snap_index.h>

#include "routing/reach_oracles.h"
#include "routing/reference_dijkstra.h"

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

const RoadGraph& city() {
  static const RoadGraph graph = [] {
    const fs::path dir = fs::temp_directory_path() / ("shouwang-iso-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto pbf = (dir / "city.osm.pbf").string();
    EXPECT_TRUE(osm::write_demo_city({6, 8.0}, pbf).ok());
    auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    return std::move(imported).value().graph;
  }();
  return graph;
}

NodeId random_node(Rng& rng, const RoadGraph& g) {
  return NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
}

// A snapped position near a random node.
Snap random_snap(Rng& rng, const SnapIndex& index) {
  const LatLon at = index.graph().coordinate(random_node(rng, index.graph()));
  return index.snap({at.lat + rng.uniform(-3e-4, 3e-4), at.lon + rng.uniform(-3e-4, 3e-4)}).value();
}

// 120 isochrones from random positions with budgets of 1, 3 and 5 minutes, each compared on
// every node of the city, on its partial arcs and on its outline.
TEST(Isochrone, EveryNodeAndPartialArcMatchesAReferenceDijkstra) {
  const RoadGraph& g = city();
  const SnapIndex index(g);
  DijkstraQuery query(g);
  testing::ReferenceDijkstra reference(g);
  testing::ReachCounts counts;
  Rng rng(21);
  std::size_t isochrones = 0;
  for (int round = 0; round < 40; ++round) {
    for (const Weight limit : {60'000u, 180'000u, 300'000u}) {
      const auto sources = random_snap(rng, index).as_source(g);
      const Isochrone iso = isochrone(g, query, sources, limit);
      reference.run(sources);
      ASSERT_TRUE(testing::isochrone_matches(g, reference, limit, iso, counts))
          << "isochrone " << isochrones << ", limit " << limit << " ms";
      ++isochrones;
    }
  }
  EXPECT_GE(isochrones, 100u);
  EXPECT_GE(counts.node_cases, 10'000u);
  EXPECT_GT(counts.reached, 0u);
  EXPECT_LT(counts.reached, counts.node_cases);
  EXPECT_GT(counts.partial_arcs, 0u);
  std::printf("%zu isochrones: %zu node cases, %zu reached, %zu partial arcs\n", isochrones,
              counts.node_cases, counts.reached, counts.partial_arcs);
}

// 1, 6, 50 and 1000 posts with budgets of 1, 3 and 5 minutes, compared on every node.
TEST(Coverage, EveryNodeGetsTheTimeOfItsNearestPost) {
  const RoadGraph& g = city();
  const SnapIndex index(g);
  DijkstraQuery query(g);
  testing::ReachCounts counts;
  Rng rng(5);
  const std::vector<Weight> limits{60'000, 180'000, 300'000};
  for (const std::size_t post_count : {1u, 6u, 50u, 1000u}) {
    std::vector<std::vector<Entry>> posts;
    for (std::size_t p = 0; p < post_count; ++p) {
      posts.push_back(random_snap(rng, index).as_source(g));
    }
    std::vector<Coverage> coverages;
    for (const Weight limit : limits) coverages.push_back(coverage(g, query, posts, limit));
    ASSERT_TRUE(testing::coverage_matches(g, posts, limits, coverages, counts))
        << post_count << " posts";
    // Counted within a shorter time than its budget, a coverage is that of the shorter budget.
    EXPECT_EQ(coverages[2].covered_within(60'000), coverages[0].covered_within(60'000));
  }
  EXPECT_EQ(counts.node_cases, 4 * limits.size() * g.node_count());
  EXPECT_GT(counts.reached, 0u);
  EXPECT_LT(counts.reached, counts.node_cases);
  std::printf("%zu node cases, %zu covered\n", counts.node_cases, counts.reached);
}

TEST(ConvexOutline, HullOfASquareWithAnInnerPoint) {
  const auto hull = convex_outline({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0.5, 0.5}, {0, 0}});
  ASSERT_EQ(hull.size(), 5u);
  EXPECT_EQ(hull.front(), hull.back());
  EXPECT_EQ(convex_outline({{0, 0}, {1, 1}}).size(), 2u);
}

}  // namespace
}  // namespace shouwang::routing
