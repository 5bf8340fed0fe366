#pragma once
// Plain Dijkstra on a RoadGraph: the reference every faster query is checked against, and
// the engine for bounded one-to-all searches. A query object is per thread; reusing it
// costs O(1) per search (visited marks are versioned, not cleared).

#include <functional>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/routing/radix_heap.h>
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

  // An arc leaving a settled node that the budget does not cover to its end: `left` ms of
  // the budget remain at its tail. Its head may still be reached another way.
  struct Overrun {
    NodeId tail;
    ArcId arc;
    Weight left;
  };

  // Settles every node within `limit` ms of any of `sources` (each with a start offset);
  // settled() then lists them in order of time. When `overruns` is given, it receives
  // every arc whose relaxation the budget cut off.
  void search(std::span<const std::pair<NodeId, Weight>> sources, Weight limit,
              std::vector<Overrun>* overruns = nullptr);
  // The nodes the last search settled, with their times, in order of time.
  [[nodiscard]] std::span<const std::pair<NodeId, Weight>> settled() const { return settled_; }

  // search(), then `visit(node, time)` once per settled node in order of time.
  void run(const std::vector<std::pair<NodeId, Weight>>& sources, Weight limit,
           const std::function<void(NodeId, Weight)>& visit);

  // Time to `v` found by the last search (kInfinity if not reached).
  [[nodiscard]] Weight time(NodeId v) const;
  // The node before `v` on its shortest path (invalid for a source or an unreached node).
  [[nodiscard]] NodeId parent(NodeId v) const;

 private:
  void start();
  void relax(std::uint32_t v, Weight d, std::uint32_t parent);

  // One record per node so that a relaxation touches one cache line, not three.
  struct Label {
    std::uint32_t round = 0;  // the label is current only when this equals round_
    Weight time = kInfinity;
    std::uint32_t parent = 0;
  };

  const RoadGraph& graph_;
  std::vector<Label> labels_;
  std::uint32_t round_ = 0;
  RadixHeap<std::uint32_t> queue_;  // (time, node), lazy deletion
  std::vector<std::pair<NodeId, Weight>> settled_;
};

}  // namespace shouwang::routing
