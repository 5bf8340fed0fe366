#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/routing/snap_index.h>

#include "routing/demo_city.h"

namespace shouwang::routing {
namespace {

using testing::DemoCity;

const DemoCity& city() { return testing::demo_city(17, 6.0); }

// The time from one post to v, by a point-to-point search per entry.
Weight time_from_post(const RoadGraph& g, const PostEntries& post, NodeId v) {
  DijkstraQuery q(g);
  Weight best = kInfinity;
  for (const auto& [node, offset] : post) {
    const Weight d = q.distance(node, v);
    if (d != kInfinity) best = std::min(best, d + offset);
  }
  return best;
}

// PHAST on the hierarchy against the multi-source Dijkstra, node by node, for post sets
// from one post to a thousand and the 1-, 3- and 5-minute budgets.
TEST(CoverageQuery, EqualsDijkstraOnEveryNode) {
  const DemoCity& c = city();
  const RoadGraph& g = c.graph;
  const SnapIndex index(g);
  DijkstraQuery dijkstra(g);
  CoverageQuery phast(c.ch);
  Rng rng(1135);
  std::size_t node_cases = 0, covered = 0, ties = 0;
  const std::size_t post_counts[] = {1, 2, 7, 40, 300, 1000};
  const Weight limits[] = {60'000, 180'000, 300'000};
  for (const std::size_t post_count : post_counts) {
    for (const Weight limit : limits) {
      std::vector<PostEntries> posts;
      for (std::size_t p = 0; p < post_count; ++p) {
        const NodeId at(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
        const LatLon jitter{g.coordinate(at).lat + rng.uniform(-3e-4, 3e-4), g.coordinate(at).lon + rng.uniform(-3e-4, 3e-4)};
        posts.push_back(index.snap(jitter)->as_source(g));
      }
      const Coverage fast = phast.run(posts, limit);
      const Coverage reference = coverage(g, dijkstra, posts, limit);
      ASSERT_EQ(fast.time.size(), g.node_count());
      for (std::uint32_t v = 0; v < g.node_count(); ++v) {
        ++node_cases;
        ASSERT_EQ(fast.time[v], reference.time[v]) << "node " << v << ", " << post_count << " posts, limit " << limit;
        if (fast.time[v] == kInfinity) {
          ASSERT_EQ(fast.post[v], -1);
          continue;
        }
        ++covered;
        ASSERT_GE(fast.post[v], 0);
        if (fast.post[v] != reference.post[v]) {  // equally near posts: the one named must be as near
          ++ties;
          ASSERT_EQ(time_from_post(g, posts[static_cast<std::size_t>(fast.post[v])], NodeId(v)), fast.time[v]);
        }
      }
    }
  }
  EXPECT_GE(node_cases, 10'000u);
  EXPECT_GT(covered, node_cases / 10);
  std::printf("coverage: %zu node cases, %zu covered, %zu ties between posts\n", node_cases, covered, ties);
}

TEST(CoverageQuery, NoPostsCoverNothing) {
  const DemoCity& c = city();
  CoverageQuery phast(c.ch);
  const Coverage none = phast.run({}, 300'000);
  EXPECT_EQ(none.covered_within(300'000), 0u);
}

TEST(CoverageQuery, ABudgetOfZeroCoversOnlyThePostsOwnNodes) {
  const DemoCity& c = city();
  CoverageQuery phast(c.ch);
  const NodeId at(5);
  const Coverage cov = phast.run({{{at, 0}, {NodeId(6), 4}}}, 0);
  EXPECT_EQ(cov.covered_within(0), 1u);
  EXPECT_EQ(cov.time[at.value()], 0u);
  EXPECT_EQ(cov.post[at.value()], 0);
}

}  // namespace
}  // namespace shouwang::routing
