#pragma once
// Shortest travel times and paths on a ContractionHierarchy. A ChQuery belongs to one
// thread; many of them may share one hierarchy, which must outlive them. Reusing a query
// costs O(1) per search: labels carry a version instead of being cleared (the versions
// run out, and are all reset, once every 65,535 searches). Memory: about 28 bytes per node.
//
// Method: a forward search from the source climbs the upward graph while a backward
// search from the target climbs the downward graph; a shortest path is an up-then-down
// path, so the best sum over nodes reached from both sides is the distance. Each side
// stops once its smallest key reaches the best sum. Stall-on-demand: a node reached more
// cheaply through an arc coming down from a higher node is not expanded, because no
// shortest path climbs through it.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include <shouwang/base/ids.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing {

class ChQuery {
 public:
  explicit ChQuery(const ContractionHierarchy& hierarchy);

  // Shortest travel time from `source` to `target` in ms; 0 when they are equal,
  // kInfinity when the target is unreachable. Precondition: both are nodes of the graph.
  Weight distance(NodeId source, NodeId target);

  // The least offset_s + time(s, t) + offset_t over all given sources s and targets t:
  // for a position inside a road segment, which enters the graph at the segment's ends
  // with the partial times as offsets. kInfinity when no target is reachable (or either
  // list is empty). Repeated nodes count with their smallest offset. Precondition: valid
  // nodes, and offsets plus path times below kInfinity.
  Weight distance(std::span<const std::pair<NodeId, Weight>> sources,
                  std::span<const std::pair<NodeId, Weight>> targets);

  // The road nodes of the path found by the last `distance` call, from the chosen source
  // to the chosen target, both included; {s} when source and target coincide, empty when
  // nothing was reachable or no search has run. Consecutive nodes are joined by a road
  // arc (the fastest of any parallel ones), and the arc times add up to the distance less
  // the two offsets.
  [[nodiscard]] std::vector<NodeId> path() const;

 private:
  // Per node and side: whether the current search reached the node (a two-byte version
  // stamp, so that the stamps of a whole city stay in the cache) and, if so, its label.
  struct Label {
    Weight distance = kInfinity;
    std::uint32_t parent = 0;  // the rank the search came from (itself for a start)
    std::uint32_t arc = 0;     // the arc from there (stored at that rank), if not a start
  };
  struct Side {
    const ChArcs* arcs = nullptr;      // the graph this side climbs
    const ChArcs* opposite = nullptr;  // the graph whose arcs come down into a node
    std::vector<std::uint16_t> stamp;  // == round_: reached by the current search
    std::vector<Label> labels;
    std::vector<std::pair<Weight, std::uint32_t>> heap;  // (key, rank): a 4-ary min-heap

    [[nodiscard]] bool reached(std::uint32_t rank, std::uint16_t round) const {
      return stamp[rank] == round;
    }
  };

  void start();
  static void reach(Side& side, std::uint16_t round, std::uint32_t rank, Weight d,
                    std::uint32_t parent, std::uint32_t arc);
  // Pops the top of `side`'s heap; unless it is stale, records a meeting with `other`
  // and expands the node (unless it is stalled).
  void settle(Side& side, const Side& other);
  Weight search();
  // Appends the ranks of the road nodes along the road-direction arc from → to that has
  // the given middle (invalid for a road arc), without `from` itself.
  void unpack(std::uint32_t from, std::uint32_t to, Rank middle,
              std::vector<std::uint32_t>& out) const;

  const ContractionHierarchy& hierarchy_;
  Side forward_;
  Side backward_;
  std::uint16_t round_ = 0;  // cycles through 1..65535; the stamps are cleared on wrapping
  Weight best_ = kInfinity;
  std::uint32_t meeting_ = 0;  // the rank where the best paths met
};

}  // namespace shouwang::routing
