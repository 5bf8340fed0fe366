#pragma once
// Incident counts over a period, broken down and compared: the body of every bulletin
// table ("刑事警情 284 起，同比下降26.04%，环比上升3.1%"). One report carries the period's
// counts, its 同比 base (same period last year) and its 环比 base (the period before), per
// key and in total, and every figure can be drilled down to its incident ids.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/periods.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/analytics/streaks.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

struct CountQuery {
  Period period;
  Filter filter;
  std::vector<Dimension> by;  // none: the total only
};

struct CountRow {
  std::vector<std::string> key;  // one text per dimension
  std::int64_t current = 0;
  std::int64_t last_year = 0;  // 同比 base
  std::int64_t previous = 0;   // 环比 base
  [[nodiscard]] Change year_on_year() const { return {current, last_year}; }
  [[nodiscard]] Change period_on_period() const { return {current, previous}; }
};

struct CountReport {
  Period period;
  Period last_year;
  Period previous;
  std::vector<Dimension> by;
  CountRow total;              // distinct incidents: one in two groups counts once
  std::vector<CountRow> rows;  // keys counted in any of the three periods: current count
                               // descending, then key ascending
};

Result<CountReport> count(const IncidentHistory& history, const CountQuery& query);

enum class Base : std::uint8_t { kCurrent, kLastYear, kPrevious };

// The incident ids behind one figure of count(query): those of the chosen period with
// `key` (one text per dimension of query.by; empty for the total), in day order, at most
// `limit`. kInvalidArgument when the key has the wrong number of parts.
Result<std::vector<std::string>> drill_down(const IncidentHistory& history, const CountQuery& query,
                                            const std::vector<std::string>& key, Base base,
                                            std::size_t limit);

struct StreakRow {
  std::string key;  // the area (or other dimension value)
  Streak streak;
};

// Zero-incident streaks as of `as_of`, one per value of `by` among `areas` (say, every
// station code): how many days each has gone without an incident matching `filter`.
Result<std::vector<StreakRow>> streaks(const IncidentHistory& history, const Filter& filter,
                                       Dimension by, const std::vector<std::string>& areas,
                                       Day as_of);

}  // namespace shouwang::analytics
