#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include <shouwang/base/random.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/point_route.h>

#include "routing/demo_city.h"
#include "routing/position_oracles.h"
#include "routing/reference_dijkstra.h"

namespace shouwang::routing {
namespace {

using testing::DemoCity;

const DemoCity& city() { return testing::demo_city(12, 5.0); }

TEST(PointRoute, ContractionHierarchyRoutesEqualDijkstraOnTenThousandTrips) {
  const DemoCity& c = city();
  const SnapIndex index(c.graph);
  ChQuery query(c.ch);
  testing::ReferenceDijkstra dijkstra(c.graph);
  Rng rng(31);
  const auto n = static_cast<std::int64_t>(c.graph.node_count());
  for (int i = 0; i < 10'000; ++i) {
    const LatLon p = c.graph.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
    const LatLon q = c.graph.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
    const LatLon from{p.lat + rng.uniform(-3e-4, 3e-4), p.lon + rng.uniform(-3e-4, 3e-4)};
    const LatLon to{q.lat + rng.uniform(-3e-4, 3e-4), q.lon + rng.uniform(-3e-4, 3e-4)};
    const auto route = route_between(c.graph, index, query, from, to);
    ASSERT_TRUE(route.ok()) << route.error().to_string();
    dijkstra.run(route->from.as_source(c.graph));
    ASSERT_EQ(route->time_ms,
              testing::trip_time_by_dijkstra(c.graph, dijkstra, route->from, route->to))
        << "trip " << i;
    ASSERT_GE(route->geometry.size(), 2u);
    ASSERT_EQ(route->geometry.front(), route->from.point);
    ASSERT_EQ(route->geometry.back(), route->to.point);
    // The length is at least the straight line between the snapped ends (less rounding).
    ASSERT_GE(route->length_m + 0.5, haversine_distance(route->from.point, route->to.point).value() * 0.999);
  }
}

// Both ends on one two-way road segment, the end behind the start: the quickest trip turns
// straight back along the segment, as a trip to an end ahead drives straight on.
TEST(PointRoute, AnEndBehindTheStartOnATwoWayRoadIsReachedStraightBack) {
  const DemoCity& c = city();
  const RoadGraph& g = c.graph;
  const SnapIndex index(g);
  ChQuery query(c.ch);
  // The first two-way segment of at least 30 m.
  std::optional<Snap> road;
  for (std::uint32_t u = 0; u < g.node_count() && !road; ++u) {
    for (ArcId a = g.begin_out(NodeId(u)); a < g.end_out(NodeId(u)) && !road;
         a = ArcId(a.value() + 1)) {
      if (g.length_dm(a) < 300) continue;
      const LatLon mid{(g.coordinate(NodeId(u)).lat + g.coordinate(g.head(a)).lat) / 2,
                       (g.coordinate(NodeId(u)).lon + g.coordinate(g.head(a)).lon) / 2};
      const auto snap = index.snap(mid);
      if (snap.ok() && snap->reverse && snap->distance.value() < 0.01) road = *snap;
    }
  }
  ASSERT_TRUE(road.has_value()) << "no two-way segment of 30 m in the demo city";
  auto at = [&](double t) {
    const LatLon a = g.coordinate(road->from), b = g.coordinate(road->to);
    return LatLon{a.lat + (b.lat - a.lat) * t, a.lon + (b.lon - a.lon) * t};
  };
  const auto ahead = route_between(g, index, query, at(0.3), at(0.7));
  const auto behind = route_between(g, index, query, at(0.7), at(0.3));
  ASSERT_TRUE(ahead.ok() && behind.ok());
  for (const Snap& end : {ahead->from, ahead->to, behind->from, behind->to}) ASSERT_EQ(end.arc, road->arc);
  const double forward_part = ahead->to.t - ahead->from.t;
  const double backward_part = behind->from.t - behind->to.t;
  EXPECT_EQ(ahead->time_ms, static_cast<Weight>(std::llround(forward_part * g.time_ms(road->arc))));
  EXPECT_EQ(behind->time_ms,
            static_cast<Weight>(std::llround(backward_part * g.time_ms(*road->reverse))));
  EXPECT_NEAR(behind->length_m, backward_part * g.length_dm(*road->reverse) / 10.0, 0.01);
  EXPECT_EQ(behind->geometry, (std::vector<LatLon>{behind->from.point, behind->to.point}));
}

TEST(PointRoute, OffRoadEndsAreNamed) {
  const DemoCity& c = city();
  const SnapIndex index(c.graph);
  ChQuery query(c.ch);
  const LatLon near = c.graph.coordinate(NodeId(0));
  const auto far_end = route_between(c.graph, index, query, near, {near.lat + 1.0, near.lon}, Meters(500));
  ASSERT_FALSE(far_end.ok());
  EXPECT_EQ(far_end.error().field, "to");
  EXPECT_NE(far_end.error().message.find("end: no road within 500 m"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::routing
