#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/snap_index.h>

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

// Oracle: one backward Dijkstra from the target gives every unit's exact time.
std::vector<NearestUnits::Hit> all_units_by_dijkstra(const City& c, const std::vector<std::vector<NearestUnits::Entry>>& units,
                                                    const std::vector<NearestUnits::Entry>& target) {
  DijkstraQuery back(c.reversed);
  back.run(target, kInfinity - 1, [](NodeId, Weight) {});
  std::vector<NearestUnits::Hit> hits;
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    Weight best = kInfinity;
    for (const auto& [node, offset] : units[u]) {
      const Weight t = back.time(node);
      if (t != kInfinity) best = std::min(best, t + offset);
    }
    if (best != kInfinity) hits.push_back({u, best});
  }
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.time_ms < b.time_ms || (a.time_ms == b.time_ms && a.unit < b.unit);
  });
  return hits;
}

TEST(NearestUnits, TopTenOfAThousandMatchesDijkstraWhileUnitsMove) {
  const City& c = city();
  ASSERT_TRUE(c.ch.check().ok());
  const SnapIndex index(c.graph);
  NearestUnits nearest(c.ch);
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
    const auto want = all_units_by_dijkstra(c, units, target);
    ASSERT_EQ(got.size(), std::min<std::size_t>(10, want.size()));
    for (std::size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].time_ms, want[i].time_ms) << "query " << q << " rank " << i;
      ++checked;
    }
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
