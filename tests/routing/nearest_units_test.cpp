#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/snap_index.h>

#include "routing/position_oracles.h"
#include "routing/reference_dijkstra.h"

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

struct City {
  RoadGraph graph;
  RoadGraph reversed;
  ContractionHierarchy ch;
};

const City& city() {
  static const City c = [] {
    const fs::path dir = fs::temp_directory_path() / ("shouwang-nearest-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto pbf = (dir / "city.osm.pbf").string();
    EXPECT_TRUE(osm::write_demo_city({9, 6.0}, pbf).ok());
    auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    City out;
    out.graph = std::move(imported).value().graph;
    out.reversed = out.graph.reversed();
    out.ch = ContractionHierarchy::build(out.graph);
    return out;
  }();
  return c;
}

LatLon random_position(Rng& rng, const RoadGraph& g) {
  const LatLon a = g.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))));
  return {a.lat + rng.uniform(-0.0005, 0.0005), a.lon + rng.uniform(-0.0005, 0.0005)};
}

TEST(NearestUnits, TopTenOfAThousandMatchesDijkstraWhileUnitsMove) {
  const City& c = city();
  ASSERT_TRUE(c.ch.check().ok());
  const SnapIndex index(c.graph);
  NearestUnits nearest(c.ch);
  testing::ReferenceDijkstra backward(c.reversed);
  Rng rng(17);
  std::vector<std::vector<NearestUnits::Entry>> units(1000);
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    units[u] = index.snap(random_position(rng, c.graph))->as_source(c.graph);
    nearest.set(u, units[u]);
  }
  ASSERT_EQ(nearest.size(), 1000u);
  std::size_t checked = 0;
  for (int q = 0; q < 1000; ++q) {
    // Some units move between queries, as they do every few seconds.
    for (int m = 0; m < 20; ++m) {
      const auto u = static_cast<std::uint32_t>(rng.uniform_int(0, 999));
      units[u] = index.snap(random_position(rng, c.graph))->as_source(c.graph);
      nearest.set(u, units[u]);
    }
    const auto target = index.snap(random_position(rng, c.graph))->as_target(c.graph);
    const auto got = nearest.nearest(target, 10);
    const auto want = testing::nearest_units_by_dijkstra(backward, units, target, 10);
    ASSERT_TRUE(testing::nearest_units_match(got, want)) << "query " << q;
    checked += got.size();
  }
  EXPECT_EQ(checked, 10'000u);
}

TEST(NearestUnits, RemovedUnitsAreNeverReturned) {
  const City& c = city();
  const SnapIndex index(c.graph);
  NearestUnits nearest(c.ch);
  Rng rng(2);
  for (std::uint32_t u = 0; u < 50; ++u) nearest.set(u, index.snap(random_position(rng, c.graph))->as_source(c.graph));
  for (std::uint32_t u = 0; u < 50; u += 2) nearest.remove(u);
  nearest.remove(999);  // unknown: no effect
  EXPECT_EQ(nearest.size(), 25u);
  const auto hits = nearest.nearest(index.snap(random_position(rng, c.graph))->as_target(c.graph), 100);
  EXPECT_EQ(hits.size(), 25u);
  for (const auto& h : hits) EXPECT_EQ(h.unit % 2, 1u);
  EXPECT_TRUE(std::is_sorted(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.time_ms < b.time_ms; }));
  EXPECT_TRUE(nearest.nearest(index.snap(random_position(rng, c.graph))->as_target(c.graph), 0).empty());
}

}  // namespace
}  // namespace shouwang::routing
