#include <shouwang/analytics/forecast_default.h>
#include <shouwang/analytics/forecast_methods.h>

namespace shouwang::analytics {

std::vector<ShippedMethod> shipped_methods(double metres_per_unit) {
  const double metre = 1.0 / metres_per_unit;  // in the system's units
  constexpr std::int64_t kDay = kSecondsPerDay;
  std::vector<ShippedMethod> methods;
  methods.push_back({make_history_counts(), true});
  methods.push_back({make_recent_counts(365 * kDay), true});
  methods.push_back({make_kde(Kernel::kGaussian, 91.44 * metre), true});
  methods.push_back({make_kde(Kernel::kGaussian, 91.44 * metre, 180 * kDay), true});
  methods.push_back({make_prospective(400.0 * metre, 56 * kDay), true});
  methods.push_back({make_grid_sepp(), true});
  methods.push_back({make_multiscale_kde(metres_per_unit), false});
  methods.push_back({make_default_forecaster(metres_per_unit), false});
  return methods;
}

}  // namespace shouwang::analytics
