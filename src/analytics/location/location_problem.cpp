#include <algorithm>
#include <cmath>
#include <string>

#include <shouwang/analytics/facility_location.h>

#include "analytics/location/location_support.h"

namespace shouwang::analytics {

Status validate(const LocationProblem& problem) {
  if (problem.weight.size() != problem.demands)
    return Error(Errc::kInvalidArgument, "there must be one weight per demand point", "weight");
  if (problem.time.size() != problem.demands * problem.sites)
    return Error(Errc::kInvalidArgument, "there must be one time per demand point and site",
                 "time");
  if (problem.p < 1 || problem.p > problem.sites)
    return Error(Errc::kInvalidArgument,
                 "p must be from 1 to the number of sites (" + std::to_string(problem.sites) + ")",
                 "p");
  for (const double w : problem.weight) {
    if (!std::isfinite(w) || w < 0)
      return Error(Errc::kInvalidArgument, "weights must be finite and not negative", "weight");
  }
  for (const double t : problem.time) {
    if (std::isnan(t) || t < 0)
      return Error(Errc::kInvalidArgument, "times must not be negative or NaN", "time");
  }
  return {};
}

double relative_gap(const LocationSolution& s) {
  const double scale = std::max(std::abs(s.objective), 1e-12);
  return std::abs(s.objective - s.bound) / scale;
}

namespace location {

std::uint64_t count_sets(std::size_t n, std::size_t k, std::uint64_t cap) {
  // C(n, k) computed exactly while it stays at or below cap; cap + 1 beyond.
  k = std::min(k, n - k);
  long double c = 1;
  for (std::size_t i = 1; i <= k; ++i) {
    c = c * static_cast<long double>(n - k + i) / static_cast<long double>(i);
    if (c > static_cast<long double>(cap))
      return cap + 1;
  }
  return static_cast<std::uint64_t>(std::llround(c));
}

bool next_set(std::vector<std::uint32_t>& set, std::size_t n) {
  const std::size_t k = set.size();
  std::size_t i = k;
  while (i > 0 && set[i - 1] == n - k + i - 1)
    --i;
  if (i == 0)
    return false;
  ++set[i - 1];
  for (std::size_t j = i; j < k; ++j)
    set[j] = set[j - 1] + 1;
  return true;
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> sites) {
  std::sort(sites.begin(), sites.end());
  return sites;
}

}  // namespace location
}  // namespace shouwang::analytics
