#pragma once
// The local Dijkstra search that decides whether contracting a node needs shortcuts:
// from one in-neighbour u of the node v, over the remaining graph without v, it looks
// for paths to v's out-neighbours that are no longer than the paths through v (the
// witnesses). It is bounded by a settled-node limit, so a missed witness only costs a
// superfluous shortcut, never a wrong distance. One object per thread; O(1) reset.

#include <cstdint>
#include <span>
#include <vector>

#include "routing/ch/contraction_graph.h"
#include "routing/ch/indexed_heap.h"

namespace shouwang::routing::ch {

// A node the search should reach within `bound` ms.
struct WitnessTarget {
  std::uint32_t node;
  Weight bound;
};

class WitnessSearch {
 public:
  explicit WitnessSearch(std::size_t node_count);

  // Searches from `source` without entering `avoid`, settling at most `settled_limit`
  // nodes and never going past the largest bound. Stops early once every target has a
  // path within its bound or is settled.
  void run(const ContractionGraph& graph, std::uint32_t source, std::uint32_t avoid,
           std::span<const WitnessTarget> targets, std::uint32_t settled_limit);

  // The length of a path found by the last run from its source to `v` (not necessarily
  // the shortest if the search stopped early), kInfinity if none was found.
  [[nodiscard]] Weight distance(std::uint32_t v) const {
    return labels_[v].round == round_ ? labels_[v].distance : kInfinity;
  }

 private:
  struct Label {
    std::uint32_t round = 0;  // == round_: distance is from this run
    Weight distance = kInfinity;
    std::uint32_t target_round = 0;  // == round_: an open target of this run
    Weight bound = 0;                // its bound
  };

  void next_round();

  std::vector<Label> labels_;
  std::uint32_t round_ = 0;
  IndexedMinHeap<Weight> heap_;
};

}  // namespace shouwang::routing::ch
