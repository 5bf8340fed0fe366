// Response-time distributions and the CN time-bucket league tables over the columnar
// history, against figures worked out by hand.

#include <gtest/gtest.h>

#include <shouwang/analytics/order_buckets.h>
#include <shouwang/analytics/response_times.h>

#include "history_fixture.h"

namespace shouwang::analytics {
namespace {

using namespace testing;

IncidentHistory arrivals() {
  IncidentHistory h(schema());
  const int seconds[] = {180, 240, 300, 420, 900};
  int i = 0;
  for (const int s : seconds) {
    auto r = incident("R" + std::to_string(i), local(2024, 3, 1 + i), "0105", i < 3 ? "S1" : "S2");
    r.priority = 1;
    set(r, Milestone::kFirstArrived, s);
    h.upsert(r);
    ++i;
  }
  auto missing = incident("M", local(2024, 3, 10), "0105", "S1");  // never arrived
  h.upsert(missing);
  auto reversed = incident("X", local(2024, 3, 11), "0105", "S1");
  set(reversed, Milestone::kFirstArrived, -60);  // arrival entered before the call
  h.upsert(reversed);
  auto patrol = incident("P", local(2024, 3, 12), "0105", "S1");
  patrol.officer_initiated = true;
  set(patrol, Milestone::kFirstArrived, 0);
  h.upsert(patrol);
  h.settle();
  return h;
}

TEST(ResponseTimes, MedianP90AndSharesWithMissingAndReversedTimesApart) {
  const IncidentHistory h = arrivals();
  ResponseQuery query;
  query.period = month_of(d(2024, 3, 1));
  const auto report = response_times(h, query);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->officer_initiated);
  const ResponseRow& t = report->total;
  ASSERT_TRUE(t.seconds);
  EXPECT_EQ(t.seconds->n, 5U);
  EXPECT_DOUBLE_EQ(t.seconds->median, 300);
  EXPECT_DOUBLE_EQ(t.seconds->p90, 708);  // 420 + 0.6 × (900 − 420)
  EXPECT_DOUBLE_EQ(t.seconds->mean, 408);
  EXPECT_EQ(t.missing, 1);
  EXPECT_EQ(t.out_of_order, 1);
  ASSERT_EQ(t.within.size(), 3U);
  EXPECT_DOUBLE_EQ(t.within[0], 0.0);  // ≤ 60 s
  EXPECT_DOUBLE_EQ(t.within[1], 0.2);  // ≤ 180 s: the limit itself is within
  EXPECT_DOUBLE_EQ(t.within[2], 0.6);  // ≤ 300 s
}

TEST(ResponseTimes, OfficerInitiatedIncludedOnlyWhenAsked) {
  const IncidentHistory h = arrivals();
  ResponseQuery query;
  query.period = month_of(d(2024, 3, 1));
  query.filter.officer_initiated = true;
  const auto report = response_times(h, query);
  EXPECT_TRUE(report->officer_initiated);
  EXPECT_EQ(report->total.seconds->n, 6U);
  EXPECT_DOUBLE_EQ(report->total.seconds->median, 270);  // 0 180 240 | 300 420 900
}

TEST(ResponseTimes, ByStationAndByAnyTwoMilestones) {
  const IncidentHistory h = arrivals();
  ResponseQuery query;
  query.period = month_of(d(2024, 3, 1));
  query.by = {Dimension::kStation};
  auto report = response_times(h, query);
  ASSERT_EQ(report->rows.size(), 2U);
  EXPECT_EQ(report->rows[0].key, std::vector<std::string>{"S1"});
  EXPECT_EQ(report->rows[0].seconds->n, 3U);
  EXPECT_DOUBLE_EQ(report->rows[0].seconds->median, 240);
  EXPECT_EQ(report->rows[0].missing, 1);
  EXPECT_EQ(report->rows[1].seconds->n, 2U);
  EXPECT_DOUBLE_EQ(report->rows[1].seconds->p90, 852);  // 420 + 0.9 × 480
  // created (call + 30 s) → first arrival: every duration 30 s shorter.
  query.from = Milestone::kCreated;
  query.by = {};
  report = response_times(h, query);
  EXPECT_DOUBLE_EQ(report->total.seconds->median, 270);
}

IncidentHistory sign_fors() {
  IncidentHistory h(schema());
  h.upsert(incident("I1", local(2024, 4, 2), "0105", "S1"));
  h.upsert(incident("I2", local(2024, 5, 2), "0105", "S1"));  // another month
  h.settle();
  const auto order = [&](std::string id, std::string incident_id, std::string target,
                         std::string station, std::optional<int> sign_after_s,
                         OrderEnd end = OrderEnd::kDone) {
    OrderRecord o;
    o.id = std::move(id);
    o.incident = std::move(incident_id);
    o.target = std::move(target);
    o.station = std::move(station);
    o.end = end;
    const std::int64_t issued = local(2024, 4, 2, 12, 1);
    o.times[static_cast<std::size_t>(OrderStep::kIssued)] = issued;
    if (sign_after_s)
      o.times[static_cast<std::size_t>(OrderStep::kSignedFor)] =
          issued + std::int64_t{*sign_after_s} * 1'000'000;
    EXPECT_TRUE(h.upsert(o));
  };
  order("o1", "I1", "A-01", "S1", 10);
  order("o2", "I1", "A-02", "S1", 30);
  order("o3", "I1", "A-03", "S1", 45);
  order("o4", "I1", "A-04", "S1", 200);
  order("o5", "I1", "B-01", "S2", 70);
  order("o6", "I1", "B-02", "S2", 20);
  order("o7", "I1", "B-03", "S2", std::nullopt, OrderEnd::kReturned);
  order("o8", "I1", "C-01", "S3", std::nullopt, OrderEnd::kCancelled);
  order("o9", "I2", "A-01", "S1", 500);  // May: outside April
  OrderRecord stray;
  stray.id = "o10";
  stray.incident = "nope";
  EXPECT_FALSE(h.upsert(stray)) << "an order of an unknown incident is refused";
  return h;
}

TEST(OrderBuckets, SignForBucketsAndTheStationLeagueTable) {
  const IncidentHistory h = sign_fors();
  BucketQuery query;
  query.period = month_of(d(2024, 4, 1));
  const auto report = order_buckets(h, query);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total.n, 6);
  EXPECT_EQ(report->total.missing, 2);
  EXPECT_EQ(report->total.buckets,
            (std::vector<std::int64_t>{3, 1, 1, 0, 1}));  // 30 s is in 0–30 s
  ASSERT_EQ(report->rows.size(), 3U);
  const BucketRow& first = report->rows[0];
  EXPECT_EQ(first.key, "S1");
  EXPECT_EQ(first.rank, 1);
  EXPECT_EQ(first.buckets, (std::vector<std::int64_t>{2, 1, 0, 0, 1}));
  EXPECT_DOUBLE_EQ(*first.median_s, 37.5);
  EXPECT_DOUBLE_EQ(*first.within_standard, 0.75);
  const BucketRow& second = report->rows[1];
  EXPECT_EQ(second.key, "S2");
  EXPECT_EQ(second.rank, 2);
  EXPECT_DOUBLE_EQ(*second.within_standard, 0.5);
  EXPECT_DOUBLE_EQ(*second.median_s, 45);
  EXPECT_EQ(second.missing, 1);
  EXPECT_EQ(report->rows[2].key, "S3");
  EXPECT_EQ(report->rows[2].rank, 0) << "nothing measured: listed, not ranked";
}

TEST(OrderBuckets, ByUnitAndOtherMeasures) {
  const IncidentHistory h = sign_fors();
  BucketQuery query;
  query.period = range(d(2024, 4, 1), d(2024, 6, 1));
  query.by = OrderGrouping::kTarget;
  const auto report = order_buckets(h, query);
  const auto a01 = std::find_if(report->rows.begin(), report->rows.end(),
                                [](const BucketRow& r) { return r.key == "A-01"; });
  ASSERT_NE(a01, report->rows.end());
  EXPECT_EQ(a01->n, 2);  // April and May
  EXPECT_EQ(a01->buckets, (std::vector<std::int64_t>{1, 0, 0, 0, 1}));
  query.measure = OrderMeasure::kFeedback;
  EXPECT_EQ(order_buckets(h, query)->total.missing, 9) << "no order has a feedback time";
  EXPECT_EQ(default_buckets(OrderMeasure::kTurnout).upper_s,
            (std::vector<double>{300, 600, 900, 1800}));
}

}  // namespace
}  // namespace shouwang::analytics
