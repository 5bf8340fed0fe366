#pragma once
// Driving times between two positions on the city's roads: both ends snapped, the time
// routing::route_between gives (contraction hierarchy, or straight along a shared segment)
// without building the route's geometry. One object per thread.

#include <optional>

#include <shouwang/base/geo.h>
#include <shouwang/routing/ch_query.h>

#include "sim/calls/road_network.h"

namespace shouwang::sim::calls {

class RoadTravel {
 public:
  // `roads` must hold its hierarchy and outlive this.
  explicit RoadTravel(const RoadNetwork& roads) : roads_(roads), query_(*roads.hierarchy) {}

  // Seconds from `from` to `to`; nullopt when an end lies more than 1 km from every road.
  [[nodiscard]] std::optional<double> seconds(LatLon from, LatLon to);

 private:
  const RoadNetwork& roads_;
  routing::ChQuery query_;
};

// What to assume where no road reaches: the straight distance, 1.4 times longer on roads,
// at 30 km/h.
double estimated_seconds(LatLon from, LatLon to);

}  // namespace shouwang::sim::calls
