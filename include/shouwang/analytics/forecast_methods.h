#pragma once
// The forecast methods Shouwang ships, with their default parameters, for a planar
// system whose unit is `metres_per_unit` metres (0.3048 for feet). Names are stable: a
// backtest plan selects methods by them.
//
//   counts_all             every event before the origin, per cell
//   counts_365d            the last 365 days
//   kde_gaussian_<h>       Gaussian kernel density of all history, h = 300 ft (91.44 m)
//   kde_gaussian_<h>_decay_<τ>d   the same with weights exp(−age / τ), τ = 180 days
//   prospective_<r>_<w>d   Bowers–Johnson prospective hotspotting, r = 400 m, w = 56 days
//   sepp_grid              Mohler's grid self-exciting point process
//   shouwang               the default forecaster (forecast_default.h)

#include <memory>
#include <string>
#include <vector>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

struct ShippedMethod {
  std::unique_ptr<ForecastMethod> method;
  bool baseline = true;  // false for the default forecaster
};

std::vector<ShippedMethod> shipped_methods(double metres_per_unit);

}  // namespace shouwang::analytics
