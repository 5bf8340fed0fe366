#pragma once
// Positions placed on a chosen road segment on purpose, for the tests of the straight drive
// along one segment: a unit just behind or ahead of an incident on its own road, or the same
// place named from the other direction of a two-way road.

#include <optional>

#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing::testing {

// The position a fraction `t` in [0, 1] along `arc` (tail to head), with `reverse` the arc
// back when the road is two-way: what SnapIndex reports for a point on that segment.
Snap position_on(const RoadGraph& graph, ArcId arc, std::optional<ArcId> reverse, double t);

// The position a fraction `t` along the segment of `on`, named as `on` names it.
Snap position_on(const RoadGraph& graph, const Snap& on, double t);

// The same place named from the other direction of its two-way road: arc and reverse
// swapped, t counted from the other end. Precondition: position.reverse.
Snap named_backwards(const Snap& position);

}  // namespace shouwang::routing::testing
