#pragma once
// References for the queries between positions, worked out the slow and obvious way: the
// nearest road segment by looking at every segment, the K nearest units and the trip between
// two snapped positions by ReferenceDijkstra.

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/geo.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

#include "routing/reference_dijkstra.h"

namespace shouwang::routing::testing {

// The distance from a position to the nearest road segment of a graph, found by checking
// every segment. It measures in the frame SnapIndex uses (a local projection centred on the
// graph's bounding box), so the two agree to rounding. A segment whose bounding box is
// farther than the best distance so far is passed over without projecting onto it.
class SegmentScan {
 public:
  explicit SegmentScan(const RoadGraph& graph);

  [[nodiscard]] double nearest_distance(LatLon position) const;

 private:
  struct Box {
    double min_x, min_y, max_x, max_y;
  };
  struct Ends {
    Xy a, b;
  };
  LocalProjection frame_;
  std::vector<Box> boxes_;  // per segment: both directions of a two-way road are one segment
  std::vector<Ends> ends_;
};

// The units nearest to a target, from one backward search on the reversed graph that stops
// once the k-th best time is settled.
struct UnitTimes {
  std::vector<NearestUnits::Hit> nearest;  // the k best, sorted by (time, unit)
  // Exact for every unit whose time is at most the k-th best (and for some beyond).
  std::unordered_map<std::uint32_t, Weight> time_of_unit;
};

// `backward` searches the reversed graph; `units[u]` are unit u's entries (Snap::as_source)
// and `target` the target's exits (Snap::as_target).
UnitTimes nearest_units_by_dijkstra(ReferenceDijkstra& backward,
                                    const std::vector<std::vector<GraphEntry>>& units,
                                    std::span<const GraphEntry> target, std::size_t k);

// The same when the units and the target are snapped positions: a unit's time is the
// smaller of its graph time and its straight drive to the target along their common segment
// (straight_time_by_reference). Units with a straight drive start with it as their time;
// the search then stops once the k-th best is settled, as above.
UnitTimes nearest_units_by_dijkstra(const RoadGraph& graph, ReferenceDijkstra& backward,
                                    std::span<const Snap> units, const Snap& target,
                                    std::size_t k);

// NearestUnits::nearest(target, k) against the reference: the same time at every rank (and
// as many hits), each unit named once and with its own time, sorted by (time, unit). When
// times tie at the k-th rank either unit may be named.
::testing::AssertionResult nearest_units_match(const std::vector<NearestUnits::Hit>& got,
                                               const UnitTimes& want);

// The time of driving straight from snapped position `a` to snapped position `b` along the
// segment they share (b may name either direction of a two-way road): forward when b is
// ahead of a, backward on a two-way road when b is behind; kInfinity when they are on
// different segments or b is behind on a one-way road. The partial time of an arc is its
// time times the fraction driven, rounded to the nearest ms.
Weight straight_time_by_reference(const RoadGraph& graph, const Snap& a, const Snap& b);

// The shortest trip from snapped position `a` to snapped position `b`: through the graph
// from a's entries to b's exits (`from_a` has run from a.as_source to the end), or straight
// along the segment when both lie on the same one (straight_time_by_reference).
Weight trip_time_by_dijkstra(const RoadGraph& graph, const ReferenceDijkstra& from_a, const Snap& a,
                             const Snap& b);

}  // namespace shouwang::routing::testing
