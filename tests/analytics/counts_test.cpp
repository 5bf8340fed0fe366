// Counts with 同比 and 环比 over the columnar history, against figures worked out by hand
// on the calendar: a leap February, a week crossing the year, year-to-date, a 28-day
// CompStat window, local days at UTC+8 and with daylight saving.

#include <algorithm>

#include <gtest/gtest.h>

#include <shouwang/analytics/counts.h>

#include "history_fixture.h"

namespace shouwang::analytics {
namespace {

using namespace testing;

constexpr std::uint32_t kCriminal = 1u << 0;
constexpr std::uint32_t kTraffic = 1u << 2;
constexpr std::uint32_t kRobbery = 1u << 3;

const CountRow* find(const CountReport& report, std::vector<std::string> key) {
  const auto it = std::find_if(report.rows.begin(), report.rows.end(),
                               [&](const CountRow& r) { return r.key == key; });
  return it == report.rows.end() ? nullptr : &*it;
}

std::pair<std::string, std::string> days_of(const Period& p) {
  return {to_string(p.begin), to_string(p.end)};
}

IncidentHistory leap_february() {
  IncidentHistory h(schema());
  h.upsert(incident("A", local(2024, 2, 29, 23, 59), "0105", "S1", kCriminal | kRobbery));
  h.upsert(incident("B", local(2024, 2, 1, 0, 5), "010501", "S2", kCriminal | kRobbery));
  h.upsert(incident("C", local(2023, 2, 28, 8), "0105", "S1", kCriminal));
  h.upsert(incident("D", local(2024, 1, 31, 23, 59), "0301", "S1", kTraffic));
  h.upsert(incident("E", local(2023, 2, 15), "0301", "S2", kTraffic));
  auto merged = incident("F", local(2024, 2, 10), "0105", "S1", kCriminal);
  merged.standing = Standing::kMerged;
  h.upsert(merged);
  auto cancelled = incident("G", local(2024, 2, 11), "0105", "S1", kCriminal);
  cancelled.standing = Standing::kCancelled;
  h.upsert(cancelled);
  // 00:30 on 1 March Beijing time is still 29 February in UTC: it counts in March.
  h.upsert(incident("H", local(2024, 3, 1, 0, 30), "0105", "S1", kCriminal));
  h.settle();
  return h;
}

TEST(Counts, ALeapFebruaryAgainstTheYearBeforeAndTheMonthBefore) {
  const IncidentHistory h = leap_february();
  const auto report = count(h, {month_of(d(2024, 2, 1)), {}, {Dimension::kTypeLevel1}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->last_year, month_of(d(2023, 2, 1)));
  EXPECT_EQ(report->previous, month_of(d(2024, 1, 1)));
  // A and B in February 2024; C and E in February 2023; D in January 2024. F is merged,
  // G cancelled, H in March.
  EXPECT_EQ(report->total.current, 2);
  EXPECT_EQ(report->total.last_year, 2);
  EXPECT_EQ(report->total.previous, 1);
  const CountRow* criminal = find(*report, {"01"});
  ASSERT_NE(criminal, nullptr);
  EXPECT_EQ(criminal->current, 2);
  EXPECT_EQ(criminal->last_year, 1);
  EXPECT_EQ(criminal->previous, 0);
  EXPECT_DOUBLE_EQ(*criminal->year_on_year().percent(), 100.0);
  EXPECT_FALSE(criminal->period_on_period().percent()) << "a base of 0 has no percentage";
  const CountRow* traffic = find(*report, {"03"});
  ASSERT_NE(traffic, nullptr);
  EXPECT_EQ(traffic->current, 0);
  EXPECT_EQ(traffic->last_year, 1);
  EXPECT_EQ(traffic->previous, 1);
  EXPECT_DOUBLE_EQ(*traffic->year_on_year().percent(), -100.0);
  EXPECT_EQ(report->rows.front().key, std::vector<std::string>{"01"})
      << "largest current count first";
}

TEST(Counts, CancelledCountOnlyWhenAskedAndMergedNever) {
  const IncidentHistory h = leap_february();
  Filter filter;
  filter.cancelled = true;
  const auto report = count(h, {month_of(d(2024, 2, 1)), filter, {}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total.current, 3);  // A, B and G
}

TEST(Counts, AnIncidentInTwoGroupsCountsInEachAndOnceInTheTotal) {
  const IncidentHistory h = leap_february();
  const auto report = count(h, {month_of(d(2024, 2, 1)), {}, {Dimension::kGroup}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->total.current, 2);
  EXPECT_EQ(find(*report, {"criminal"})->current, 2);
  EXPECT_EQ(find(*report, {"robbery_snatching_theft"})->current, 2);
  EXPECT_EQ(find(*report, {"traffic"})->current, 0);
  EXPECT_EQ(find(*report, {"traffic"})->last_year, 1);
  EXPECT_EQ(find(*report, {"public_order"}), nullptr) << "no row for a key never counted";
}

TEST(Counts, TypeFilterTakesTheSubtreeAndStationFilterItsRows) {
  const IncidentHistory h = leap_february();
  Filter burglary;
  burglary.types = {"010501"};
  EXPECT_EQ(count(h, {month_of(d(2024, 2, 1)), burglary, {}})->total.current, 1);  // B
  Filter theft;
  theft.types = {"0105"};
  EXPECT_EQ(count(h, {month_of(d(2024, 2, 1)), theft, {}})->total.current, 2);  // A and B
  Filter s1;
  s1.stations = {"S1"};
  const auto by_type = count(h, {month_of(d(2024, 2, 1)), s1, {Dimension::kType}});
  EXPECT_EQ(by_type->total.current, 1);
  EXPECT_EQ(find(*by_type, {"0105"})->current, 1);
  EXPECT_EQ(find(*by_type, {"0105"})->last_year, 1);
  Filter unknown;
  unknown.stations = {"S9"};
  EXPECT_EQ(count(h, {month_of(d(2024, 2, 1)), unknown, {}})->total.current, 0)
      << "a station never seen matches nothing, not everything";
}

TEST(Counts, DrillDownGivesTheIncidentsBehindAFigure) {
  const IncidentHistory h = leap_february();
  const CountQuery query{
      month_of(d(2024, 2, 1)), {}, {Dimension::kTypeLevel1, Dimension::kStation}};
  const auto report = count(h, query);
  ASSERT_TRUE(report);
  EXPECT_EQ(find(*report, {"01", "S1"})->current, 1);
  EXPECT_EQ(*drill_down(h, query, {"01", "S1"}, Base::kCurrent, 100),
            std::vector<std::string>{"A"});
  EXPECT_EQ(*drill_down(h, query, {"01", "S2"}, Base::kCurrent, 100),
            std::vector<std::string>{"B"});
  EXPECT_EQ(*drill_down(h, query, {"03", "S2"}, Base::kLastYear, 100),
            std::vector<std::string>{"E"});
  EXPECT_EQ(*drill_down(h, query, {"03", "S1"}, Base::kPrevious, 100),
            std::vector<std::string>{"D"});
  const CountQuery total{month_of(d(2024, 2, 1)), {}, {}};
  EXPECT_EQ(*drill_down(h, total, {}, Base::kCurrent, 100), (std::vector<std::string>{"B", "A"}))
      << "in day order";
  EXPECT_EQ(drill_down(h, total, {}, Base::kCurrent, 1)->size(), 1U);
  EXPECT_FALSE(drill_down(h, query, {"01"}, Base::kCurrent, 100));
}

TEST(Counts, AnIsoWeekCrossingTheYear) {
  IncidentHistory h(schema());
  h.upsert(incident("W1", local(2024, 12, 30, 0, 1), "0105", "S1"));    // Monday of 2025-W01
  h.upsert(incident("W2", local(2025, 1, 5, 23, 59), "0105", "S1"));    // its Sunday
  h.upsert(incident("W3", local(2025, 1, 6, 0, 0), "0105", "S1"));      // 2025-W02
  h.upsert(incident("W4", local(2024, 12, 29, 23, 59), "0105", "S1"));  // 2024-W52
  h.upsert(incident("Y1", local(2024, 1, 1), "0105", "S1"));            // 2024-W01 (Mon 1 Jan)
  h.upsert(incident("Y2", local(2023, 12, 31), "0105", "S1"));          // 2023-W52
  h.settle();
  const auto report = count(h, {iso_week_of(d(2025, 1, 1)), {}, {Dimension::kWeekday}});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->period.begin, d(2024, 12, 30));
  EXPECT_EQ(report->total.current, 2);
  EXPECT_EQ(report->total.last_year, 1);  // Y1
  EXPECT_EQ(report->total.previous, 1);   // W4
  EXPECT_EQ(find(*report, {"1"})->current, 1);
  EXPECT_EQ(find(*report, {"7"})->current, 1);
}

TEST(Counts, YearToDateAndTheCompStatWindow) {
  IncidentHistory h(schema());
  h.upsert(incident("a", local(2024, 1, 1, 0, 0), "01", "S1"));
  h.upsert(incident("b", local(2024, 2, 29), "01", "S1"));
  h.upsert(incident("c", local(2023, 2, 28), "01", "S1"));
  h.upsert(incident("d", local(2023, 3, 1), "01", "S1"));  // after 28 Feb 2023: not in the base
  h.upsert(incident("e", local(2023, 1, 1), "01", "S1"));
  // 28 days ending 10 March 2024 = 12 Feb .. 10 Mar; 364 days earlier = 13 Feb .. 12 Mar 2023.
  h.upsert(incident("f", local(2023, 3, 12), "01", "S1"));  // the base window's last day
  h.upsert(incident("g", local(2023, 2, 12), "01", "S1"));  // the day before it
  h.settle();
  const auto ytd = count(h, {year_to_date(d(2024, 2, 29)), {}, {}});
  EXPECT_EQ(days_of(ytd->last_year), days_of(range(d(2023, 1, 1), d(2023, 3, 1))));
  EXPECT_EQ(ytd->total.current, 2);    // a, b
  EXPECT_EQ(ytd->total.last_year, 3);  // c, e, g (1 Jan .. 28 Feb 2023)
  const auto window = count(h, {rolling(d(2024, 3, 10), 28), {}, {}});
  EXPECT_EQ(days_of(window->last_year), days_of(range(d(2023, 2, 13), d(2023, 3, 13))));
  EXPECT_EQ(window->total.current, 1);    // b
  EXPECT_EQ(window->total.last_year, 3);  // c, d, f
  EXPECT_EQ(days_of(window->previous), days_of(range(d(2024, 1, 15), d(2024, 2, 12))));
  EXPECT_EQ(window->total.previous, 0);
}

TEST(Counts, LocalDaysFollowTheCentresOffsetIncludingDaylightSaving) {
  HistorySchema eastern = schema();
  // A stand-in for America/New_York in 2016: EDT (−4 h) from 13 March 07:00 UTC to
  // 6 November 06:00 UTC, EST (−5 h) otherwise.
  eastern.utc_offset_minutes = [](std::int64_t s) {
    return s >= 1457852400 && s < 1478412000 ? -240 : -300;
  };
  IncidentHistory h(eastern);
  IncidentRecord r = incident("x", 0, "01", "S1");
  r.times[0] = std::int64_t{1467347400} * 1'000'000;  // 2016-07-01 04:30 UTC = 00:30 EDT
  h.upsert(r);
  IncidentRecord w = incident("y", 0, "01", "S1");
  w.times[0] = std::int64_t{1452231000} * 1'000'000;  // 2016-01-08 05:30 UTC = 00:30 EST
  h.upsert(w);
  h.settle();
  EXPECT_EQ(h.day(0), d(2016, 7, 1));
  EXPECT_EQ(h.minute_of_day(0), 30);
  EXPECT_EQ(h.day(1), d(2016, 1, 8));
  EXPECT_EQ(h.minute_of_day(1), 30);
}

TEST(Counts, OutOfOrderUpsertsAreFoundAfterSettling) {
  IncidentHistory h(schema());
  h.upsert(incident("late", local(2024, 5, 20), "01", "S1"));
  h.upsert(incident("early", local(2024, 5, 2), "01", "S1"));
  EXPECT_FALSE(h.settled());
  h.settle();
  const CountQuery query{month_of(d(2024, 5, 1)), {}, {Dimension::kDay}};
  EXPECT_EQ(*drill_down(h, {query.period, {}, {}}, {}, Base::kCurrent, 10),
            (std::vector<std::string>{"early", "late"}));
  const auto report = count(h, query);
  EXPECT_EQ(find(*report, {"2024-05-02"})->current, 1);
  // Replacing a row keeps one row per incident.
  h.upsert(incident("late", local(2024, 5, 21), "03", "S2"));
  h.settle();
  EXPECT_EQ(h.size(), 2U);
  EXPECT_EQ(count(h, {month_of(d(2024, 5, 1)), {}, {}})->total.current, 2);
}

TEST(Counts, ZeroIncidentStreaksPerStation) {
  IncidentHistory h(schema());
  h.upsert(incident("a", local(2023, 12, 1), "01", "S1"));
  h.upsert(incident("b", local(2023, 12, 31), "01", "S1"));
  h.upsert(incident("c", local(2024, 2, 12), "01", "S2"));
  h.upsert(incident("d", local(2024, 2, 1), "03", "S3"));  // not criminal
  h.settle();
  Filter criminal;
  criminal.types = {"01"};
  const auto rows = streaks(h, criminal, Dimension::kStation, {"S1", "S2", "S3"}, d(2024, 2, 12));
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 3U);
  EXPECT_EQ((*rows)[0].streak.days, 43);  // 连续43天零发案
  EXPECT_FALSE((*rows)[0].streak.open_ended);
  EXPECT_EQ((*rows)[1].streak.days, 0);
  EXPECT_EQ((*rows)[2].streak.days, 74);  // 1 Dec .. 12 Feb, nothing on record
  EXPECT_TRUE((*rows)[2].streak.open_ended);
}

}  // namespace
}  // namespace shouwang::analytics
