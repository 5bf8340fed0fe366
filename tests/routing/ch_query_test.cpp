// ChQuery against plain Dijkstra: over 10,000 seeded (source, target) pairs in total on
// random sparse graphs, a one-way grid and a road-like graph of over 50,000 nodes, plus queries
// with several sources and targets.

#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>

#include "routing/ch_oracle.h"
#include "routing/synthetic_graphs.h"

namespace shouwang::routing {
namespace {

using testing::OracleCounts;

TEST(ChQuery, MatchesDijkstraOnRandomSparseGraphs) {
  Rng rng(20240611);
  OracleCounts counts;
  for (int g = 0; g < 40; ++g) {
    const auto n = static_cast<std::uint32_t>(rng.uniform_int(2, 600));
    // Between very sparse (many unreachable pairs) and fairly dense.
    const auto arcs = static_cast<std::uint32_t>(n * rng.uniform(0.8, 3.0));
    const RoadGraph graph = testing::random_sparse_graph(rng, n, arcs);
    const auto hierarchy = ContractionHierarchy::build(graph);
    ASSERT_TRUE(hierarchy.check().ok()) << hierarchy.check().error().message;
    testing::expect_matches_dijkstra(graph, hierarchy, rng, 10, 10, counts);
    if (HasFatalFailure())
      return;
  }
  EXPECT_EQ(counts.pairs, 4000u);
  EXPECT_GT(counts.unreachable, 100u);  // the oracle also covered unreachable pairs
  EXPECT_GT(counts.long_paths, 100u);   // and paths that unpack long shortcut chains
}

TEST(ChQuery, MatchesDijkstraOnOneWayGrid) {
  Rng rng(7);
  const RoadGraph graph = testing::one_way_grid(rng, 80, 60);
  const auto hierarchy = ContractionHierarchy::build(graph);
  ASSERT_TRUE(hierarchy.check().ok()) << hierarchy.check().error().message;
  OracleCounts counts;
  testing::expect_matches_dijkstra(graph, hierarchy, rng, 60, 50, counts);
  EXPECT_EQ(counts.pairs, 3000u);
  EXPECT_GT(counts.long_paths, 2000u);
}

TEST(ChQuery, MatchesDijkstraOnRoadLikeGraph) {
  const RoadGraph graph = testing::road_like_graph(11, 78);
  ASSERT_GT(graph.node_count(), 50'000u);
  const auto hierarchy = ContractionHierarchy::build(graph);
  ASSERT_TRUE(hierarchy.check().ok()) << hierarchy.check().error().message;
  Rng rng(12);
  OracleCounts counts;
  testing::expect_matches_dijkstra(graph, hierarchy, rng, 60, 50, counts);
  EXPECT_EQ(counts.pairs, 3000u);
  EXPECT_GT(counts.long_paths, 2500u);
}

TEST(ChQuery, SeveralSourcesAndTargetsMatchSuperSourceDijkstra) {
  Rng rng(99);
  OracleCounts counts;
  for (int g = 0; g < 10; ++g) {
    const auto n = static_cast<std::uint32_t>(rng.uniform_int(2, 800));
    const RoadGraph graph = testing::random_sparse_graph(rng, n, 2 * n);
    const auto hierarchy = ContractionHierarchy::build(graph);
    testing::expect_multi_matches_dijkstra(graph, hierarchy, rng, 100, counts);
    if (HasFatalFailure())
      return;
  }
  const RoadGraph grid = testing::one_way_grid(rng, 40, 40);
  testing::expect_multi_matches_dijkstra(grid, ContractionHierarchy::build(grid), rng, 500, counts);
  EXPECT_EQ(counts.pairs, 1500u);
  EXPECT_GT(counts.unreachable, 10u);
  EXPECT_GT(counts.long_paths, 300u);
}

TEST(ChQuery, SourceEqualsTarget) {
  Rng rng(3);
  const RoadGraph graph = testing::one_way_grid(rng, 10, 10);
  const auto hierarchy = ContractionHierarchy::build(graph);
  ChQuery query(hierarchy);
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    ASSERT_EQ(query.distance(NodeId(v), NodeId(v)), 0u);
    ASSERT_EQ(query.path(), std::vector<NodeId>{NodeId(v)});
  }
}

TEST(ChQuery, UnreachableTargetGivesInfinityAndNoPath) {
  // 0 → 1 → 2 one way, 3 isolated.
  const std::vector<LatLon> coords(4, LatLon{31.0, 121.0});
  const auto graph =
      RoadGraph::build(coords, {{NodeId(0), NodeId(1), 10, 1}, {NodeId(1), NodeId(2), 20, 1}});
  ASSERT_TRUE(graph.ok());
  const auto hierarchy = ContractionHierarchy::build(*graph);
  ChQuery query(hierarchy);
  EXPECT_EQ(query.distance(NodeId(0), NodeId(2)), 30u);
  EXPECT_EQ(query.path(), (std::vector<NodeId>{NodeId(0), NodeId(1), NodeId(2)}));
  EXPECT_EQ(query.distance(NodeId(2), NodeId(0)), kInfinity);
  EXPECT_TRUE(query.path().empty());
  EXPECT_EQ(query.distance(NodeId(0), NodeId(3)), kInfinity);
  EXPECT_TRUE(query.path().empty());
}

TEST(ChQuery, PathIsEmptyBeforeAnySearch) {
  Rng rng(4);
  const RoadGraph graph = testing::one_way_grid(rng, 5, 5);
  const auto hierarchy = ContractionHierarchy::build(graph);
  const ChQuery query(hierarchy);
  EXPECT_TRUE(query.path().empty());
}

TEST(ChQuery, SingleNodeGraph) {
  const auto graph = RoadGraph::build({LatLon{31.0, 121.0}}, {});
  ASSERT_TRUE(graph.ok());
  const auto hierarchy = ContractionHierarchy::build(*graph);
  ChQuery query(hierarchy);
  EXPECT_EQ(query.distance(NodeId(0), NodeId(0)), 0u);
  EXPECT_EQ(query.path(), std::vector<NodeId>{NodeId(0)});
}

TEST(ChQuery, GraphWithoutArcs) {
  const auto graph = RoadGraph::build(std::vector<LatLon>(6, LatLon{31.0, 121.0}), {});
  ASSERT_TRUE(graph.ok());
  const auto hierarchy = ContractionHierarchy::build(*graph);
  EXPECT_EQ(hierarchy.arc_count(), 0u);
  ChQuery query(hierarchy);
  for (std::uint32_t s = 0; s < 6; ++s) {
    for (std::uint32_t t = 0; t < 6; ++t) {
      EXPECT_EQ(query.distance(NodeId(s), NodeId(t)), s == t ? 0u : kInfinity);
    }
  }
}

TEST(ChQuery, EmptySourceOrTargetListReachesNothing) {
  Rng rng(5);
  const RoadGraph graph = testing::one_way_grid(rng, 5, 5);
  const auto hierarchy = ContractionHierarchy::build(graph);
  ChQuery query(hierarchy);
  const std::vector<std::pair<NodeId, Weight>> some{{NodeId(1), 5}}, none;
  EXPECT_EQ(query.distance(some, none), kInfinity);
  EXPECT_EQ(query.distance(none, some), kInfinity);
  EXPECT_TRUE(query.path().empty());
}

TEST(ChQuery, OffsetsChooseTheCheaperEnd) {
  // A road segment a ↔ b (100 ms) with a position on it: leaving towards a costs 70 ms,
  // towards b 30 ms. Target c hangs off a (10 ms); d hangs off b (10 ms).
  //   c — a ——— b — d
  const std::vector<LatLon> coords(4, LatLon{31.0, 121.0});
  const NodeId a(0), b(1), c(2), d(3);
  const auto graph = RoadGraph::build(
      coords,
      {{a, b, 100, 1}, {b, a, 100, 1}, {a, c, 10, 1}, {c, a, 10, 1}, {b, d, 10, 1}, {d, b, 10, 1}});
  ASSERT_TRUE(graph.ok());
  const auto hierarchy = ContractionHierarchy::build(*graph);
  ChQuery query(hierarchy);
  const std::vector<std::pair<NodeId, Weight>> position{{a, 70}, {b, 30}};
  const std::vector<std::pair<NodeId, Weight>> to_c{{c, 0}}, to_d{{d, 0}};
  EXPECT_EQ(query.distance(position, to_c), 80u);  // via a, not 30 + 100 + 10
  EXPECT_EQ(query.path(), (std::vector<NodeId>{a, c}));
  EXPECT_EQ(query.distance(position, to_d), 40u);
  EXPECT_EQ(query.path(), (std::vector<NodeId>{b, d}));
  // The same node with two offsets counts with the smaller one.
  const std::vector<std::pair<NodeId, Weight>> twice{{c, 50}, {c, 5}};
  EXPECT_EQ(query.distance(twice, to_d), 5u + 10u + 100u + 10u);
}

TEST(ChQuery, StaysExactWhenTheLabelVersionsRunOut) {
  // The labels carry versions that run out and are reset every 65,535 searches. The first
  // search leaves a backward label at node 2; searches from 2 to 0 never touch it again,
  // so if the reset were missing it would count as current once the version comes round,
  // and 2 → 0 (impossible: the road is one-way) would meet it at distance 0.
  const std::vector<LatLon> coords(3, LatLon{31.0, 121.0});
  const auto graph =
      RoadGraph::build(coords, {{NodeId(0), NodeId(1), 100, 1}, {NodeId(1), NodeId(2), 100, 1}});
  ASSERT_TRUE(graph.ok());
  const auto hierarchy = ContractionHierarchy::build(*graph);
  ChQuery query(hierarchy);
  ASSERT_EQ(query.distance(NodeId(0), NodeId(2)), 200u);
  for (int i = 0; i < 140'000; ++i) {
    ASSERT_EQ(query.distance(NodeId(2), NodeId(0)), kInfinity) << "search " << i;
  }
  EXPECT_EQ(query.distance(NodeId(0), NodeId(2)), 200u);
}

TEST(ChQuery, QueriesOnSeveralThreadsShareOneHierarchy) {
  const RoadGraph graph = testing::road_like_graph(21, 30);
  const auto last = static_cast<std::int64_t>(graph.node_count()) - 1;
  const auto hierarchy = ContractionHierarchy::build(graph);
  Rng rng(22);
  std::vector<std::pair<NodeId, NodeId>> pairs;
  std::vector<Weight> expected;
  DijkstraQuery dijkstra(graph);
  for (int i = 0; i < 200; ++i) {
    const NodeId s(static_cast<std::uint32_t>(rng.uniform_int(0, last)));
    const NodeId t(static_cast<std::uint32_t>(rng.uniform_int(0, last)));
    pairs.emplace_back(s, t);
    expected.push_back(dijkstra.distance(s, t));
  }
  std::vector<std::vector<Weight>> got(2);
  std::vector<std::thread> threads;
  for (int k = 0; k < 2; ++k) {
    threads.emplace_back([&, k] {
      ChQuery query(hierarchy);
      for (int round = 0; round < 5; ++round) {
        for (const auto& [s, t] : pairs)
          got[static_cast<std::size_t>(k)].push_back(query.distance(s, t));
      }
    });
  }
  for (auto& t : threads)
    t.join();
  for (const auto& results : got) {
    ASSERT_EQ(results.size(), 5 * pairs.size());
    for (std::size_t i = 0; i < results.size(); ++i)
      ASSERT_EQ(results[i], expected[i % pairs.size()]);
  }
}

}  // namespace
}  // namespace shouwang::routing
