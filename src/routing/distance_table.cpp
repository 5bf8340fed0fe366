#include <shouwang/routing/distance_table.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include <shouwang/routing/straight_drive.h>

namespace shouwang::routing {
namespace {

struct UpwardSearch {
  explicit UpwardSearch(std::size_t n) : round(n, 0), dist(n, kInfinity) {}

  // Runs an upward search over `arcs` from the entries; calls settle(rank, time) per node.
  template <typename Settle>
  void run(const ContractionHierarchy& ch, const ChArcs& arcs, const std::vector<TableEntry>& entries, Settle&& settle) {
    ++current;
    heap.clear();
    for (const auto& [node, offset] : entries) reach(ch.rank(node).value(), offset);
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), std::greater<>());
      const auto d = static_cast<Weight>(heap.back() >> 32);
      const auto r = static_cast<std::uint32_t>(heap.back());
      heap.pop_back();
      if (d != dist[r]) continue;
      settle(r, d);
      for (std::uint32_t a = arcs.first_out[r]; a < arcs.first_out[r + 1]; ++a) reach(arcs.head[a].value(), d + arcs.weight[a]);
    }
  }

  void reach(std::uint32_t r, Weight d) {
    if (round[r] != current || d < dist[r]) {
      round[r] = current;
      dist[r] = d;
      heap.push_back((static_cast<std::uint64_t>(d) << 32) | r);
      std::push_heap(heap.begin(), heap.end(), std::greater<>());
    }
  }

  std::vector<std::uint32_t> round;
  std::vector<Weight> dist;
  std::vector<std::uint64_t> heap;
  std::uint32_t current = 0;
};

}  // namespace

std::vector<std::vector<Weight>> distance_table(const ContractionHierarchy& ch,
                                                std::span<const std::vector<TableEntry>> sources,
                                                std::span<const std::vector<TableEntry>> targets) {
  std::vector<std::vector<Weight>> table(sources.size(), std::vector<Weight>(targets.size(), kInfinity));
  // Buckets: for every node, (target, time from the node to the target).
  std::vector<std::vector<std::pair<std::uint32_t, Weight>>> buckets(ch.node_count());
  UpwardSearch search(ch.node_count());
  for (std::uint32_t t = 0; t < targets.size(); ++t) {
    search.run(ch, ch.downward(), targets[t], [&](std::uint32_t r, Weight d) { buckets[r].emplace_back(t, d); });
  }
  for (std::size_t s = 0; s < sources.size(); ++s) {
    auto& row = table[s];
    search.run(ch, ch.upward(), sources[s], [&](std::uint32_t r, Weight d) {
      for (const auto& [t, to_target] : buckets[r]) row[t] = std::min(row[t], d + to_target);
    });
  }
  return table;
}

std::vector<std::vector<Weight>> distance_table(const ContractionHierarchy& ch,
                                                const RoadGraph& graph,
                                                std::span<const Snap> sources,
                                                std::span<const Snap> targets) {
  std::vector<std::vector<TableEntry>> entries, exits;
  entries.reserve(sources.size());
  exits.reserve(targets.size());
  for (const Snap& s : sources) entries.push_back(s.as_source(graph));
  for (const Snap& t : targets) exits.push_back(t.as_target(graph));
  auto table = distance_table(ch, entries, exits);
  // A straight drive from s to t needs t.arc to be s.arc or s.reverse: list the targets by
  // arc and look up those two per source.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> targets_on_arc;
  for (std::uint32_t j = 0; j < targets.size(); ++j) {
    targets_on_arc[targets[j].arc.value()].push_back(j);
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Snap& s = sources[i];
    for (const auto arc : {std::optional<ArcId>(s.arc), s.reverse}) {
      if (!arc) continue;
      const auto listed = targets_on_arc.find(arc->value());
      if (listed == targets_on_arc.end()) continue;
      for (const std::uint32_t j : listed->second) {
        const auto straight = straight_drive_time(graph, s, targets[j]);
        if (straight) table[i][j] = std::min(table[i][j], *straight);
      }
    }
  }
  return table;
}

}  // namespace shouwang::routing
