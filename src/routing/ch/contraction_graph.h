#pragma once
// The shrinking graph that the CH construction contracts. Each remaining node keeps one
// entry per remaining neighbour, holding the arcs of both directions between the two
// (a missing direction has weight kInfinity), so removing a node touches only its
// neighbours' lists. Parallel arcs are merged into the fastest one. Nodes are plain
// 32-bit indices here (this is internal to the build).

#include <cstdint>
#include <span>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::ch {

inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

struct Neighbour {
  std::uint32_t node = kNoNode;
  Weight out = kInfinity;  // this → node
  Weight in = kInfinity;   // node → this
  std::uint32_t out_middle = kNoNode;  // kNoNode: a road arc
  std::uint32_t in_middle = kNoNode;
  std::uint32_t out_hops = 0;  // road arcs the arc stands for
  std::uint32_t in_hops = 0;
};

class ContractionGraph {
 public:
  // Every arc of `graph` except self-loops, parallel arcs merged.
  explicit ContractionGraph(const RoadGraph& graph);

  [[nodiscard]] std::size_t node_count() const { return adjacency_.size(); }
  [[nodiscard]] std::span<const Neighbour> neighbours(std::uint32_t v) const {
    return adjacency_[v];
  }

  // Adds the arc from → to, or lowers its weight if it is heavier: `weight` ms through
  // `middle` (kNoNode for a road arc), standing for `hops` road arcs. Precondition:
  // from != to, both remaining.
  void add_or_lower(std::uint32_t from, std::uint32_t to, Weight weight, std::uint32_t middle,
                    std::uint32_t hops);

  // Detaches `v` from its neighbours and frees its list; `v` must not be used again.
  void remove(std::uint32_t v);

 private:
  // The entry for `other` in `v`'s list, appended (with no arcs) if missing.
  Neighbour& entry(std::uint32_t v, std::uint32_t other);

  std::vector<std::vector<Neighbour>> adjacency_;
};

}  // namespace shouwang::routing::ch
