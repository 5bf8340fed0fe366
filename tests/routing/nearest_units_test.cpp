#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <unistd.h>
#include <vector>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/snap_index.h>

#include "routing/one_block.h"
#include "routing/position_oracles.h"
#include "routing/reference_dijkstra.h"
#include "routing/segment_positions.h"

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

using Hits = std::vector<NearestUnits::Hit>;

// The hand-made block of one_block.h: a target 0.6 along the two-way street 0 = 1 (10 s
// east, 20 s west) and units on that street, on the others and at the target itself.
TEST(NearestUnits, OnTheBlockUnitsOnTheTargetsStreetDriveStraightThere) {
  const testing::OneBlock block;
  const RoadGraph& g = block.graph();
  NearestUnits nearest(block.hierarchy());
  const Snap target = block.at(0, 1, 0.6);
  nearest.set(0, block.at(0, 1, 0.2), g);  // behind it: 4 s straight on (10 s via node 0)
  nearest.set(1, block.at(0, 1, 0.9), g);  // ahead of it: 6 s straight back (9 s via node 1)
  nearest.set(2, testing::named_backwards(block.at(0, 1, 0.2)), g);  // unit 0's, named westward
  nearest.set(3, block.at(2, 3, 0.5), g);  // round the corner: 5 + 10 + 6 s
  nearest.set(4, target, g);               // at the target (12 s out and back by the graph)
  nearest.set(5, block.at(0, 1, 0.2).as_source(g));  // unit 0's place as graph entries only
  EXPECT_EQ(nearest.nearest(target, g, 10),
            (Hits{{4, 0}, {0, 4'000}, {2, 4'000}, {1, 6'000}, {5, 10'000}, {3, 21'000}}));
  // Units 4 and 0 are not among the two best by the graph alone, which go round.
  EXPECT_EQ(nearest.nearest(target, g, 2), (Hits{{4, 0}, {0, 4'000}}));
  EXPECT_EQ(nearest.nearest(target.as_target(g), 10),
            (Hits{{1, 9'000}, {0, 10'000}, {2, 10'000}, {5, 10'000}, {4, 12'000}, {3, 21'000}}));

  // The one-way street 1 -> 2: behind the target, straight on; ahead of it, round the block.
  const Snap one_way = block.at(1, 2, 0.7);
  nearest.set(6, block.at(1, 2, 0.3), g);  // 4 s straight (44 s by the graph)
  nearest.set(7, block.at(1, 2, 0.9), g);  // 1 + 30 + 7 s
  EXPECT_EQ(nearest.nearest(one_way, g, 3), (Hits{{6, 4'000}, {1, 8'000}, {4, 11'000}}));
  EXPECT_EQ(nearest.nearest(one_way, g, 10),
            (Hits{{6, 4'000}, {1, 8'000}, {4, 11'000}, {0, 15'000}, {2, 15'000}, {5, 15'000},
                  {3, 32'000}, {7, 38'000}}));

  // Moves and removals take units off the street, and a unit set by entries loses its
  // straight drive.
  nearest.remove(0);
  nearest.set(2, block.at(2, 3, 0.5), g);
  nearest.set(1, block.at(0, 1, 0.9).as_source(g));
  EXPECT_EQ(nearest.nearest(target, g, 10),
            (Hits{{4, 0}, {1, 9'000}, {5, 10'000}, {2, 21'000}, {3, 21'000}, {7, 27'000},
                  {6, 33'000}}));
  nearest.set(0, block.at(0, 1, 0.5), g);  // back on the street, 1 s behind the target
  EXPECT_EQ(nearest.nearest(target, g, 2), (Hits{{4, 0}, {0, 1'000}}));
  EXPECT_TRUE(nearest.nearest(target, g, 0).empty());
}

// 10,000 queries at snapped targets among 1,000 snapped units while they move. Before each
// query three units are put on the target's own segment: one behind it, one ahead of it and
// one anywhere on it (named from the other direction on a two-way road). Every answer is
// checked against the reference; every 100th also unit by unit against the trip reference.
TEST(NearestUnits, SnappedTopTenMatchesTheReferenceWithUnitsOnTheTargetsSegment) {
  const City& c = city();
  const RoadGraph& g = c.graph;
  const SnapIndex index(g);
  NearestUnits nearest(c.ch);
  testing::ReferenceDijkstra backward(c.reversed);
  testing::ReferenceDijkstra forward(g);
  Rng rng(29);
  std::vector<Snap> units(1000);
  auto place = [&](std::uint32_t u, const Snap& at) {
    units[u] = at;
    nearest.set(u, at, g);
  };
  auto some_unit = [&] { return static_cast<std::uint32_t>(rng.uniform_int(0, 999)); };
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    place(u, index.snap(random_position(rng, g)).value());
  }
  std::size_t ranks = 0, one_way = 0, two_way = 0, by_trip = 0;
  std::size_t driving_on = 0, driving_back = 0, quicker_than_graph = 0;
  for (int q = 0; q < 10'000; ++q) {
    for (int m = 0; m < 10; ++m) place(some_unit(), index.snap(random_position(rng, g)).value());
    const Snap target = index.snap(random_position(rng, g)).value();
    ++(target.reverse ? two_way : one_way);
    place(some_unit(), testing::position_on(g, target, rng.uniform(0.0, target.t)));
    place(some_unit(), testing::position_on(g, target, rng.uniform(target.t, 1.0)));
    const Snap anywhere = testing::position_on(g, target, rng.uniform01());
    place(some_unit(), target.reverse ? testing::named_backwards(anywhere) : anywhere);

    const Hits got = nearest.nearest(target, g, 10);
    const auto want = testing::nearest_units_by_dijkstra(g, backward, units, target, 10);
    ASSERT_TRUE(testing::nearest_units_match(got, want)) << "query " << q;
    ranks += got.size();
    const Hits by_graph = nearest.nearest(target.as_target(g), 10);
    for (const auto& hit : got) {
      const Weight straight = testing::straight_time_by_reference(g, units[hit.unit], target);
      if (straight != hit.time_ms) continue;
      const Snap& unit = units[hit.unit];
      const double along = unit.arc == target.arc ? unit.t : 1.0 - unit.t;
      ++(along <= target.t ? driving_on : driving_back);
      const auto graph_hit = std::find_if(by_graph.begin(), by_graph.end(),
                                          [&](const auto& h) { return h.unit == hit.unit; });
      if (graph_hit == by_graph.end() || graph_hit->time_ms > hit.time_ms) ++quicker_than_graph;
    }
    if (q % 100 == 0) {
      for (const auto& hit : got) {
        forward.run(units[hit.unit].as_source(g));
        ASSERT_EQ(hit.time_ms, testing::trip_time_by_dijkstra(g, forward, units[hit.unit], target))
            << "query " << q << ", unit " << hit.unit;
        ++by_trip;
      }
    }
  }
  EXPECT_EQ(ranks, 100'000u);
  EXPECT_GT(one_way, 0u);
  EXPECT_GT(two_way, 0u);
  EXPECT_GT(driving_on, 0u);
  EXPECT_GT(driving_back, 0u);
  EXPECT_GT(quicker_than_graph, 0u);
  EXPECT_EQ(by_trip, 1'000u);
  std::printf("10,000 queries (%zu on one-way, %zu on two-way roads): %zu ranks, %zu straight on,"
              " %zu straight back, %zu quicker than by the graph alone; %zu checked by trip\n",
              one_way, two_way, ranks, driving_on, driving_back, quicker_than_graph, by_trip);
}

}  // namespace
}  // namespace shouwang::routing
