// ContractionHierarchy::build: the node order and the shortcuts.
//
// Method. Every node gets a priority from a simulated contraction (how many shortcuts it
// would add and how many road arcs they would stand for, relative to the arcs it removes,
// plus its level and the number of its neighbours already contracted). The node with the
// lowest priority is contracted next; its priority is first recomputed ("lazy update")
// and, if it is no longer the lowest, it goes back into the queue. After a contraction the
// priorities of the node's neighbours are recomputed, since their surroundings changed.
// A contracted node's remaining arcs become its arcs in the hierarchy: they all lead to
// nodes contracted later, i.e. to higher ranks.

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <shouwang/routing/contraction_hierarchy.h>

#include "routing/ch/contraction_graph.h"
#include "routing/ch/indexed_heap.h"
#include "routing/ch/witness_search.h"

namespace shouwang::routing {
namespace {

using ch::ContractionGraph;
using ch::DynamicArc;
using ch::kNoNode;

struct Shortcut {
  std::uint32_t from;
  std::uint32_t to;
  Weight weight;
  std::uint32_t hops;
};

// Weights of the priority terms (see the file comment), chosen by measuring upward search
// spaces on imported city graphs and the synthetic benchmark graph. The quotients keep the
// hierarchy sparse; the level and deleted-neighbour terms spread contractions evenly over
// the graph, which keeps the upward search spaces small.
constexpr double kEdgeQuotientWeight = 1.0;
constexpr double kHopQuotientWeight = 1.0;
constexpr double kLevelWeight = 0.5;
constexpr double kDeletedWeight = 0.05;
constexpr double kPriorityScale = 1024.0;

// Holds the shrinking graph and contracts it; `order` and the arc lists are the result.
class Contractor {
 public:
  Contractor(const RoadGraph& graph, const ChBuildOptions& options)
      : options_(options),
        graph_(graph),
        witness_(graph.node_count()),
        queue_(graph.node_count()),
        level_(graph.node_count(), 0),
        deleted_(graph.node_count(), 0),
        touched_at_(graph.node_count(), 0) {}

  void run(std::vector<NodeId>& order, ChArcs& up, ChArcs& down) {
    const std::uint32_t n = static_cast<std::uint32_t>(graph_.node_count());
    order.reserve(n);
    up.first_out.reserve(std::size_t{n} + 1);
    down.first_out.reserve(std::size_t{n} + 1);
    for (std::uint32_t v = 0; v < n; ++v) {
      queue_.push_or_update(v, priority(v, options_.priority_settled_limit, shortcuts_));
    }
    const bool reuse = options_.priority_settled_limit == options_.witness_settled_limit;
    while (!queue_.empty()) {
      const std::uint32_t v = queue_.top().id;
      // Lazy update: recompute, and contract only if v is still the least important.
      const std::uint64_t key = priority(v, options_.witness_settled_limit, shortcuts_);
      queue_.push_or_update(v, key);
      if (queue_.top().id != v)
        continue;
      queue_.pop();
      if (!reuse)
        find_shortcuts(v, options_.witness_settled_limit, shortcuts_);
      contract(v, order, up, down);
    }
  }

 private:
  // The shortcuts contracting `v` now would need, by witness searches of at most `limit`
  // settled nodes each.
  void find_shortcuts(std::uint32_t v, std::uint32_t limit, std::vector<Shortcut>& out) {
    out.clear();
    const auto outgoing = graph_.out(v);
    for (const DynamicArc& from : graph_.in(v)) {
      targets_.clear();
      target_hops_.clear();
      for (const DynamicArc& to : outgoing) {
        if (to.node == from.node)
          continue;
        targets_.push_back({to.node, via_weight(from.weight, to.weight)});
        target_hops_.push_back(from.hops + to.hops);
      }
      if (targets_.empty())
        continue;
      witness_.run(graph_, from.node, v, targets_, limit);
      for (std::size_t i = 0; i < targets_.size(); ++i) {
        const ch::WitnessTarget& t = targets_[i];
        if (witness_.distance(t.node) > t.bound) {
          out.push_back({from.node, t.node, t.bound, target_hops_[i]});
        }
      }
    }
  }

  // Path sums are assumed to fit (see road_graph.h); saturate rather than wrap if not.
  static Weight via_weight(Weight a, Weight b) {
    const std::uint64_t sum = std::uint64_t{a} + b;
    return sum >= kInfinity ? kInfinity - 1 : static_cast<Weight>(sum);
  }

  // The queue key of `v`: its priority in fixed point. Equal keys fall back to the node id
  // (the heap's tie-break), so the order is deterministic.
  std::uint64_t priority(std::uint32_t v, std::uint32_t limit, std::vector<Shortcut>& shortcuts) {
    find_shortcuts(v, limit, shortcuts);
    const auto removed = static_cast<std::uint32_t>(graph_.out(v).size() + graph_.in(v).size());
    std::uint64_t removed_hops = 0;
    for (const DynamicArc& a : graph_.out(v))
      removed_hops += a.hops;
    for (const DynamicArc& a : graph_.in(v))
      removed_hops += a.hops;
    std::uint64_t added_hops = 0;
    for (const Shortcut& s : shortcuts)
      added_hops += s.hops;
    const double p =
        kEdgeQuotientWeight * static_cast<double>(shortcuts.size()) / std::max(removed, 1u) +
        kHopQuotientWeight * static_cast<double>(added_hops) /
            static_cast<double>(std::max<std::uint64_t>(removed_hops, 1)) +
        kLevelWeight * level_[v] + kDeletedWeight * deleted_[v];
    return static_cast<std::uint64_t>(p * kPriorityScale);
  }

  // Makes `v` the next rank: its arcs go to the hierarchy, shortcuts_ replace it.
  void contract(std::uint32_t v, std::vector<NodeId>& order, ChArcs& up, ChArcs& down) {
    const auto rank = static_cast<std::uint32_t>(order.size());
    order.push_back(NodeId(v));
    touched_.clear();
    const auto touch = [&](std::uint32_t x) {
      if (touched_at_[x] != rank + 1) {
        touched_at_[x] = rank + 1;
        touched_.push_back(x);
      }
    };
    for (const DynamicArc& a : graph_.out(v)) {
      touch(a.node);
      up.head.push_back(Rank(a.node));  // a node id for now; ranks are known at the end
      up.weight.push_back(a.weight);
      up.middle.push_back(a.middle == kNoNode ? Rank() : Rank(a.middle));
    }
    for (const DynamicArc& a : graph_.in(v)) {
      touch(a.node);
      down.head.push_back(Rank(a.node));
      down.weight.push_back(a.weight);
      down.middle.push_back(a.middle == kNoNode ? Rank() : Rank(a.middle));
    }
    up.first_out.push_back(static_cast<std::uint32_t>(up.head.size()));
    down.first_out.push_back(static_cast<std::uint32_t>(down.head.size()));
    graph_.remove(v);
    for (const Shortcut& s : shortcuts_)
      graph_.add_or_lower(s.from, s.to, s.weight, v, s.hops);
    for (const std::uint32_t x : touched_) {
      level_[x] = std::max(level_[x], level_[v] + 1);
      ++deleted_[x];
      queue_.push_or_update(x, priority(x, options_.priority_settled_limit, scratch_));
    }
  }

  ChBuildOptions options_;
  ContractionGraph graph_;
  ch::WitnessSearch witness_;
  ch::IndexedMinHeap<std::uint64_t> queue_;
  std::vector<std::uint32_t> level_;
  std::vector<std::uint32_t> deleted_;
  std::vector<std::uint32_t> touched_at_;  // rank + 1 of the last contraction that touched it
  std::vector<ch::WitnessTarget> targets_;
  std::vector<std::uint32_t> target_hops_;  // road arcs of the path through v, per target
  std::vector<std::uint32_t> touched_;
  std::vector<Shortcut> shortcuts_;
  std::vector<Shortcut> scratch_;
};

// Rewrites the node ids that `contract` stored as heads and middles into ranks, and drops
// the arrays' spare capacity (the hierarchy lives long).
void to_ranks(ChArcs& arcs, const std::vector<Rank>& rank) {
  for (Rank& h : arcs.head)
    h = rank[h.value()];
  for (Rank& m : arcs.middle) {
    if (m.valid())
      m = rank[m.value()];
  }
  arcs.head.shrink_to_fit();
  arcs.weight.shrink_to_fit();
  arcs.middle.shrink_to_fit();
}

}  // namespace

ContractionHierarchy ContractionHierarchy::build(const RoadGraph& graph,
                                                 const ChBuildOptions& options) {
  ContractionHierarchy h;
  {
    Contractor contractor(graph, options);
    contractor.run(h.order_, h.up_, h.down_);
  }
  h.rank_.assign(h.order_.size(), Rank());
  for (std::uint32_t r = 0; r < h.order_.size(); ++r)
    h.rank_[h.order_[r].value()] = Rank(r);
  to_ranks(h.up_, h.rank_);
  to_ranks(h.down_, h.rank_);
  return h;
}

}  // namespace shouwang::routing
