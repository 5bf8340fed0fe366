// When calls come, checked on generated weeks and months with fixed seeds: the daily
// cycle (night trough, evening peak), the weekly one (weekend nights busier for fights and
// drunkenness), the seasonal one (summer disputes, winter theft and fraud), and the type
// mix against the model's weights.

#include <array>
#include <cmath>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "model_fixture.h"
#include "sim/calls/call_classes.h"

namespace shouwang::sim {
namespace {

using testing::at;
using testing::demo_model;

TEST(CallCycles, NightTroughAndEveningPeak) {
  const auto calls = demo_model(11, 400).generate(at("2025-03-03T00:00:00+08:00"),
                                                  at("2025-04-14T00:00:00+08:00"));
  std::array<double, 24> by_hour{};
  for (const auto& c : calls)
    by_hour[static_cast<std::size_t>(testing::local_hour(c.at))] += 1;
  const double night = by_hour[4];
  const double evening = (by_hour[19] + by_hour[20] + by_hour[21]) / 3.0;
  EXPECT_GT(evening, 3.0 * night) << "04:00 " << night << ", 19:00-22:00 " << evening
                                  << " per hour";
  // The quietest hour lies in the small hours, the busiest in the day or evening.
  const auto quietest = std::min_element(by_hour.begin(), by_hour.end()) - by_hour.begin();
  const auto busiest = std::max_element(by_hour.begin(), by_hour.end()) - by_hour.begin();
  EXPECT_GE(quietest, 2);
  EXPECT_LE(quietest, 6);
  EXPECT_GE(busiest, 8);
  // The expected rate agrees.
  const CallModel& model = demo_model(11, 400);
  EXPECT_GT(model.expected_rate(at("2025-03-05T20:30:00+08:00")),
            3.0 * model.expected_rate(at("2025-03-05T04:30:00+08:00")));
}

TEST(CallCycles, WeekendNightsAreBusierForFightsAndDrunkenness) {
  const auto calls =
      testing::of_types(demo_model(12, 400).generate(at("2025-03-03T00:00:00+08:00"),
                                                     at("2025-05-26T00:00:00+08:00")),  // 12 weeks
                        {"0201", "0202", "0203", "0211"});
  double weekend_nights = 0, weekday_nights = 0;  // calls between 20:00 and 04:00
  for (const auto& c : calls) {
    const int h = testing::local_hour(c.at);
    if (h >= 4 && h < 20)
      continue;
    // The night belongs to the evening it started on.
    const int evening =
        h >= 20 ? testing::local_weekday(c.at) : (testing::local_weekday(c.at) + 6) % 7;
    if (evening == 4 || evening == 5)
      weekend_nights += 1;  // Friday and Saturday nights
    if (evening <= 3)
      weekday_nights += 1;  // Monday to Thursday nights
  }
  // Per night: two weekend nights against four weekday nights a week.
  const double ratio = (weekend_nights / 2.0) / (weekday_nights / 4.0);
  EXPECT_GT(ratio, 1.3) << weekend_nights << " on Friday and Saturday nights, " << weekday_nights
                        << " on Monday to Thursday nights";
}

TEST(CallCycles, SummerBringsDisputesAndWinterTheftAndFraud) {
  const CallModel& model = demo_model(13, 400);
  const auto january =
      model.generate(at("2025-01-01T00:00:00+08:00"), at("2025-02-01T00:00:00+08:00"));
  const auto july =
      model.generate(at("2025-07-01T00:00:00+08:00"), at("2025-08-01T00:00:00+08:00"));
  const std::vector<std::string> disputes{"0601", "0602", "0603", "0604", "0605",
                                          "0606", "0608", "0201", "0207"};
  const std::vector<std::string> theft_fraud{"0103", "0104", "0105", "0106"};
  const double summer = static_cast<double>(testing::of_types(july, disputes).size());
  const double winter = static_cast<double>(testing::of_types(january, disputes).size());
  EXPECT_GT(summer, 1.2 * winter) << "disputes, fights and noise: July " << summer << ", January "
                                  << winter;
  const double theft_winter = static_cast<double>(testing::of_types(january, theft_fraud).size());
  const double theft_summer = static_cast<double>(testing::of_types(july, theft_fraud).size());
  EXPECT_GT(theft_winter, 1.2 * theft_summer)
      << "theft and fraud: January " << theft_winter << ", July " << theft_summer;
}

// The share of each type code the model's table implies: its class's share, its weight in
// the class (away from and at hotspots), and the near-repeats it brings.
std::map<std::string, double> expected_mix() {
  std::map<std::string, double> mix;
  double total = 0;
  for (const calls::CallClass& c : calls::call_classes()) {
    double w = 0, w_hot = 0;
    for (const auto& t : c.types) {
      w += t.weight;
      w_hot += t.weight * t.at_hotspots;
    }
    for (const auto& t : c.types) {
      const double share = c.share * ((1 - c.hotspot_share) * t.weight / w +
                                      c.hotspot_share * t.weight * t.at_hotspots / w_hot);
      mix[std::string(t.code)] += share * (1 + t.near_repeat);
      total += share * (1 + t.near_repeat);
    }
  }
  for (auto& [code, share] : mix)
    share /= total;
  return mix;
}

TEST(CallCycles, TheTypeMixFollowsTheWeights) {
  const auto calls = demo_model(14, 400).generate(at("2025-01-06T00:00:00+08:00"),
                                                  at("2026-01-05T00:00:00+08:00"));
  ASSERT_GT(calls.size(), 100'000u);
  std::map<std::string, double> seen;
  for (const auto& c : calls)
    seen[c.type_code] += 1;
  const double n = static_cast<double>(calls.size());
  std::size_t checked = 0;
  for (const auto& [code, p] : expected_mix()) {
    const double observed = seen[code] / n;
    // Four binomial standard deviations, or 5 % of the share when that is larger.
    const double tolerance = std::max(4.0 * std::sqrt(p * (1 - p) / n), 0.05 * p);
    EXPECT_NEAR(observed, p, tolerance) << code;
    ++checked;
  }
  EXPECT_GT(checked, 90u);
  // Nuisance calls and misdials never become incidents.
  EXPECT_EQ(seen.count("0904") + seen.count("0905"), 0u);
  // The groups the bulletins count: traffic about a fifth, assistance about a quarter.
  double traffic = 0, assistance = 0;
  for (const auto& [code, count] : seen) {
    if (testing::under(code, "03") || code == "0607")
      traffic += count;
    if (testing::under(code, "05"))
      assistance += count;
  }
  EXPECT_NEAR(traffic / n, 0.22 / 0.975, 0.02);
  EXPECT_NEAR(assistance / n, 0.24 / 0.975, 0.02);
}

}  // namespace
}  // namespace shouwang::sim
