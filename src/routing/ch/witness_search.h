#pragma once
// The local Dijkstra search that decides whether contracting a node needs a shortcut:
// from one in-neighbour u of the node v, over the remaining graph without v, it looks
// for paths to v's out-neighbours that are no longer than the path through v. The search
// is bounded (a settled-node limit and a distance bound), so a missed witness only costs
// a superfluous shortcut, never a wrong distance. One object per thread; O(1) reset.

#include <cstdint>
#include <span>
#include <vector>

#include "routing/ch/contraction_graph.h"
#include "routing/ch/indexed_heap.h"

namespace shouwang::routing::ch {

class WitnessSearch {
 public:
  explicit WitnessSearch(std::size_t node_count);

  // Searches from `source` without entering `avoid`, settling at most `settled_limit`
  // nodes and none farther than `bound`; stops early once every node of `targets` is
  // settled.
  void run(const ContractionGraph& graph, std::uint32_t source, std::uint32_t avoid,
           std::span<const std::uint32_t> targets, Weight bound, std::uint32_t settled_limit);

  // The length of a path found by the last run from its source to `v` (not necessarily
  // the shortest if the search stopped early), kInfinity if none was found.
  [[nodiscard]] Weight distance(std::uint32_t v) const {
    return reached_[v] == round_ ? distance_[v] : kInfinity;
  }

 private:
  void next_round();

  std::vector<Weight> distance_;
  std::vector<std::uint32_t> reached_;  // == round_: distance_ is set
  std::vector<std::uint32_t> target_;   // == round_: an unsettled target
  std::uint32_t round_ = 0;
  IndexedMinHeap<Weight> heap_;
};

}  // namespace shouwang::routing::ch
