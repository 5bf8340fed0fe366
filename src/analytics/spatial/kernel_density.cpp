#include <algorithm>
#include <cmath>
#include <numbers>

#include <shouwang/analytics/kernel_density.h>

namespace shouwang::analytics {
namespace {

constexpr double kGaussianReach = 4.0;  // bandwidths
constexpr int kQuarticSamples = 4;      // per cell side, for masses

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

}  // namespace

KernelSurface::KernelSurface(const StudyGrid& grid, Kernel kernel, double bandwidth,
                             CellValue value)
    : grid_(&grid),
      kernel_(kernel),
      bandwidth_(bandwidth),
      value_(value),
      values_(grid.size(), 0.0) {}

void KernelSurface::add(Xy p, double weight) {
  add(p, weight, bandwidth_);
}

void KernelSurface::add(Xy p, double weight, double bandwidth) {
  if (kernel_ == Kernel::kGaussian)
    add_gaussian(p, weight, bandwidth);
  else
    add_quartic(p, weight, bandwidth);
}

void KernelSurface::scale(double factor) {
  for (double& v : values_)
    v *= factor;
}

void KernelSurface::clear() {
  std::fill(values_.begin(), values_.end(), 0.0);
}

void KernelSurface::add_gaussian(Xy p, double weight, double bandwidth) {
  const double cell = grid_->cell();
  const Xy o = grid_->origin();
  const double reach = kGaussianReach * bandwidth;
  const auto c0 = static_cast<std::int64_t>(std::floor((p.x - reach - o.x) / cell));
  const auto c1 = static_cast<std::int64_t>(std::floor((p.x + reach - o.x) / cell));
  const auto r0 = static_cast<std::int64_t>(std::floor((p.y - reach - o.y) / cell));
  const auto r1 = static_cast<std::int64_t>(std::floor((p.y + reach - o.y) / cell));
  // One factor per column and per row: the kernel is a product of two normal densities.
  const auto factor = [&](double lo, double centre) {
    if (value_ == CellValue::kMassInCell)
      return normal_cdf((lo + cell - centre) / bandwidth) - normal_cdf((lo - centre) / bandwidth);
    const double z = (lo + cell / 2.0 - centre) / bandwidth;
    return std::exp(-0.5 * z * z) / (std::sqrt(2.0 * std::numbers::pi) * bandwidth);
  };
  fx_.clear();
  for (std::int64_t c = c0; c <= c1; ++c)
    fx_.push_back(factor(o.x + static_cast<double>(c) * cell, p.x));
  fy_.clear();
  for (std::int64_t r = r0; r <= r1; ++r)
    fy_.push_back(factor(o.y + static_cast<double>(r) * cell, p.y));
  for (std::int64_t r = r0; r <= r1; ++r) {
    const double wy = weight * fy_[static_cast<std::size_t>(r - r0)];
    for (std::int64_t c = c0; c <= c1; ++c) {
      const std::uint32_t index = grid_->index_at(c, r);
      if (index != kOutsideStudy)
        values_[index] += wy * fx_[static_cast<std::size_t>(c - c0)];
    }
  }
}

void KernelSurface::add_quartic(Xy p, double weight, double bandwidth) {
  const double cell = grid_->cell();
  const Xy o = grid_->origin();
  const double h2 = bandwidth * bandwidth;
  const double norm = 3.0 / (std::numbers::pi * h2);
  const auto density = [&](double dx, double dy) {
    const double u = (dx * dx + dy * dy) / h2;
    return u < 1.0 ? norm * (1.0 - u) * (1.0 - u) : 0.0;
  };
  const auto c0 = static_cast<std::int64_t>(std::floor((p.x - bandwidth - o.x) / cell));
  const auto c1 = static_cast<std::int64_t>(std::floor((p.x + bandwidth - o.x) / cell));
  const auto r0 = static_cast<std::int64_t>(std::floor((p.y - bandwidth - o.y) / cell));
  const auto r1 = static_cast<std::int64_t>(std::floor((p.y + bandwidth - o.y) / cell));
  const double step = cell / kQuarticSamples;
  for (std::int64_t r = r0; r <= r1; ++r) {
    for (std::int64_t c = c0; c <= c1; ++c) {
      const std::uint32_t index = grid_->index_at(c, r);
      if (index == kOutsideStudy)
        continue;
      const double x0 = o.x + static_cast<double>(c) * cell - p.x;
      const double y0 = o.y + static_cast<double>(r) * cell - p.y;
      double v = 0.0;
      if (value_ == CellValue::kDensityAtCentre) {
        v = density(x0 + cell / 2.0, y0 + cell / 2.0);
      } else {
        for (int i = 0; i < kQuarticSamples; ++i)
          for (int j = 0; j < kQuarticSamples; ++j)
            v += density(x0 + (i + 0.5) * step, y0 + (j + 0.5) * step);
        v *= step * step;
      }
      values_[index] += weight * v;
    }
  }
}

}  // namespace shouwang::analytics
