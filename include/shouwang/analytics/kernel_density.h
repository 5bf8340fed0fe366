#pragma once
// Kernel density over the study grid: every event spreads a unit of weight around itself
// by a kernel, and each study cell gets either the density at its centre (a map layer:
// events per unit area) or the mass falling inside the cell (a forecast: expected events
// in the cell). Both integrate to the total weight over the plane.
//
//   Gaussian: bandwidth h is the standard deviation; cut off beyond 4 h (a square window),
//             which drops less than 0.007 % of the mass. Masses are exact (products of
//             normal distribution differences).
//   Quartic (biweight): K(d) = 3 / (π h²) · (1 − d² / h²)² for d < h, zero beyond; masses
//             by the midpoint rule on 4 × 4 points per cell.

#include <span>
#include <vector>

#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {

enum class Kernel { kGaussian, kQuartic };
enum class CellValue { kDensityAtCentre, kMassInCell };

class KernelSurface {
 public:
  // Precondition: bandwidth > 0; the grid outlives the surface.
  KernelSurface(const StudyGrid& grid, Kernel kernel, double bandwidth, CellValue value);

  void add(Xy p, double weight = 1.0);
  // The same with this event's own bandwidth (an adaptive estimate).
  void add(Xy p, double weight, double bandwidth);
  void scale(double factor);
  void clear();
  [[nodiscard]] std::span<const double> values() const { return values_; }

 private:
  void add_gaussian(Xy p, double weight, double bandwidth);
  void add_quartic(Xy p, double weight, double bandwidth);

  const StudyGrid* grid_;
  Kernel kernel_;
  double bandwidth_;
  CellValue value_;
  std::vector<double> values_;
  std::vector<double> fx_, fy_;  // scratch: separable factors per column and row
};

}  // namespace shouwang::analytics
