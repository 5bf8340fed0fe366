#include "routing/segment_positions.h"

#include <algorithm>
#include <cassert>

namespace shouwang::routing::testing {
namespace {

NodeId tail_of(const RoadGraph& graph, ArcId arc) {
  const auto first = graph.first_out();
  const auto after = std::upper_bound(first.begin(), first.end(), arc.value());
  return NodeId(static_cast<std::uint32_t>(after - first.begin() - 1));
}

// `on` moved to `t`, lying exactly on the segment.
Snap moved_to(const RoadGraph& graph, Snap on, double t) {
  const LatLon a = graph.coordinate(on.from), b = graph.coordinate(on.to);
  on.t = t;
  on.point = {a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
  on.distance = Meters(0.0);
  return on;
}

}  // namespace

Snap position_on(const RoadGraph& graph, ArcId arc, std::optional<ArcId> reverse, double t) {
  Snap on;
  on.from = tail_of(graph, arc);
  on.to = graph.head(arc);
  on.arc = arc;
  on.reverse = reverse;
  return moved_to(graph, on, t);
}

Snap position_on(const RoadGraph& graph, const Snap& on, double t) {
  return moved_to(graph, on, t);
}

Snap named_backwards(const Snap& position) {
  assert(position.reverse);
  Snap out = position;
  out.from = position.to;
  out.to = position.from;
  out.arc = *position.reverse;
  out.reverse = position.arc;
  out.t = 1.0 - position.t;
  return out;
}

}  // namespace shouwang::routing::testing
