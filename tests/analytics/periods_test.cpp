// Golden periods for the calendar's edge cases: leap days, month ends, 旬 at a month's end
// and ISO weeks across the year boundary. Every expected date was worked out by hand from
// the calendar (2020 and 2024 are leap years; 2020-12-31 is a Thursday, so 2020 has an
// ISO week 53; 2019 has 52).

#include <gtest/gtest.h>

#include <shouwang/analytics/periods.h>

namespace shouwang::analytics {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned dd) {
  return sys_days(year(y) / month(m) / day(dd));
}

std::string show(const Period& p) {
  return to_string(p.begin) + " .. " + to_string(p.end - days(1));
}

TEST(Periods, CalendarPeriodsOfADay) {
  EXPECT_EQ(show(day_of(d(2024, 2, 29))), "2024-02-29 .. 2024-02-29");
  EXPECT_EQ(show(iso_week_of(d(2021, 1, 1))), "2020-12-28 .. 2021-01-03");
  EXPECT_EQ(show(ten_day_of(d(2024, 2, 21))), "2024-02-21 .. 2024-02-29");
  EXPECT_EQ(show(ten_day_of(d(2023, 2, 25))), "2023-02-21 .. 2023-02-28");
  EXPECT_EQ(show(ten_day_of(d(2024, 3, 31))), "2024-03-21 .. 2024-03-31");
  EXPECT_EQ(show(ten_day_of(d(2024, 3, 11))), "2024-03-11 .. 2024-03-20");
  EXPECT_EQ(show(month_of(d(2024, 2, 10))), "2024-02-01 .. 2024-02-29");
  EXPECT_EQ(show(quarter_of(d(2024, 5, 31))), "2024-04-01 .. 2024-06-30");
  EXPECT_EQ(show(year_of(d(2024, 12, 31))), "2024-01-01 .. 2024-12-31");
  EXPECT_EQ(show(year_to_date(d(2024, 2, 29))), "2024-01-01 .. 2024-02-29");
  EXPECT_EQ(show(rolling(d(2024, 3, 1), 28)), "2024-02-03 .. 2024-03-01");
  EXPECT_EQ(rolling(d(2024, 3, 1), 28).days(), 28);
  EXPECT_EQ(month_of(d(2024, 2, 10)).days(), 29);
}

TEST(Periods, IsoWeekNumbersAcrossTheYearBoundary) {
  EXPECT_EQ(iso_week_number(d(2020, 12, 31)), (IsoWeek{2020, 53}));
  EXPECT_EQ(iso_week_number(d(2021, 1, 3)), (IsoWeek{2020, 53}));
  EXPECT_EQ(iso_week_number(d(2021, 1, 4)), (IsoWeek{2021, 1}));
  EXPECT_EQ(iso_week_number(d(2019, 12, 30)), (IsoWeek{2020, 1}));  // a Monday: 2020's first week
  EXPECT_EQ(iso_week_number(d(2024, 12, 30)), (IsoWeek{2025, 1}));
  EXPECT_EQ(to_string(iso_week_monday(2020, 53)), "2020-12-28");
  EXPECT_EQ(to_string(iso_week_monday(2019, 53)), "2019-12-23")
      << "2019 has no week 53: its last week";
}

TEST(Periods, SamePeriodLastYearIsCalendarAligned) {
  // 同比 of the leap day is 28 February; of a leap February, the whole 28-day February.
  EXPECT_EQ(show(same_period_last_year(day_of(d(2024, 2, 29)))), "2023-02-28 .. 2023-02-28");
  EXPECT_EQ(show(same_period_last_year(month_of(d(2024, 2, 1)))), "2023-02-01 .. 2023-02-28");
  EXPECT_EQ(show(same_period_last_year(month_of(d(2025, 2, 1)))), "2024-02-01 .. 2024-02-29");
  EXPECT_EQ(show(same_period_last_year(ten_day_of(d(2024, 2, 29)))), "2023-02-21 .. 2023-02-28");
  EXPECT_EQ(show(same_period_last_year(quarter_of(d(2024, 1, 1)))), "2023-01-01 .. 2023-03-31");
  EXPECT_EQ(show(same_period_last_year(year_of(d(2024, 6, 1)))), "2023-01-01 .. 2023-12-31");
  // Year to date: through the same month and day (the leap day clamps to 28 February).
  EXPECT_EQ(show(same_period_last_year(year_to_date(d(2024, 2, 29)))), "2023-01-01 .. 2023-02-28");
  EXPECT_EQ(show(same_period_last_year(year_to_date(d(2025, 3, 31)))), "2024-01-01 .. 2024-03-31");
  // ISO week 53 of 2020 against week 52 of 2019 (there is no 53); week 1 against week 1.
  EXPECT_EQ(show(same_period_last_year(iso_week_of(d(2020, 12, 31)))), "2019-12-23 .. 2019-12-29");
  EXPECT_EQ(show(same_period_last_year(iso_week_of(d(2021, 1, 6)))), "2019-12-30 .. 2020-01-05");
  // CompStat's 28-day window: 364 days back, the same weekdays.
  const Period window = rolling(d(2024, 3, 1), 28);  // a Friday
  const Period before = same_period_last_year(window);
  EXPECT_EQ(show(before), "2023-02-04 .. 2023-03-03");
  EXPECT_EQ(weekday(before.end - days(1)), weekday(window.end - days(1)));
  // A free range keeps its calendar ends: 31 January to 29 February.
  EXPECT_EQ(show(same_period_last_year(range(d(2024, 1, 31), d(2024, 3, 1)))),
            "2023-01-31 .. 2023-02-28");
}

TEST(Periods, PreviousPeriodIsThePeriodJustBefore) {
  EXPECT_EQ(show(previous_period(day_of(d(2024, 3, 1)))), "2024-02-29 .. 2024-02-29");
  EXPECT_EQ(show(previous_period(iso_week_of(d(2021, 1, 1)))), "2020-12-21 .. 2020-12-27");
  EXPECT_EQ(show(previous_period(iso_week_of(d(2021, 1, 4)))), "2020-12-28 .. 2021-01-03");
  EXPECT_EQ(show(previous_period(ten_day_of(d(2024, 3, 5)))), "2024-02-21 .. 2024-02-29");
  EXPECT_EQ(show(previous_period(ten_day_of(d(2024, 3, 25)))), "2024-03-11 .. 2024-03-20");
  EXPECT_EQ(show(previous_period(month_of(d(2024, 3, 31)))), "2024-02-01 .. 2024-02-29");
  EXPECT_EQ(show(previous_period(month_of(d(2024, 1, 15)))), "2023-12-01 .. 2023-12-31");
  EXPECT_EQ(show(previous_period(quarter_of(d(2024, 1, 15)))), "2023-10-01 .. 2023-12-31");
  EXPECT_EQ(show(previous_period(year_of(d(2024, 1, 15)))), "2023-01-01 .. 2023-12-31");
  // Equal-length periods for windows and ranges.
  EXPECT_EQ(show(previous_period(rolling(d(2024, 3, 1), 28))), "2024-01-06 .. 2024-02-02");
  EXPECT_EQ(previous_period(rolling(d(2024, 3, 1), 28)).kind, PeriodKind::kRolling);
  EXPECT_EQ(show(previous_period(year_to_date(d(2024, 1, 10)))), "2023-12-22 .. 2023-12-31");
  EXPECT_EQ(show(previous_period(range(d(2024, 2, 28), d(2024, 3, 2)))),
            "2024-02-25 .. 2024-02-27");
}

TEST(Periods, ChangesInPercentAndWithoutABase) {
  // "刑事警情同比下降26.05%": 284 against 384.
  const Change fell{284, 384};
  ASSERT_TRUE(fell.percent().has_value());
  EXPECT_NEAR(*fell.percent(), -26.0417, 1e-4);
  EXPECT_EQ(fell.difference(), -100);
  EXPECT_DOUBLE_EQ(*(Change{150, 100}.percent()), 50.0);
  EXPECT_FALSE((Change{3, 0}.percent().has_value())) << "new: no percentage against nothing";
  EXPECT_DOUBLE_EQ(*(Change{0, 7}.percent()), -100.0);
}

}  // namespace
}  // namespace shouwang::analytics
