#pragma once
// Plain Dijkstra on a RoadGraph: the reference every faster query is checked against, and
// the engine for bounded one-to-all searches. A query object is per thread; reusing it
// costs O(1) per search (visited marks are versioned, not cleared).

#include <functional>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

class DijkstraQuery {
 public:
  explicit DijkstraQuery(const RoadGraph& graph);

  // Shortest travel time from `source` to `target`, kInfinity when unreachable.
  Weight distance(NodeId source, NodeId target);
  // The nodes of a shortest path from the last `distance` call's source to `target`
  // (source first); empty when unreachable.
  [[nodiscard]] std::vector<NodeId> path_to(NodeId target) const;

  // Settles every node within `limit` ms of any of `sources` (each with a start offset),
  // calling `visit(node, time)` once per node in order of time.
  void run(const std::vector<std::pair<NodeId, Weight>>& sources, Weight limit,
           const std::function<void(NodeId, Weight)>& visit);

  // Time to `v` found by the last search (kInfinity if not reached).
  [[nodiscard]] Weight time(NodeId v) const;
  // The node before `v` on its shortest path (invalid for a source or an unreached node).
  [[nodiscard]] NodeId parent(NodeId v) const;

 private:
  void start();
  void relax(std::uint32_t v, Weight d, std::uint32_t parent);

  const RoadGraph& graph_;
  std::vector<Weight> dist_;
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t round_ = 0;
  std::vector<std::uint64_t> heap_;  // (time << 32 | node), lazy deletion
};

}  // namespace shouwang::routing
