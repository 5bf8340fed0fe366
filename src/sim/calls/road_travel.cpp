#include "sim/calls/road_travel.h"

#include <algorithm>

#include <shouwang/routing/straight_drive.h>

namespace shouwang::sim::calls {

// routing::route_between's time without its geometry: the graph route between the snapped
// ends, or driving straight along their common segment when that is quicker.
std::optional<double> RoadTravel::seconds(LatLon from, LatLon to) {
  const routing::RoadGraph& graph = roads_.graph();
  auto a = roads_.snap->snap(from);
  auto b = roads_.snap->snap(to);
  if (!a || !b)
    return std::nullopt;
  routing::Weight best = query_.distance(a->as_source(graph), b->as_target(graph));
  if (const auto straight = routing::straight_drive_time(graph, *a, *b))
    best = std::min(best, *straight);
  if (best == routing::kInfinity)
    return std::nullopt;
  return best / 1000.0;
}

double estimated_seconds(LatLon from, LatLon to) {
  return haversine_distance(from, to).value() * 1.4 / (30.0 / 3.6);
}

}  // namespace shouwang::sim::calls
