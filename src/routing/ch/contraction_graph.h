#pragma once
// The shrinking graph that the CH construction contracts: for every remaining node, its
// arcs out to and in from the other remaining nodes, with at most one arc per ordered
// pair (parallel arcs are merged into the fastest). Removing a node touches only its
// neighbours' lists. Nodes are plain 32-bit indices here (this is internal to the build).

#include <cstdint>
#include <span>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::ch {

inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

// An arc as seen from one of its ends: `node` is the other end.
struct DynamicArc {
  std::uint32_t node = kNoNode;
  Weight weight = kInfinity;
  std::uint32_t middle = kNoNode;  // kNoNode: a road arc
  std::uint32_t hops = 0;          // road arcs the arc stands for
};

class ContractionGraph {
 public:
  // Every arc of `graph` except self-loops, parallel arcs merged.
  explicit ContractionGraph(const RoadGraph& graph);

  [[nodiscard]] std::size_t node_count() const { return out_.size(); }
  [[nodiscard]] std::span<const DynamicArc> out(std::uint32_t v) const { return out_[v]; }
  [[nodiscard]] std::span<const DynamicArc> in(std::uint32_t v) const { return in_[v]; }

  // Adds the arc from → to, or lowers its weight if it is heavier: `weight` ms through
  // `middle` (kNoNode for a road arc), standing for `hops` road arcs. Precondition:
  // from != to, both remaining.
  void add_or_lower(std::uint32_t from, std::uint32_t to, Weight weight, std::uint32_t middle,
                    std::uint32_t hops);

  // Detaches `v` from its neighbours and frees its lists; `v` must not be used again.
  void remove(std::uint32_t v);

 private:
  std::vector<std::vector<DynamicArc>> out_;
  std::vector<std::vector<DynamicArc>> in_;
};

}  // namespace shouwang::routing::ch
