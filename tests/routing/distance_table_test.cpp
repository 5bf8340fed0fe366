#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/distance_table.h>
#include <shouwang/routing/snap_index.h>

#include "routing/one_block.h"
#include "routing/position_oracles.h"
#include "routing/reference_dijkstra.h"
#include "routing/segment_positions.h"

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

const RoadGraph& city() {
  static const RoadGraph graph = [] {
    const fs::path dir =
        fs::temp_directory_path() / ("shouwang-table-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    EXPECT_TRUE(osm::write_demo_city({14, 5.0}, (dir / "c.osm.pbf").string()).ok());
    auto roads = osm::import_roads((dir / "c.osm.pbf").string(), osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    return std::move(roads).value().graph;
  }();
  return graph;
}

// A position snapped from up to 2e-4 degrees off a random node.
Snap position_near_a_node(Rng& rng, const SnapIndex& index) {
  const RoadGraph& g = index.graph();
  const auto n = static_cast<std::int64_t>(g.node_count());
  const LatLon p = g.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
  return index.snap({p.lat + rng.uniform(-2e-4, 2e-4), p.lon + rng.uniform(-2e-4, 2e-4)}).value();
}

TEST(DistanceTable, ManyToManyEqualsDijkstraOnTenThousandCells) {
  const RoadGraph& g = city();
  const ContractionHierarchy ch = ContractionHierarchy::build(g);
  const SnapIndex index(g);
  Rng rng(8);
  auto position = [&] { return position_near_a_node(rng, index); };
  std::vector<std::vector<TableEntry>> sources, targets;
  for (int i = 0; i < 100; ++i) sources.push_back(position().as_source(g));
  for (int j = 0; j < 100; ++j) targets.push_back(position().as_target(g));
  const auto table = distance_table(ch, sources, targets);
  ASSERT_EQ(table.size(), 100u);
  DijkstraQuery dijkstra(g);
  std::size_t cells = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    dijkstra.run(sources[i], kInfinity - 1, [](NodeId, Weight) {});
    for (std::size_t j = 0; j < targets.size(); ++j) {
      Weight want = kInfinity;
      for (const auto& [node, offset] : targets[j]) {
        if (dijkstra.time(node) != kInfinity) want = std::min(want, dijkstra.time(node) + offset);
      }
      ASSERT_EQ(table[i][j], want) << "cell " << i << "," << j;
      ++cells;
    }
  }
  EXPECT_EQ(cells, 10'000u);
  // One-to-many and many-to-one are the 1 x N and N x 1 cases.
  const auto row = distance_table(ch, std::span(sources).first(1), targets);
  EXPECT_EQ(row[0], table[0]);
  const auto column = distance_table(ch, sources, std::span(targets).first(1));
  for (std::size_t i = 0; i < sources.size(); ++i) EXPECT_EQ(column[i][0], table[i][0]);
}

// The hand-made block of one_block.h (0 = 1 two-way, 10 s east and 20 s west; 1 -> 2 -> 3
// -> 0 one-way, 10 s each), every cell worked out by hand.
TEST(DistanceTable, OnTheBlockPositionsOnOneStreetDriveStraight) {
  const testing::OneBlock block;
  const RoadGraph& g = block.graph();
  const std::vector<Snap> sources{block.at(0, 1, 0.2), block.at(0, 1, 0.9),
                                  testing::named_backwards(block.at(0, 1, 0.2)),
                                  block.at(2, 3, 0.5), block.at(1, 2, 0.3)};
  const std::vector<Snap> targets{block.at(0, 1, 0.6), block.at(1, 2, 0.7),
                                  testing::named_backwards(block.at(0, 1, 0.6))};
  const std::vector<std::vector<Weight>> want{
      {4'000, 15'000, 4'000},    // straight on; via node 1; straight on
      {6'000, 8'000, 6'000},     // straight back on the slow side; via node 1; the same
      {4'000, 15'000, 4'000},    // the first row's place, named westbound
      {21'000, 32'000, 21'000},  // round the corner
      {33'000, 4'000, 33'000}};  // round the block; straight on along the one-way street
  EXPECT_EQ(distance_table(block.hierarchy(), g, sources, targets), want);
  // By the graph alone the same street is reached the long way round.
  std::vector<std::vector<TableEntry>> entries, exits;
  for (const Snap& s : sources) entries.push_back(s.as_source(g));
  for (const Snap& t : targets) exits.push_back(t.as_target(g));
  const auto by_graph = distance_table(block.hierarchy(), entries, exits);
  EXPECT_EQ(by_graph[0][0], 10'000u);
  EXPECT_EQ(by_graph[4][1], 44'000u);
  // A one-way street's end behind its start is round the block, as by the graph.
  const std::vector<Snap> behind{block.at(1, 2, 0.7)}, ahead{block.at(1, 2, 0.3)};
  EXPECT_EQ(distance_table(block.hierarchy(), g, behind, ahead)[0][0], 36'000u);
}

// 100 sources × 100 targets, half of the targets on the segment of a source: behind it,
// ahead of it, at the same place or named from the other direction of a two-way road. Every
// cell against the trip reference (graph or straight along the segment).
TEST(DistanceTable, SnappedPositionsMatchTheTripReferenceOnTenThousandCells) {
  const RoadGraph& g = city();
  const ContractionHierarchy ch = ContractionHierarchy::build(g);
  const SnapIndex index(g);
  Rng rng(12);
  auto position = [&] { return position_near_a_node(rng, index); };
  std::vector<Snap> sources, targets;
  for (int i = 0; i < 100; ++i) sources.push_back(position());
  for (int j = 0; j < 100; ++j) {
    if (j % 2 == 0) {
      targets.push_back(position());
      continue;
    }
    const Snap& source = sources[static_cast<std::size_t>(rng.uniform_int(0, 99))];
    Snap on = source;
    switch (j % 8) {
      case 1: on = testing::position_on(g, source, rng.uniform(0.0, source.t)); break;
      case 3: on = testing::position_on(g, source, rng.uniform(source.t, 1.0)); break;
      case 5: break;  // the same place
      default: on = testing::position_on(g, source, rng.uniform01()); break;
    }
    targets.push_back(on.reverse && rng.bernoulli(0.5) ? testing::named_backwards(on) : on);
  }
  const auto table = distance_table(ch, g, sources, targets);
  ASSERT_EQ(table.size(), 100u);
  testing::ReferenceDijkstra from_source(g);
  std::size_t cells = 0, straight = 0, straight_back = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    ASSERT_EQ(table[i].size(), 100u);
    from_source.run(sources[i].as_source(g));
    for (std::size_t j = 0; j < targets.size(); ++j, ++cells) {
      ASSERT_EQ(table[i][j], testing::trip_time_by_dijkstra(g, from_source, sources[i], targets[j]))
          << "cell " << i << "," << j;
      if (table[i][j] < from_source.time_to(targets[j].as_target(g))) {
        const Snap& s = sources[i];
        const double along = targets[j].arc == s.arc ? targets[j].t : 1.0 - targets[j].t;
        ++(along >= s.t ? straight : straight_back);
      }
    }
  }
  EXPECT_EQ(cells, 10'000u);
  EXPECT_GT(straight, 0u);
  EXPECT_GT(straight_back, 0u);
  std::printf("%zu cells, %zu quicker straight on and %zu straight back than by the graph\n",
              cells, straight, straight_back);
  // One-to-many and many-to-one are the 1 x N and N x 1 cases.
  EXPECT_EQ(distance_table(ch, g, std::span(sources).first(1), targets)[0], table[0]);
  const auto column = distance_table(ch, g, sources, std::span(targets).first(1));
  for (std::size_t i = 0; i < sources.size(); ++i) EXPECT_EQ(column[i][0], table[i][0]);
}

}  // namespace
}  // namespace shouwang::routing
