#include "routing/ch/witness_search.h"

#include <algorithm>

namespace shouwang::routing::ch {

WitnessSearch::WitnessSearch(std::size_t node_count) : labels_(node_count), heap_(node_count) {}

void WitnessSearch::next_round() {
  if (++round_ == 0) {  // the counter wrapped: clear the marks once
    for (Label& l : labels_)
      l.round = l.target_round = 0;
    round_ = 1;
  }
  heap_.clear();
}

void WitnessSearch::run(const ContractionGraph& graph, std::uint32_t source, std::uint32_t avoid,
                        std::span<const WitnessTarget> targets, std::uint32_t settled_limit) {
  next_round();
  std::size_t open = 0;
  Weight bound = 0;
  for (const WitnessTarget& t : targets) {
    Label& l = labels_[t.node];
    if (l.target_round != round_) {
      l.target_round = round_;
      l.bound = t.bound;
      ++open;
    } else {
      l.bound = std::max(l.bound, t.bound);
    }
    bound = std::max(bound, t.bound);
  }
  // A target is closed once a path within its bound is known (or it is settled).
  const auto reached = [&](Label& l, Weight d) {
    if (l.target_round == round_ && d <= l.bound) {
      l.target_round = 0;
      --open;
    }
  };
  Label& start = labels_[source];
  start.round = round_;
  start.distance = 0;
  reached(start, 0);
  heap_.push_or_update(source, 0);
  std::uint32_t settled = 0;
  while (open > 0 && !heap_.empty() && settled < settled_limit) {
    const auto [d, v] = heap_.pop();
    ++settled;
    Label& here = labels_[v];
    if (here.target_round == round_) {  // settled beyond its bound: no witness exists
      here.target_round = 0;
      --open;
    }
    for (const DynamicArc& a : graph.out(v)) {
      if (a.node == avoid)
        continue;
      const std::uint64_t sum = std::uint64_t{d} + a.weight;
      if (sum > bound)
        continue;
      const Weight nd = static_cast<Weight>(sum);
      Label& there = labels_[a.node];
      if (there.round != round_ || nd < there.distance) {
        there.round = round_;
        there.distance = nd;
        heap_.push_or_update(a.node, nd);
        reached(there, nd);
      }
    }
  }
}

}  // namespace shouwang::routing::ch
