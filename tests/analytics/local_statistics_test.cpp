// Gi* and local Moran's I on fixtures worked out by hand (the arithmetic is in the comments).

#include <cmath>
#include <utility>

#include <gtest/gtest.h>

#include <shouwang/analytics/local_statistics.h>

namespace shouwang::analytics {
namespace {

// Units on a line, each joined to the next.
SpatialWeights path(std::size_t n) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t i = 0; i + 1 < n; ++i)
    pairs.emplace_back(i, i + 1);
  return from_pairs(n, pairs);
}

TEST(LocalStatistics, GiStarByHand) {
  // x = 0, 0, 2, 6: n = 4, x̄ = 2, Σx² = 40, S = √(40/4 − 4) = √6.
  // Unit 3 with itself and unit 2: Σwx = 8, W = 2, Σw² = 2:
  //   (8 − 2·2) / (√6 · √((4·2 − 4)/3)) = 4 / √8 = √2.
  // Unit 1 with 0, 2 and itself: Σwx = 2, W = 3, Σw² = 3: (2 − 6) / (√6 · √((12 − 9)/3)) = −4/√6.
  const std::vector<double> x{0, 0, 2, 6};
  const auto g = getis_ord_gi_star(x, path(4));
  EXPECT_NEAR(g[0].z, -std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(g[1].z, -4.0 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(g[2].z, 2.0 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(g[3].z, std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(g[3].p, 0.157299207050285, 1e-12);  // 2 (1 − Φ(√2))
}

TEST(LocalStatistics, LocalMoranByHand) {
  // x = 0, 0, 2, 6: z = −2, −2, 0, 4; m2 = 24/4 = 6; m4 = 288/4 = 72; b2 = 2 (so 2b2 − n = 0).
  // Unit 0: I = (−2/6)·(−2) = 2/3; E = −1/3; Var = 1·(4 − 2)/3 − 1/9 = 5/9; z = 1 / (√5/3) = 3/√5.
  // Unit 1: I = (−2/6)·(−2 + 0) = 2/3; E = −2/3; Var = 2·2/3 − 4/9 = 8/9; z = (4/3) / (√8/3) = √2.
  // Unit 3: I = 0; E = −1/3; Var = 5/9; z = 1/√5.
  const std::vector<double> x{0, 0, 2, 6};
  const auto m = local_moran(x, path(4));
  EXPECT_NEAR(m[0].value, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(m[0].expected, -1.0 / 3.0, 1e-12);
  EXPECT_NEAR(m[0].z, 3.0 / std::sqrt(5.0), 1e-12);
  EXPECT_NEAR(m[1].z, std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(m[2].z, 1.0 / std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(m[3].value, 0.0, 1e-12);
  EXPECT_NEAR(m[3].z, 1.0 / std::sqrt(5.0), 1e-12);

  // x = 1, 0, 0, 0, 0: x̄ = 0.2, z = 0.8, −0.2 × 4; m2 = 0.8/5 = 0.16; m4 = 0.416/5 = 0.0832;
  // b2 = 3.25, 2b2 − n = 1.5. Unit 1 (neighbours 0 and 2): I = (−0.2/0.16)·0.6 = −0.75;
  // E = −2/4; Var = 2·1.75/4 + (4 − 2)·1.5/12 − 0.25 = 0.875; z = −0.25/√0.875.
  const std::vector<double> y{1, 0, 0, 0, 0};
  const auto n = local_moran(y, path(5));
  EXPECT_NEAR(n[1].value, -0.75, 1e-12);
  EXPECT_NEAR(n[1].expected, -0.5, 1e-12);
  EXPECT_NEAR(n[1].z, -0.25 / std::sqrt(0.875), 1e-12);
}

TEST(LocalStatistics, AConstantFieldIsNowhereSignificant) {
  const std::vector<double> x{3, 3, 3, 3};
  for (const auto& s : getis_ord_gi_star(x, path(4))) {
    EXPECT_EQ(s.z, 0.0);
    EXPECT_EQ(s.p, 1.0);
  }
  for (const auto& s : local_moran(x, path(4)))
    EXPECT_EQ(s.p, 1.0);
}

TEST(LocalStatistics, QuadrantsOfAClusterAndAnOutlier) {
  // Nine units on a line: a high pair at one end (HH), a lone high value among lows (HL).
  const std::vector<double> x{9, 9, 0, 0, 0, 0, 0, 0, 0};
  const SpatialWeights w = path(9);
  const auto m = local_moran(x, w);
  LocalStatistic significant = m[0];
  significant.p = 0.01;
  EXPECT_EQ(moran_quadrant(x, w, 0, significant), MoranQuadrant::kHighHigh);
  EXPECT_EQ(moran_quadrant(x, w, 2, significant), MoranQuadrant::kLowHigh);
  EXPECT_EQ(moran_quadrant(x, w, 6, significant), MoranQuadrant::kLowLow);
  const std::vector<double> lone{0, 0, 0, 0, 9, 0, 0, 0, 0};
  EXPECT_EQ(moran_quadrant(lone, w, 4, significant), MoranQuadrant::kHighLow);
  significant.p = 0.2;
  EXPECT_EQ(moran_quadrant(x, w, 0, significant), MoranQuadrant::kNotSignificant);
}

TEST(SpatialWeights, ContiguityOnAGridAndDistanceBands) {
  auto boundary = Boundary::from_rings({{{0, 0}, {3, 0}, {3, 3}, {0, 3}}});
  ASSERT_TRUE(boundary.ok());
  auto grid = StudyGrid::over(*boundary, 1.0);
  ASSERT_TRUE(grid.ok());
  const SpatialWeights queen = queen_contiguity(*grid);
  const SpatialWeights rook = rook_contiguity(*grid);
  const std::uint32_t centre = grid->index_of({1.5, 1.5}), corner = grid->index_of({0.5, 0.5});
  EXPECT_EQ(queen.offsets[centre + 1] - queen.offsets[centre], 8u);
  EXPECT_EQ(queen.offsets[corner + 1] - queen.offsets[corner], 3u);
  EXPECT_EQ(rook.offsets[centre + 1] - rook.offsets[centre], 4u);
  EXPECT_EQ(rook.offsets[corner + 1] - rook.offsets[corner], 2u);

  std::vector<Xy> centres;
  for (std::uint32_t i = 0; i < grid->size(); ++i)
    centres.push_back(grid->centre(i));
  const SpatialWeights band = distance_band(centres, 1.5);  // diagonals (1.41) in, 2 out
  for (std::uint32_t i = 0; i < grid->size(); ++i)
    EXPECT_EQ(band.offsets[i + 1] - band.offsets[i], queen.offsets[i + 1] - queen.offsets[i]) << i;
  const SpatialWeights standard = row_standardised(queen);
  double sum = 0.0;
  for (std::uint32_t k = standard.offsets[corner]; k < standard.offsets[corner + 1]; ++k)
    sum += standard.weights[k];
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

}  // namespace
}  // namespace shouwang::analytics
