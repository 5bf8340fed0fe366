#pragma once
// Routes between two positions (not nodes): both ends are snapped to the road network and
// the trip starts and ends part-way along their segments.

#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {

struct PointRoute {
  Weight time_ms = kInfinity;
  double length_m = 0.0;
  std::vector<LatLon> geometry;  // from the snapped start to the snapped end
  Snap from;
  Snap to;
};

// kOutOfRange when an end is farther than `max_snap` from every road, kNotFound when the
// snapped ends are not connected (cannot happen on an imported graph, which is strongly
// connected).
Result<PointRoute> route_between(const RoadGraph& graph, const SnapIndex& index, ChQuery& query, LatLon from,
                                 LatLon to, Meters max_snap = Meters(1000.0));

}  // namespace shouwang::routing
