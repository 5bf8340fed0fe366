#pragma once
// When calls come: a class's rate at a moment as a multiple of its yearly average, from
// the local hour, the day of the week and the time of year (call_classes.h holds the
// numbers). Immutable; safe to share between threads.

#include <array>
#include <cstdint>

#include <shouwang/base/clock.h>

#include "sim/calls/call_classes.h"

namespace shouwang::sim::calls {

// A moment on the centre's local calendar.
struct LocalMoment {
  int hour = 0;              // 0..23
  int weekday = 0;           // 0 = Monday .. 6 = Sunday
  double year_fraction = 0;  // 0 at 1 January 00:00, 1 a year later (mean Gregorian year)
};

LocalMoment local_moment(UtcTime t, std::int32_t utc_offset_minutes);

// The rate multiplier of one class; its average over a year is 1.
class RateProfile {
 public:
  RateProfile() = default;  // zero everywhere
  explicit RateProfile(const CallClass& c);
  [[nodiscard]] double factor(const LocalMoment& m) const;
  // The week part alone (mean 1 over a week) and the season part alone (mean 1 over a year).
  [[nodiscard]] double week_factor(int weekday, int hour) const {
    return week_[weekday * 24 + hour];
  }
  [[nodiscard]] double season_factor(double year_fraction) const;

 private:
  std::array<double, 168> week_{};
  double season_amplitude_ = 0;
  double season_peak_ = 0;  // as a year fraction
  double holidays_ = 0;
  double season_norm_ = 1;
};

}  // namespace shouwang::sim::calls
