#include <shouwang/routing/dijkstra.h>

#include <algorithm>
#include <functional>

namespace shouwang::routing {
namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

}  // namespace

DijkstraQuery::DijkstraQuery(const RoadGraph& graph) : graph_(graph), labels_(graph.node_count()) {}

void DijkstraQuery::start() {
  if (++round_ == 0) {  // the counter wrapped: clear the marks once
    for (Label& label : labels_) label.round = 0;
    round_ = 1;
  }
  queue_.clear();
  settled_.clear();
}

Weight DijkstraQuery::time(NodeId v) const {
  const Label& label = labels_[v.value()];
  return label.round == round_ ? label.time : kInfinity;
}

void DijkstraQuery::relax(std::uint32_t v, Weight d, std::uint32_t parent) {
  Label& label = labels_[v];
  if (label.round != round_ || d < label.time) {
    label = {round_, d, parent};
    queue_.push(d, v);
  }
}

Weight DijkstraQuery::distance(NodeId source, NodeId target) {
  start();
  relax(source.value(), 0, kNone);
  const auto first_out = graph_.first_out();
  const auto heads = graph_.heads();
  const auto times = graph_.times();
  while (!queue_.empty()) {
    const auto [d, v] = queue_.pop();
    if (d != labels_[v].time) continue;  // stale entry
    if (v == target.value()) return d;
    for (std::uint32_t a = first_out[v]; a < first_out[v + 1]; ++a) relax(heads[a].value(), d + times[a], v);
  }
  return kInfinity;
}

NodeId DijkstraQuery::parent(NodeId v) const {
  const Label& label = labels_[v.value()];
  if (label.round != round_ || label.parent == kNone) return NodeId();
  return NodeId(label.parent);
}

std::vector<NodeId> DijkstraQuery::path_to(NodeId target) const {
  std::vector<NodeId> path;
  if (time(target) == kInfinity) return path;
  for (std::uint32_t v = target.value(); v != kNone; v = labels_[v].parent) path.push_back(NodeId(v));
  std::reverse(path.begin(), path.end());
  return path;
}

void DijkstraQuery::search(std::span<const std::pair<NodeId, Weight>> sources, Weight limit,
                           std::vector<Overrun>* overruns) {
  start();
  for (const auto& [s, offset] : sources) {
    if (offset <= limit) relax(s.value(), offset, kNone);
  }
  const auto first_out = graph_.first_out();
  const auto heads = graph_.heads();
  const auto times = graph_.times();
  while (!queue_.empty()) {
    const auto [d, v] = queue_.pop();
    if (d != labels_[v].time) continue;
    settled_.emplace_back(NodeId(v), d);
    for (std::uint32_t a = first_out[v]; a < first_out[v + 1]; ++a) {
      const Weight nd = d + times[a];
      if (nd <= limit) {
        const std::uint32_t w = heads[a].value();
        __builtin_prefetch(&first_out[w]);
        relax(w, nd, v);
      } else if (overruns != nullptr) {
        overruns->push_back({NodeId(v), ArcId(a), limit - d});
      }
    }
  }
}

void DijkstraQuery::run(const std::vector<std::pair<NodeId, Weight>>& sources, Weight limit,
                        const std::function<void(NodeId, Weight)>& visit) {
  search(sources, limit);
  for (const auto& [v, d] : settled_) visit(v, d);
}

}  // namespace shouwang::routing
