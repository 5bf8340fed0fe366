#include <shouwang/routing/dijkstra.h>

#include "routing/detail/dary_heap.h"

#include <algorithm>
#include <functional>

namespace shouwang::routing {
namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
// Heap keys pack (time, node) into one integer: one comparison orders by time, then node.
constexpr std::uint64_t key(Weight d, std::uint32_t v) { return (static_cast<std::uint64_t>(d) << 32) | v; }

}  // namespace

DijkstraQuery::DijkstraQuery(const RoadGraph& graph)
    : graph_(graph),
      dist_(graph.node_count(), kInfinity),
      parent_(graph.node_count(), kNone),
      stamp_(graph.node_count(), 0) {}

void DijkstraQuery::start() {
  if (++round_ == 0) {  // the counter wrapped: clear the marks once
    std::fill(stamp_.begin(), stamp_.end(), 0);
    round_ = 1;
  }
  heap_.clear();
}

Weight DijkstraQuery::time(NodeId v) const {
  return stamp_[v.value()] == round_ ? dist_[v.value()] : kInfinity;
}

void DijkstraQuery::relax(std::uint32_t v, Weight d, std::uint32_t parent) {
  if (stamp_[v] != round_ || d < dist_[v]) {
    stamp_[v] = round_;
    dist_[v] = d;
    parent_[v] = parent;
    detail::heap_push(heap_, key(d, v));
  }
}

Weight DijkstraQuery::distance(NodeId source, NodeId target) {
  start();
  relax(source.value(), 0, kNone);
  while (!heap_.empty()) {
    const std::uint64_t top = detail::heap_pop(heap_);
    const auto d = static_cast<Weight>(top >> 32);
    const auto v = static_cast<std::uint32_t>(top);
    if (d != dist_[v]) continue;  // stale entry
    if (v == target.value()) return d;
    const NodeId node(v);
    for (ArcId a = graph_.begin_out(node); a < graph_.end_out(node); a = ArcId(a.value() + 1)) {
      relax(graph_.head(a).value(), d + graph_.time_ms(a), v);
    }
  }
  return kInfinity;
}

NodeId DijkstraQuery::parent(NodeId v) const {
  if (stamp_[v.value()] != round_ || parent_[v.value()] == kNone) return NodeId();
  return NodeId(parent_[v.value()]);
}

std::vector<NodeId> DijkstraQuery::path_to(NodeId target) const {
  std::vector<NodeId> path;
  if (time(target) == kInfinity) return path;
  for (std::uint32_t v = target.value(); v != kNone; v = parent_[v]) path.push_back(NodeId(v));
  std::reverse(path.begin(), path.end());
  return path;
}

void DijkstraQuery::run(const std::vector<std::pair<NodeId, Weight>>& sources, Weight limit,
                        const std::function<void(NodeId, Weight)>& visit) {
  start();
  for (const auto& [s, offset] : sources) {
    if (offset <= limit) relax(s.value(), offset, kNone);
  }
  while (!heap_.empty()) {
    const std::uint64_t top = detail::heap_pop(heap_);
    const auto d = static_cast<Weight>(top >> 32);
    const auto v = static_cast<std::uint32_t>(top);
    if (d != dist_[v]) continue;
    visit(NodeId(v), d);
    const NodeId node(v);
    for (ArcId a = graph_.begin_out(node); a < graph_.end_out(node); a = ArcId(a.value() + 1)) {
      const Weight nd = d + graph_.time_ms(a);
      if (nd <= limit) relax(graph_.head(a).value(), nd, v);
    }
  }
}

}  // namespace shouwang::routing
