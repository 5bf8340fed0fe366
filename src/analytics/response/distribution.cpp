#include <algorithm>
#include <cmath>
#include <numeric>

#include <shouwang/analytics/distribution.h>

namespace shouwang::analytics {

std::optional<double> percentile(std::span<const double> sorted, double p) {
  if (sorted.empty())
    return std::nullopt;
  const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 1.0);
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

std::optional<double> share_within(std::span<const double> sorted, double limit) {
  if (sorted.empty())
    return std::nullopt;
  const auto within = std::upper_bound(sorted.begin(), sorted.end(), limit) - sorted.begin();
  return static_cast<double>(within) / static_cast<double>(sorted.size());
}

std::optional<Distribution> describe(std::vector<double> values) {
  if (values.empty())
    return std::nullopt;
  std::sort(values.begin(), values.end());
  Distribution d;
  d.n = values.size();
  d.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(d.n);
  d.median = *percentile(values, 0.5);
  d.p90 = *percentile(values, 0.9);
  d.min = values.front();
  d.max = values.back();
  return d;
}

}  // namespace shouwang::analytics
