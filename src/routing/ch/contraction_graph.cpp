#include "routing/ch/contraction_graph.h"

#include <algorithm>
#include <cassert>

namespace shouwang::routing::ch {
namespace {

DynamicArc* find(std::vector<DynamicArc>& list, std::uint32_t node) {
  for (DynamicArc& a : list) {
    if (a.node == node)
      return &a;
  }
  return nullptr;
}

void erase(std::vector<DynamicArc>& list, std::uint32_t node) {
  DynamicArc* a = find(list, node);
  assert(a != nullptr);
  *a = list.back();
  list.pop_back();
}

}  // namespace

ContractionGraph::ContractionGraph(const RoadGraph& graph)
    : out_(graph.node_count()), in_(graph.node_count()) {
  const auto first_out = graph.first_out();
  const auto heads = graph.heads();
  const auto times = graph.times();
  // Size every list once to avoid regrowing them.
  std::vector<std::uint32_t> in_degree(graph.node_count(), 0);
  for (const NodeId h : heads)
    ++in_degree[h.value()];
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    out_[v].reserve(first_out[v + 1] - first_out[v]);
    in_[v].reserve(in_degree[v]);
  }
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    for (std::uint32_t a = first_out[v]; a < first_out[v + 1]; ++a) {
      const std::uint32_t w = heads[a].value();
      if (w != v)
        add_or_lower(v, w, times[a], kNoNode, 1);
    }
  }
}

void ContractionGraph::add_or_lower(std::uint32_t from, std::uint32_t to, Weight weight,
                                    std::uint32_t middle, std::uint32_t hops) {
  assert(from != to);
  const DynamicArc forward{to, weight, middle, hops};
  const DynamicArc backward{from, weight, middle, hops};
  DynamicArc* existing = find(out_[from], to);
  if (existing == nullptr) {
    out_[from].push_back(forward);
    in_[to].push_back(backward);
    return;
  }
  if (existing->weight <= weight)
    return;
  *existing = forward;
  DynamicArc* mirror = find(in_[to], from);
  assert(mirror != nullptr);
  *mirror = backward;
}

void ContractionGraph::remove(std::uint32_t v) {
  for (const DynamicArc& a : out_[v])
    erase(in_[a.node], v);
  for (const DynamicArc& a : in_[v])
    erase(out_[a.node], v);
  std::vector<DynamicArc>().swap(out_[v]);
  std::vector<DynamicArc>().swap(in_[v]);
}

}  // namespace shouwang::routing::ch
