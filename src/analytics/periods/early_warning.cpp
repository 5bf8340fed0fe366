#include <algorithm>
#include <array>
#include <cmath>

#include <shouwang/analytics/early_warning.h>

namespace shouwang::analytics {
namespace {

constexpr std::size_t kEarsBaseline = 7;
constexpr std::size_t kC2Guard = 2;
constexpr std::size_t kYearStep = 364;  // 52 weeks: the same weekdays a year back

struct MeanSd {
  double mean = 0.0;
  double sd = 0.0;
};

// Sample mean and standard deviation (n − 1), as EARS defines them.
MeanSd mean_sd(std::span<const double> values) {
  MeanSd m;
  if (values.empty())
    return m;
  for (const double v : values)
    m.mean += v;
  m.mean /= static_cast<double>(values.size());
  if (values.size() < 2)
    return m;
  double squares = 0.0;
  for (const double v : values)
    squares += (v - m.mean) * (v - m.mean);
  m.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  return m;
}

// C1 (guard 0) or C2 (guard 2) on day t.
std::optional<WarningResult> ears(std::span<const double> daily, std::size_t t, std::size_t guard,
                                  const WarningSettings& s) {
  if (t >= daily.size() || t < kEarsBaseline + guard)
    return std::nullopt;
  const std::size_t first = t - guard - kEarsBaseline;
  const MeanSd base = mean_sd(daily.subspan(first, kEarsBaseline));
  WarningResult r;
  r.day = t;
  r.count = daily[t];
  r.baseline_mean = base.mean;
  r.baseline_sd = base.sd;
  r.baseline_first = first;
  r.baseline_last = t - guard - 1;
  r.statistic = (daily[t] - base.mean) / std::max(base.sd, s.sigma_floor);
  r.threshold = s.ears_threshold;
  r.alarm = r.statistic > r.threshold && daily[t] >= s.min_count;
  return r;
}

std::optional<WarningResult> c3(std::span<const double> daily, std::size_t t,
                                const WarningSettings& s) {
  if (t >= daily.size() || t < kEarsBaseline + kC2Guard + 2)
    return std::nullopt;
  std::optional<WarningResult> today;
  double sum = 0.0;
  for (std::size_t d = t - 2; d <= t; ++d) {
    auto c2 = ears(daily, d, kC2Guard, s);
    sum += std::max(0.0, c2->statistic - 1.0);
    if (d == t)
      today = c2;
  }
  today->statistic = sum;
  today->threshold = s.c3_threshold;
  today->alarm = sum > s.c3_threshold && daily[t] >= s.min_count;
  return today;
}

std::optional<WarningResult> historical_limits(std::span<const double> daily, std::size_t t,
                                               const WarningSettings& s) {
  const auto length = static_cast<std::size_t>(std::max(1, s.period_days));
  if (t >= daily.size() || t + 1 < length)
    return std::nullopt;
  const auto period_sum = [&](std::size_t last) {  // the `length` days ending on `last`
    double sum = 0.0;
    for (std::size_t d = last + 1 - length; d <= last; ++d)
      sum += daily[d];
    return sum;
  };
  // The period itself and its neighbours, one, two … years back, as far as the series goes.
  std::vector<double> baseline;
  std::size_t earliest = t;
  for (int y = 1; y <= s.years; ++y) {
    const std::size_t back = static_cast<std::size_t>(y) * kYearStep;
    if (t + 1 < back + 2 * length)  // the preceding period must start inside the series
      break;
    const std::size_t centre = t - back;  // the following period ends before t: length < 364
    for (const std::size_t last : {centre - length, centre, centre + length}) {
      baseline.push_back(period_sum(last));
      earliest = std::min(earliest, last + 1 - length);
    }
  }
  if (baseline.size() < 6)  // two years at least
    return std::nullopt;
  const MeanSd base = mean_sd(baseline);
  WarningResult r;
  r.day = t;
  r.count = period_sum(t);
  r.baseline_mean = base.mean;
  r.baseline_sd = base.sd;
  r.baseline_first = earliest;
  r.baseline_last = t - kYearStep + length;
  r.statistic = (r.count - base.mean) / std::max(base.sd, s.sigma_floor);
  r.threshold = s.limit_sigmas;
  r.alarm = r.statistic > r.threshold && r.count >= s.min_count;
  return r;
}

constexpr std::array<std::pair<WarningMethod, std::string_view>, 4> kNames{{
    {WarningMethod::kEarsC1, "ears_c1"},
    {WarningMethod::kEarsC2, "ears_c2"},
    {WarningMethod::kEarsC3, "ears_c3"},
    {WarningMethod::kHistoricalLimits, "historical_limits"},
}};

}  // namespace

std::string_view to_string(WarningMethod m) {
  for (const auto& [method, name] : kNames)
    if (method == m)
      return name;
  return "?";
}

std::optional<WarningMethod> parse_warning_method(std::string_view name) {
  for (const auto& [method, n] : kNames)
    if (n == name)
      return method;
  return std::nullopt;
}

std::optional<WarningResult> evaluate_warning(std::span<const double> daily, std::size_t t,
                                              WarningMethod method,
                                              const WarningSettings& settings) {
  switch (method) {
    case WarningMethod::kEarsC1:
      return ears(daily, t, 0, settings);
    case WarningMethod::kEarsC2:
      return ears(daily, t, kC2Guard, settings);
    case WarningMethod::kEarsC3:
      return c3(daily, t, settings);
    case WarningMethod::kHistoricalLimits:
      return historical_limits(daily, t, settings);
  }
  return std::nullopt;
}

}  // namespace shouwang::analytics
