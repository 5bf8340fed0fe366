#include <gtest/gtest.h>

#include <cmath>

#include "osm/citygen/polyline.h"

namespace shouwang::osm::citygen {
namespace {

const Quad kSquare{{{0, 0}, {100, 0}, {100, 100}, {0, 100}}};

TEST(Polyline, ClipsALineToAQuad) {
  const auto clip = clip_line(kSquare, {50, -20}, {0, 1});
  ASSERT_TRUE(clip.has_value());
  EXPECT_NEAR(clip->s0, 20.0, 1e-9);
  EXPECT_NEAR(clip->s1, 120.0, 1e-9);
  EXPECT_EQ(clip->edge_entry, 0);
  EXPECT_EQ(clip->edge_exit, 2);
  EXPECT_NEAR(clip->sin_entry, 1.0, 1e-12);
  EXPECT_FALSE(clip_line(kSquare, {150, 0}, {0, 1}).has_value());
  const auto diagonal = clip_line(kSquare, {0, 0}, {std::sqrt(0.5), std::sqrt(0.5)});
  ASSERT_TRUE(diagonal.has_value());
  EXPECT_NEAR(diagonal->s1 - diagonal->s0, std::sqrt(2.0) * 100.0, 1e-9);
  EXPECT_NEAR(diagonal->sin_exit, std::sqrt(0.5), 1e-9);
}

TEST(Polyline, QuadContainsWithMargin) {
  EXPECT_TRUE(kSquare.contains({50, 50}));
  EXPECT_TRUE(kSquare.contains({50, 50}, 40.0));
  EXPECT_FALSE(kSquare.contains({50, 5}, 10.0));
  EXPECT_FALSE(kSquare.contains({-1, 50}));
}

TEST(Polyline, DensifyKeepsVerticesAndBoundsTheStep) {
  Rng rng(1);
  const Polyline line{{0, 0}, {100, 0}, {100, 55}};
  const Polyline dense = densify(line, 25.0, 1.0, rng);
  EXPECT_EQ(dense.front(), line.front());
  EXPECT_EQ(dense.back(), line.back());
  bool has_corner = false;
  for (std::size_t i = 1; i < dense.size(); ++i) {
    EXPECT_LE(distance(dense[i - 1], dense[i]), 25.0 + 2.5);
    has_corner = has_corner || dense[i] == Xy{100, 0};
  }
  EXPECT_TRUE(has_corner);
  EXPECT_EQ(dense.size(), 8u);  // 4 pieces + 3 pieces + 1
}

TEST(Polyline, OffsetKeepsTheDistance) {
  const Polyline line{{0, 0}, {100, 0}, {100, 100}};
  const Polyline right = offset_right(line, 8.0);
  ASSERT_EQ(right.size(), 3u);
  EXPECT_NEAR(right[0].y, -8.0, 1e-9);
  EXPECT_NEAR(right[2].x, 108.0, 1e-9);
  EXPECT_NEAR(right[1].x, 108.0, 1e-9);  // mitred corner
  EXPECT_NEAR(right[1].y, -8.0, 1e-9);
}

TEST(Polyline, SegmentIntersectionAndPointAlong) {
  const auto hit = segment_intersection({0, 0}, {10, 10}, {0, 10}, {10, 0});
  ASSERT_TRUE(hit.has_value());
  EXPECT_NEAR(hit->x, 5.0, 1e-12);
  EXPECT_FALSE(segment_intersection({0, 0}, {1, 1}, {2, 0}, {3, 1}).has_value());
  const Polyline line{{0, 0}, {10, 0}, {10, 10}};
  const auto [p, seg] = point_along(line, 15.0);
  EXPECT_EQ(seg, 1u);
  EXPECT_NEAR(p.y, 5.0, 1e-12);
}

}  // namespace
}  // namespace shouwang::osm::citygen
