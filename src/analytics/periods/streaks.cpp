#include <algorithm>

#include <shouwang/analytics/streaks.h>

namespace shouwang::analytics {

Streak streak_as_of(std::span<const Day> incident_days, Day history_begin, Day as_of) {
  const auto after = std::upper_bound(incident_days.begin(), incident_days.end(), as_of);
  if (after == incident_days.begin()) {
    if (as_of < history_begin)
      return {0, as_of + std::chrono::days(1), true};
    return {(as_of - history_begin).count() + 1, history_begin, true};
  }
  const Day last = *std::prev(after);
  return {(as_of - last).count(), last + std::chrono::days(1), false};
}

Streak longest_streak(std::span<const Day> incident_days, Day history_begin, const Period& period) {
  Streak best{0, period.begin, false};
  Day run_begin = std::max(period.begin, history_begin);
  const auto consider = [&](Day run_end) {  // the run is [run_begin, run_end)
    const std::int64_t length = (run_end - run_begin).count();
    if (length > best.days)
      best = {length, run_begin, run_begin <= history_begin};
  };
  for (auto it = std::lower_bound(incident_days.begin(), incident_days.end(), period.begin);
       it != incident_days.end() && *it < period.end; ++it) {
    if (*it >= run_begin)
      consider(*it);
    run_begin = std::max(run_begin, *it + std::chrono::days(1));
  }
  consider(period.end);
  return best;
}

}  // namespace shouwang::analytics
