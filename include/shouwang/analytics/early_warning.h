#pragma once
// Early warning (预警): is today's count of a type in an area beyond what its recent or
// seasonal past leads one to expect? Two families, both on daily counts
// (docs/forecasting.md, "Early warning"):
//
//   EARS C1, C2, C3 (Hutwagner et al. 2003, the CDC's Early Aberration Reporting System):
//     C1 = (x_t − μ) / σ over the 7 days before t;
//     C2 the same over days t−9 … t−3 (a two-day guard band, so a rising outbreak does not
//        raise its own baseline);
//     C3 = Σ max(0, C2 − 1) over t−2 … t; alarms when C1 or C2 > 3, C3 > 2.
//   Historical limits (Stroup et al. 1989), the seasonal method: the count of the period
//     ending on t (28 days by default) against the same period and the periods just before
//     and after it in each earlier year (52-week steps keep the weekdays), 3 × years values;
//     alarm when x > μ + 2σ.
//
// Police counts are small and often zero, so σ has a floor (a baseline of seven zeros
// would otherwise make one incident infinitely surprising) and an alarm needs a minimum
// count. Every result carries its evidence: the baseline's days, mean and deviation.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace shouwang::analytics {

enum class WarningMethod : std::uint8_t { kEarsC1, kEarsC2, kEarsC3, kHistoricalLimits };
std::string_view to_string(WarningMethod m);  // "ears_c1", "historical_limits"
std::optional<WarningMethod> parse_warning_method(std::string_view name);

struct WarningSettings {
  double sigma_floor = 0.5;     // EARS
  double ears_threshold = 3.0;  // C1, C2
  double c3_threshold = 2.0;
  double min_count = 3.0;  // no alarm below this count (of the day, or of the period)
  int period_days = 28;    // historical limits
  int years = 5;           // as many as the series holds, at least 2
  double limit_sigmas = 2.0;
};

struct WarningResult {
  std::size_t day = 0;     // index into the series
  double count = 0.0;      // x_t (or the period's count)
  double statistic = 0.0;  // C1 / C2 / C3 or (x − μ) / σ
  double threshold = 0.0;
  double baseline_mean = 0.0;
  double baseline_sd = 0.0;
  std::size_t baseline_first = 0;  // the baseline's days (for C3, that of C2 on day t)
  std::size_t baseline_last = 0;
  bool alarm = false;
};

// The result on day `t` of a daily series; nothing when the series is too short before t
// (EARS needs 7 or 9 days, C3 11; historical limits two earlier years).
std::optional<WarningResult> evaluate_warning(std::span<const double> daily, std::size_t t,
                                              WarningMethod method,
                                              const WarningSettings& settings = {});

}  // namespace shouwang::analytics
