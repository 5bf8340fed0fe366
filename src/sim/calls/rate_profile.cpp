#include "sim/calls/rate_profile.h"

#include <cmath>
#include <numbers>

namespace shouwang::sim::calls {
namespace {

constexpr double kYearDays = 365.2425;
constexpr std::int64_t kMicrosPerDay = 86'400'000'000LL;
// The pre-Spring-Festival bump: the festival falls between 21 January and 20 February; the
// weeks before it bring year-end pay-outs, shopping crowds and travel, and with them theft
// and fraud. Centred on 26 January with a spread of 18 days.
constexpr double kHolidayCentre = 25.0 / kYearDays;
constexpr double kHolidaySigma = 18.0 / kYearDays;

// Friday 20:00 to Saturday 04:00 and Saturday 20:00 to Sunday 04:00.
bool weekend_night(int weekday, int hour) {
  if (hour >= 20)
    return weekday == 4 || weekday == 5;
  if (hour < 4)
    return weekday == 5 || weekday == 6;
  return false;
}

// Distance between two year fractions around the year's circle.
double circular(double a, double b) {
  double d = std::fabs(a - b);
  d -= std::floor(d);
  return d > 0.5 ? 1.0 - d : d;
}

}  // namespace

LocalMoment local_moment(UtcTime t, std::int32_t utc_offset_minutes) {
  const std::int64_t local =
      t.micros() + static_cast<std::int64_t>(utc_offset_minutes) * 60'000'000LL;
  std::int64_t day = local / kMicrosPerDay;
  std::int64_t within = local % kMicrosPerDay;
  if (within < 0) {
    within += kMicrosPerDay;
    --day;
  }
  LocalMoment m;
  m.hour = static_cast<int>(within / 3'600'000'000LL);
  m.weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
  const double days =
      static_cast<double>(day) + static_cast<double>(within) / static_cast<double>(kMicrosPerDay);
  const double years = days / kYearDays;
  m.year_fraction = years - std::floor(years);
  return m;
}

RateProfile::RateProfile(const CallClass& c)
    : season_amplitude_(c.season_amplitude),
      season_peak_(c.season_peak_day / kYearDays),
      holidays_(c.winter_holidays) {
  double sum = 0;
  for (int d = 0; d < 7; ++d) {
    for (int h = 0; h < 24; ++h) {
      double f = c.by_hour[static_cast<std::size_t>(h)];
      if (d >= 5)
        f *= c.weekend;
      if (weekend_night(d, h))
        f *= c.weekend_nights;
      week_[static_cast<std::size_t>(d * 24 + h)] = f;
      sum += f;
    }
  }
  const double mean = sum / 168.0;
  for (double& f : week_)
    f /= mean;
  // The cosine averages out over a year; the bump adds its area.
  season_norm_ = 1.0 + holidays_ * kHolidaySigma * std::sqrt(2.0 * std::numbers::pi);
}

double RateProfile::season_factor(double y) const {
  const double cycle = season_amplitude_ * std::cos(2.0 * std::numbers::pi * (y - season_peak_));
  const double d = circular(y, kHolidayCentre) / kHolidaySigma;
  const double bump = holidays_ * std::exp(-0.5 * d * d);
  return (1.0 + cycle + bump) / season_norm_;
}

double RateProfile::factor(const LocalMoment& m) const {
  return week_factor(m.weekday, m.hour) * season_factor(m.year_fraction);
}

}  // namespace shouwang::sim::calls
