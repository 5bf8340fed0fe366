// Every query between positions against plain Dijkstra on the real OSM extracts of
// ../shared/data/osm, when they are present (they are never in the repository; without
// them these tests skip and say why): CH distances, snapping, nearest units, tables and
// routes between snapped positions, the last three also with straight drives along a
// shared segment. Each extract gets kCasesPerExtract cases of each kind,
// so that all of them together give at least 10,000.

#include <cmath>
#include <cstdio>
#include <span>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/distance_table.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/point_route.h>
#include <shouwang/routing/snap_index.h>

#include "routing/position_oracles.h"
#include "routing/real_extracts.h"
#include "routing/reference_dijkstra.h"
#include "routing/segment_positions.h"

namespace shouwang::routing {
namespace {

class RealCity : public testing::RealExtractTest {};

NodeId random_node(Rng& rng, const RoadGraph& g) {
  return NodeId(static_cast<std::uint32_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
}

LatLon between(LatLon a, LatLon b, double f) {
  return {a.lat + (b.lat - a.lat) * f, a.lon + (b.lon - a.lon) * f};
}

// A random point of a random road segment, moved up to `jitter` degrees off it.
LatLon near_a_road(Rng& rng, const RoadGraph& g, double jitter) {
  NodeId u = random_node(rng, g);
  while (g.begin_out(u) == g.end_out(u)) {
    u = random_node(rng, g);
  }
  const auto arcs = static_cast<std::int64_t>(g.end_out(u).value() - g.begin_out(u).value());
  const ArcId a(g.begin_out(u).value() + static_cast<std::uint32_t>(rng.uniform_int(0, arcs - 1)));
  const LatLon p = between(g.coordinate(u), g.coordinate(g.head(a)), rng.uniform01());
  return {p.lat + rng.uniform(-jitter, jitter), p.lon + rng.uniform(-jitter, jitter)};
}

TEST_P(RealCity, ChEqualsDijkstraOnRandomPairs) {
  const RoadGraph& g = extract().graph();
  ASSERT_TRUE(extract().hierarchy().check().ok());
  ChQuery fast(extract().hierarchy());
  testing::ReferenceDijkstra slow(g);
  Rng rng(2024);
  int pairs = 0;
  while (pairs < testing::kCasesPerExtract) {
    const NodeId s = random_node(rng, g);
    const std::vector<testing::GraphEntry> source{{s, 0}};
    slow.run(source);
    for (int j = 0; j < 100; ++j, ++pairs) {
      const NodeId t = random_node(rng, g);
      ASSERT_EQ(fast.distance(s, t), slow.time(t)) << "from " << s.value() << " to " << t.value();
    }
  }
  EXPECT_GE(pairs, testing::kCasesPerExtract);
}

TEST_P(RealCity, SnapFindsTheNearestSegmentLikeAFullScan) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  const testing::SegmentScan scan(g);
  Rng rng(11);
  std::size_t parallel = 0;
  for (int i = 0; i < testing::kCasesPerExtract; ++i) {
    const LatLon p = near_a_road(rng, g, 5e-4);
    const auto snap = index.snap(p, Meters(5000));
    ASSERT_TRUE(snap.ok()) << snap.error().to_string();
    ASSERT_NEAR(snap->distance.value(), scan.nearest_distance(p), 1e-6) << "position " << i;
    ASSERT_GE(snap->t, 0.0);
    ASSERT_LE(snap->t, 1.0);
    ASSERT_EQ(g.head(snap->arc), snap->to);
    // The reverse arc and the parallel arcs run along the same segment; at a junction with
    // turn restrictions their ends may be other graph nodes at the same positions.
    if (snap->reverse) {
      ASSERT_EQ(g.coordinate(g.head(*snap->reverse)), g.coordinate(snap->from));
    }
    ASSERT_FALSE(snap->ahead.empty());
    for (const SegmentArc& a : snap->ahead) {
      ASSERT_EQ(g.head(a.arc), a.head);
      ASSERT_EQ(g.coordinate(a.tail), g.coordinate(snap->from));
      ASSERT_EQ(g.coordinate(a.head), g.coordinate(snap->to));
    }
    for (const SegmentArc& a : snap->behind) {
      ASSERT_EQ(g.head(a.arc), a.head);
      ASSERT_EQ(g.coordinate(a.tail), g.coordinate(snap->to));
      ASSERT_EQ(g.coordinate(a.head), g.coordinate(snap->from));
    }
    parallel += snap->ahead.size() + snap->behind.size() > (snap->reverse ? 2u : 1u) ? 1 : 0;
  }
  std::printf("%zu of %d snaps lie on a segment with parallel arcs\n", parallel, testing::kCasesPerExtract);
}

TEST_P(RealCity, NearestUnitsTopTenOfAThousandEqualDijkstraWhileUnitsMove) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  NearestUnits nearest(extract().hierarchy());
  testing::ReferenceDijkstra backward(extract().reversed());
  Rng rng(17);
  auto unit_position = [&] { return index.snap(near_a_road(rng, g, 3e-4)).value().as_source(g); };
  std::vector<std::vector<testing::GraphEntry>> units(1000);
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    units[u] = unit_position();
    nearest.set(u, units[u]);
  }
  std::size_t ranks = 0;
  for (int q = 0; q < testing::kCasesPerExtract; ++q) {
    // Some units move between queries, as they do every few seconds.
    for (int m = 0; m < 20; ++m) {
      const auto u = static_cast<std::uint32_t>(rng.uniform_int(0, 999));
      units[u] = unit_position();
      nearest.set(u, units[u]);
    }
    const auto target = index.snap(near_a_road(rng, g, 3e-4)).value().as_target(g);
    const auto got = nearest.nearest(target, 10);
    const auto want = testing::nearest_units_by_dijkstra(backward, units, target, 10);
    ASSERT_TRUE(testing::nearest_units_match(got, want)) << "query " << q;
    ranks += got.size();
  }
  // The imported graph is strongly connected: every unit reaches every target.
  EXPECT_EQ(ranks, 10u * testing::kCasesPerExtract);
}

TEST_P(RealCity, TablesEqualDijkstra) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  Rng rng(8);
  const auto side = static_cast<std::size_t>(std::ceil(std::sqrt(testing::kCasesPerExtract)));
  std::vector<std::vector<TableEntry>> sources, targets;
  for (std::size_t i = 0; i < side; ++i) {
    sources.push_back(index.snap(near_a_road(rng, g, 2e-4)).value().as_source(g));
  }
  for (std::size_t j = 0; j < side; ++j) {
    targets.push_back(index.snap(near_a_road(rng, g, 2e-4)).value().as_target(g));
  }
  const auto table = distance_table(extract().hierarchy(), sources, targets);
  ASSERT_EQ(table.size(), side);
  testing::ReferenceDijkstra dijkstra(g);
  std::size_t cells = 0;
  for (std::size_t i = 0; i < side; ++i) {
    ASSERT_EQ(table[i].size(), side);
    dijkstra.run(sources[i]);
    for (std::size_t j = 0; j < side; ++j, ++cells) {
      ASSERT_EQ(table[i][j], dijkstra.time_to(targets[j])) << "cell " << i << "," << j;
    }
  }
  EXPECT_GE(cells, static_cast<std::size_t>(testing::kCasesPerExtract));
  // One-to-many and many-to-one are the 1 x N and N x 1 cases.
  EXPECT_EQ(distance_table(extract().hierarchy(), std::span(sources).first(1), targets)[0],
            table[0]);
  const auto column = distance_table(extract().hierarchy(), sources, std::span(targets).first(1));
  for (std::size_t i = 0; i < side; ++i) {
    EXPECT_EQ(column[i][0], table[i][0]) << "row " << i;
  }
}

// Nearest units with units and targets as snapped positions; before each query two units
// are put on the target's own segment, one behind it and one ahead of it (named from the
// other direction on a two-way road), so that straight drives count.
TEST_P(RealCity, SnappedNearestUnitsEqualTheReferenceWithUnitsOnTheTargetsSegment) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  NearestUnits nearest(extract().hierarchy());
  testing::ReferenceDijkstra backward(extract().reversed());
  Rng rng(19);
  std::vector<Snap> units(1000);
  auto place = [&](std::uint32_t u, const Snap& at) {
    units[u] = at;
    nearest.set(u, at, g);
  };
  auto some_unit = [&] { return static_cast<std::uint32_t>(rng.uniform_int(0, 999)); };
  for (std::uint32_t u = 0; u < units.size(); ++u) {
    place(u, index.snap(near_a_road(rng, g, 3e-4)).value());
  }
  std::size_t ranks = 0, on_segment = 0;
  for (int q = 0; q < testing::kCasesPerExtract; ++q) {
    for (int m = 0; m < 10; ++m) {
      place(some_unit(), index.snap(near_a_road(rng, g, 3e-4)).value());
    }
    const Snap target = index.snap(near_a_road(rng, g, 3e-4)).value();
    const std::uint32_t behind = some_unit(), ahead = some_unit();
    place(behind, testing::position_on(g, target, rng.uniform(0.0, target.t)));
    const Snap beyond = testing::position_on(g, target, rng.uniform(target.t, 1.0));
    place(ahead, target.reverse ? testing::named_backwards(beyond) : beyond);
    const auto got = nearest.nearest(target, g, 10);
    const auto want = testing::nearest_units_by_dijkstra(g, backward, units, target, 10);
    ASSERT_TRUE(testing::nearest_units_match(got, want)) << "query " << q;
    ranks += got.size();
    for (const auto& hit : got) {
      on_segment += hit.unit == behind || hit.unit == ahead;
    }
  }
  EXPECT_EQ(ranks, 10u * testing::kCasesPerExtract);
  EXPECT_GT(on_segment, 0u);
}

// Tables between snapped positions, half of the targets on the segment of a source (behind
// or ahead of it, named either way), every cell against the trip reference.
TEST_P(RealCity, SnappedTablesEqualTheTripReference) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  Rng rng(9);
  const auto side = static_cast<std::size_t>(std::ceil(std::sqrt(testing::kCasesPerExtract)));
  std::vector<Snap> sources, targets;
  for (std::size_t i = 0; i < side; ++i) {
    sources.push_back(index.snap(near_a_road(rng, g, 2e-4)).value());
  }
  for (std::size_t j = 0; j < side; ++j) {
    if (j % 2 == 0) {
      targets.push_back(index.snap(near_a_road(rng, g, 2e-4)).value());
      continue;
    }
    const Snap& source = sources[static_cast<std::size_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(side) - 1))];
    const Snap on = testing::position_on(g, source, rng.uniform01());
    targets.push_back(on.reverse && rng.bernoulli(0.5) ? testing::named_backwards(on) : on);
  }
  const auto table = distance_table(extract().hierarchy(), g, sources, targets);
  ASSERT_EQ(table.size(), side);
  testing::ReferenceDijkstra from_source(g);
  std::size_t cells = 0, straight = 0;
  for (std::size_t i = 0; i < side; ++i) {
    ASSERT_EQ(table[i].size(), side);
    from_source.run(sources[i].as_source(g));
    for (std::size_t j = 0; j < side; ++j, ++cells) {
      ASSERT_EQ(table[i][j], testing::trip_time_by_dijkstra(g, from_source, sources[i], targets[j]))
          << "cell " << i << "," << j;
      straight += table[i][j] < from_source.time_to(targets[j].as_target(g));
    }
  }
  EXPECT_GE(cells, static_cast<std::size_t>(testing::kCasesPerExtract));
  EXPECT_GT(straight, 0u);
}

// Trips from a start to 40 ends each: 30 anywhere, 5 nearby and 5 on the start's own road
// segment, where the quickest way may be straight along it.
TEST_P(RealCity, PointRoutesEqualDijkstra) {
  const RoadGraph& g = extract().graph();
  const SnapIndex& index = extract().index();
  ChQuery query(extract().hierarchy());
  testing::ReferenceDijkstra from_start(g);
  Rng rng(31);
  int trips = 0, same_segment = 0;
  while (trips < testing::kCasesPerExtract) {
    const LatLon from = near_a_road(rng, g, 3e-4);
    const auto start = index.snap(from);
    ASSERT_TRUE(start.ok()) << start.error().to_string();
    from_start.run(start->as_source(g));
    for (int j = 0; j < 40; ++j, ++trips) {
      LatLon to;
      if (j < 30) {
        to = near_a_road(rng, g, 3e-4);
      } else if (j < 35) {
        to = {from.lat + rng.uniform(-3e-4, 3e-4), from.lon + rng.uniform(-3e-4, 3e-4)};
      } else {
        to = between(g.coordinate(start->from), g.coordinate(start->to), rng.uniform01());
      }
      const auto route = route_between(g, index, query, from, to);
      ASSERT_TRUE(route.ok()) << route.error().to_string();
      ASSERT_EQ(route->from.arc, start->arc);
      ASSERT_EQ(route->from.t, start->t);
      if (route->to.arc == start->arc) {
        ++same_segment;
      }
      ASSERT_EQ(route->time_ms,
                testing::trip_time_by_dijkstra(g, from_start, route->from, route->to))
          << "trip " << trips << ": from t = " << route->from.t << " to t = " << route->to.t
          << " on arc " << route->to.arc.value()
          << (route->from.arc == route->to.arc ? " (the same segment)" : "");
      ASSERT_GE(route->geometry.size(), 2u);
      ASSERT_EQ(route->geometry.front(), route->from.point);
      ASSERT_EQ(route->geometry.back(), route->to.point);
    }
  }
  EXPECT_GT(same_segment, 0);
  std::printf("%d trips, %d of them along one segment\n", trips, same_segment);
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealCity, ::testing::ValuesIn(testing::kRealExtracts),
                         testing::extract_test_name);

}  // namespace
}  // namespace shouwang::routing
