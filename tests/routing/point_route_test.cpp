#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/point_route.h>

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

struct City {
  RoadGraph graph;
  ContractionHierarchy ch;
};

const City& city() {
  static const City c = [] {
    const fs::path dir = fs::temp_directory_path() / ("shouwang-route-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto pbf = (dir / "city.osm.pbf").string();
    EXPECT_TRUE(osm::write_demo_city({12, 5.0}, pbf).ok());
    auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    City out{std::move(imported).value().graph, {}};
    out.ch = ContractionHierarchy::build(out.graph);
    return out;
  }();
  return c;
}

// Reference: the same trip with plain Dijkstra from the start's entries.
Weight reference(const RoadGraph& g, DijkstraQuery& dijkstra, const Snap& a, const Snap& b) {
  if (a.arc == b.arc && b.t >= a.t) return static_cast<Weight>(std::llround((b.t - a.t) * g.time_ms(a.arc)));
  dijkstra.run(a.as_source(g), kInfinity - 1, [](NodeId, Weight) {});
  Weight best = kInfinity;
  for (const auto& [node, offset] : b.as_target(g)) {
    if (dijkstra.time(node) != kInfinity) best = std::min(best, dijkstra.time(node) + offset);
  }
  return best;
}

TEST(PointRoute, ContractionHierarchyRoutesEqualDijkstraOnTenThousandTrips) {
  const City& c = city();
  const SnapIndex index(c.graph);
  ChQuery query(c.ch);
  DijkstraQuery dijkstra(c.graph);
  Rng rng(31);
  const auto n = static_cast<std::int64_t>(c.graph.node_count());
  for (int i = 0; i < 10'000; ++i) {
    const LatLon p = c.graph.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
    const LatLon q = c.graph.coordinate(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
    const LatLon from{p.lat + rng.uniform(-3e-4, 3e-4), p.lon + rng.uniform(-3e-4, 3e-4)};
    const LatLon to{q.lat + rng.uniform(-3e-4, 3e-4), q.lon + rng.uniform(-3e-4, 3e-4)};
    const auto route = route_between(c.graph, index, query, from, to);
    ASSERT_TRUE(route.ok()) << route.error().to_string();
    ASSERT_EQ(route->time_ms, reference(c.graph, dijkstra, route->from, route->to)) << "trip " << i;
    ASSERT_GE(route->geometry.size(), 2u);
    ASSERT_EQ(route->geometry.front(), route->from.point);
    ASSERT_EQ(route->geometry.back(), route->to.point);
    // The length is at least the straight line between the snapped ends (less rounding).
    ASSERT_GE(route->length_m + 0.5, haversine_distance(route->from.point, route->to.point).value() * 0.999);
  }
}

TEST(PointRoute, OffRoadEndsAreNamed) {
  const City& c = city();
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
