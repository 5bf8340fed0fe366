#pragma once
// What can be reached within a time budget: from one point (an isochrone) or from many
// (coverage of a set of posts). Built on the bounded Dijkstra search, so results are exact.

#include <cstdint>
#include <utility>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

using Entry = std::pair<NodeId, Weight>;  // a node and the time to get onto it

// The reachable part of an arc whose tail is reached but whose head is not.
struct PartialArc {
  ArcId arc;
  NodeId from;
  double fraction = 0.0;  // of the arc's length, from `from`
};

struct Isochrone {
  std::vector<Entry> nodes;         // reached nodes with their times, in order of time
  std::vector<PartialArc> partial;  // arcs reached part of the way
  std::vector<LatLon> outline;      // convex outline of everything reached (closed: first == last)
};

// Everything within `limit` ms of the entries (e.g. Snap::as_source).
Isochrone isochrone(const RoadGraph& graph, DijkstraQuery& query, const std::vector<Entry>& sources, Weight limit);

// For each node, the time from the nearest of `posts` (each a list of entries) and which
// post that is; kInfinity / -1 beyond `limit`.
struct Coverage {
  std::vector<Weight> time;
  std::vector<std::int32_t> post;
  [[nodiscard]] std::size_t covered_within(Weight t) const;
};
Coverage coverage(const RoadGraph& graph, DijkstraQuery& query, const std::vector<std::vector<Entry>>& posts,
                  Weight limit);

// The convex hull of the points, counter-clockwise and closed; fewer than 3 distinct
// points give the points themselves.
std::vector<LatLon> convex_outline(std::vector<LatLon> points);

}  // namespace shouwang::routing
