#include "routing/ch/witness_search.h"

#include <algorithm>

namespace shouwang::routing::ch {

WitnessSearch::WitnessSearch(std::size_t node_count)
    : distance_(node_count, kInfinity),
      reached_(node_count, 0),
      target_(node_count, 0),
      heap_(node_count) {}

void WitnessSearch::next_round() {
  if (++round_ == 0) {  // the counter wrapped: clear the marks once
    std::fill(reached_.begin(), reached_.end(), 0);
    std::fill(target_.begin(), target_.end(), 0);
    round_ = 1;
  }
  heap_.clear();
}

void WitnessSearch::run(const ContractionGraph& graph, std::uint32_t source, std::uint32_t avoid,
                        std::span<const std::uint32_t> targets, Weight bound,
                        std::uint32_t settled_limit) {
  next_round();
  std::size_t open_targets = 0;
  for (const std::uint32_t t : targets) {
    if (target_[t] != round_) {
      target_[t] = round_;
      ++open_targets;
    }
  }
  reached_[source] = round_;
  distance_[source] = 0;
  heap_.push_or_update(source, 0);
  std::uint32_t settled = 0;
  while (!heap_.empty() && open_targets > 0 && settled < settled_limit) {
    const auto [d, v] = heap_.pop();
    if (d > bound) break;
    ++settled;
    if (target_[v] == round_) {
      target_[v] = 0;
      --open_targets;
    }
    for (const Neighbour& n : graph.neighbours(v)) {
      if (n.out == kInfinity || n.node == avoid) continue;
      const std::uint64_t sum = std::uint64_t{d} + n.out;
      if (sum > bound) continue;
      const Weight nd = static_cast<Weight>(sum);
      if (reached_[n.node] != round_ || nd < distance_[n.node]) {
        reached_[n.node] = round_;
        distance_[n.node] = nd;
        heap_.push_or_update(n.node, nd);
      }
    }
  }
}

}  // namespace shouwang::routing::ch
