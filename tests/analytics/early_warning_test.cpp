// EARS C1 / C2 / C3 and historical limits on series whose statistics are worked out by hand.

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/analytics/early_warning.h>

namespace shouwang::analytics {
namespace {

TEST(EarlyWarning, C1AgainstTheSevenDaysBefore) {
  // Baseline 2, 4, 2, 4, 2, 4, 3: mean 3, sample variance (1+1+1+1+1+1+0)/6 = 1, σ = 1.
  const std::vector<double> x{2, 4, 2, 4, 2, 4, 3, 7};
  const auto r = evaluate_warning(x, 7, WarningMethod::kEarsC1);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->baseline_mean, 3.0);
  EXPECT_DOUBLE_EQ(r->baseline_sd, 1.0);
  EXPECT_DOUBLE_EQ(r->statistic, 4.0);
  EXPECT_TRUE(r->alarm);
  EXPECT_EQ(r->baseline_first, 0u);
  EXPECT_EQ(r->baseline_last, 6u);
  EXPECT_FALSE(evaluate_warning(x, 6, WarningMethod::kEarsC1)) << "seven baseline days are needed";
  const std::vector<double> y{2, 4, 2, 4, 2, 4, 3, 6};
  EXPECT_FALSE(evaluate_warning(y, 7, WarningMethod::kEarsC1)->alarm) << "C1 = 3 is not above 3";
}

TEST(EarlyWarning, C2SkipsTwoDaysAndTheFloorTamesAZeroBaseline) {
  // Days 0..6 are zeros, days 7 and 8 (the guard band) are high and do not count: C2 on
  // day 9 compares 4 with mean 0 and σ floored at 0.5: 8.
  const std::vector<double> x{0, 0, 0, 0, 0, 0, 0, 9, 9, 4};
  const auto c2 = evaluate_warning(x, 9, WarningMethod::kEarsC2);
  ASSERT_TRUE(c2);
  EXPECT_EQ(c2->baseline_first, 0u);
  EXPECT_EQ(c2->baseline_last, 6u);
  EXPECT_DOUBLE_EQ(c2->statistic, 8.0);
  EXPECT_TRUE(c2->alarm);
  const std::vector<double> one{0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
  const auto low = evaluate_warning(one, 9, WarningMethod::kEarsC2);
  EXPECT_DOUBLE_EQ(low->statistic, 4.0);
  EXPECT_FALSE(low->alarm) << "two incidents are below the minimum count of three";
}

TEST(EarlyWarning, C3AddsThreeDaysOfC2AboveOne) {
  // Twelve days: a 1 on day 2, then 1, 1, 3 on days 9, 10, 11. Every C2 baseline (days
  // 0..6, 1..7, 2..8) holds the day-2 incident: mean 1/7, sample sd √(1/7) ≈ 0.378,
  // floored at 0.5. C2 = (1 − 1/7)/0.5 = 12/7 on days 9 and 10, (3 − 1/7)/0.5 = 40/7 on
  // day 11. C3 = 5/7 + 5/7 + 33/7 = 43/7.
  const std::vector<double> x{0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 3};
  const auto c3 = evaluate_warning(x, 11, WarningMethod::kEarsC3);
  ASSERT_TRUE(c3);
  EXPECT_NEAR(c3->baseline_mean, 1.0 / 7.0, 1e-12);
  EXPECT_NEAR(c3->baseline_sd, std::sqrt(1.0 / 7.0), 1e-12);
  EXPECT_NEAR(c3->statistic, 43.0 / 7.0, 1e-12);
  EXPECT_TRUE(c3->alarm);
  EXPECT_FALSE(evaluate_warning(x, 10, WarningMethod::kEarsC3))
      << "C3 needs C2 on the two days before";
}

TEST(EarlyWarning, HistoricalLimitsUseTheSameWeeksOfEarlierYears) {
  // Periods of 7 days; two earlier years. Every day holds 1 except the current week (7
  // days of 3 = 21) and, a year back, the week after the same week (7 days of 2 = 14).
  // Baseline: year 1: 7, 7, 14; year 2: 7, 7, 7 → mean 49/6, sd by hand below.
  WarningSettings s;
  s.period_days = 7;
  s.years = 5;
  const std::size_t t = 2 * 364 + 30;
  std::vector<double> x(t + 1, 1.0);
  for (std::size_t d = t - 6; d <= t; ++d)
    x[d] = 3.0;
  for (std::size_t d = t - 364 + 1; d <= t - 364 + 7; ++d)
    x[d] = 2.0;
  const auto r = evaluate_warning(x, t, WarningMethod::kHistoricalLimits, s);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->count, 21.0);
  const double mean = 49.0 / 6.0;
  double squares = 5 * (7 - mean) * (7 - mean) + (14 - mean) * (14 - mean);
  EXPECT_NEAR(r->baseline_mean, mean, 1e-12);
  EXPECT_NEAR(r->baseline_sd, std::sqrt(squares / 5.0), 1e-12);
  EXPECT_TRUE(r->alarm);
  EXPECT_FALSE(evaluate_warning(x, 364 + 30, WarningMethod::kHistoricalLimits, s))
      << "one earlier year is too few";
}

TEST(EarlyWarning, MethodNames) {
  EXPECT_EQ(to_string(WarningMethod::kEarsC3), "ears_c3");
  EXPECT_EQ(parse_warning_method("historical_limits"), WarningMethod::kHistoricalLimits);
  EXPECT_FALSE(parse_warning_method("c4"));
}

}  // namespace
}  // namespace shouwang::analytics
