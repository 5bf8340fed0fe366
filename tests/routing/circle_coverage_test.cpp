// Quick-response circles on a generated city: each site's time from the nearest post equals
// the best point-to-point Dijkstra over every post, the post named is that nearest one,
// covered means within the site's promise, and the shares of sites, incidents and road
// length grow with the limit.

#include <chrono>
#include <cstdio>

#include <gtest/gtest.h>

#include <shouwang/analytics/circle_coverage.h>
#include <shouwang/base/random.h>
#include <shouwang/routing/dijkstra.h>

#include "routing/demo_city.h"

namespace shouwang::analytics {
namespace {

using routing::testing::DemoCity;

const DemoCity& city() {
  return routing::testing::demo_city(17, 6.0);
}

LatLon near_node(Rng& rng, const routing::RoadGraph& g) {
  const NodeId at(static_cast<std::uint32_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
  return {g.coordinate(at).lat + rng.uniform(-5e-4, 5e-4),
          g.coordinate(at).lon + rng.uniform(-5e-4, 5e-4)};
}

// The time from `from` to `to` by road through the snapped entries, in seconds.
double reference_time(routing::DijkstraQuery& q, const routing::SnapIndex& index, LatLon from,
                      LatLon to) {
  const auto& g = index.graph();
  const auto a = index.snap(from, Meters(500));
  const auto b = index.snap(to, Meters(500));
  if (!a || !b)
    return std::numeric_limits<double>::infinity();
  routing::Weight best = routing::kInfinity;
  for (const auto& [s, so] : a->as_source(g))
    for (const auto& [t, to_offset] : b->as_target(g)) {
      const routing::Weight d = q.distance(s, t);
      if (d != routing::kInfinity)
        best = std::min(best, d + so + to_offset);
    }
  return best == routing::kInfinity ? std::numeric_limits<double>::infinity() : best / 1000.0;
}

TEST(CircleCoverage, SitesTakeTheTimeOfTheNearestPostByRoad) {
  const DemoCity& c = city();
  const routing::SnapIndex index(c.graph);
  CircleCoverageQuery query(c.ch, index);
  routing::DijkstraQuery dijkstra(c.graph);
  Rng rng(2611);
  std::vector<LatLon> posts(12);
  for (LatLon& p : posts)
    p = near_node(rng, c.graph);
  std::vector<CircleSite> sites;
  const double promises[] = {60, 180, 300};
  for (int i = 0; i < 40; ++i)
    sites.push_back({near_node(rng, c.graph), promises[i % 3]});
  std::vector<LatLon> incidents(100);
  for (LatLon& p : incidents)
    p = near_node(rng, c.graph);
  EXPECT_EQ(query.set_sites(sites), 0u);
  EXPECT_EQ(query.set_incidents(incidents), 0u);
  const double limits[] = {60, 180, 300};
  const CircleCoverage cover = query.run(posts, limits);
  ASSERT_EQ(cover.sites.size(), sites.size());
  std::size_t covered = 0;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    double best = std::numeric_limits<double>::infinity();
    for (const LatLon p : posts)
      best = std::min(best, reference_time(dijkstra, index, p, sites[i].position));
    const SiteReach& r = cover.sites[i];
    if (best > 300) {
      EXPECT_GT(r.time_s, 300.0) << "site " << i << ": beyond the search, or farther";
    } else {
      EXPECT_NEAR(r.time_s, best, 1e-9) << "site " << i;
      ASSERT_GE(r.post, 0);
      EXPECT_NEAR(reference_time(dijkstra, index, posts[static_cast<std::size_t>(r.post)],
                                 sites[i].position),
                  best, 1e-9)
          << "the post named is a nearest one";
    }
    EXPECT_EQ(r.covered, best <= sites[i].promise_s) << "site " << i;
    covered += r.covered;
  }
  EXPECT_EQ(cover.covered, covered);
  EXPECT_GT(covered, 0u);
  EXPECT_LT(covered, sites.size());
  ASSERT_EQ(cover.shares.size(), 3u);
  std::vector<double> incident_time;
  for (const LatLon p : incidents) {
    double best = std::numeric_limits<double>::infinity();
    for (const LatLon q : posts)
      best = std::min(best, reference_time(dijkstra, index, q, p));
    incident_time.push_back(best);
  }
  for (std::size_t k = 0; k < 3; ++k) {
    const CoverageShare& s = cover.shares[k];
    std::size_t in = 0;
    for (const SiteReach& r : cover.sites)
      in += r.time_s <= s.limit_s;
    EXPECT_DOUBLE_EQ(s.sites, static_cast<double>(in) / static_cast<double>(sites.size()));
    std::size_t near_incidents = 0;
    for (const double t : incident_time)
      near_incidents += t <= s.limit_s;
    EXPECT_DOUBLE_EQ(s.incidents,
                     static_cast<double>(near_incidents) / static_cast<double>(incidents.size()));
    EXPECT_GT(s.road_length, 0.0);
    EXPECT_LE(s.road_length, 1.0);
    if (k > 0) {
      EXPECT_GE(s.road_length, cover.shares[k - 1].road_length);
    }
  }
  // The live path (no limits: only the sites' part of the hierarchy is swept) agrees.
  const CircleCoverage live = query.run(posts);
  ASSERT_EQ(live.sites.size(), sites.size());
  for (std::size_t i = 0; i < sites.size(); ++i) {
    EXPECT_EQ(live.sites[i].covered, cover.sites[i].covered) << "site " << i;
    if (cover.sites[i].time_s <= 300) {
      EXPECT_DOUBLE_EQ(live.sites[i].time_s, cover.sites[i].time_s) << "site " << i;
      EXPECT_EQ(live.sites[i].post >= 0, true);
    }
  }
  EXPECT_EQ(live.covered, cover.covered);
  // And from posts placed beforehand, as the server's units are.
  std::vector<routing::PostEntries> placed;
  for (const LatLon p : posts)
    placed.push_back(index.snap(p, Meters(500))->as_source(c.graph));
  const CircleCoverage from_placed = query.run_placed(placed);
  for (std::size_t i = 0; i < sites.size(); ++i) {
    EXPECT_EQ(from_placed.sites[i].covered, live.sites[i].covered) << "site " << i;
    EXPECT_EQ(from_placed.sites[i].post, live.sites[i].post) << "site " << i;
  }
  std::printf(
      "12 posts: sites within their promise %zu of %zu; within 60/180/300 s: sites %.2f/%.2f/%.2f, "
      "incidents %.2f/%.2f/%.2f, road length %.2f/%.2f/%.2f\n",
      cover.covered, sites.size(), cover.shares[0].sites, cover.shares[1].sites,
      cover.shares[2].sites, cover.shares[0].incidents, cover.shares[1].incidents,
      cover.shares[2].incidents, cover.shares[0].road_length, cover.shares[1].road_length,
      cover.shares[2].road_length);
}

TEST(CircleCoverage, WithoutPostsNothingIsCoveredAndFarPointsAreOffTheRoads) {
  const DemoCity& c = city();
  const routing::SnapIndex index(c.graph);
  CircleCoverageQuery query(c.ch, index);
  const LatLon far{c.graph.coordinate(NodeId(0)).lat + 1.0, c.graph.coordinate(NodeId(0)).lon};
  const std::vector<CircleSite> sites{{c.graph.coordinate(NodeId(0)), 300}, {far, 300}};
  EXPECT_EQ(query.set_sites(sites), 1u);
  const CircleCoverage none = query.run({});
  EXPECT_EQ(none.covered, 0u);
  const std::vector<LatLon> posts{c.graph.coordinate(NodeId(0)), far};
  const CircleCoverage one = query.run(posts);
  EXPECT_EQ(one.posts_off_road, 1u);
  EXPECT_TRUE(one.sites[0].covered);
  EXPECT_EQ(one.sites[0].post, 0);
  EXPECT_FALSE(one.sites[1].covered) << "a site off the roads is reached by nothing";
}

}  // namespace
}  // namespace shouwang::analytics
