#include "routing/demo_city.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>

namespace shouwang::routing::testing {

const DemoCity& demo_city(std::uint64_t seed, double size_km) {
  static std::mutex mutex;
  static std::map<std::pair<std::uint64_t, double>, std::unique_ptr<DemoCity>> cities;
  std::lock_guard lock(mutex);
  auto& city = cities[{seed, size_km}];
  if (!city) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() /
                         ("shouwang-demo-city-" + std::to_string(::getpid()) + "-" + std::to_string(seed));
    fs::create_directories(dir);
    const auto pbf = (dir / "city.osm.pbf").string();
    EXPECT_TRUE(osm::write_demo_city({seed, size_km}, pbf).ok());
    auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message);
    city = std::make_unique<DemoCity>();
    if (imported.ok()) {
      city->graph = std::move(imported).value().graph;
      city->ch = ContractionHierarchy::build(city->graph);
    }
  }
  return *city;
}

}  // namespace shouwang::routing::testing
