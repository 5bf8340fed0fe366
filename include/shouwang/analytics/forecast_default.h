#pragma once
// Shouwang's default forecaster: it picks, at every origin, the candidate forecast that
// would have done best on the recent past of the same place, judged exactly as the
// backtest judges (hits in the top K cells over the same horizon). Nothing in it is fitted
// to one city: the candidates are scaled by the cell side, and the choice is made afresh
// from each city's own history before the origin (docs/forecasting.md, "The default
// forecaster").
//
// Validation origins lie on a lattice of horizon-long steps through the first origin it is
// asked about, so successive forecasts share them; the ones used for origin t are those
// whose periods end by t, within `lookback` before it. Candidates, in order of preference
// (the first wins a tie): Gaussian KDE of all history with bandwidths 1, ½ and 2 cell
// sides, the same with a one-year decay, and plain counts of all history.

#include <memory>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

inline constexpr std::int64_t kDefaultLookback = 730 * kSecondsPerDay;

std::unique_ptr<ForecastMethod> make_default_forecaster(std::int64_t lookback = kDefaultLookback);

}  // namespace shouwang::analytics
