#pragma once
// Nearest-road snapping: the point on the road network closest to a position, found with a
// uniform grid over the road segments. Immutable after construction, shared by threads.

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

struct Snap {
  NodeId from;                      // the segment's ends, in the direction of `arc`
  NodeId to;
  ArcId arc;                        // from -> to
  std::optional<ArcId> reverse;     // to -> from, when the road is two-way
  double t = 0.0;                   // 0 at `from`, 1 at `to`
  LatLon point;                     // the projection onto the segment
  Meters distance;                  // from the query position to `point`

  // Where a trip starting at `point` enters the graph: (node, time to reach it).
  [[nodiscard]] std::vector<std::pair<NodeId, Weight>> as_source(const RoadGraph& graph) const;
  // Where a trip ending at `point` leaves the graph: (node, time from it to `point`).
  [[nodiscard]] std::vector<std::pair<NodeId, Weight>> as_target(const RoadGraph& graph) const;
};

class SnapIndex {
 public:
  explicit SnapIndex(const RoadGraph& graph, double cell_metres = 125.0);

  // The nearest segment within `max_distance`; kOutOfRange naming the distance when the
  // position is farther from every road, kInvalidArgument for coordinates off the globe.
  [[nodiscard]] Result<Snap> snap(LatLon position, Meters max_distance = Meters(1000.0)) const;

 private:
  [[nodiscard]] std::int64_t cell_x(double x) const;
  [[nodiscard]] std::int64_t cell_y(double y) const;

  const RoadGraph& graph_;
  LocalProjection frame_;
  double cell_;
  double min_x_ = 0, min_y_ = 0;
  std::int64_t columns_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cell_first_;  // CSR over cells: segments (as arc ids) per cell
  std::vector<ArcId> cell_arcs_;
  std::vector<Xy> xy_;                     // node positions in the frame
};

}  // namespace shouwang::routing
