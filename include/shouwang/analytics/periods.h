#pragma once
// Reporting periods of the centre's calendar and the periods they are compared with:
// 同比 (the same period a year earlier) and 环比 (the period just before). Every bulletin
// figure ("刑事警情同比下降26.05%") is a count over one of these and its comparison.
//
// Days are the centre's local calendar days (the caller turns instants into local days
// with the centre's UTC offset). A period is the half-open range of days [begin, end).
//
// Alignment rules (docs/analytics.md, "Periods"):
//   - 同比 of a calendar period is the same calendar period of the year before: a month →
//     that month, a quarter, a year, a 旬 (ten-day period: 1–10, 11–20, 21–month end) →
//     the same 旬 of the same month; a day → the same month and day, 29 February → 28
//     February; an ISO week → the week with the same number of the ISO year before
//     (week 53 → week 52 when that year has none); year-to-date → 1 January to the same
//     month and day (clamped to the month's end); a free range → its ends moved back one
//     calendar year the same way.
//   - 同比 of a rolling window (7 or 28 days, CompStat) is the window 364 days earlier: the
//     same weekdays, as CompStat compares them.
//   - 环比 is the period of the same kind just before: the previous day, ISO week, 旬,
//     month, quarter or year; for year-to-date, a rolling window or a free range, the equal
//     number of days ending where it begins.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace shouwang::analytics {

using Day = std::chrono::sys_days;  // a local calendar day of the centre

enum class PeriodKind : std::uint8_t {
  kDay,
  kIsoWeek,  // Monday to Sunday
  kTenDay,   // 旬: days 1–10, 11–20, 21 to the month's end
  kMonth,
  kQuarter,
  kYear,
  kYearToDate,  // 1 January to a day, inclusive
  kRolling,     // the N days ending on a day, inclusive (7: weekly, 28: CompStat)
  kRange,       // any [begin, end)
};

struct Period {
  PeriodKind kind = PeriodKind::kRange;
  Day begin;  // first day
  Day end;    // the day after the last

  [[nodiscard]] std::int64_t days() const { return (end - begin).count(); }
  [[nodiscard]] bool contains(Day d) const { return begin <= d && d < end; }
  friend bool operator==(const Period&, const Period&) = default;
};

Period day_of(Day d);
Period iso_week_of(Day d);
Period ten_day_of(Day d);
Period month_of(Day d);
Period quarter_of(Day d);
Period year_of(Day d);
Period year_to_date(Day last);
// The `days` days ending on `last` (inclusive); `days` ≥ 1.
Period rolling(Day last, int days);
// [begin, end); begin < end.
Period range(Day begin, Day end);

Period same_period_last_year(const Period& p);  // 同比
Period previous_period(const Period& p);        // 环比

// ISO 8601 week-numbering year and week of a day ("2020-W53").
struct IsoWeek {
  int year = 0;
  unsigned week = 0;
  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};
IsoWeek iso_week_number(Day d);
// The Monday of an ISO week; a week past the year's last is its last.
Day iso_week_monday(int year, unsigned week);

// "2024-02-29".
std::string to_string(Day d);

// A count against its comparison base: the change in percent, absent when the base is 0
// (a bulletin then says 新增 / "new" instead of a percentage).
struct Change {
  std::int64_t current = 0;
  std::int64_t base = 0;
  [[nodiscard]] std::int64_t difference() const { return current - base; }
  [[nodiscard]] std::optional<double> percent() const;
};

}  // namespace shouwang::analytics
