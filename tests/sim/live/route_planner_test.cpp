// Where the simulated units drive: patrol legs keep to their station's roads, routes to
// incidents are the road graph's fastest, and timed paths take the graph's travel times.

#include <cmath>

#include <gtest/gtest.h>

#include <shouwang/routing/dijkstra.h>
#include <shouwang/sim/route_planner.h>

#include "sim_city.h"

namespace shouwang::sim {
namespace {

using testing::sim_city;

// The sum of the graph's times (fastest parallel arcs) along `nodes`, in seconds.
double graph_seconds(const RoutePlanner& planner, const routing::RoadGraph& g,
                     const std::vector<NodeId>& nodes) {
  double ms = 0;
  for (std::size_t i = 1; i < nodes.size(); ++i)
    ms += g.time_ms(planner.arc_between(nodes[i - 1], nodes[i]));
  return ms / 1000.0;
}

TEST(PatrolRoute, LegsStayOnTheRoadsOfTheUnitsArea) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  ASSERT_GE(city.areas.size(), 4u);
  RoutePlanner planner(*city.network, city.areas);
  const auto& g = city.network->graph();
  Rng rng(7);
  std::size_t legs = 0;
  for (std::uint32_t area = 0; area < city.areas.size(); ++area) {
    const auto nodes = city.areas.patrol_nodes(area);
    if (nodes.size() < 50)
      continue;
    NodeId at = nodes[nodes.size() / 2];  // a unit's home post is a patrol node
    // A unit's day: one leg after another from where the last one ended.
    for (int k = 0; k < 25; ++k) {
      const auto leg = planner.patrol_leg(at, area, rng, 120, 720);
      ASSERT_TRUE(leg.has_value()) << "area " << city.areas.code(area);
      ASSERT_GE(leg->size(), 2u);
      EXPECT_EQ(leg->front(), at);
      for (std::size_t i = 0; i < leg->size(); ++i) {
        ASSERT_EQ(city.areas.area_of((*leg)[i]), area)
            << "leg " << k << " leaves " << city.areas.code(area);
        if (i > 0) {
          ASSERT_TRUE(planner.arc_between((*leg)[i - 1], (*leg)[i]).valid()) << "not a road";
        }
      }
      EXPECT_LE(graph_seconds(planner, g, *leg), 720.0 + 1e-9);
      at = leg->back();
      ++legs;
    }
  }
  EXPECT_GE(legs, 100u);
}

TEST(PatrolRoute, PatrolNodesAreMostOfEachAreaAndLegsEndOnThem) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  RoutePlanner planner(*city.network, city.areas);
  Rng rng(2);
  std::size_t all = 0, patrol = 0;
  for (std::uint32_t area = 0; area < city.areas.size(); ++area) {
    all += city.areas.nodes(area).size();
    patrol += city.areas.patrol_nodes(area).size();
    for (const NodeId v : city.areas.patrol_nodes(area))
      ASSERT_EQ(city.areas.area_of(v), area);
    // From any patrol node a leg exists and ends on a patrol node.
    const auto nodes = city.areas.patrol_nodes(area);
    for (std::size_t i = 0; i < nodes.size(); i += std::max<std::size_t>(1, nodes.size() / 20)) {
      const auto leg = planner.patrol_leg(nodes[i], area, rng, 60, 600);
      ASSERT_TRUE(leg.has_value()) << city.areas.code(area);
      EXPECT_TRUE(city.areas.is_patrol_node(leg->back()));
    }
  }
  EXPECT_GT(static_cast<double>(patrol), 0.8 * static_cast<double>(all));
}

TEST(PatrolRoute, NoLegFromOutsideTheArea) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  RoutePlanner planner(*city.network, city.areas);
  Rng rng(1);
  const NodeId inside_first = city.areas.nodes(0).front();
  const std::uint32_t other = city.areas.area_of(inside_first) == 0 ? 1 : 0;
  EXPECT_FALSE(planner.patrol_leg(inside_first, other, rng, 60, 600).has_value());
}

TEST(PatrolRoute, TimedPathTakesTheGraphsTravelTimes) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  RoutePlanner planner(*city.network, city.areas);
  const auto& g = city.network->graph();
  Rng rng(11);
  const auto nodes = city.areas.patrol_nodes(1);
  ASSERT_TRUE(!nodes.empty());
  for (int k = 0; k < 40; ++k) {
    const auto leg = planner.patrol_leg(nodes[static_cast<std::size_t>(k * 37) % nodes.size()], 1,
                                        rng, 300, 900);
    ASSERT_TRUE(leg.has_value());
    const double expected = graph_seconds(planner, g, *leg);
    // Exactly the graph's times without variation ...
    const TimedPath exact = planner.timed(*leg, DriveStyle{1.0, 0.0, 0.0}, rng);
    EXPECT_NEAR(exact.duration_s(), expected, 1e-6);
    // ... and each segment at the speed of its arc.
    for (std::size_t i = 1; i < exact.vertices().size(); ++i) {
      const ArcId arc = planner.arc_between((*leg)[i - 1], (*leg)[i]);
      EXPECT_NEAR(exact.vertices()[i].d_m - exact.vertices()[i - 1].d_m, g.length_dm(arc) / 10.0,
                  1e-6);
    }
    // A patrol style three quarters of the speed with 8 % variation per arc: the whole leg
    // within 10 % of the graph's time over the factor.
    const TimedPath patrol = planner.timed(*leg, DriveStyle{0.75, 0.08, 0.0}, rng);
    if (leg->size() >= 10) {
      EXPECT_NEAR(patrol.duration_s(), expected / 0.75, 0.10 * expected / 0.75);
    }
    EXPECT_NEAR(patrol.length_m(), exact.length_m(), 1e-6);
  }
}

TEST(PatrolRoute, FootPatrolsWalk) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  RoutePlanner planner(*city.network, city.areas);
  Rng rng(3);
  const auto leg = planner.patrol_leg(city.areas.patrol_nodes(2).front(), 2, rng, 120, 600);
  ASSERT_TRUE(leg.has_value());
  const TimedPath walk = planner.timed(*leg, DriveStyle{1.0, 0.1, 1.4}, rng);
  ASSERT_GT(walk.length_m(), 0.0);
  std::size_t cursor = 0;
  for (double t = 0; t < walk.duration_s(); t += 5.0)
    EXPECT_LE(walk.sample(t, cursor).speed_mps, 1.4 + 1e-9);
}

TEST(IncidentRoute, IsTheFastestRoadRouteToTheSnappedPoint) {
  const auto& city = sim_city();
  ASSERT_NE(city.network, nullptr);
  RoutePlanner planner(*city.network, city.areas);
  const auto& g = city.network->graph();
  routing::DijkstraQuery reference(g);  // the oracle: plain Dijkstra, no hierarchy
  Rng rng(5);
  for (int k = 0; k < 60; ++k) {
    const NodeId from(static_cast<std::uint32_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
    const NodeId near(static_cast<std::uint32_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
    const LatLon target =
        destination(g.coordinate(near), rng.uniform(0, 360), Meters(rng.uniform(5, 40)));
    auto route = planner.route_to(from, target);
    ASSERT_TRUE(route.ok()) << route.error().message;
    const TimedPath path = planner.timed(*route, DriveStyle{1.0, 0.0, 0.0}, rng);
    EXPECT_EQ(path.vertices().front().node, from);
    EXPECT_FALSE(path.vertices().back().node.valid());  // ends part-way along a segment
    ASSERT_TRUE(path.exit.has_value());
    auto snap = city.network->snaps().snap(target);
    ASSERT_TRUE(snap.ok());
    EXPECT_LE(haversine_distance(path.end(), snap->point).value(), 0.01);
    const std::vector<std::pair<NodeId, routing::Weight>> source{{from, 0}};
    reference.search(source, routing::kInfinity - 1);
    double best_ms = routing::kInfinity;
    for (const auto& [node, offset] : snap->as_target(g)) {
      if (reference.time(node) != routing::kInfinity)
        best_ms = std::min(best_ms, 1.0 * reference.time(node) + offset);
    }
    // Partial arcs are rounded to whole milliseconds by the snap, not by the path.
    EXPECT_NEAR(path.duration_s(), best_ms / 1000.0, 0.01) << "route " << k;
  }
}

TEST(TimedPathTest, SamplesInterpolateAndTheRestLeadsToTheNextNode) {
  TimedPath path({30.0, 120.0}, NodeId(1));
  path.extend({30.0, 120.001}, NodeId(2), 10.0, 96.0);
  path.extend({30.0, 120.002}, NodeId(), 5.0, 96.0);  // part-way along a segment
  path.exit = PathExit{NodeId(3), {30.0, 120.003}, 5.0, 96.0};
  std::size_t cursor = 0;
  const PathSample mid = path.sample(5.0, cursor);
  EXPECT_NEAR(mid.position.lon, 120.0005, 1e-9);
  EXPECT_NEAR(mid.speed_mps, 9.6, 1e-9);
  EXPECT_NEAR(mid.heading_deg, 90.0, 0.01);
  EXPECT_FALSE(mid.finished);
  EXPECT_NEAR(path.sample(12.5, cursor).speed_mps, 19.2, 1e-9);
  EXPECT_TRUE(path.sample(15.0, cursor).finished);
  // Earlier times after later ones still sample right.
  EXPECT_NEAR(path.sample(2.0, cursor).position.lon, 120.0002, 1e-9);

  const TimedPath rest = path.remainder_to_next_node(5.0);
  ASSERT_EQ(rest.vertices().size(), 2u);
  EXPECT_EQ(rest.vertices().back().node, NodeId(2));
  EXPECT_NEAR(rest.duration_s(), 5.0, 1e-9);
  // From the end, the rest is the exit to the segment's far node.
  const TimedPath onward = path.remainder_to_next_node(20.0);
  ASSERT_EQ(onward.vertices().size(), 2u);
  EXPECT_EQ(onward.vertices().back().node, NodeId(3));
  EXPECT_NEAR(onward.duration_s(), 5.0, 1e-9);

  TimedPath next({30.0, 120.001}, NodeId(2));
  next.extend({30.001, 120.001}, NodeId(4), 7.0, 111.0);
  TimedPath joined = rest;
  joined.append(next);
  ASSERT_EQ(joined.vertices().size(), 3u);
  EXPECT_NEAR(joined.duration_s(), 12.0, 1e-9);
  EXPECT_NEAR(joined.length_m(), 48.0 + 111.0, 1e-9);
  EXPECT_EQ(joined.vertices().back().node, NodeId(4));
  EXPECT_NEAR(joined.vertices()[1].heading_deg, 0.0, 0.01);  // turning north at node 2
}

}  // namespace
}  // namespace shouwang::sim
