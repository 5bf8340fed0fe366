#pragma once
// Strongly connected components of a road graph, and cutting a graph down to a node set.
// A dispatch graph keeps only its largest strongly connected component: from any node of
// it a unit can reach any other and come back.

#include <cstdint>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

struct ComponentSplit {
  std::vector<bool> in_largest;     // per node
  std::size_t component_count = 0;  // all strongly connected components
  std::size_t largest_size = 0;     // nodes in the largest
};

ComponentSplit largest_strongly_connected(const RoadGraph& graph);

// The graph induced by the nodes with keep[v]; `old_to_new[v]` receives the new id of a
// kept node (invalid NodeId otherwise). Node order is preserved.
RoadGraph induced_subgraph(const RoadGraph& graph, const std::vector<bool>& keep, std::vector<NodeId>& old_to_new);

}  // namespace shouwang::routing
