#pragma once
// Hand-drawn road maps for the recommendation tests: streets as polylines in metres (x
// east, y north) around a point in Shanghai, two-way, all driven at one speed, so that
// every travel time is a length worked out by hand. Streets meet only where they share a
// vertex.
//
// The river town (river_town()):
//
//            N (600, 600)
//            |
//   (0,60) --+---------------------------------------------- (3000,60)  north bank
//   ~~~~~~~~~~~~~~~~~~~~~~~~~~~~ river, no crossing ~~~~~~~~~~~~~~~~~~~~~   |  bridge
//   (0,-60) ------------------------------------------------ (3000,-60)  south bank
//
// The grid town (grid_town()): a 5 × 5 street grid 250 m apart on [0, 1000]², and a short
// street (1500, 0)–(1500, 300) that no road joins to the grid.

#include <memory>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::cad::testing {

class TestRoads {
 public:
  static constexpr double kSpeed = 10.0;  // metres per second on every street

  explicit TestRoads(const std::vector<std::vector<Xy>>& streets);
  TestRoads(const TestRoads&) = delete;  // the snap index refers to the graph
  TestRoads& operator=(const TestRoads&) = delete;

  [[nodiscard]] const routing::RoadGraph& graph() const { return graph_; }
  [[nodiscard]] const routing::ContractionHierarchy& hierarchy() const { return hierarchy_; }
  [[nodiscard]] const routing::SnapIndex& index() const { return *index_; }
  [[nodiscard]] LatLon at(double x, double y) const { return frame_.to_lat_lon({x, y}); }

 private:
  LocalProjection frame_;
  routing::RoadGraph graph_;
  routing::ContractionHierarchy hierarchy_;
  std::unique_ptr<routing::SnapIndex> index_;
};

const TestRoads& river_town();
const TestRoads& grid_town();

}  // namespace shouwang::cad::testing
