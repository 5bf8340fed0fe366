#include "routing/ch/contraction_graph.h"

#include <algorithm>
#include <cassert>

namespace shouwang::routing::ch {

ContractionGraph::ContractionGraph(const RoadGraph& graph) : adjacency_(graph.node_count()) {
  const auto first_out = graph.first_out();
  const auto heads = graph.heads();
  const auto times = graph.times();
  // Size every list once (an arc appears at both ends) to avoid regrowing them.
  std::vector<std::uint32_t> degree(graph.node_count(), 0);
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    for (std::uint32_t a = first_out[v]; a < first_out[v + 1]; ++a) {
      ++degree[v];
      ++degree[heads[a].value()];
    }
  }
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) adjacency_[v].reserve(degree[v]);
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    for (std::uint32_t a = first_out[v]; a < first_out[v + 1]; ++a) {
      const std::uint32_t w = heads[a].value();
      if (w != v) add_or_lower(v, w, times[a], kNoNode, 1);
    }
  }
}

Neighbour& ContractionGraph::entry(std::uint32_t v, std::uint32_t other) {
  auto& list = adjacency_[v];
  for (Neighbour& n : list) {
    if (n.node == other) return n;
  }
  list.push_back(Neighbour{.node = other});
  return list.back();
}

void ContractionGraph::add_or_lower(std::uint32_t from, std::uint32_t to, Weight weight,
                                    std::uint32_t middle, std::uint32_t hops) {
  assert(from != to);
  Neighbour& forward = entry(from, to);
  if (forward.out <= weight) return;
  forward.out = weight;
  forward.out_middle = middle;
  forward.out_hops = hops;
  Neighbour& backward = entry(to, from);
  backward.in = weight;
  backward.in_middle = middle;
  backward.in_hops = hops;
}

void ContractionGraph::remove(std::uint32_t v) {
  for (const Neighbour& n : adjacency_[v]) {
    auto& list = adjacency_[n.node];
    const auto it = std::find_if(list.begin(), list.end(),
                                 [v](const Neighbour& x) { return x.node == v; });
    assert(it != list.end());
    *it = list.back();
    list.pop_back();
  }
  std::vector<Neighbour>().swap(adjacency_[v]);
}

}  // namespace shouwang::routing::ch
