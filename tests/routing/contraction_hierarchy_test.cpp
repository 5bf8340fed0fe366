// Building, checking and adopting contraction hierarchies.

#include <string>
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

std::size_t shortcut_count(const ContractionHierarchy& h) {
  std::size_t count = 0;
  for (const ChArcs* arcs : {&h.upward(), &h.downward()}) {
    for (const Rank m : arcs->middle)
      count += m.valid() ? 1 : 0;
  }
  return count;
}

// A two-way line 0 — 1 — ... — (n-1), 100 ms per step.
RoadGraph line(std::uint32_t n) {
  std::vector<ArcInput> arcs;
  for (std::uint32_t v = 0; v + 1 < n; ++v) {
    arcs.push_back({NodeId(v), NodeId(v + 1), 100, 1});
    arcs.push_back({NodeId(v + 1), NodeId(v), 100, 1});
  }
  return std::move(RoadGraph::build(std::vector<LatLon>(n, LatLon{31.0, 121.0}), std::move(arcs)))
      .value();
}

Result<ContractionHierarchy> copy_of(const ContractionHierarchy& h) {
  return ContractionHierarchy::from_arrays(std::vector<NodeId>(h.order().begin(), h.order().end()),
                                           h.upward(), h.downward());
}

TEST(ChBuild, EmptyGraph) {
  const ContractionHierarchy h = ContractionHierarchy::build(RoadGraph());
  EXPECT_EQ(h.node_count(), 0u);
  EXPECT_EQ(h.arc_count(), 0u);
  EXPECT_TRUE(h.check().ok());
  EXPECT_TRUE(copy_of(h).ok());
}

TEST(ChBuild, OrderAndRanksAreInverse) {
  Rng rng(1);
  const RoadGraph graph = testing::random_sparse_graph(rng, 300, 600);
  const auto h = ContractionHierarchy::build(graph);
  ASSERT_EQ(h.node_count(), 300u);
  std::vector<bool> seen(300, false);
  for (std::uint32_t r = 0; r < 300; ++r) {
    const NodeId v = h.node(Rank(r));
    ASSERT_LT(v.value(), 300u);
    EXPECT_FALSE(seen[v.value()]);
    seen[v.value()] = true;
    EXPECT_EQ(h.rank(v), Rank(r));
  }
  EXPECT_TRUE(h.check().ok());
}

TEST(ChBuild, LineNeedsShortcutsThatUnpackToEveryNode) {
  const RoadGraph graph = line(40);
  const auto h = ContractionHierarchy::build(graph);
  ASSERT_TRUE(h.check().ok()) << h.check().error().message;
  EXPECT_GT(shortcut_count(h), 0u);
  ChQuery query(h);
  EXPECT_EQ(query.distance(NodeId(0), NodeId(39)), 3900u);
  const auto path = query.path();
  ASSERT_EQ(path.size(), 40u);
  for (std::uint32_t v = 0; v < 40; ++v)
    EXPECT_EQ(path[v], NodeId(v));
  EXPECT_EQ(query.distance(NodeId(30), NodeId(5)), 2500u);
  EXPECT_EQ(query.path().size(), 26u);
}

TEST(ChBuild, ParallelArcsCollapseToTheFastest) {
  const std::vector<LatLon> coords(2, LatLon{31.0, 121.0});
  const auto graph = RoadGraph::build(coords, {{NodeId(0), NodeId(1), 50, 1},
                                               {NodeId(0), NodeId(1), 20, 1},
                                               {NodeId(0), NodeId(1), 35, 1}});
  ASSERT_TRUE(graph.ok());
  const auto h = ContractionHierarchy::build(*graph);
  EXPECT_EQ(h.arc_count(), 1u);
  ChQuery query(h);
  EXPECT_EQ(query.distance(NodeId(0), NodeId(1)), 20u);
  EXPECT_EQ(query.distance(NodeId(1), NodeId(0)), kInfinity);
}

TEST(ChBuild, SameGraphGivesSameArrays) {
  const RoadGraph graph = testing::road_like_graph(5, 25);
  const auto a = ContractionHierarchy::build(graph);
  const auto b = ContractionHierarchy::build(graph);
  EXPECT_TRUE(std::equal(a.order().begin(), a.order().end(), b.order().begin(), b.order().end()));
  for (const auto& [x, y] :
       {std::pair{&a.upward(), &b.upward()}, std::pair{&a.downward(), &b.downward()}}) {
    EXPECT_EQ(x->first_out, y->first_out);
    EXPECT_EQ(x->head, y->head);
    EXPECT_EQ(x->weight, y->weight);
    EXPECT_EQ(x->middle, y->middle);
  }
}

TEST(ChBuild, TinyWitnessLimitKeepsDistancesExact) {
  // Witness searches that give up at once add superfluous shortcuts, never wrong ones.
  Rng rng(8);
  const RoadGraph graph = testing::one_way_grid(rng, 30, 30);
  const auto sparse = ContractionHierarchy::build(graph);
  const auto dense = ContractionHierarchy::build(
      graph, ChBuildOptions{.witness_settled_limit = 1, .priority_settled_limit = 1});
  ASSERT_TRUE(dense.check().ok()) << dense.check().error().message;
  EXPECT_GT(dense.arc_count(), sparse.arc_count());
  testing::OracleCounts counts;
  testing::expect_matches_dijkstra(graph, dense, rng, 20, 25, counts);
  EXPECT_EQ(counts.pairs, 500u);
}

TEST(ChBuild, BuildIsCompactOnRoadLikeGraph) {
  // Few shortcuts per road arc is what makes queries fast; a broken node order shows here.
  const RoadGraph graph = testing::road_like_graph(3, 60);
  const auto h = ContractionHierarchy::build(graph);
  ASSERT_TRUE(h.check().ok());
  EXPECT_LT(h.arc_count(), 2 * graph.arc_count());
  EXPECT_GT(h.arc_count(), graph.arc_count() / 2);
}

TEST(ChArrays, FromArraysRoundTripsAndAnswersTheSame) {
  const RoadGraph graph = testing::road_like_graph(9, 20);
  const auto last = static_cast<std::int64_t>(graph.node_count()) - 1;
  const auto built = ContractionHierarchy::build(graph);
  const auto adopted = copy_of(built);
  ASSERT_TRUE(adopted.ok()) << adopted.error().message;
  EXPECT_EQ(adopted->arc_count(), built.arc_count());
  ChQuery a(built), b(*adopted);
  Rng rng(10);
  for (int i = 0; i < 200; ++i) {
    const NodeId s(static_cast<std::uint32_t>(rng.uniform_int(0, last)));
    const NodeId t(static_cast<std::uint32_t>(rng.uniform_int(0, last)));
    ASSERT_EQ(a.distance(s, t), b.distance(s, t));
    ASSERT_EQ(a.path(), b.path());
  }
}

// Applies `damage` to a copy of a real hierarchy's arrays; from_arrays must refuse it with
// kCorrupt and a message containing `expected`.
template <typename Damage>
void expect_refused(const ContractionHierarchy& h, Damage damage, const std::string& expected) {
  std::vector<NodeId> order(h.order().begin(), h.order().end());
  ChArcs up = h.upward(), down = h.downward();
  damage(order, up, down);
  const auto result =
      ContractionHierarchy::from_arrays(std::move(order), std::move(up), std::move(down));
  ASSERT_FALSE(result.ok()) << "expected: " << expected;
  EXPECT_EQ(result.error().code, Errc::kCorrupt);
  EXPECT_NE(result.error().message.find(expected), std::string::npos) << result.error().message;
}

// The first arc of `arcs` that is a shortcut.
std::size_t first_shortcut(const ChArcs& arcs) {
  for (std::size_t a = 0; a < arcs.middle.size(); ++a) {
    if (arcs.middle[a].valid())
      return a;
  }
  return arcs.middle.size();
}

TEST(ChArrays, FromArraysRefusesBrokenArrays) {
  const auto h = ContractionHierarchy::build(line(30));
  ASSERT_LT(first_shortcut(h.upward()), h.upward().middle.size());
  ASSERT_LT(first_shortcut(h.downward()), h.downward().middle.size());
  using O = std::vector<NodeId>;
  expect_refused(
      h, [](O& o, ChArcs&, ChArcs&) { o[1] = o[0]; }, "not a permutation");
  expect_refused(
      h, [](O& o, ChArcs&, ChArcs&) { o[0] = NodeId(); }, "not a permutation");
  expect_refused(
      h, [](O&, ChArcs& up, ChArcs&) { up.first_out.pop_back(); }, "upward first_out has");
  expect_refused(
      h, [](O&, ChArcs& up, ChArcs&) { up.weight.pop_back(); }, "differ in length");
  expect_refused(
      h, [](O&, ChArcs&, ChArcs& down) { down.first_out.back() += 1; }, "does not span");
  expect_refused(
      h,
      [](O&, ChArcs& up, ChArcs&) {
        std::swap(up.first_out[1], up.first_out[2]);
        up.first_out[1] += 5;
      },
      "decreases");
  expect_refused(
      h, [](O&, ChArcs& up, ChArcs&) { up.head[0] = Rank(0); }, "higher rank");
  expect_refused(
      h, [](O&, ChArcs&, ChArcs& down) { down.head[0] = Rank(1000); }, "higher rank");
  expect_refused(
      h, [](O&, ChArcs& up, ChArcs&) { up.weight[0] = kInfinity; }, "infinite");
  expect_refused(
      h, [](O&, ChArcs& up, ChArcs&) { up.weight[first_shortcut(up)] += 1; }, "add up");
  expect_refused(
      h, [](O&, ChArcs&, ChArcs& down) { down.weight[first_shortcut(down)] -= 1; }, "add up");
  expect_refused(
      h,
      [](O&, ChArcs& up, ChArcs&) {
        const std::size_t a = first_shortcut(up);
        up.middle[a] = Rank(up.head[a].value());
      },
      "does not rank below");
}

TEST(ChArrays, CheckNamesMissingShortcutHalves) {
  // Point a shortcut at a middle node that has no arcs to its ends.
  const auto h = ContractionHierarchy::build(line(30));
  std::vector<NodeId> order(h.order().begin(), h.order().end());
  ChArcs up = h.upward();
  const std::size_t a = first_shortcut(up);
  ASSERT_LT(a, up.middle.size());
  std::uint32_t tail = 0;
  while (up.first_out[tail + 1] <= a)
    ++tail;
  // Any lower rank not joined to both ends will do; rank 0 is a line end's neighbour at most.
  for (std::uint32_t m = 0; m < tail; ++m) {
    up.middle[a] = Rank(m);
    const auto result = ContractionHierarchy::from_arrays(order, up, h.downward());
    if (!result.ok() && result.error().message.find("halves are missing") != std::string::npos)
      return;
  }
  FAIL() << "no replacement middle was reported as missing its halves";
}

}  // namespace
}  // namespace shouwang::routing
