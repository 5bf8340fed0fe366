#pragma once
// Zero-incident streaks ("连续43天零发案"): how many whole days an area has gone without an
// incident of a kind, as of a day; and the longest such run in a period.
//
// Days are the centre's local days (periods.h). A day with an incident breaks the streak
// on that day; the streak as of day D counts the days after the last incident up to and
// including D. Before the first day of the history nothing is known, so a streak that
// reaches back to it is "at least" that long, and says so.

#include <cstdint>
#include <span>

#include <shouwang/analytics/periods.h>

namespace shouwang::analytics {

struct Streak {
  std::int64_t days = 0;
  Day since;                // the first day of the run (as_of + 1 when days is 0)
  bool open_ended = false;  // it reaches back to the start of the history: at least `days`
};

// `incident_days` ascending (repeats allowed); `history_begin` is the first day the records
// cover. Incidents after `as_of` are ignored.
Streak streak_as_of(std::span<const Day> incident_days, Day history_begin, Day as_of);

// The longest run of days without an incident inside `period` (the first such run when
// several are as long); a run that starts at the period's beginning is not open-ended
// unless the period starts at or before `history_begin`.
Streak longest_streak(std::span<const Day> incident_days, Day history_begin, const Period& period);

}  // namespace shouwang::analytics
