#pragma once
// The real OSM extracts in ../shared/data/osm for the oracle tests. They are never in the
// repository: a test on an absent extract skips and names the missing file.

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing::testing {

// The extracts the real-data tests run on, as file names in ../shared/data/osm.
inline constexpr std::array<const char*, 6> kRealExtracts = {
    "monaco.osm.pbf",   "shanghai_center.osm.pbf", "portland_central_filtered.osm.pbf",
    "portland.osm.pbf", "porto.osm.pbf",           "columbus_unsorted.osm.pbf"};

// Cases of each kind per extract, so that all of them together give at least 10,000.
inline constexpr int kCasesPerExtract =
    (10'000 + static_cast<int>(kRealExtracts.size()) - 1) / static_cast<int>(kRealExtracts.size());

// The roads of one extract (car profile chinese_urban), imported once per test binary. The
// reversed graph, the hierarchy and the snapping index are built on first use.
class RealExtract {
 public:
  explicit RealExtract(RoadGraph graph) : graph_(std::move(graph)) {}

  [[nodiscard]] const RoadGraph& graph() const { return graph_; }
  const RoadGraph& reversed();
  const ContractionHierarchy& hierarchy();
  const SnapIndex& index();

 private:
  RoadGraph graph_;
  std::unique_ptr<RoadGraph> reversed_;
  std::unique_ptr<ContractionHierarchy> hierarchy_;
  std::unique_ptr<SnapIndex> index_;
};

// A test on each extract (the parameter is its file name). SetUp skips, naming the file,
// when the extract is absent, and fails when it is there but cannot be imported.
class RealExtractTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override;
  RealExtract& extract() { return *extract_; }

 private:
  RealExtract* extract_ = nullptr;
};

// The test name's suffix for an extract: "monaco" for "monaco.osm.pbf".
std::string extract_test_name(const ::testing::TestParamInfo<const char*>& info);

}  // namespace shouwang::routing::testing
