#include <shouwang/routing/components.h>

#include <algorithm>

namespace shouwang::routing {

ComponentSplit largest_strongly_connected(const RoadGraph& graph) {
  // Iterative Tarjan: an explicit call stack of (node, next arc) frames.
  const std::size_t n = graph.node_count();
  constexpr std::uint32_t kUnvisited = 0xFFFFFFFFu;
  std::vector<std::uint32_t> index(n, kUnvisited), low(n, 0), component(n, kUnvisited);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> frames;  // node, next arc
  std::uint32_t next_index = 0;
  std::vector<std::size_t> sizes;
  const auto first_out = graph.first_out();
  const auto heads = graph.heads();

  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    frames.emplace_back(root, first_out[root]);
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [v, arc] = frames.back();
      if (arc < first_out[v + 1]) {
        const std::uint32_t w = heads[arc++].value();
        if (index[w] == kUnvisited) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          on_stack[w] = true;
          frames.emplace_back(w, first_out[w]);
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::uint32_t done = v;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] == index[done]) {
        const auto id = static_cast<std::uint32_t>(sizes.size());
        std::size_t size = 0;
        std::uint32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          component[w] = id;
          ++size;
        } while (w != done);
        sizes.push_back(size);
      }
    }
  }
  ComponentSplit split;
  split.component_count = sizes.size();
  split.in_largest.assign(n, false);
  if (sizes.empty()) return split;
  const auto largest = static_cast<std::uint32_t>(std::max_element(sizes.begin(), sizes.end()) - sizes.begin());
  split.largest_size = sizes[largest];
  for (std::size_t v = 0; v < n; ++v) split.in_largest[v] = component[v] == largest;
  return split;
}

RoadGraph induced_subgraph(const RoadGraph& graph, const std::vector<bool>& keep, std::vector<NodeId>& old_to_new) {
  old_to_new.assign(graph.node_count(), NodeId());
  std::vector<LatLon> coords;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    if (!keep[v]) continue;
    old_to_new[v] = NodeId(static_cast<std::uint32_t>(coords.size()));
    coords.push_back(graph.coordinate(NodeId(v)));
  }
  std::vector<ArcInput> arcs;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    if (!keep[v]) continue;
    for (ArcId a = graph.begin_out(NodeId(v)); a < graph.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      const NodeId w = graph.head(a);
      if (keep[w.value()]) arcs.push_back({old_to_new[v], old_to_new[w.value()], graph.time_ms(a), graph.length_dm(a)});
    }
  }
  return std::move(RoadGraph::build(std::move(coords), std::move(arcs))).value();
}

}  // namespace shouwang::routing
