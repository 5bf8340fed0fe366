#include "routing/reference_dijkstra.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace shouwang::routing::testing {

ReferenceDijkstra::ReferenceDijkstra(const RoadGraph& graph)
    : graph_(graph), time_(graph.node_count(), kInfinity), settled_(graph.node_count(), false) {}

void ReferenceDijkstra::run(std::span<const GraphEntry> sources,
                            const std::function<bool(NodeId, Weight)>& settle) {
  std::fill(time_.begin(), time_.end(), kInfinity);
  std::fill(settled_.begin(), settled_.end(), false);
  using Item = std::pair<std::uint64_t, std::uint32_t>;  // (time, node)
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  for (const auto& [node, offset] : sources) {
    if (offset < time_[node.value()]) {
      time_[node.value()] = offset;
      queue.emplace(offset, node.value());
    }
  }
  while (!queue.empty()) {
    const auto [t, u] = queue.top();
    queue.pop();
    if (settled_[u] || t != time_[u]) {
      continue;
    }
    settled_[u] = true;
    if (settle && !settle(NodeId(u), time_[u])) {
      return;
    }
    for (ArcId a = graph_.begin_out(NodeId(u)); a < graph_.end_out(NodeId(u));
         a = ArcId(a.value() + 1)) {
      const std::uint32_t v = graph_.head(a).value();
      const std::uint64_t through = t + graph_.time_ms(a);
      if (!settled_[v] && through < time_[v]) {
        time_[v] = static_cast<Weight>(through);
        queue.emplace(through, v);
      }
    }
  }
}

Weight ReferenceDijkstra::time_to(std::span<const GraphEntry> targets) const {
  std::uint64_t best = kInfinity;
  for (const auto& [node, offset] : targets) {
    if (time_[node.value()] != kInfinity) {
      best = std::min<std::uint64_t>(best, std::uint64_t{time_[node.value()]} + offset);
    }
  }
  return static_cast<Weight>(best);
}

}  // namespace shouwang::routing::testing
