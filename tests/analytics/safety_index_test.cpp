// The safety index (平安指数) of two station areas worked out by hand: each part's score,
// the weighted index, and the part that moved it since the month before.

#include <cmath>

#include <gtest/gtest.h>

#include <shouwang/analytics/safety_index.h>

#include "history_fixture.h"

namespace shouwang::analytics {
namespace {

using namespace testing;

constexpr std::uint32_t kCriminal = 1u << 0;

void add(IncidentHistory& h, const std::string& id, std::int64_t call, const std::string& station,
         std::optional<int> arrival_s, bool closed) {
  auto r = incident(id, call, "0105", station, kCriminal);
  if (arrival_s)
    set(r, Milestone::kFirstArrived, *arrival_s);
  if (closed)
    set(r, Milestone::kTerminated, 3600);
  h.upsert(r);
}

IncidentHistory two_stations() {
  IncidentHistory h(schema());
  // March 2024.
  add(h, "a1", local(2024, 3, 2), "S1", 200, true);
  add(h, "a2", local(2024, 3, 9), "S1", 400, false);
  add(h, "b1", local(2024, 3, 3), "S2", 100, true);
  add(h, "b2", local(2024, 3, 4), "S2", 250, true);
  // March 2023: the 同比 base.
  for (int i = 0; i < 4; ++i)
    add(h, "a-old" + std::to_string(i), local(2023, 3, 5 + i), "S1", std::nullopt, true);
  add(h, "b-old1", local(2023, 3, 5), "S2", std::nullopt, true);
  add(h, "b-old2", local(2023, 3, 6), "S2", std::nullopt, true);
  // February 2024: the month before, nothing closed or timed.
  add(h, "a-feb", local(2024, 2, 5), "S1", std::nullopt, false);
  for (int i = 0; i < 4; ++i)
    add(h, "b-feb" + std::to_string(i), local(2024, 2, 6 + i), "S2", std::nullopt, false);
  // Not criminal: not counted.
  h.upsert(incident("t1", local(2024, 3, 10), "0301", "S1"));
  h.settle();
  return h;
}

const SafetyPart& part(const SafetyScore& s, const std::string& name) {
  for (const SafetyPart& p : s.parts)
    if (p.name == name)
      return p;
  throw std::runtime_error("no part " + name);
}

TEST(SafetyIndex, PartsIndexAndWhyItMoved) {
  const IncidentHistory h = two_stations();
  const auto result = safety_index(h, month_of(d(2024, 3, 1)), Dimension::kStation,
                                   {{"S1", 10'000}, {"S2", 20'000}}, {});
  ASSERT_TRUE(result);
  ASSERT_EQ(result->size(), 2U);
  const AreaSafety& s1 = (*result)[0];
  const AreaSafety& s2 = (*result)[1];
  // City rate 4 per 30,000 = 1.333 per 10,000; S1 2.0, S2 1.0.
  EXPECT_NEAR(*part(s1.now, "rate").value, 2.0, 1e-9);
  EXPECT_NEAR(part(s1.now, "rate").score, 100 * std::exp2(-1.5), 1e-9);   // 35.36
  EXPECT_NEAR(part(s2.now, "rate").score, 100 * std::exp2(-0.75), 1e-9);  // 59.46
  EXPECT_NEAR(*part(s1.now, "trend").value, -50.0, 1e-9);
  EXPECT_NEAR(part(s1.now, "trend").score, 75.0, 1e-9);
  EXPECT_NEAR(part(s2.now, "trend").score, 50.0, 1e-9);
  EXPECT_NEAR(*part(s1.now, "clearance").value, 0.5, 1e-9);
  EXPECT_NEAR(*part(s1.now, "response").value, 0.5, 1e-9);  // 200 s within 300, 400 s not
  EXPECT_NEAR(*part(s2.now, "response").value, 1.0, 1e-9);
  EXPECT_NEAR(*s1.now.index, 0.4 * 100 * std::exp2(-1.5) + 15 + 10 + 10, 1e-9);   // 49.14
  EXPECT_NEAR(*s2.now.index, 0.4 * 100 * std::exp2(-0.75) + 10 + 20 + 20, 1e-9);  // 73.78
  double sum = 0;
  for (const SafetyPart& p : s1.now.parts)
    sum += p.contribution;
  EXPECT_NEAR(sum, *s1.now.index, 1e-9) << "the contributions add up to the index";

  // February: rates 1.0 and 2.0 against 1.667; no base a year earlier (count > 0 → 0);
  // nothing closed (share 0); nothing timed, so response is left out and the weights
  // renormalise to 0.8.
  EXPECT_FALSE(part(s1.before, "response").value);
  EXPECT_NEAR(*s1.before.index, 0.4 * 100 * std::exp2(-0.6) / 0.8, 1e-9);  // 32.99
  EXPECT_EQ(s1.moved_by, "rate");
  EXPECT_NEAR(s1.moved_by_points, 0.4 * 100 * std::exp2(-1.5) - 0.4 * 100 * std::exp2(-0.6) / 0.8,
              1e-9);
}

TEST(SafetyIndex, WithoutPopulationsAreasAreComparedWithTheirMeanAndBadWeightsAreRefused) {
  const IncidentHistory h = two_stations();
  const auto result =
      safety_index(h, month_of(d(2024, 3, 1)), Dimension::kStation, {{"S1", {}}, {"S2", {}}}, {});
  ASSERT_TRUE(result);
  EXPECT_NEAR(*part((*result)[0].now, "rate").value, 2.0, 1e-9);  // a count
  EXPECT_NEAR(part((*result)[0].now, "rate").score, 50.0, 1e-9);  // the mean of 2 and 2
  SafetyIndexConfig bad;
  bad.rate_weight = -1;
  EXPECT_FALSE(safety_index(h, month_of(d(2024, 3, 1)), Dimension::kStation, {{"S1", {}}}, bad));
  EXPECT_FALSE(safety_index(h, month_of(d(2024, 3, 1)), Dimension::kHour, {{"S1", {}}}, {}));
}

}  // namespace
}  // namespace shouwang::analytics
