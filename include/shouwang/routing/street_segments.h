#pragma once
// Street segments: the stretches of road between two junctions (or a dead end), the unit of
// place that crime-at-place studies count incidents on. The graph's arcs are straight
// pieces between nodes, and shape points are nodes too; a segment chains the pieces
// through every position where exactly two pieces meet. Positions, not node ids, decide:
// a junction with turn restrictions is several nodes at one position, and a two-way road
// is two arcs over one piece. A closed ring without any junction is one segment.
//
// Two segments are neighbours when they end at the same junction: the contiguity that
// local statistics (analytics/local_statistics.h) weigh segments by.

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

inline constexpr std::uint32_t kNoSegment = std::numeric_limits<std::uint32_t>::max();

struct StreetSegments {
  std::vector<std::vector<LatLon>> lines;  // per segment, from one end to the other
  std::vector<double> length_m;            // per segment
  std::vector<std::uint32_t> of_arc;       // per graph arc: its segment
  // Segments sharing a junction, each pair once with first < second.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> neighbours;

  [[nodiscard]] std::size_t size() const { return lines.size(); }
};

StreetSegments street_segments(const RoadGraph& graph);

}  // namespace shouwang::routing
