#pragma once
// A textbook Dijkstra (a binary heap, nothing clever) written for the tests alone: the
// independent reference the routing queries are checked against. It shares no code with
// DijkstraQuery, so a fault in the engine's own Dijkstra cannot hide in both.

#include <cstdint>
#include <functional>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::testing {

using GraphEntry = std::pair<NodeId, Weight>;  // a node and the time to get onto it

class ReferenceDijkstra {
 public:
  explicit ReferenceDijkstra(const RoadGraph& graph);

  // Settles the nodes in order of their time from `sources` (each with a start offset),
  // without any limit. When `settle` is given it is called once per settled node, and the
  // search stops as soon as it returns false.
  void run(std::span<const GraphEntry> sources,
           const std::function<bool(NodeId, Weight)>& settle = {});

  // The time to `v`: exact after a run to the end (kInfinity when unreachable); after a
  // stopped run exact only for the nodes that were settled.
  [[nodiscard]] Weight time(NodeId v) const { return time_[v.value()]; }

  // The shortest time to a position given as its graph exits (Snap::as_target): the best
  // node time plus the offset from that node; kInfinity when none is reached.
  [[nodiscard]] Weight time_to(std::span<const GraphEntry> targets) const;

 private:
  const RoadGraph& graph_;
  std::vector<Weight> time_;
  std::vector<bool> settled_;
};

}  // namespace shouwang::routing::testing
