#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/isochrone.h>
#include <shouwang/routing/snap_index.h>

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

// Independent reference: the time from the entries to v by separate point-to-point searches.
Weight reference_time(const RoadGraph& g, const std::vector<Entry>& entries, NodeId v) {
  DijkstraQuery q(g);
  Weight best = kInfinity;
  for (const auto& [node, offset] : entries) {
    const Weight d = q.distance(node, v);
    if (d != kInfinity) best = std::min(best, d + offset);
  }
  return best;
}

TEST(Isochrone, ReachedNodesAreExactlyThoseWithinTheBudget) {
  const RoadGraph& g = city();
  const SnapIndex index(g);
  DijkstraQuery query(g);
  Rng rng(21);
  for (int round = 0; round < 10; ++round) {
    const auto snap = index.snap(g.coordinate(random_node(rng, g)));
    ASSERT_TRUE(snap.ok());
    const auto sources = snap->as_source(g);
    const Weight limit = 180'000;
    const Isochrone iso = isochrone(g, query, sources, limit);
    std::vector<Weight> reached(g.node_count(), kInfinity);
    for (const auto& [v, t] : iso.nodes) reached[v.value()] = t;
    ASSERT_FALSE(iso.nodes.empty());
    for (int k = 0; k < 100; ++k) {
      const NodeId v = random_node(rng, g);
      const Weight ref = reference_time(g, sources, v);
      if (ref <= limit) {
        EXPECT_EQ(reached[v.value()], ref);
      } else {
        EXPECT_EQ(reached[v.value()], kInfinity);
      }
    }
    for (const PartialArc& p : iso.partial) {
      EXPECT_NE(reached[p.from.value()], kInfinity);
      EXPECT_EQ(reached[g.head(p.arc).value()], kInfinity);
      EXPECT_GT(p.fraction, 0.0);
      EXPECT_LE(p.fraction, 1.0);
    }
    ASSERT_GE(iso.outline.size(), 4u);
    EXPECT_EQ(iso.outline.front(), iso.outline.back());
    // Every reached node lies inside the (convex, counter-clockwise) outline.
    for (const auto& [v, t] : iso.nodes) {
      const LatLon p = g.coordinate(v);
      for (std::size_t i = 1; i < iso.outline.size(); ++i) {
        const LatLon a = iso.outline[i - 1], b = iso.outline[i];
        ASSERT_GE((b.lon - a.lon) * (p.lat - a.lat) - (b.lat - a.lat) * (p.lon - a.lon), -1e-12);
      }
    }
  }
}

TEST(Coverage, EachNodeGetsItsNearestPost) {
  const RoadGraph& g = city();
  const SnapIndex index(g);
  DijkstraQuery query(g);
  Rng rng(5);
  std::vector<std::vector<Entry>> posts;
  for (int p = 0; p < 6; ++p) posts.push_back(index.snap(g.coordinate(random_node(rng, g)))->as_source(g));
  const Weight limit = 300'000;
  const Coverage cov = coverage(g, query, posts, limit);
  std::size_t covered = 0;
  for (int k = 0; k < 300; ++k) {
    const NodeId v = random_node(rng, g);
    Weight best = kInfinity;
    for (const auto& post : posts) best = std::min(best, reference_time(g, post, v));
    if (best > limit) {
      EXPECT_EQ(cov.time[v.value()], kInfinity);
      EXPECT_EQ(cov.post[v.value()], -1);
      continue;
    }
    ++covered;
    EXPECT_EQ(cov.time[v.value()], best);
    ASSERT_GE(cov.post[v.value()], 0);
    EXPECT_EQ(reference_time(g, posts[static_cast<std::size_t>(cov.post[v.value()])], v), best);
  }
  EXPECT_GT(covered, 0u);
  EXPECT_LE(cov.covered_within(60'000), cov.covered_within(180'000));
  EXPECT_LE(cov.covered_within(180'000), cov.covered_within(300'000));
}

TEST(ConvexOutline, HullOfASquareWithAnInnerPoint) {
  const auto hull = convex_outline({{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0.5, 0.5}, {0, 0}});
  ASSERT_EQ(hull.size(), 5u);
  EXPECT_EQ(hull.front(), hull.back());
  EXPECT_EQ(convex_outline({{0, 0}, {1, 1}}).size(), 2u);
}

}  // namespace
}  // namespace shouwang::routing
