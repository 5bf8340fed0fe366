#pragma once
// What a method keeps between forecasts of one rolling backtest: which events it has
// taken in. A call for an earlier origin, or for other events or another grid, starts over.

#include <cstdint>
#include <limits>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

class RollingCursor {
 public:
  // True when the caller must rebuild from nothing (and the cursor is back at the start).
  bool restart(const ForecastInput& input, std::int64_t origin) {
    const bool again = input.events != events_ || input.grid != grid_ || origin < origin_;
    if (again) {
      events_ = input.events;
      grid_ = input.grid;
      next_ = 0;
    }
    origin_ = origin;
    return again;
  }
  // The events before `origin` not yet taken in are [next(), end); marks them taken.
  std::size_t take_until(std::int64_t origin, std::size_t& end) {
    const std::size_t begin = next_;
    end = events_->first_at_or_after(origin);
    next_ = end;
    return begin;
  }

 private:
  const GridEvents* events_ = nullptr;
  const StudyGrid* grid_ = nullptr;
  std::int64_t origin_ = std::numeric_limits<std::int64_t>::min();
  std::size_t next_ = 0;
};

}  // namespace shouwang::analytics
