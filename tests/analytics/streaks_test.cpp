// Zero-incident streaks counted by hand on the calendar (2024 is a leap year).

#include <vector>

#include <gtest/gtest.h>

#include <shouwang/analytics/streaks.h>

namespace shouwang::analytics {
namespace {

using namespace std::chrono;

Day d(int y, unsigned m, unsigned dd) {
  return sys_days(year(y) / month(m) / day(dd));
}

TEST(Streaks, DaysSinceTheLastIncidentAcrossTheLeapDay) {
  const std::vector<Day> days{d(2024, 1, 5), d(2024, 2, 27), d(2024, 2, 27)};
  const Streak s = streak_as_of(days, d(2023, 1, 1), d(2024, 3, 1));
  EXPECT_EQ(s.days, 3);  // 28 Feb, 29 Feb, 1 Mar
  EXPECT_EQ(to_string(s.since), "2024-02-28");
  EXPECT_FALSE(s.open_ended);
  EXPECT_EQ(streak_as_of(days, d(2023, 1, 1), d(2024, 2, 27)).days, 0)
      << "an incident today breaks it today";
  // 43 days: the last incident on 31 December, as of 12 February.
  EXPECT_EQ(streak_as_of(std::vector<Day>{d(2023, 12, 31)}, d(2023, 1, 1), d(2024, 2, 12)).days,
            43);
}

TEST(Streaks, IncidentsAfterTheDayAreIgnoredAndAnEmptyHistoryIsOpenEnded) {
  const std::vector<Day> days{d(2024, 3, 10)};
  const Streak s = streak_as_of(days, d(2024, 1, 1), d(2024, 3, 1));
  EXPECT_TRUE(s.open_ended);
  EXPECT_EQ(s.days, 61);  // 31 January days + 29 February days + 1 March
  EXPECT_EQ(to_string(s.since), "2024-01-01");
}

TEST(Streaks, TheLongestRunInAPeriod) {
  const std::vector<Day> days{d(2023, 12, 30), d(2024, 2, 3), d(2024, 2, 10), d(2024, 2, 11),
                              d(2024, 2, 25)};
  const Streak s = longest_streak(days, d(2023, 1, 1), month_of(d(2024, 2, 1)));
  EXPECT_EQ(s.days, 13);  // 12 to 24 February
  EXPECT_EQ(to_string(s.since), "2024-02-12");
  // A run from the period's start counts from there; a tie keeps the first.
  const Streak start = longest_streak(std::vector<Day>{d(2024, 2, 4), d(2024, 2, 8)}, d(2023, 1, 1),
                                      range(d(2024, 2, 1), d(2024, 2, 11)));
  EXPECT_EQ(start.days, 3);  // 1–3 February (and 5–7, and 9–10 is shorter)
  EXPECT_EQ(to_string(start.since), "2024-02-01");
  EXPECT_FALSE(start.open_ended);
  const Streak none = longest_streak(std::vector<Day>{}, d(2024, 2, 1), month_of(d(2024, 2, 1)));
  EXPECT_EQ(none.days, 29);
  EXPECT_TRUE(none.open_ended);
}

}  // namespace
}  // namespace shouwang::analytics
