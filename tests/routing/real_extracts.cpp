#include "routing/real_extracts.h"

#include <filesystem>
#include <map>
#include <utility>

#include <shouwang/osm/road_import.h>

namespace shouwang::routing::testing {

namespace fs = std::filesystem;

const RoadGraph& RealExtract::reversed() {
  if (!reversed_) {
    reversed_ = std::make_unique<RoadGraph>(graph_.reversed());
  }
  return *reversed_;
}

const ContractionHierarchy& RealExtract::hierarchy() {
  if (!hierarchy_) {
    hierarchy_ = std::make_unique<ContractionHierarchy>(ContractionHierarchy::build(graph_));
  }
  return *hierarchy_;
}

const SnapIndex& RealExtract::index() {
  if (!index_) {
    index_ = std::make_unique<SnapIndex>(graph_);
  }
  return *index_;
}

void RealExtractTest::SetUp() {
  static std::map<std::string, std::unique_ptr<RealExtract>> imported;
  const fs::path file = fs::path(SHOUWANG_SHARED_DATA) / "osm" / GetParam();
  if (!fs::exists(file)) {
    GTEST_SKIP() << "real OSM extract not available: " << file.string();
  }
  std::unique_ptr<RealExtract>& slot = imported[GetParam()];
  if (!slot) {
    auto roads = osm::import_roads(file.string(), osm::CarProfile::chinese_urban());
    ASSERT_TRUE(roads.ok()) << file.string() << ": " << roads.error().to_string();
    slot = std::make_unique<RealExtract>(std::move(roads->graph));
  }
  extract_ = slot.get();
}

std::string extract_test_name(const ::testing::TestParamInfo<const char*>& info) {
  const std::string name = info.param;
  return name.substr(0, name.find('.'));
}

}  // namespace shouwang::routing::testing
