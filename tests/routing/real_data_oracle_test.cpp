// Contraction-hierarchy travel times against plain Dijkstra on the real OSM extracts of
// ../shared/data/osm, when they are present (they are never in the repository; without
// them these tests skip and say why).

#include <gtest/gtest.h>

#include <filesystem>

#include <shouwang/base/random.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

class RealCity : public ::testing::TestWithParam<const char*> {};

TEST_P(RealCity, ChEqualsDijkstraOnRandomPairs) {
  const fs::path file = fs::path(SHOUWANG_SHARED_DATA) / "osm" / GetParam();
  if (!fs::exists(file)) GTEST_SKIP() << "real OSM extract not available: " << file.string();
  const auto roads = osm::import_roads(file.string(), osm::CarProfile::chinese_urban());
  ASSERT_TRUE(roads.ok()) << roads.error().to_string();
  const RoadGraph& g = roads->graph;
  const ContractionHierarchy ch = ContractionHierarchy::build(g);
  ASSERT_TRUE(ch.check().ok());
  ChQuery fast(ch);
  DijkstraQuery slow(g);
  Rng rng(2024);
  const auto n = static_cast<std::int64_t>(g.node_count());
  for (int i = 0; i < 3'400; ++i) {
    const NodeId s(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1)));
    const NodeId t(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1)));
    ASSERT_EQ(fast.distance(s, t), slow.distance(s, t)) << GetParam() << " pair " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealCity,
                         ::testing::Values("monaco.osm.pbf", "shanghai_center.osm.pbf",
                                           "portland_central_filtered.osm.pbf"),
                         [](const auto& param_info) {
                           const std::string name = param_info.param;
                           return name.substr(0, name.find('.'));
                         });

}  // namespace
}  // namespace shouwang::routing
