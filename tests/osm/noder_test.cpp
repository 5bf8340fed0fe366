#include <gtest/gtest.h>

#include <algorithm>

#include "osm/citygen/noder.h"

namespace shouwang::osm::citygen {
namespace {

Road road(Polyline pts, Level level = Level::kGround) {
  Road r;
  r.points = std::move(pts);
  r.level = level;
  return r;
}

bool shares_node(const NodedWay& a, const NodedWay& b) {
  for (auto n : a.nodes) {
    if (std::find(b.nodes.begin(), b.nodes.end(), n) != b.nodes.end()) return true;
  }
  return false;
}

TEST(Noder, CrossingGroundRoadsShareANode) {
  const auto net = node_roads({road({{-100, 0}, {100, 0}}), road({{0, -100}, {0, 100}})});
  ASSERT_EQ(net.ways.size(), 2u);
  EXPECT_TRUE(shares_node(net.ways[0], net.ways[1]));
  EXPECT_EQ(net.ways[0].nodes.size(), 3u);
  EXPECT_EQ(net.crossings, 1u);
}

TEST(Noder, ElevatedRoadsPassOverGroundRoads) {
  // The flyover meets the ground road only through the shared end vertex of a ramp.
  const auto net = node_roads({road({{-100, 0}, {100, 0}}), road({{0, -100}, {0, 100}}, Level::kElevated),
                               road({{0, 100}, {100, 0}}, Level::kElevated)});
  ASSERT_EQ(net.ways.size(), 3u);
  EXPECT_EQ(net.ways[0].nodes.size(), 2u);  // no node where the flyover crosses
  EXPECT_TRUE(shares_node(net.ways[1], net.ways[2]));
  EXPECT_TRUE(shares_node(net.ways[0], net.ways[2]));
}

TEST(Noder, OvershootingEndsAreTrimmedBackToTheJunction) {
  // A side street drawn 5 m past the main road ends at the main road.
  const auto net = node_roads({road({{-100, 0}, {100, 0}}), road({{0, -100}, {0, -50}, {0, 5}})});
  ASSERT_EQ(net.ways.size(), 2u);
  const auto& side = net.ways[1];
  ASSERT_EQ(side.nodes.size(), 3u);
  EXPECT_NEAR(net.nodes.xy(side.nodes.back()).y, 0.0, 1e-9);
  EXPECT_TRUE(shares_node(net.ways[0], side));
}

TEST(Noder, NearlyTouchingEndsMergeIntoOneNode) {
  // The second road ends 4 cm past a vertex of the first: one junction, not two nodes.
  const auto net = node_roads({road({{-100, 0}, {0, 0}, {100, 0}}), road({{0, -50}, {0, 0.04}})});
  ASSERT_EQ(net.ways.size(), 2u);
  EXPECT_TRUE(shares_node(net.ways[0], net.ways[1]));
  EXPECT_EQ(net.ways[0].nodes.size(), 3u);
}

TEST(Noder, KeepsOnlyTheLargestConnectedPart) {
  const auto net = node_roads({road({{-100, 0}, {100, 0}}), road({{0, -100}, {0, 100}}),
                               road({{500, 500}, {600, 500}})});
  EXPECT_EQ(net.ways.size(), 2u);
  EXPECT_EQ(net.dropped_ways, 1u);
}

}  // namespace
}  // namespace shouwang::osm::citygen
