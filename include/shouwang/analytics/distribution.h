#pragma once
// Distributions of durations (response times: call → sign-for, → arrival, → feedback),
// as bulletins and standards state them: n, mean, median, the 90th percentile and the
// share within a limit (60 / 180 / 300 s, NFPA's 240 s at P90, 城区 5 min, 城郊 10 min).
//
// Percentiles interpolate linearly between closest ranks (h = (n − 1)·p; Excel's
// PERCENTILE.INC, NumPy's default "linear"): for 1..10 the median is 5.5 and P90 is 9.1.
// A value exactly at a limit counts as within it.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace shouwang::analytics {

// The p-quantile (0 ≤ p ≤ 1) of `sorted` (ascending); absent for an empty sample.
std::optional<double> percentile(std::span<const double> sorted, double p);

// The share (0..1) of `sorted` at or below `limit`; absent for an empty sample.
std::optional<double> share_within(std::span<const double> sorted, double limit);

struct Distribution {
  std::size_t n = 0;
  double mean = 0;
  double median = 0;
  double p90 = 0;
  double min = 0;
  double max = 0;
};

// The summary of `values` (any order); absent for an empty sample.
std::optional<Distribution> describe(std::vector<double> values);

}  // namespace shouwang::analytics
