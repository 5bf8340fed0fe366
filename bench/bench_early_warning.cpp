// Early-warning methods on synthetic daily counts with injected outbreaks: how many
// outbreaks each method detects, how late, and how many false alarms it raises a year.
// Prints one table per baseline level; docs/forecasting.md ("Early warning") and
// docs/performance.md carry the figures.
//
// Series: five years of daily Poisson counts with mean λ · weekday factor (Friday and
// Saturday +30 %) · season (1 + 0.2 sin(2π day / 365.25)). Outbreaks: 7 days with λ · m
// extra a day, m = 0.5, 1 or 2, one starting at a random day in each 120-day block of years
// 3–5 (the historical-limits method needs two years of history first). A day is affected
// by an outbreak when the method's window ending on it holds an outbreak day (the day for
// C1 and C2, the three days for C3, the 28-day period for historical limits); an alarm on
// an unaffected day is false. Consecutive alarm days are one alarm (a station gets one
// directive, not one a day). 200 series per setting, fixed seeds.

#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <vector>

#include <shouwang/analytics/early_warning.h>
#include <shouwang/base/random.h>

namespace {

using shouwang::Rng;
using namespace shouwang::analytics;

constexpr int kYears = 5;
constexpr int kDays = 365 * kYears;
constexpr int kFirstOutbreakDay = 2 * 365 + 28;
constexpr int kBlock = 120;
constexpr int kOutbreakDays = 7;
constexpr int kSeries = 200;

int poisson(Rng& rng, double mean) {
  // Inversion for small means, a rounded normal approximation beyond 30.
  if (mean > 30.0)
    return std::max(0, static_cast<int>(std::lround(rng.normal(mean, std::sqrt(mean)))));
  double p = std::exp(-mean), cumulative = p;
  const double u = rng.uniform01();
  int n = 0;
  while (u > cumulative && n < 200) {
    p *= mean / ++n;
    cumulative += p;
  }
  return n;
}

struct Outcome {
  int outbreaks = 0;
  int detected = 0;
  double delay_days = 0.0;  // summed over the detected
  int false_alarms = 0;
  double unaffected_days = 0.0;
};

int window_of(WarningMethod m, const WarningSettings& s) {
  switch (m) {
    case WarningMethod::kEarsC1:
    case WarningMethod::kEarsC2:
      return 1;
    case WarningMethod::kEarsC3:
      return 3;
    case WarningMethod::kHistoricalLimits:
      return s.period_days;
  }
  return 1;
}

void run(double lambda, double multiplier, std::uint64_t seed, std::vector<Outcome>& outcomes,
         const std::vector<WarningMethod>& methods, const WarningSettings& settings) {
  Rng rng(seed);
  std::vector<double> series(kDays);
  std::vector<int> outbreak_start;  // per day: the start of the outbreak it belongs to, or -1
  outbreak_start.assign(kDays, -1);
  std::vector<int> starts;
  for (int block = kFirstOutbreakDay; block + kBlock <= kDays; block += kBlock) {
    const int start = block + static_cast<int>(rng.uniform_int(0, kBlock - kOutbreakDays - 28));
    starts.push_back(start);
    for (int d = start; d < start + kOutbreakDays; ++d)
      outbreak_start[d] = start;
  }
  for (int d = 0; d < kDays; ++d) {
    const int weekday = d % 7;  // day 0 a Monday
    const double week = weekday == 4 || weekday == 5 ? 1.3 : 1.0;
    const double season = 1.0 + 0.2 * std::sin(2.0 * std::numbers::pi * d / 365.25);
    double mean = lambda * week * season;
    if (outbreak_start[d] >= 0)
      mean += lambda * multiplier;
    series[d] = poisson(rng, mean);
  }
  for (std::size_t m = 0; m < methods.size(); ++m) {
    const int window = window_of(methods[m], settings);
    Outcome& o = outcomes[m];
    std::vector<int> first_alarm(kDays, -1);  // by outbreak start
    bool alarmed_yesterday = false;
    for (int d = kFirstOutbreakDay; d < kDays; ++d) {
      const auto r = evaluate_warning(series, static_cast<std::size_t>(d), methods[m], settings);
      const bool raised = r && r->alarm && !alarmed_yesterday;  // a run of alarm days is one alarm
      alarmed_yesterday = r && r->alarm;
      int affecting = -1;
      for (int back = 0; back < window && d - back >= 0; ++back)
        if (outbreak_start[d - back] >= 0)
          affecting = outbreak_start[d - back];
      if (affecting < 0)
        o.unaffected_days += 1.0;
      if (!r || !r->alarm)
        continue;
      if (affecting < 0 && raised)
        ++o.false_alarms;
      else if (first_alarm[affecting] < 0 && outbreak_start[d] == affecting)
        first_alarm[affecting] = d;  // detected while the outbreak runs
    }
    for (const int start : starts) {
      ++o.outbreaks;
      if (first_alarm[start] >= 0) {
        ++o.detected;
        o.delay_days += first_alarm[start] - start;
      }
    }
  }
}

}  // namespace

int main() {
  const std::vector<WarningMethod> methods{WarningMethod::kEarsC1, WarningMethod::kEarsC2,
                                           WarningMethod::kEarsC3,
                                           WarningMethod::kHistoricalLimits};
  const WarningSettings settings;
  std::printf(
      "early warning on synthetic series: %d series × %d years per row, outbreaks of %d days\n",
      kSeries, kYears, kOutbreakDays);
  std::printf(
      "(detection: an alarm on an outbreak day; delay: days from its first day; false: alarms a "
      "year "
      "raised on unaffected days, a run of alarm days counting once)\n\n");
  std::printf("%-8s %-10s %-18s %10s %10s %14s\n", "λ a day", "outbreak", "method", "detected",
              "delay d", "false / year");
  for (const double lambda : {0.5, 2.0, 8.0}) {
    for (const double multiplier : {0.5, 1.0, 2.0}) {
      std::vector<Outcome> outcomes(methods.size());
      for (int s = 0; s < kSeries; ++s)
        run(lambda, multiplier, 1000 * static_cast<std::uint64_t>(s) + 17, outcomes, methods,
            settings);
      for (std::size_t m = 0; m < methods.size(); ++m) {
        const Outcome& o = outcomes[m];
        char extra[32];
        std::snprintf(extra, sizeof extra, "+%.0f %%", multiplier * 100.0);
        std::printf("%-8.1f %-10s %-18s %9.1f%% %10.2f %14.2f\n", lambda, extra,
                    std::string(to_string(methods[m])).c_str(),
                    100.0 * o.detected / std::max(1, o.outbreaks),
                    o.detected > 0 ? o.delay_days / o.detected : NAN,
                    o.false_alarms / std::max(1.0, o.unaffected_days / 365.25));
      }
    }
  }
  return 0;
}
