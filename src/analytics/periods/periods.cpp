#include <cstdio>

#include <shouwang/analytics/periods.h>

namespace shouwang::analytics {
namespace {

using namespace std::chrono;

Day make(year y, month m, unsigned d) {
  // Clamp the day to the month's length: 29 February a year back is 28 February.
  const unsigned last = static_cast<unsigned>(year_month_day_last(y, month_day_last(m)).day());
  return sys_days(year_month_day(y, m, std::chrono::day(d < last ? d : last)));
}

year_month_day ymd(Day d) {
  return year_month_day(d);
}

Day one_year_back(Day d) {
  const auto date = ymd(d);
  return make(date.year() - years(1), date.month(), static_cast<unsigned>(date.day()));
}

unsigned ten_day_start(unsigned day_of_month) {
  return day_of_month <= 10 ? 1 : day_of_month <= 20 ? 11 : 21;
}

}  // namespace

Period day_of(Day d) {
  return {PeriodKind::kDay, d, d + days(1)};
}

Period iso_week_of(Day d) {
  const Day monday = d - (weekday(d) - Monday);
  return {PeriodKind::kIsoWeek, monday, monday + days(7)};
}

Period ten_day_of(Day d) {
  const auto date = ymd(d);
  const unsigned start = ten_day_start(static_cast<unsigned>(date.day()));
  const Day begin = make(date.year(), date.month(), start);
  const Day end =
      start == 21
          ? sys_days(year_month_day_last(date.year(), month_day_last(date.month()))) + days(1)
          : begin + days(10);
  return {PeriodKind::kTenDay, begin, end};
}

Period month_of(Day d) {
  const auto date = ymd(d);
  const Day begin = make(date.year(), date.month(), 1);
  return {PeriodKind::kMonth, begin,
          sys_days(year_month_day(date.year(), date.month(), std::chrono::day(1)) + months(1))};
}

Period quarter_of(Day d) {
  const auto date = ymd(d);
  const unsigned first = (static_cast<unsigned>(date.month()) - 1) / 3 * 3 + 1;
  const year_month_day begin(date.year(), month(first), std::chrono::day(1));
  return {PeriodKind::kQuarter, sys_days(begin), sys_days(begin + months(3))};
}

Period year_of(Day d) {
  const auto y = ymd(d).year();
  return {PeriodKind::kYear, sys_days(y / January / 1), sys_days((y + years(1)) / January / 1)};
}

Period year_to_date(Day last) {
  return {PeriodKind::kYearToDate, sys_days(ymd(last).year() / January / 1), last + days(1)};
}

Period rolling(Day last, int length) {
  return {PeriodKind::kRolling, last + days(1) - days(length), last + days(1)};
}

Period range(Day begin, Day end) {
  return {PeriodKind::kRange, begin, end};
}

IsoWeek iso_week_number(Day d) {
  // The ISO year is the year of the week's Thursday.
  const Day thursday = d - (weekday(d) - Monday) + days(3);
  const auto y = ymd(thursday).year();
  const Day first_thursday_week = iso_week_of(sys_days(y / January / 4)).begin;
  return {static_cast<int>(y),
          static_cast<unsigned>((thursday - days(3) - first_thursday_week).count() / 7 + 1)};
}

Day iso_week_monday(int iso_year, unsigned week) {
  const Day week1 = iso_week_of(sys_days(year(iso_year) / January / 4)).begin;
  const Day next_week1 = iso_week_of(sys_days(year(iso_year + 1) / January / 4)).begin;
  const Day monday = week1 + days(7 * (static_cast<int>(week) - 1));
  return monday < next_week1 ? monday : next_week1 - days(7);
}

Period same_period_last_year(const Period& p) {
  switch (p.kind) {
    case PeriodKind::kDay:
      return day_of(one_year_back(p.begin));
    case PeriodKind::kIsoWeek: {
      const IsoWeek w = iso_week_number(p.begin);
      return iso_week_of(iso_week_monday(w.year - 1, w.week));
    }
    case PeriodKind::kTenDay:
      return ten_day_of(one_year_back(p.begin));
    case PeriodKind::kMonth:
      return month_of(one_year_back(p.begin));
    case PeriodKind::kQuarter:
      return quarter_of(one_year_back(p.begin));
    case PeriodKind::kYear:
      return year_of(one_year_back(p.begin));
    case PeriodKind::kYearToDate:
      return year_to_date(one_year_back(p.end - days(1)));
    case PeriodKind::kRolling:
      return {PeriodKind::kRolling, p.begin - days(364), p.end - days(364)};
    case PeriodKind::kRange:
      break;
  }
  return range(one_year_back(p.begin), one_year_back(p.end - days(1)) + days(1));
}

Period previous_period(const Period& p) {
  const Day before = p.begin - days(1);
  switch (p.kind) {
    case PeriodKind::kDay:
      return day_of(before);
    case PeriodKind::kIsoWeek:
      return iso_week_of(before);
    case PeriodKind::kTenDay:
      return ten_day_of(before);
    case PeriodKind::kMonth:
      return month_of(before);
    case PeriodKind::kQuarter:
      return quarter_of(before);
    case PeriodKind::kYear:
      return year_of(before);
    case PeriodKind::kYearToDate:
    case PeriodKind::kRolling:
    case PeriodKind::kRange:
      break;
  }
  return {p.kind == PeriodKind::kRolling ? PeriodKind::kRolling : PeriodKind::kRange,
          p.begin - days(p.days()), p.begin};
}

std::string to_string(Day d) {
  const auto date = ymd(d);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

std::optional<double> Change::percent() const {
  if (base == 0)
    return std::nullopt;
  return 100.0 * static_cast<double>(current - base) / static_cast<double>(base);
}

}  // namespace shouwang::analytics
