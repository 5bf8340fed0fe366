#pragma once
// Reporting periods as text, for the API and the command line:
//
//   day:2026-11-23          week:2026-W47         ten_day:2026-11-2 (旬 1, 2 or 3)
//   month:2026-11           quarter:2026-Q4       year:2026
//   ytd:2026-11-23          rolling:28:2026-11-23 (the 28 days ending on that day)
//   range:2026-11-01..2026-11-15 (both days included)
//
// parse_period(format_period(p)) == p for every period these functions make.

#include <string>
#include <string_view>

#include <shouwang/analytics/periods.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

// kInvalidArgument naming what is wrong ("month 13", "unknown period kind 'fortnight'").
Result<Period> parse_period(std::string_view text);
std::string format_period(const Period& p);

// "2026-11-23"; kInvalidArgument for anything else or a date that does not exist.
Result<Day> parse_day(std::string_view text);

std::string_view to_string(PeriodKind kind);  // "ten_day"

}  // namespace shouwang::analytics
