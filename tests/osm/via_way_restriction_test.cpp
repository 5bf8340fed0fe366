// Via-way turn restrictions (`type=restriction` with one or more `via` ways) on hand-made
// networks in fixtures/via_way_*.osm, whose drawings give the expected routes. Every travel
// time is found twice, by plain Dijkstra and by the contraction hierarchy, and the two must
// agree. The edge-based reference search (turn_reference.h), run on the network imported
// without its relations, must agree with both for every pair of nodes.

#include <gtest/gtest.h>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <shouwang/osm/road_import.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/dijkstra.h>

#include "osm/import/via_path.h"
#include "osm/turn_reference.h"

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;
using routing::Weight;

const std::string kFixtures = std::string(SHOUWANG_TEST_DIR) + "/osm/fixtures/";

ImportedRoads import_fixture(const std::string& path) {
  auto roads = import_roads(path, CarProfile::chinese_urban());
  EXPECT_TRUE(roads.ok()) << roads.error().to_string();
  return std::move(roads).value();
}

// The fixture without its relations (each relation is written on one line).
ImportedRoads import_without_restrictions(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("shouwang-via-way-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path plain = dir / name;
  {
    std::ifstream in(kFixtures + name);
    std::ofstream out(plain);
    for (std::string line; std::getline(in, line);) {
      if (line.find("<relation") == std::string::npos) out << line << "\n";
    }
  }
  ImportedRoads roads = import_fixture(plain.string());
  fs::remove_all(dir);
  return roads;
}

// An imported network queried by OSM node ids: a trip may start at any graph node of its
// first OSM node and end at any of its last one (restricted junctions have several).
class Network {
 public:
  explicit Network(const std::string& name)
      : roads_(import_fixture(kFixtures + name)),
        ch_(routing::ContractionHierarchy::build(roads_.graph)),
        dijkstra_(roads_.graph),
        ch_query_(ch_) {
    for (std::uint32_t v = 0; v < roads_.graph.node_count(); ++v) {
      nodes_[roads_.osm_node_ids[v]].push_back(NodeId(v));
    }
  }
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  [[nodiscard]] const ImportReport& report() const { return roads_.report; }
  [[nodiscard]] std::set<std::int64_t> osm_nodes() const {
    std::set<std::int64_t> out;
    for (const auto& [id, copies] : nodes_) out.insert(id);
    return out;
  }

  // Shortest travel time by Dijkstra; the test fails where the CH query disagrees.
  Weight travel(std::int64_t from, std::int64_t to) {
    Weight best = routing::kInfinity;
    std::vector<std::pair<NodeId, Weight>> sources, targets;
    for (const NodeId s : nodes_.at(from)) {
      sources.emplace_back(s, 0);
      for (const NodeId t : nodes_.at(to)) best = std::min(best, dijkstra_.distance(s, t));
    }
    for (const NodeId t : nodes_.at(to)) targets.emplace_back(t, 0);
    EXPECT_EQ(ch_query_.distance(sources, targets), best)
        << "CH and Dijkstra differ for " << from << " -> " << to;
    return best;
  }

  // Travel time along the given OSM nodes, by the fastest arc between each consecutive pair.
  [[nodiscard]] Weight along(std::initializer_list<std::int64_t> path) const {
    Weight total = 0;
    for (auto it = path.begin(); it + 1 != path.end(); ++it) {
      Weight step = routing::kInfinity;
      for (const NodeId u : nodes_.at(*it)) {
        const auto& g = roads_.graph;
        for (ArcId a = g.begin_out(u); a < g.end_out(u); a = ArcId(a.value() + 1)) {
          if (roads_.osm_node_ids[g.head(a).value()] == *(it + 1)) {
            step = std::min(step, g.time_ms(a));
          }
        }
      }
      EXPECT_NE(step, routing::kInfinity) << "no road " << *it << " -> " << *(it + 1);
      total += step;
    }
    return total;
  }

 private:
  ImportedRoads roads_;
  routing::ContractionHierarchy ch_;
  routing::DijkstraQuery dijkstra_;
  routing::ChQuery ch_query_;
  std::map<std::int64_t, std::vector<NodeId>> nodes_;
};

// The arcs of an import as arcs between OSM nodes.
std::vector<test::OsmArc> osm_arcs(const ImportedRoads& roads) {
  std::vector<test::OsmArc> out;
  const auto& g = roads.graph;
  for (std::uint32_t v = 0; v < g.node_count(); ++v) {
    for (ArcId a = g.begin_out(NodeId(v)); a < g.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      out.push_back({roads.osm_node_ids[v], roads.osm_node_ids[g.head(a).value()], g.time_ms(a)});
    }
  }
  return out;
}

TEST(ViaWayRestriction, NoLeftTurnTakesTheDetour) {
  Network net("via_way_no_turn.osm");
  // 100 and 104 apply; 102 (members not joined) and 103 (via node and via way) are skipped
  // and counted; 101 exempts cars and is not counted.
  EXPECT_EQ(net.report().turn_restrictions, 2u);
  EXPECT_EQ(net.report().turn_restrictions_unused, 2u);
  EXPECT_EQ(net.report().components_dropped, 0u);
  // From way 1 along the via way, the left turn onto way 3 is gone: round by the north bend.
  EXPECT_EQ(net.travel(11, 14), net.along({11, 1, 12, 13, 14}));
  EXPECT_GT(net.travel(11, 14), net.along({11, 1, 2, 3, 14}));
  // The other exits of the via way stay open: at its end, and at its inner node 2.
  EXPECT_EQ(net.travel(11, 16), net.along({11, 1, 2, 3, 16}));
  EXPECT_EQ(net.travel(11, 18), net.along({11, 1, 2, 3, 18}));
  EXPECT_EQ(net.travel(11, 17), net.along({11, 1, 2, 17}));
  // Arriving at node 1 on another road, the same turn is allowed.
  EXPECT_EQ(net.travel(15, 14), net.along({15, 1, 2, 3, 14}));
  EXPECT_EQ(net.travel(12, 16), net.along({12, 1, 2, 3, 16}));
}

TEST(ViaWayRestriction, TwoWayViaWayEnteredFromTheOtherEndIsUnaffected) {
  Network net("via_way_no_turn.osm");
  // Driving the via way from node 3 towards node 1 and on to the from way.
  EXPECT_EQ(net.travel(14, 11), net.along({14, 3, 2, 1, 11}));
  EXPECT_EQ(net.travel(16, 11), net.along({16, 3, 2, 1, 11}));
  EXPECT_EQ(net.travel(18, 15), net.along({18, 3, 2, 1, 15}));
  Network only("via_way_only.osm");
  EXPECT_EQ(only.travel(12, 11), only.along({12, 3, 2, 1, 11}));
  EXPECT_EQ(only.travel(15, 11), only.along({15, 3, 2, 1, 11}));
}

TEST(ViaWayRestriction, OnlyStraightOnLeavesOnlyTheToWayAtTheEnd) {
  Network net("via_way_only.osm");
  EXPECT_EQ(net.report().turn_restrictions, 1u);
  EXPECT_EQ(net.report().turn_restrictions_unused, 0u);
  EXPECT_EQ(net.report().components_dropped, 0u);
  // From way 1 along the via way, node 3 leads on to way 3 only.
  EXPECT_EQ(net.travel(11, 12), net.along({11, 1, 2, 3, 12}));
  EXPECT_EQ(net.travel(11, 15), net.along({11, 1, 13, 14, 15}));
  EXPECT_GT(net.travel(11, 15), net.along({11, 1, 2, 3, 15}));
  EXPECT_EQ(net.travel(11, 18), net.along({11, 1, 16, 17, 18}));
  EXPECT_GT(net.travel(11, 18), net.along({11, 1, 2, 3, 18}));
  // The restriction binds after the turn onto the via way, and only at its end: turning
  // elsewhere at node 1, or leaving the via way at node 2, is allowed.
  EXPECT_EQ(net.travel(11, 13), net.along({11, 1, 13}));
  EXPECT_EQ(net.travel(11, 16), net.along({11, 1, 16}));
  EXPECT_EQ(net.travel(11, 19), net.along({11, 1, 2, 19}));
  // Other arrivals at node 1 take the via way to any exit.
  EXPECT_EQ(net.travel(16, 15), net.along({16, 1, 2, 3, 15}));
  EXPECT_EQ(net.travel(13, 18), net.along({13, 1, 2, 3, 18}));
}

TEST(ViaWayRestriction, ExceptMotorcarLeavesCarsAlone) {
  Network net("via_way_no_turn.osm");
  // 101 forbids 15 -> 1 -> 2 -> 3 -> 18 for all but cars (and bicycles).
  EXPECT_EQ(net.travel(15, 18), net.along({15, 1, 2, 3, 18}));
}

TEST(ViaWayRestriction, MalformedRestrictionsAreSkippedAndCounted) {
  Network net("via_way_no_turn.osm");
  EXPECT_EQ(net.report().turn_restrictions_unused, 2u);  // 102 and 103
  // 102 would forbid 15 -> 1 -> 2 -> 3 -> 16 had its via way joined the others.
  EXPECT_EQ(net.travel(15, 16), net.along({15, 1, 2, 3, 16}));
  Network chain("via_way_chain.osm");
  // 304 cannot be driven (one-way via way) and 305 lists its via ways out of order.
  EXPECT_EQ(chain.report().turn_restrictions_unused, 2u);
}

TEST(ViaWayRestriction, ChainOfViaWaysCombinesWithViaNodeRestrictions) {
  Network net("via_way_chain.osm");
  EXPECT_EQ(net.report().turn_restrictions, 5u);  // 300 to 303 and 306
  EXPECT_EQ(net.report().components_dropped, 0u);
  // From way 1 along 1 -> 2 -> 3 only way 10 is left at node 3 (300, 302, 306), and the left
  // turn at node 1 is gone too (303): 11 -> 13 turns back at node 2 to take way 6 from there.
  EXPECT_EQ(net.travel(11, 17), net.along({11, 1, 2, 3, 17}));
  EXPECT_EQ(net.travel(11, 13), net.along({11, 1, 2, 1, 12, 13}));
  EXPECT_EQ(net.travel(11, 16), net.along({11, 1, 2, 3, 17, 3, 16}));
  // The via-node restriction at the inner node holds on the restricted copy as well: node 14
  // is reached round by the south bend.
  EXPECT_EQ(net.travel(11, 14), net.along({11, 1, 2, 3, 17, 3, 15, 18, 14}));
  // Arriving at node 2 from way 7, the chain's restrictions do not apply.
  EXPECT_EQ(net.travel(14, 13), net.along({14, 2, 3, 13}));
  EXPECT_EQ(net.travel(14, 16), net.along({14, 2, 3, 16}));
  // The one-way via way is driven only forwards.
  EXPECT_EQ(net.travel(16, 1), net.along({16, 3, 13, 12, 1}));
}

struct OracleCase {
  const char* fixture;
  std::vector<test::TurnRule> rules;
};

void PrintTo(const OracleCase& c, std::ostream* os) {
  *os << c.fixture;
}

class ViaWayOracle : public ::testing::TestWithParam<OracleCase> {};

TEST_P(ViaWayOracle, EveryPairMatchesATurnAwareSearch) {
  const OracleCase& c = GetParam();
  Network net(c.fixture);
  const ImportedRoads free_roads = import_without_restrictions(c.fixture);
  const test::TurnAwareReference reference(osm_arcs(free_roads), c.rules);
  // A trip from inside a restricted path has no history the reference could know of.
  std::set<std::int64_t> inside;
  for (const test::TurnRule& r : c.rules) inside.insert(r.prefix.begin() + 1, r.prefix.end());
  const std::set<std::int64_t> nodes = net.osm_nodes();
  EXPECT_EQ(nodes.size(), free_roads.graph.node_count());
  for (const std::int64_t s : nodes) {
    if (inside.count(s) > 0) continue;
    for (const std::int64_t t : nodes) {
      EXPECT_EQ(net.travel(s, t), reference.travel(s, t)) << c.fixture << ": " << s << " -> " << t;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, ViaWayOracle,
    ::testing::Values(OracleCase{"via_way_no_turn.osm",
                                 {{{11, 1, 2, 3}, {14}, false}, {{2, 3}, {2}, false}}},
                      OracleCase{"via_way_only.osm", {{{11, 1, 2, 3}, {12}, true}}},
                      OracleCase{"via_way_chain.osm",
                                 {{{11, 1, 2, 3}, {13}, false},
                                  {{1, 2}, {14}, false},
                                  {{2, 3}, {15}, false},
                                  {{11, 1}, {12}, false},
                                  {{1, 2, 3}, {16}, false}}}),
    [](const auto& param_info) {
      std::string name = param_info.param.fixture;
      name = name.substr(0, name.find('.'));
      name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
      return name;
    });

}  // namespace
}  // namespace shouwang::osm

namespace shouwang::osm::import {
namespace {

// Node lists for resolve_via_paths.
struct Ways {
  std::map<std::int64_t, std::vector<std::int64_t>> nodes;
  [[nodiscard]] WayNodeLists lists() const {
    WayNodeLists out;
    for (const auto& [id, list] : nodes) out.emplace(id, std::span<const std::int64_t>(list));
    return out;
  }
};

TEST(ViaPath, FollowsTheViaWaysFromTheFromWayToTheToWay) {
  // from 1: 10-11-1; via 2: 3-2-1 (drawn backwards); via 3: 3-4; to 4: 4-40.
  const Ways ways{{{1, {10, 11, 1}}, {2, {3, 2, 1}}, {3, {3, 4}}, {4, {4, 40}}}};
  const auto paths = resolve_via_paths({1, {2, 3}, 4, false}, ways.lists());
  ASSERT_TRUE(paths.ok()) << paths.error().to_string();
  ASSERT_EQ(paths->size(), 1u);
  EXPECT_EQ((*paths)[0].nodes, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_EQ((*paths)[0].step_ways, (std::vector<std::int64_t>{2, 2, 3}));
}

TEST(ViaPath, FromAndToWaysMayPassThroughTheEnds) {
  // The from way runs on past node 1, the to way starts before node 2.
  const Ways ways{{{1, {10, 1, 11}}, {2, {1, 2}}, {3, {20, 2, 21}}}};
  const auto paths = resolve_via_paths({1, {2}, 3, true}, ways.lists());
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 1u);
  EXPECT_EQ((*paths)[0].nodes, (std::vector<std::int64_t>{1, 2}));
}

TEST(ViaPath, BothDirectionsWhenFromAndToTouchBothEnds) {
  // A U-turn loop: way 1 passes both ends of the via way and is also the to way.
  const Ways ways{{{1, {10, 1, 11, 2, 12}}, {2, {1, 5, 2}}}};
  const auto paths = resolve_via_paths({1, {2}, 1, false}, ways.lists());
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 2u);
  EXPECT_EQ((*paths)[0].nodes, (std::vector<std::int64_t>{1, 5, 2}));
  EXPECT_EQ((*paths)[1].nodes, (std::vector<std::int64_t>{2, 5, 1}));
}

TEST(ViaPath, MembersThatDoNotJoinAreErrors) {
  const Ways ways{
      {{1, {10, 1}}, {2, {1, 2}}, {3, {2, 3}}, {4, {3, 40}}, {5, {7, 8}}, {6, {1, 6, 1}}}};
  // Via ways out of order.
  const auto unordered = resolve_via_paths({1, {3, 2}, 4, false}, ways.lists());
  ASSERT_FALSE(unordered.ok());
  EXPECT_EQ(unordered.error().code, Errc::kInvalidArgument);
  // The to way does not touch the end of the via ways.
  const auto apart = resolve_via_paths({1, {2}, 5, false}, ways.lists());
  ASSERT_FALSE(apart.ok());
  EXPECT_EQ(apart.error().code, Errc::kInvalidArgument);
  // A closed via way has no direction.
  const auto closed = resolve_via_paths({1, {6}, 2, false}, ways.lists());
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, Errc::kInvalidArgument);
  // A member that is not a drivable way.
  const auto missing = resolve_via_paths({1, {9}, 4, false}, ways.lists());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace shouwang::osm::import
