#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/distance_table.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

TEST(DistanceTable, ManyToManyEqualsDijkstraOnTenThousandCells) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-table-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ASSERT_TRUE(osm::write_demo_city({14, 5.0}, (dir / "c.osm.pbf").string()).ok());
  auto roads = osm::import_roads((dir / "c.osm.pbf").string(), osm::CarProfile::chinese_urban());
  fs::remove_all(dir);
  ASSERT_TRUE(roads.ok());
  const RoadGraph& g = roads->graph;
  const ContractionHierarchy ch = ContractionHierarchy::build(g);
  const SnapIndex index(g);
  Rng rng(8);
  auto position = [&] {
    const LatLon p = g.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))));
    return index.snap({p.lat + rng.uniform(-2e-4, 2e-4), p.lon + rng.uniform(-2e-4, 2e-4)}).value();
  };
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

}  // namespace
}  // namespace shouwang::routing
