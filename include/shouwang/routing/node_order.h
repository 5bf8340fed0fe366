#pragma once
// Renumbering graph nodes so that nodes near each other on the map are near each other in
// memory (a Hilbert curve over the coordinates). Searches touch far fewer cache lines.

#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

// new_id[old] for every node, ordered along a Hilbert curve over the bounding box.
std::vector<NodeId> hilbert_order(const RoadGraph& graph);

// The same graph with node v renamed to new_id[v] (a permutation).
RoadGraph renumber(const RoadGraph& graph, const std::vector<NodeId>& new_id);

}  // namespace shouwang::routing
