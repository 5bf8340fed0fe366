#include "routing/ch_oracle.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/dijkstra.h>

#include "routing/synthetic_graphs.h"

namespace shouwang::routing::testing {
namespace {

NodeId random_node(Rng& rng, const RoadGraph& graph) {
  return NodeId(static_cast<std::uint32_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(graph.node_count()) - 1)));
}

void noop(NodeId, Weight) {}

}  // namespace

void expect_matches_dijkstra(const RoadGraph& graph, const ContractionHierarchy& hierarchy,
                             Rng& rng, int sources, int targets, OracleCounts& counts) {
  DijkstraQuery dijkstra(graph);
  ChQuery query(hierarchy);
  for (int i = 0; i < sources; ++i) {
    const NodeId s = random_node(rng, graph);
    const std::vector<std::pair<NodeId, Weight>> start{{s, 0}};
    dijkstra.run(start, kInfinity, noop);
    for (int j = 0; j < targets; ++j) {
      // Now and then the source itself, otherwise any node.
      const NodeId t = rng.bernoulli(0.02) ? s : random_node(rng, graph);
      const Weight expected = dijkstra.time(t);
      const Weight got = query.distance(s, t);
      ++counts.pairs;
      ASSERT_EQ(got, expected) << "source " << s.value() << " target " << t.value();
      const std::vector<NodeId> path = query.path();
      if (expected == kInfinity) {
        ++counts.unreachable;
        ASSERT_TRUE(path.empty()) << "source " << s.value() << " target " << t.value();
        continue;
      }
      ASSERT_FALSE(path.empty()) << "source " << s.value() << " target " << t.value();
      ASSERT_EQ(path.front(), s);
      ASSERT_EQ(path.back(), t);
      const auto time = path_time(graph, path);
      ASSERT_TRUE(time.has_value())
          << "path is not a road path, source " << s.value() << " target " << t.value();
      ASSERT_EQ(*time, expected) << "source " << s.value() << " target " << t.value();
      if (path.size() > 10)
        ++counts.long_paths;
    }
  }
}

void expect_multi_matches_dijkstra(const RoadGraph& graph, const ContractionHierarchy& hierarchy,
                                   Rng& rng, int queries, OracleCounts& counts) {
  DijkstraQuery dijkstra(graph);
  ChQuery query(hierarchy);
  for (int i = 0; i < queries; ++i) {
    std::vector<std::pair<NodeId, Weight>> sources, targets;
    const auto fill = [&](std::vector<std::pair<NodeId, Weight>>& ends) {
      const auto k = rng.uniform_int(1, 4);
      for (std::int64_t j = 0; j < k; ++j) {
        ends.emplace_back(random_node(rng, graph), static_cast<Weight>(rng.uniform_int(0, 5000)));
      }
    };
    fill(sources);
    fill(targets);
    if (rng.bernoulli(0.1))
      targets.push_back(sources.front());  // source and target share a node

    dijkstra.run(sources, kInfinity, noop);  // the super-source: one search from all offsets
    Weight expected = kInfinity;
    for (const auto& [t, offset] : targets) {
      if (dijkstra.time(t) != kInfinity)
        expected = std::min(expected, dijkstra.time(t) + offset);
    }
    const Weight got = query.distance(sources, targets);
    ++counts.pairs;
    ASSERT_EQ(got, expected) << "query " << i;
    const std::vector<NodeId> path = query.path();
    if (expected == kInfinity) {
      ++counts.unreachable;
      ASSERT_TRUE(path.empty());
      continue;
    }
    ASSERT_FALSE(path.empty());
    const auto time = path_time(graph, path);
    ASSERT_TRUE(time.has_value()) << "path is not a road path, query " << i;
    // The path runs from one of the sources to one of the targets, offsets included.
    bool explained = false;
    for (const auto& [s, source_offset] : sources) {
      for (const auto& [t, target_offset] : targets) {
        if (s == path.front() && t == path.back() && source_offset + *time + target_offset == got) {
          explained = true;
        }
      }
    }
    ASSERT_TRUE(explained) << "query " << i << ": the path does not account for the distance";
    if (path.size() > 10)
      ++counts.long_paths;
  }
}

}  // namespace shouwang::routing::testing
