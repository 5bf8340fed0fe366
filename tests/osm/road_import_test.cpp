#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>
#include <zlib.h>

#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/dijkstra.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(SHOUWANG_TEST_DIR) + "/osm/fixtures/";

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-import-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

// (tail osm id, head osm id) -> travel times of the arcs between them.
std::multimap<std::pair<std::int64_t, std::int64_t>, routing::Weight> arcs_by_osm_id(const ImportedRoads& roads) {
  std::multimap<std::pair<std::int64_t, std::int64_t>, routing::Weight> out;
  const auto& g = roads.graph;
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (ArcId a = g.begin_out(NodeId(v)); a < g.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      out.emplace(std::pair{roads.osm_node_ids[v], roads.osm_node_ids[g.head(a).value()]}, g.time_ms(a));
    }
  }
  return out;
}

TEST(RoadImport, OneWaysAccessAndComponentsFollowTheTags) {
  const auto roads = import_roads(kFixtures + "directions.osm", CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  const auto arcs = arcs_by_osm_id(*roads);
  EXPECT_EQ(roads->graph.node_count(), 5u);  // 1, 2, 3, 4, 6: private/bus node 5 and the motorway are out
  EXPECT_EQ(arcs.count({2, 3}), 1u);         // oneway=yes
  EXPECT_EQ(arcs.count({3, 2}), 0u);
  EXPECT_EQ(arcs.count({4, 3}), 1u);         // oneway=-1
  EXPECT_EQ(arcs.count({3, 4}), 0u);
  EXPECT_EQ(arcs.count({1, 6}), 2u);         // the roundabout (implied one-way) and the tertiary road
  EXPECT_EQ(arcs.count({6, 1}), 1u);
  EXPECT_EQ(roads->report.components_dropped, 2u);  // nodes 7 and 8 of the isolated motorway
  EXPECT_EQ(roads->report.nodes_dropped, 2u);
}

TEST(RoadImport, MaxspeedSlowsARoadDown) {
  const auto roads = import_roads(kFixtures + "directions.osm", CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok());
  const auto arcs = arcs_by_osm_id(*roads);
  const auto range = arcs.equal_range({4, 6});
  ASSERT_EQ(std::distance(range.first, range.second), 2);
  routing::Weight fast = routing::kInfinity, slow = 0;
  for (auto it = range.first; it != range.second; ++it) {
    fast = std::min(fast, it->second);
    slow = std::max(slow, it->second);
  }
  // tertiary at 30 km/h against unclassified limited to 10 km/h x 0.8.
  EXPECT_NEAR(static_cast<double>(slow) / fast, 30.0 / 8.0, 0.01);
}

TEST(RoadImport, EmergencyProfileUsesPrivateAndBusRoads) {
  const auto roads = import_roads(kFixtures + "directions.osm", CarProfile::emergency_vehicle());
  ASSERT_TRUE(roads.ok());
  const auto arcs = arcs_by_osm_id(*roads);
  EXPECT_EQ(roads->graph.node_count(), 6u);
  EXPECT_EQ(arcs.count({2, 5}), 2u);  // private service road (both ways) and the busway
  EXPECT_EQ(arcs.count({5, 2}), 2u);
}

TEST(RoadImport, ReadsCompressedXml) {
  const fs::path dir = temp_dir();
  const auto gz = (dir / "directions.osm.gz").string();
  {
    std::ifstream in(kFixtures + "directions.osm");
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    gzFile out = gzopen(gz.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
    gzclose(out);
  }
  const auto roads = import_roads(gz, CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  EXPECT_EQ(roads->graph.node_count(), 5u);
  fs::remove_all(dir);
}

TEST(RoadImport, ImportsTheDemoCity) {
  const fs::path dir = temp_dir();
  const auto pbf = (dir / "city.osm.pbf").string();
  const auto stats = write_demo_city({2, 8.0}, pbf);
  ASSERT_TRUE(stats.ok());
  const auto roads = import_roads(pbf, CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  // Nearly every road node survives the strongly connected cut.
  EXPECT_GT(roads->graph.node_count(), stats->highway_nodes * 98 / 100);
  EXPECT_LE(roads->graph.node_count(), stats->highway_nodes);
  EXPECT_TRUE(roads->graph.check().ok());
  fs::remove_all(dir);
}

TEST(RoadImport, BadFilesAreClearErrors) {
  const fs::path dir = temp_dir();
  const auto missing = import_roads((dir / "nope.osm.pbf").string(), CarProfile::chinese_urban());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);

  const auto no_roads = import_roads(kFixtures + "footways.osm", CarProfile::chinese_urban());
  ASSERT_FALSE(no_roads.ok());
  EXPECT_EQ(no_roads.error().code, Errc::kInvalidArgument);
  EXPECT_NE(no_roads.error().message.find("no drivable road"), std::string::npos);

  // A PBF cut off in the middle.
  const auto pbf = (dir / "city.osm.pbf").string();
  ASSERT_TRUE(write_demo_city({2, 5.0}, pbf).ok());
  const auto size = fs::file_size(pbf);
  fs::resize_file(pbf, size / 2);
  const auto truncated = import_roads(pbf, CarProfile::chinese_urban());
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, Errc::kCorrupt);
  EXPECT_NE(truncated.error().message.find("city.osm.pbf"), std::string::npos);

  std::ofstream(dir / "junk.osm.pbf") << "definitely not a PBF file";
  const auto junk = import_roads((dir / "junk.osm.pbf").string(), CarProfile::chinese_urban());
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, Errc::kCorrupt);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::osm

namespace shouwang::osm {
namespace {

// Shortest travel time between two OSM nodes (any of their graph copies).
routing::Weight travel(const ImportedRoads& roads, std::int64_t from, std::int64_t to) {
  routing::DijkstraQuery query(roads.graph);
  routing::Weight best = routing::kInfinity;
  for (std::uint32_t s = 0; s < roads.graph.node_count(); ++s) {
    if (roads.osm_node_ids[s] != from) continue;
    for (std::uint32_t t = 0; t < roads.graph.node_count(); ++t) {
      if (roads.osm_node_ids[t] == to) best = std::min(best, query.distance(NodeId(s), NodeId(t)));
    }
  }
  return best;
}

TEST(RoadImport, TurnRestrictionsForceTheDetour) {
  const auto roads = import_roads(kFixtures + "turns.osm", CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  EXPECT_EQ(roads->report.turn_restrictions, 2u);  // the third exempts cars
  EXPECT_EQ(roads->report.components_dropped, 0u);
  const routing::Weight straight = travel(*roads, 10, 20);  // 200 m through the crossing
  // West -> north may not turn left at 0: it goes round (about 316 m instead of 200 m).
  EXPECT_GT(travel(*roads, 10, 30), straight * 3 / 2);
  // North -> south is the only way on from the north arm; north -> east / west go round.
  EXPECT_EQ(travel(*roads, 30, 40), straight);
  EXPECT_GT(travel(*roads, 30, 20), straight * 3 / 2);
  EXPECT_GT(travel(*roads, 30, 10), straight * 3 / 2);
  // Unrestricted turns and the car-exempt restriction change nothing.
  EXPECT_EQ(travel(*roads, 20, 10), straight);
  EXPECT_EQ(travel(*roads, 10, 40), straight);
  EXPECT_EQ(travel(*roads, 40, 30), straight);
}

}  // namespace
}  // namespace shouwang::osm
