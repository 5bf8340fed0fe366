#pragma once
// What can be reached from a point within a time budget: the reached nodes, the arcs reached
// part of the way, and an outline. Built on the bounded Dijkstra search, so results are
// exact. (Coverage of many posts at once is in coverage.h.)

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

// The convex hull of the points, counter-clockwise and closed; fewer than 3 distinct
// points give the points themselves.
std::vector<LatLon> convex_outline(std::vector<LatLon> points);

}  // namespace shouwang::routing
