// Periods written as text for the API and the command line, and read back.

#include <gtest/gtest.h>

#include <shouwang/analytics/period_text.h>

namespace shouwang::analytics {
namespace {

std::string round_trip(const std::string& text) {
  auto p = parse_period(text);
  if (!p)
    return "error: " + p.error().message;
  return format_period(*p);
}

TEST(PeriodText, EveryKindReadsAndWritesBack) {
  for (const std::string text :
       {"day:2024-02-29", "week:2020-W53", "week:2025-W01", "ten_day:2024-02-3", "month:2024-02",
        "quarter:2026-Q4", "year:2026", "ytd:2024-02-29", "rolling:28:2026-11-23",
        "range:2026-11-01..2026-11-15"})
    EXPECT_EQ(round_trip(text), text);
}

TEST(PeriodText, TheDaysEachKindCovers) {
  const auto week = parse_period("week:2025-W01");
  EXPECT_EQ(to_string(week->begin), "2024-12-30");
  EXPECT_EQ(week->days(), 7);
  const auto ten = parse_period("ten_day:2024-02-3");
  EXPECT_EQ(to_string(ten->begin), "2024-02-21");
  EXPECT_EQ(ten->days(), 9);  // 21..29 February 2024
  EXPECT_EQ(parse_period("range:2026-11-01..2026-11-01")->days(), 1) << "both days are included";
  EXPECT_EQ(parse_period("quarter:2026-Q4")->days(), 92);
}

TEST(PeriodText, MistakesAreNamed) {
  EXPECT_NE(round_trip("month:2024-13").find("month 13 does not exist"), std::string::npos);
  EXPECT_NE(round_trip("day:2023-02-29").find("does not exist"), std::string::npos);
  EXPECT_NE(round_trip("week:2021-W53").find("week 53 does not exist in 2021"), std::string::npos);
  EXPECT_NE(round_trip("fortnight:2024-01-01").find("unknown period kind 'fortnight'"),
            std::string::npos);
  EXPECT_NE(round_trip("2024-01").find("KIND:VALUE"), std::string::npos);
  EXPECT_NE(round_trip("range:2024-01-05..2024-01-01").find("ends before"), std::string::npos);
  EXPECT_NE(round_trip("rolling:0:2024-01-01").find("rolling window"), std::string::npos);
  EXPECT_EQ(parse_period("month:2024-13").error().field, "period");
}

}  // namespace
}  // namespace shouwang::analytics
