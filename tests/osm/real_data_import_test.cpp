// Imports the real OpenStreetMap extracts of ../shared/data/osm when they are present.
// They are never part of the repository; without them these tests skip and say why.

#include <gtest/gtest.h>

#include <filesystem>

#include <shouwang/osm/road_import.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

const fs::path kOsmData = fs::path(SHOUWANG_SHARED_DATA) / "osm";

class RealExtract : public ::testing::TestWithParam<const char*> {};

TEST_P(RealExtract, ImportsIntoAStronglyConnectedGraph) {
  const fs::path file = kOsmData / GetParam();
  if (!fs::exists(file)) GTEST_SKIP() << "real OSM extract not available: " << file.string();
  const auto roads = import_roads(file.string(), CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  const auto& r = roads->report;
  EXPECT_GT(roads->graph.node_count(), 5'000u);
  EXPECT_TRUE(roads->graph.check().ok());
  // The component cut removes fragments at the extract's edge, not the city.
  EXPECT_LT(r.nodes_dropped * 10, r.nodes_before) << r.nodes_dropped << " of " << r.nodes_before;
  std::printf("%s: %zu nodes, %zu arcs, %zu components dropped, %zu missing refs\n", GetParam(),
              roads->graph.node_count(), roads->graph.arc_count(), r.components_dropped, r.missing_node_refs);
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealExtract,
                         ::testing::Values("porto.osm.pbf", "columbus_unsorted.osm.pbf", "portland.osm.pbf",
                                           "portland_central_filtered.osm.pbf", "monaco.osm.pbf",
                                           "shanghai_center.osm.pbf"),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           name = name.substr(0, name.find('.'));
                           return name;
                         });

}  // namespace
}  // namespace shouwang::osm
