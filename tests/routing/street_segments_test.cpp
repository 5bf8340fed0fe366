// Street segments chain the graph's pieces between junctions: by position, not node id,
// so turn-restriction copies and two-way arcs make no extra segments; bends are through
// positions; a ring without junctions is one segment; neighbours share a junction. On the
// real extracts, the same rules hold on every piece of road.

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include <gtest/gtest.h>

#include <shouwang/routing/street_segments.h>

#include "routing/real_extracts.h"

namespace shouwang::routing {
namespace {

// A crossing J with a bent north arm (J - N1 - N2, N2 a dead end) and east, south and
// west arms; J2 is a turn-restriction copy of J; the east arm is two-way; Z sits on J's
// position too (a zero-length piece). R1 R2 R3 is a one-way ring apart from the rest.
struct Crossing {
  enum : std::uint32_t { J, N1, N2, E, S, W, J2, Z, R1, R2, R3, kNodes };
  std::vector<LatLon> at = {{30.0, 120.0},   {30.001, 120.0},  {30.002, 120.0005}, {30.0, 120.001},
                            {29.999, 120.0}, {30.0, 119.999},  {30.0, 120.0},      {30.0, 120.0},
                            {30.01, 120.01}, {30.011, 120.01}, {30.01, 120.011}};
  RoadGraph graph() const {
    std::vector<ArcInput> arcs;
    const auto arc = [&](std::uint32_t u, std::uint32_t v) {
      arcs.push_back({NodeId(u), NodeId(v), 1000, 100});
    };
    arc(J, N1), arc(N1, N2), arc(N2, N1), arc(N1, J);
    arc(J, E), arc(E, J), arc(J2, E);
    arc(S, J), arc(J, W), arc(W, J2);
    arc(J, Z);
    arc(R1, R2), arc(R2, R3), arc(R3, R1);
    return RoadGraph::build(at, arcs).value();
  }
};

TEST(StreetSegments, ChainBendsMergeCopiesAndCloseRings) {
  const Crossing c;
  const RoadGraph g = c.graph();
  const StreetSegments s = street_segments(g);
  ASSERT_EQ(s.size(), 5u) << "four arms and the ring";
  ASSERT_EQ(s.of_arc.size(), g.arc_count());

  // Every arc lies on the segment whose line holds both its ends' positions.
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (ArcId a = g.begin_out(NodeId(v)); a != g.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      const LatLon from = g.coordinate(NodeId(v)), to = g.coordinate(g.head(a));
      if (from == to) {
        EXPECT_EQ(s.of_arc[a.value()], kNoSegment) << "a piece of zero length";
        continue;
      }
      const std::uint32_t seg = s.of_arc[a.value()];
      ASSERT_LT(seg, s.size());
      const auto& line = s.lines[seg];
      EXPECT_NE(std::find(line.begin(), line.end(), from), line.end());
      EXPECT_NE(std::find(line.begin(), line.end(), to), line.end());
    }
  }
  // The north arm is one segment of three positions; the ring closes on itself.
  const auto segment_with = [&](std::uint32_t node) {
    for (std::uint32_t v = 0; v < g.node_count(); ++v)
      for (ArcId a = g.begin_out(NodeId(v)); a != g.end_out(NodeId(v)); a = ArcId(a.value() + 1))
        if (v == node)
          return s.of_arc[a.value()];
    return kNoSegment;
  };
  const std::uint32_t north = segment_with(Crossing::N1);
  EXPECT_EQ(s.lines[north].size(), 3u);
  EXPECT_NEAR(s.length_m[north],
              (haversine_distance(c.at[Crossing::J], c.at[Crossing::N1]) +
               haversine_distance(c.at[Crossing::N1], c.at[Crossing::N2]))
                  .value(),
              1e-6);
  const std::uint32_t ring = segment_with(Crossing::R1);
  EXPECT_EQ(s.lines[ring].size(), 4u);
  EXPECT_EQ(s.lines[ring].front(), s.lines[ring].back());
  // The east arm's three arcs (two-way, and from the copy J2) are one segment.
  EXPECT_EQ(segment_with(Crossing::E), segment_with(Crossing::J2));

  // The four arms meet at J: six pairs; the ring has no neighbour.
  EXPECT_EQ(s.neighbours.size(), 6u);
  std::set<std::uint32_t> at_junction;
  for (const auto& [a, b] : s.neighbours) {
    EXPECT_LT(a, b);
    EXPECT_NE(a, ring);
    EXPECT_NE(b, ring);
    at_junction.insert(a);
    at_junction.insert(b);
  }
  EXPECT_EQ(at_junction.size(), 4u);
}

TEST(StreetSegments, AnEmptyGraphHasNone) {
  const StreetSegments s = street_segments(RoadGraph());
  EXPECT_EQ(s.size(), 0u);
  EXPECT_TRUE(s.neighbours.empty());
}

// On the real extracts (skipped, naming the file, when absent): every arc between two
// positions lies on a segment whose line runs through both; the segments' lengths add up to
// the network's (each piece once); every position a line passes through, its ends apart,
// is where exactly two pieces meet; neighbours are valid pairs.
class RealStreetSegments : public testing::RealExtractTest {};

TEST_P(RealStreetSegments, CoverEveryPieceOnceAndBreakOnlyAtJunctions) {
  const RoadGraph& g = extract().graph();
  const auto started = std::chrono::steady_clock::now();
  const StreetSegments s = street_segments(g);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  ASSERT_GT(s.size(), 0u);
  // The undirected pieces by position, and how many meet at each position.
  std::set<std::pair<LatLon, LatLon>, decltype([](const auto& a, const auto& b) {
             const auto key = [](const std::pair<LatLon, LatLon>& p) {
               return std::tuple(p.first.lat, p.first.lon, p.second.lat, p.second.lon);
             };
             return key(a) < key(b);
           })>
      pieces;
  const auto ordered = [](LatLon a, LatLon b) {
    return std::tuple(a.lat, a.lon) < std::tuple(b.lat, b.lon) ? std::pair(a, b) : std::pair(b, a);
  };
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (ArcId a = g.begin_out(NodeId(v)); a != g.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      const LatLon from = g.coordinate(NodeId(v)), to = g.coordinate(g.head(a));
      if (from == to)
        continue;
      pieces.insert(ordered(from, to));
      const std::uint32_t seg = s.of_arc[a.value()];
      ASSERT_LT(seg, s.size());
      const auto& line = s.lines[seg];
      bool consecutive = false;
      for (std::size_t k = 0; k + 1 < line.size() && !consecutive; ++k)
        consecutive = ordered(line[k], line[k + 1]) == ordered(from, to);
      ASSERT_TRUE(consecutive) << "arc " << a.value() << " is not a step of segment " << seg;
    }
  }
  std::map<std::tuple<double, double>, int> meeting;
  double network_m = 0;
  for (const auto& [a, b] : pieces) {
    ++meeting[{a.lat, a.lon}];
    ++meeting[{b.lat, b.lon}];
    network_m += haversine_distance(a, b).value();
  }
  double segments_m = 0;
  std::size_t steps = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    segments_m += s.length_m[i];
    steps += s.lines[i].size() - 1;
    for (std::size_t k = 1; k + 1 < s.lines[i].size(); ++k)
      ASSERT_EQ((meeting[{s.lines[i][k].lat, s.lines[i][k].lon}]), 2)
          << "segment " << i << " runs through a junction";
  }
  EXPECT_EQ(steps, pieces.size()) << "each piece on one segment, once";
  EXPECT_NEAR(segments_m, network_m, 1e-6 * network_m);
  for (const auto& [a, b] : s.neighbours) {
    EXPECT_LT(a, b);
    EXPECT_LT(b, s.size());
  }
  std::printf(
      "%zu nodes, %zu pieces, %zu street segments (%.0f km), %zu neighbour pairs, built in %.1f "
      "ms\n",
      g.node_count(), pieces.size(), s.size(), segments_m / 1000, s.neighbours.size(), ms);
}

INSTANTIATE_TEST_SUITE_P(SharedData, RealStreetSegments,
                         ::testing::ValuesIn(testing::kRealExtracts), testing::extract_test_name);

}  // namespace
}  // namespace shouwang::routing
