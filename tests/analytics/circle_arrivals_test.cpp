// Arrival KPIs per quick-response circle and month, against figures worked out by hand:
// which incidents lie in a circle, order-to-arrival times against the promise, the ones
// never reached, and merged incidents left out.

#include <gtest/gtest.h>

#include <shouwang/analytics/circle_arrivals.h>

#include "history_fixture.h"

namespace shouwang::analytics {
namespace {

using namespace testing;

const LatLon kSchool{31.2300, 121.4700};
const LatLon kStation{31.2400, 121.4800};  // about 1.5 km away

// An incident `metres` north of `site`, ordered 60 s after the call and on scene
// `travel_s` later (no arrival when negative).
IncidentRecord near_site(const std::string& id, std::int64_t call, LatLon site, double metres, int travel_s) {
  IncidentRecord r = incident(id, call, "0105", "S1");
  r.position = destination(site, 0.0, Meters(metres));
  set(r, Milestone::kFirstIssued, 60);
  if (travel_s >= 0)
    set(r, Milestone::kFirstArrived, 60 + travel_s);
  return r;
}

TEST(CircleArrivals, PerSiteAndMonthAgainstThePromise) {
  HistorySchema s = schema();
  s.grid_origin = {31.2, 121.4};
  IncidentHistory h(s);
  h.upsert(near_site("A1", local(2024, 3, 2), kSchool, 50, 120));   // within 180
  h.upsert(near_site("A2", local(2024, 3, 9), kSchool, 250, 200));  // late
  h.upsert(near_site("A3", local(2024, 3, 20), kSchool, 100, -1));  // never arrived
  h.upsert(near_site("A4", local(2024, 3, 21), kSchool, 400, 30));  // outside the circle
  h.upsert(near_site("B1", local(2024, 4, 2), kSchool, 10, 170));   // April
  auto merged = near_site("M1", local(2024, 3, 5), kSchool, 10, 10);
  merged.standing = Standing::kMerged;
  h.upsert(merged);
  h.upsert(near_site("C1", local(2024, 3, 3), kStation, 20, 70));  // the station's, 60 s promise
  h.settle();

  const CircleArea sites[] = {{"S-SCHOOL", kSchool, 180}, {"S-STATION", kStation, 60}};
  const auto rows = circle_arrivals(h, sites, range(d(2024, 3, 1), d(2024, 5, 1)), Meters(300));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].site, "S-SCHOOL");
  EXPECT_EQ(rows[0].month, "2024-03");
  EXPECT_EQ(rows[0].incidents, 3u);
  EXPECT_EQ(rows[0].arrived, 2u);
  EXPECT_EQ(rows[0].within, 1u);
  EXPECT_DOUBLE_EQ(rows[0].median_s, 160);  // (120 + 200) / 2
  EXPECT_EQ(rows[1].month, "2024-04");
  EXPECT_EQ(rows[1].within, 1u);
  EXPECT_EQ(rows[2].site, "S-STATION");
  EXPECT_EQ(rows[2].incidents, 1u);
  EXPECT_EQ(rows[2].within, 0u) << "70 s is late for a one-minute circle";

  // A narrower circle leaves A2 (250 m) out.
  const auto narrow = circle_arrivals(h, sites, month_of(d(2024, 3, 1)), Meters(200));
  ASSERT_FALSE(narrow.empty());
  EXPECT_EQ(narrow[0].incidents, 2u);
}

}  // namespace
}  // namespace shouwang::analytics
