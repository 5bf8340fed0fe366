#include <charconv>
#include <string>

#include <shouwang/analytics/period_text.h>

namespace shouwang::analytics {
namespace {

using namespace std::chrono;

Error bad(std::string message) {
  return Error{Errc::kInvalidArgument, std::move(message), "period"};
}

// Reads exactly `digits` decimal digits.
bool number(std::string_view text, std::size_t digits, int& out) {
  if (text.size() != digits)
    return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

Result<year_month> parse_month(std::string_view text) {
  int y = 0;
  int m = 0;
  if (text.size() != 7 || text[4] != '-' || !number(text.substr(0, 4), 4, y) ||
      !number(text.substr(5), 2, m))
    return bad("'" + std::string(text) + "' is not a month (YYYY-MM)");
  if (m < 1 || m > 12)
    return bad("month " + std::to_string(m) + " does not exist");
  return year(y) / month(static_cast<unsigned>(m));
}

}  // namespace

std::string_view to_string(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::kDay:
      return "day";
    case PeriodKind::kIsoWeek:
      return "week";
    case PeriodKind::kTenDay:
      return "ten_day";
    case PeriodKind::kMonth:
      return "month";
    case PeriodKind::kQuarter:
      return "quarter";
    case PeriodKind::kYear:
      return "year";
    case PeriodKind::kYearToDate:
      return "ytd";
    case PeriodKind::kRolling:
      return "rolling";
    case PeriodKind::kRange:
      return "range";
  }
  return "range";
}

Result<Day> parse_day(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !number(text.substr(0, 4), 4, y) ||
      !number(text.substr(5, 2), 2, m) || !number(text.substr(8), 2, d))
    return bad("'" + std::string(text) + "' is not a day (YYYY-MM-DD)");
  const year_month_day date{year(y), month(static_cast<unsigned>(m)),
                            day(static_cast<unsigned>(d))};
  if (!date.ok())
    return bad(std::string(text) + " does not exist");
  return sys_days(date);
}

Result<Period> parse_period(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos)
    return bad("a period is KIND:VALUE, such as month:2026-11 (got '" + std::string(text) + "')");
  const std::string_view kind = text.substr(0, colon);
  const std::string_view value = text.substr(colon + 1);
  if (kind == "day" || kind == "ytd") {
    auto d = parse_day(value);
    if (!d)
      return d.error();
    return kind == "day" ? day_of(*d) : year_to_date(*d);
  }
  if (kind == "week") {
    int y = 0;
    int w = 0;
    if (value.size() != 8 || value.substr(4, 2) != "-W" || !number(value.substr(0, 4), 4, y) ||
        !number(value.substr(6), 2, w))
      return bad("'" + std::string(value) + "' is not an ISO week (YYYY-Www)");
    const Day monday = iso_week_monday(y, static_cast<unsigned>(w));
    if (w < 1 || iso_week_number(monday) != IsoWeek{y, static_cast<unsigned>(w)})
      return bad("week " + std::to_string(w) + " does not exist in " + std::to_string(y));
    return iso_week_of(monday);
  }
  if (kind == "ten_day") {
    if (value.size() != 9 || value[7] != '-' || value[8] < '1' || value[8] > '3')
      return bad("'" + std::string(value) + "' is not a 旬 (YYYY-MM-1, -2 or -3)");
    auto ym = parse_month(value.substr(0, 7));
    if (!ym)
      return ym.error();
    const unsigned first = static_cast<unsigned>(value[8] - '1') * 10 + 1;
    return ten_day_of(sys_days(*ym / day(first)));
  }
  if (kind == "month") {
    auto ym = parse_month(value);
    if (!ym)
      return ym.error();
    return month_of(sys_days(*ym / day(1)));
  }
  if (kind == "quarter") {
    int y = 0;
    if (value.size() != 7 || value.substr(4, 2) != "-Q" || !number(value.substr(0, 4), 4, y) ||
        value[6] < '1' || value[6] > '4')
      return bad("'" + std::string(value) + "' is not a quarter (YYYY-Qn)");
    return quarter_of(
        sys_days(year(y) / month(static_cast<unsigned>(value[6] - '1') * 3 + 1) / day(1)));
  }
  if (kind == "year") {
    int y = 0;
    if (!number(value, 4, y))
      return bad("'" + std::string(value) + "' is not a year (YYYY)");
    return year_of(sys_days(year(y) / January / day(1)));
  }
  if (kind == "rolling") {
    const auto second = value.find(':');
    int n = 0;
    const std::string_view count = value.substr(0, second);
    const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    if (second == std::string_view::npos || ec != std::errc() ||
        end != count.data() + count.size() || n < 1 || n > 3660)
      return bad("'" + std::string(value) +
                 "' is not a rolling window (DAYS:YYYY-MM-DD, 1 to 3660 days)");
    auto last = parse_day(value.substr(second + 1));
    if (!last)
      return last.error();
    return rolling(*last, n);
  }
  if (kind == "range") {
    const auto dots = value.find("..");
    if (dots == std::string_view::npos)
      return bad("'" + std::string(value) + "' is not a range (YYYY-MM-DD..YYYY-MM-DD)");
    auto first = parse_day(value.substr(0, dots));
    if (!first)
      return first.error();
    auto last = parse_day(value.substr(dots + 2));
    if (!last)
      return last.error();
    if (*last < *first)
      return bad("the range ends before it begins");
    return range(*first, *last + days(1));
  }
  return bad("unknown period kind '" + std::string(kind) +
             "' (day, week, ten_day, month, quarter, year, ytd, rolling, range)");
}

std::string format_period(const Period& p) {
  const year_month_day first{p.begin};
  const auto month_text = [&] {
    const std::string day_text = to_string(p.begin);
    return day_text.substr(0, 7);
  };
  switch (p.kind) {
    case PeriodKind::kDay:
      return "day:" + to_string(p.begin);
    case PeriodKind::kIsoWeek: {
      const IsoWeek w = iso_week_number(p.begin);
      return "week:" + std::to_string(w.year) + "-W" + (w.week < 10 ? "0" : "") +
             std::to_string(w.week);
    }
    case PeriodKind::kTenDay:
      return "ten_day:" + month_text() + "-" +
             std::to_string((static_cast<unsigned>(first.day()) - 1) / 10 + 1);
    case PeriodKind::kMonth:
      return "month:" + month_text();
    case PeriodKind::kQuarter:
      return "quarter:" + std::to_string(static_cast<int>(first.year())) + "-Q" +
             std::to_string((static_cast<unsigned>(first.month()) - 1) / 3 + 1);
    case PeriodKind::kYear:
      return "year:" + std::to_string(static_cast<int>(first.year()));
    case PeriodKind::kYearToDate:
      return "ytd:" + to_string(p.end - days(1));
    case PeriodKind::kRolling:
      return "rolling:" + std::to_string(p.days()) + ":" + to_string(p.end - days(1));
    case PeriodKind::kRange:
      break;
  }
  return "range:" + to_string(p.begin) + ".." + to_string(p.end - days(1));
}

}  // namespace shouwang::analytics
