#include <cmath>
#include <optional>

#include <shouwang/analytics/forecast.h>

#include "analytics/forecast/rolling.h"

namespace shouwang::analytics {
namespace {

class KdeMethod final : public ForecastMethod {
 public:
  KdeMethod(Kernel kernel, double bandwidth, std::int64_t decay_time)
      : kernel_(kernel), bandwidth_(bandwidth), decay_time_(decay_time) {}

  [[nodiscard]] std::string name() const override {
    std::string n = kernel_ == Kernel::kGaussian ? "kde_gaussian_" : "kde_quartic_";
    n += std::to_string(static_cast<long long>(std::lround(bandwidth_)));
    if (decay_time_ > 0)
      n += "_decay_" + std::to_string(decay_time_ / kSecondsPerDay) + "d";
    return n;
  }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t,
             std::span<double> scores) override {
    const GridEvents& events = *input.events;
    if (cursor_.restart(input, origin)) {
      surface_.emplace(*input.grid, kernel_, bandwidth_, CellValue::kMassInCell);
      surface_time_ = origin;
    }
    // A decayed surface is kept as of `surface_time_`; moving it to the origin scales it.
    if (decay_time_ > 0 && origin != surface_time_)
      surface_->scale(std::exp(-static_cast<double>(origin - surface_time_) /
                               static_cast<double>(decay_time_)));
    surface_time_ = origin;
    std::size_t end = 0;
    for (std::size_t i = cursor_.take_until(origin, end); i < end; ++i) {
      const double weight = decay_time_ > 0
                                ? std::exp(-static_cast<double>(origin - events.time[i]) /
                                           static_cast<double>(decay_time_))
                                : 1.0;
      surface_->add(events.at[i], weight);
    }
    const auto values = surface_->values();
    std::copy(values.begin(), values.end(), scores.begin());
  }

 private:
  Kernel kernel_;
  double bandwidth_;
  std::int64_t decay_time_;
  RollingCursor cursor_;
  std::optional<KernelSurface> surface_;
  std::int64_t surface_time_ = 0;
};

}  // namespace

std::unique_ptr<ForecastMethod> make_kde(Kernel kernel, double bandwidth, std::int64_t decay_time) {
  return std::make_unique<KdeMethod>(kernel, bandwidth, decay_time);
}

}  // namespace shouwang::analytics
