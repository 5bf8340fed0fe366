#include "sim_city.h"

#include <filesystem>
#include <mutex>
#include <unistd.h>

#include <gtest/gtest.h>

#include <shouwang/osm/car_profile.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/contraction_hierarchy.h>

namespace shouwang::sim::testing {

const SimCity& sim_city() {
  static std::mutex mutex;
  static std::unique_ptr<SimCity> city;
  std::lock_guard lock(mutex);
  if (city)
    return *city;
  city = std::make_unique<SimCity>();
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("shouwang-sim-city-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string pbf = (dir / "city.osm.pbf").string();
  const auto written = osm::write_demo_city({21, 6.0}, pbf);
  EXPECT_TRUE(written.ok()) << (written.ok() ? "" : written.error().message);
  auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
  EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message);
  auto org = osm::read_jurisdictions(pbf);
  EXPECT_TRUE(org.ok()) << (org.ok() ? "" : org.error().message);
  fs::remove_all(dir);
  auto taxonomy =
      cad::load_taxonomy(std::filesystem::path(SHOUWANG_SOURCE_DIR) / "data" / "taxonomy");
  EXPECT_TRUE(taxonomy.ok()) << (taxonomy.ok() ? "" : taxonomy.error().message);
  if (!imported.ok() || !org.ok() || !taxonomy.ok())
    return *city;
  routing::RoadGraph graph = std::move(imported).value().graph;
  routing::ContractionHierarchy hierarchy = routing::ContractionHierarchy::build(graph);
  city->network = RoadNetwork::adopt(std::move(graph), std::move(hierarchy));
  city->org = *org;
  city->areas = PatrolAreas::build(city->network->graph(), city->org);
  city->taxonomy = std::move(taxonomy).value();
  return *city;
}

}  // namespace shouwang::sim::testing
