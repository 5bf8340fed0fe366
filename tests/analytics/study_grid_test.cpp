// The study area and its cells, checked on shapes whose answers can be counted by hand.

#include <cmath>

#include <gtest/gtest.h>

#include <shouwang/analytics/kernel_density.h>
#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {
namespace {

std::vector<Xy> square(double x0, double y0, double side) {
  return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
}

TEST(StudyGrid, AHoleIsNotStudiedAndItsAreaIsSubtracted) {
  // A 10 × 10 square with a 4 × 4 hole in the middle (2..6 both ways), the hole drawn the
  // same way round as the outside: nesting, not winding, makes it a hole.
  auto boundary = Boundary::from_rings({square(0, 0, 10), square(2, 2, 4)});
  ASSERT_TRUE(boundary.ok()) << boundary.error().message;
  EXPECT_DOUBLE_EQ(boundary->area(), 100.0 - 16.0);
  EXPECT_TRUE(boundary->contains({1, 1}));
  EXPECT_FALSE(boundary->contains({3, 3}));
  EXPECT_FALSE(boundary->contains({11, 1}));

  auto grid = StudyGrid::over(*boundary, 2.0);
  ASSERT_TRUE(grid.ok());
  EXPECT_EQ(grid->columns(), 5u);
  EXPECT_EQ(grid->rows(), 5u);
  EXPECT_EQ(grid->size(), 25u - 4u) << "the four cells with centres in the hole are out";
  EXPECT_EQ(grid->index_of({3, 3}), kOutsideStudy);
  const std::uint32_t corner = grid->index_of({0.5, 0.5});
  ASSERT_NE(corner, kOutsideStudy);
  EXPECT_EQ(grid->id(corner), 0u);
  EXPECT_EQ(grid->centre(corner), (Xy{1, 1}));
  // Ids run west to east, then north: (column 4, row 1) is 1 * 5 + 4.
  EXPECT_EQ(grid->id(grid->index_of({9, 3})), 9u);
  // Study indices keep the id order.
  for (std::uint32_t i = 1; i < grid->size(); ++i)
    EXPECT_LT(grid->id(i - 1), grid->id(i));
}

TEST(StudyGrid, ACellBelongsWhenItsCentreIsInside) {
  // A right triangle: the cell (1, 0) of side 1 has its centre (1.5, 0.5) under the
  // hypotenuse y = 3 − x; the cell (2, 1) has (2.5, 1.5), above it.
  auto boundary = Boundary::from_rings({{{0, 0}, {3, 0}, {0, 3}}});
  ASSERT_TRUE(boundary.ok());
  EXPECT_DOUBLE_EQ(boundary->area(), 4.5);
  auto grid = StudyGrid::over(*boundary, 1.0);
  ASSERT_TRUE(grid.ok());
  EXPECT_NE(grid->index_at(1, 0), kOutsideStudy);
  EXPECT_EQ(grid->index_at(2, 1), kOutsideStudy);
  // Centres strictly under the line: (0.5, 0.5), (1.5, 0.5), (0.5, 1.5); (2.5, 0.5) and
  // (1.5, 1.5) lie on it and (0.5, 2.5) too, and a point on the boundary line is out here.
  EXPECT_EQ(grid->size(), 3u);
}

TEST(StudyGrid, BadBoundariesAndCellsAreRefused) {
  EXPECT_FALSE(Boundary::from_rings({}).ok());
  EXPECT_FALSE(Boundary::from_rings({{{0, 0}, {1, 1}}}).ok());
  EXPECT_FALSE(Boundary::from_rings({{{0, 0}, {1, 0}, {NAN, 1}}}).ok());
  auto boundary = Boundary::from_rings({square(0, 0, 1)});
  ASSERT_TRUE(boundary.ok());
  EXPECT_FALSE(StudyGrid::over(*boundary, 0.0).ok());
  EXPECT_FALSE(StudyGrid::over(*boundary, 1e-6).ok()) << "more than 2^28 cells";
}

TEST(KernelDensity, MassesAddUpToTheWeightAndCentresGiveTheDensity) {
  auto boundary = Boundary::from_rings({square(0, 0, 100)});
  ASSERT_TRUE(boundary.ok());
  auto grid = StudyGrid::over(*boundary, 1.0);
  ASSERT_TRUE(grid.ok());
  for (const Kernel kernel : {Kernel::kGaussian, Kernel::kQuartic}) {
    KernelSurface mass(*grid, kernel, 3.0, CellValue::kMassInCell);
    mass.add({50.3, 49.8}, 2.0);
    double total = 0.0;
    for (const double v : mass.values())
      total += v;
    EXPECT_NEAR(total, 2.0, 2e-3) << (kernel == Kernel::kGaussian ? "gaussian" : "quartic");
  }
  // At the centre of the cell holding the event (which sits on that centre): Gaussian
  // 1 / (2π h²), quartic 3 / (π h²).
  KernelSurface g(*grid, Kernel::kGaussian, 3.0, CellValue::kDensityAtCentre);
  g.add({50.5, 50.5});
  EXPECT_NEAR(g.values()[grid->index_of({50.5, 50.5})], 1.0 / (2 * M_PI * 9.0), 1e-12);
  KernelSurface q(*grid, Kernel::kQuartic, 3.0, CellValue::kDensityAtCentre);
  q.add({50.5, 50.5});
  EXPECT_NEAR(q.values()[grid->index_of({50.5, 50.5})], 3.0 / (M_PI * 9.0), 1e-12);
  // One cell east, d = 1: (1 − 1/9)² of the peak; beyond h nothing.
  EXPECT_NEAR(q.values()[grid->index_of({51.5, 50.5})], 3.0 / (M_PI * 9.0) * (64.0 / 81.0), 1e-12);
  EXPECT_EQ(q.values()[grid->index_of({53.5, 50.5})], 0.0);
}

}  // namespace
}  // namespace shouwang::analytics
