#pragma once
// Driving straight along one road segment, from one snapped position to another on the same
// segment. It is the one trip between positions that touches no graph node, so the graph
// queries, whose trips enter and leave at the segment's end nodes (Snap::as_source /
// as_target), cannot see it: a unit just behind an incident on its road would otherwise be
// sent out through the far end and around the block. Every query between positions
// (route_between, NearestUnits, the position tables) takes the smaller of the graph time and
// this, by this one rule.

#include <optional>

#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {

struct StraightDrive {
  ArcId arc;              // the arc driven along: `from.arc` ahead, `*from.reverse` behind
  double fraction = 0.0;  // of that arc, in [0, 1]
  Weight time_ms = 0;     // fraction · the arc's time, rounded to the nearest ms
};

// The straight drive from `from` to `to` when both lie on the same segment (`to.arc` is
// `from.arc` or `from.reverse`, so either orientation of a two-way road counts): along
// `from.arc` when `to` is ahead of `from` or at the same point, back along `from.reverse`
// when `to` is behind on a two-way road. nullopt for different segments, and for an end
// behind the start on a one-way road.
//
// Ahead is never slower than a graph route (that leaves the segment and comes back to it,
// and the partial times of the entries are rounded the same way); behind can be, when the
// reverse arc is slower than going round, so callers take the smaller of the two.
[[nodiscard]] std::optional<StraightDrive> straight_drive(const RoadGraph& graph, const Snap& from,
                                                          const Snap& to);

// The time of straight_drive, when there is one.
[[nodiscard]] std::optional<Weight> straight_drive_time(const RoadGraph& graph, const Snap& from,
                                                        const Snap& to);

}  // namespace shouwang::routing
