#pragma once
// Shouwang's default forecaster (docs/forecasting.md, "The default forecaster").
//
// Its base forecast is a multi-scale kernel density of all history: Gaussian surfaces of
// bandwidths ½h, h and 2h (h = 91.44 m, 300 ft), each normalised to one, averaged with
// weights 1 : 4 : 1. Averaging scales hedges the bandwidth instead of guessing it.
//
// Some places do not spread: calls for service come back to the same addresses (a
// hospital, a care home, a station), and there plain cell counts beat any smoothing. So
// two alternatives stand by, cell counts of all history and an even mixture of counts and
// the base, and the forecaster switches to one only on strong evidence from the place's
// own past: on the validation origins before the forecast's origin (periods of the same
// horizon, judged by hits in the same K cells), the alternative's hits minus the base's
// must have a paired t statistic above 2. With the tens of hits a year of a sparse crime
// type that almost never happens, and the base stands; with thousands of calls it does.
//
// Validation origins lie on a lattice of horizon-long steps through the first origin asked
// about, so successive forecasts share them; those used for origin t end by t and start
// within the lookback before it.

#include <memory>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

inline constexpr double kDefaultBandwidthMetres = 91.44;
inline constexpr std::int64_t kDefaultLookback = 730 * kSecondsPerDay;
inline constexpr double kSwitchEvidence = 2.0;  // the paired t statistic an alternative must beat

// The base alone (no switching), for comparison.
std::unique_ptr<ForecastMethod> make_multiscale_kde(double metres_per_unit);
std::unique_ptr<ForecastMethod> make_default_forecaster(double metres_per_unit,
                                                        std::int64_t lookback = kDefaultLookback);

}  // namespace shouwang::analytics
