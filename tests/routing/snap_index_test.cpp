#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <unistd.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/road_import.h>
#include <shouwang/routing/dijkstra.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::routing {
namespace {

namespace fs = std::filesystem;

// The imported roads of a small demo city, shared by the tests of this file.
const osm::ImportedRoads& demo_roads() {
  static const osm::ImportedRoads roads = [] {
    const fs::path dir = fs::temp_directory_path() / ("shouwang-snap-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const auto pbf = (dir / "city.osm.pbf").string();
    EXPECT_TRUE(osm::write_demo_city({5, 8.0}, pbf).ok());
    auto imported = osm::import_roads(pbf, osm::CarProfile::chinese_urban());
    fs::remove_all(dir);
    return std::move(imported).value();
  }();
  return roads;
}

// Brute force: the distance to the nearest segment of the whole graph, in the same frame
// (`xy` holds every node projected into it).
double nearest_by_scanning(const RoadGraph& g, const std::vector<Xy>& xy, Xy q) {
  double best = 1e300;
  for (std::uint32_t u = 0; u < g.node_count(); ++u) {
    for (ArcId a = g.begin_out(NodeId(u)); a < g.end_out(NodeId(u)); a = ArcId(a.value() + 1)) {
      best = std::min(best, project_to_segment(q, xy[u], xy[g.head(a).value()]).distance);
    }
  }
  return best;
}

TEST(SnapIndex, FindsTheNearestSegmentLikeAFullScan) {
  const RoadGraph& g = demo_roads().graph;
  const SnapIndex index(g);
  // The index's frame is centred on the graph's bounding box; use the same for the scan.
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const LatLon& c : g.coordinates()) {
    min_lat = std::min(min_lat, c.lat), max_lat = std::max(max_lat, c.lat);
    min_lon = std::min(min_lon, c.lon), max_lon = std::max(max_lon, c.lon);
  }
  const LocalProjection frame({(min_lat + max_lat) / 2, (min_lon + max_lon) / 2});
  std::vector<Xy> xy;
  for (const LatLon& c : g.coordinates()) xy.push_back(frame.to_xy(c));
  Rng rng(11);
  for (int i = 0; i < 10'000; ++i) {
    const LatLon p{rng.uniform(min_lat, max_lat), rng.uniform(min_lon, max_lon)};
    const auto snap = index.snap(p, Meters(5000));
    ASSERT_TRUE(snap.ok()) << snap.error().to_string();
    ASSERT_NEAR(snap->distance.value(), nearest_by_scanning(g, xy, frame.to_xy(p)), 1e-6) << "query " << i;
    ASSERT_GE(snap->t, 0.0);
    ASSERT_LE(snap->t, 1.0);
    ASSERT_EQ(g.head(snap->arc), snap->to);
  }
}

TEST(SnapIndex, TwoWayRoadsOfferBothDirections) {
  const RoadGraph& g = demo_roads().graph;
  const SnapIndex index(g);
  std::size_t two_way = 0, one_way = 0;
  Rng rng(3);
  for (int i = 0; i < 500; ++i) {
    const NodeId v(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
    const auto snap = index.snap(g.coordinate(v));
    ASSERT_TRUE(snap.ok());
    EXPECT_LT(snap->distance.value(), 0.05);  // a node lies on the road
    const auto sources = snap->as_source(g);
    const auto targets = snap->as_target(g);
    ASSERT_EQ(sources.size(), targets.size());
    (snap->reverse ? two_way : one_way) += 1;
    if (snap->reverse) {
      EXPECT_EQ(g.coordinate(g.head(*snap->reverse)), g.coordinate(snap->from));
      // Entering at t: forward to `to` takes (1 - t) of the arc, backward to `from` t of it.
      EXPECT_NEAR(sources[0].second + sources[1].second,
                  snap->t * g.time_ms(*snap->reverse) + (1 - snap->t) * g.time_ms(snap->arc), 1.0);
    }
  }
  EXPECT_GT(two_way, 0u);
  EXPECT_GT(one_way, 0u);
}

// A junction with a turn restriction is one graph node per way of arriving (here V1 from
// A, V2 from B, V3 from W), so the road V–W is the parallel arcs V1→W and V2→W. A trip
// ending on it may arrive over either; a trip starting on it may leave over either.
TEST(SnapIndex, ParallelArcsAtARestrictedJunctionAreAllEntriesAndExits) {
  const double lat = 31.2, lon = 121.4, step = 0.001;
  enum : std::uint32_t { A, B, V1, V2, V3, W };
  std::vector<LatLon> coordinates{{lat, lon - step}, {lat - step, lon}, {lat, lon}, {lat, lon}, {lat, lon},
                                  {lat, lon + step}};
  std::vector<ArcInput> arcs{{NodeId(A), NodeId(V1), 100'000, 1000}, {NodeId(B), NodeId(V2), 100'000, 1000},
                             {NodeId(V1), NodeId(W), 100'000, 1000}, {NodeId(V2), NodeId(W), 100'000, 1000},
                             {NodeId(W), NodeId(V3), 100'000, 1000},  {NodeId(V3), NodeId(A), 100'000, 1000},
                             {NodeId(V1), NodeId(B), 100'000, 1000},  {NodeId(V3), NodeId(B), 100'000, 1000}};
  const RoadGraph g = RoadGraph::build(coordinates, arcs).value();
  const SnapIndex index(g, 50.0);
  const auto snap = index.snap({lat, lon + step / 2});  // the middle of V–W
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->ahead.size() + snap->behind.size(), 3u);  // V1→W, V2→W and W→V3
  ASSERT_TRUE(snap->reverse.has_value());
  DijkstraQuery query(g);
  auto time_to = [&](NodeId start, const std::vector<std::pair<NodeId, Weight>>& exits) {
    Weight best = kInfinity;
    for (const auto& [v, left] : exits) {
      const Weight d = query.distance(start, v);
      if (d != kInfinity) best = std::min(best, d + left);
    }
    return best;
  };
  // From A through V1 and from B through V2: each drives straight on, 100 s + 50 s.
  EXPECT_EQ(time_to(NodeId(A), snap->as_target(g)), 150'000u);
  EXPECT_EQ(time_to(NodeId(B), snap->as_target(g)), 150'000u);
  // Leaving the middle towards V, the trip arrives at V3 (the copy for arrivals from W).
  const auto entries = snap->as_source(g);
  EXPECT_NE(std::find(entries.begin(), entries.end(), std::pair<NodeId, Weight>{NodeId(V3), 50'000}), entries.end());
  EXPECT_NE(std::find(entries.begin(), entries.end(), std::pair<NodeId, Weight>{NodeId(W), 50'000}), entries.end());
}

TEST(SnapIndex, FarAndInvalidPositionsAreClearErrors) {
  const RoadGraph& g = demo_roads().graph;
  const SnapIndex index(g);
  const LatLon far{g.coordinate(NodeId(0)).lat + 1.0, g.coordinate(NodeId(0)).lon};
  const auto out = index.snap(far, Meters(500));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, Errc::kOutOfRange);
  EXPECT_NE(out.error().message.find("no road within 500 m"), std::string::npos);
  EXPECT_EQ(index.snap({95.0, 10.0}).error().code, Errc::kInvalidArgument);
}

TEST(SnapIndex, AdoptsItsOwnArraysAndNamesTheFirstBrokenInvariant) {
  const RoadGraph& g = demo_roads().graph;
  const SnapIndex built(g);
  const std::vector<std::uint32_t> first(built.cell_first().begin(), built.cell_first().end());
  const std::vector<ArcId> arcs(built.cell_arcs().begin(), built.cell_arcs().end());
  const auto adopted = SnapIndex::from_arrays(g, built.grid(), first, arcs);
  ASSERT_TRUE(adopted.ok()) << adopted.error().to_string();
  for (std::uint32_t v = 0; v < g.node_count(); v += 97) {
    EXPECT_EQ(adopted->snap(g.coordinate(NodeId(v)))->arc,
              built.snap(g.coordinate(NodeId(v)))->arc);
  }

  auto refused = [&](SnapGrid grid, std::vector<std::uint32_t> f, std::vector<ArcId> a) {
    const auto r = SnapIndex::from_arrays(g, grid, std::move(f), std::move(a));
    EXPECT_FALSE(r.ok());
    if (r.ok())
      return std::string();
    EXPECT_EQ(r.error().code, Errc::kCorrupt);
    return r.error().message;
  };
  SnapGrid grid = built.grid();
  grid.cell_metres = 0;
  EXPECT_NE(refused(grid, first, arcs).find("cell size"), std::string::npos);
  grid = built.grid();
  grid.columns -= 1;
  EXPECT_NE(refused(grid, first, arcs).find("outside the grid"), std::string::npos);
  grid = built.grid();
  grid.rows += 1;
  EXPECT_NE(refused(grid, first, arcs).find("cell_first has"), std::string::npos);

  // Cells that list exactly one arc, the first and the last of them (far apart).
  std::vector<std::size_t> single;
  for (std::size_t c = 0; c + 1 < first.size(); ++c) {
    if (first[c + 1] - first[c] == 1)
      single.push_back(c);
  }
  ASSERT_GE(single.size(), 2u);
  const std::size_t inner = single[single.size() / 2];  // neither the first nor the last cell
  ASSERT_TRUE(first[inner] > 0 && inner + 2 < first.size());
  std::vector<std::uint32_t> f = first;
  f[inner + 1] = f[inner] - 1;
  EXPECT_NE(refused(built.grid(), f, arcs).find("decreases at cell " + std::to_string(inner)),
            std::string::npos);
  std::vector<ArcId> a = arcs;
  a[first[single.front()]] = ArcId(static_cast<std::uint32_t>(g.arc_count()));
  EXPECT_NE(refused(built.grid(), first, a).find("not in the graph"), std::string::npos);
  a = arcs;
  a[first[single.front()]] = arcs[first[single.back()]];
  EXPECT_NE(refused(built.grid(), first, a).find("does not reach the cell"), std::string::npos);
  a = arcs;
  for (std::size_t c = 0; c + 1 < first.size(); ++c) {
    if (first[c + 1] - first[c] >= 2) {
      std::swap(a[first[c]], a[first[c] + 1]);
      EXPECT_NE(refused(built.grid(), first, a).find("out of order"), std::string::npos);
      break;
    }
  }
}

}  // namespace
}  // namespace shouwang::routing
