#include <algorithm>
#include <cmath>
#include <optional>

#include <shouwang/analytics/forecast.h>

#include "analytics/forecast/rolling.h"

namespace shouwang::analytics {
namespace {

constexpr double kFactorLow = 1.0 / 3.0;  // a local bandwidth stays within these multiples
constexpr double kFactorHigh = 3.0;

// Sample-point adaptive kernel density (Abramson 1982): each event gets its own bandwidth
// h · (f̃ / g)^−α, narrow where events are dense and wide where they are sparse; f̃ is a
// fixed-bandwidth pilot estimate at the event's cell from the events before it, g the
// geometric mean of those pilot values. Bandwidths are fixed when an event is taken in,
// so a rolling forecast never revisits old events.
class AdaptiveKde final : public ForecastMethod {
 public:
  AdaptiveKde(double bandwidth, double alpha) : bandwidth_(bandwidth), alpha_(alpha) {}

  [[nodiscard]] std::string name() const override {
    return "kde_adaptive_" + std::to_string(static_cast<long long>(std::lround(bandwidth_)));
  }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t,
             std::span<double> scores) override {
    const GridEvents& events = *input.events;
    if (cursor_.restart(input, origin)) {
      pilot_.emplace(*input.grid, Kernel::kGaussian, bandwidth_, CellValue::kMassInCell);
      surface_.emplace(*input.grid, Kernel::kGaussian, bandwidth_, CellValue::kMassInCell);
      log_sum_ = 0.0;
      logged_ = 0;
    }
    std::size_t end = 0;
    for (std::size_t i = cursor_.take_until(origin, end); i < end; ++i) {
      double h = bandwidth_;
      const std::uint32_t cell = events.cell[i];
      if (cell != kOutsideStudy) {
        const double pilot = pilot_->values()[cell];
        if (pilot > 0.0 && logged_ > 0) {
          const double g = std::exp(log_sum_ / static_cast<double>(logged_));
          h *= std::clamp(std::pow(pilot / g, -alpha_), kFactorLow, kFactorHigh);
        } else if (logged_ > 0) {
          h *= kFactorHigh;
        }
        if (pilot > 0.0) {
          log_sum_ += std::log(pilot);
          ++logged_;
        }
      }
      surface_->add(events.at[i], 1.0, h);
      pilot_->add(events.at[i]);
    }
    const auto values = surface_->values();
    std::copy(values.begin(), values.end(), scores.begin());
  }

 private:
  double bandwidth_;
  double alpha_;
  RollingCursor cursor_;
  std::optional<KernelSurface> pilot_;
  std::optional<KernelSurface> surface_;
  double log_sum_ = 0.0;
  std::size_t logged_ = 0;
};

}  // namespace

std::unique_ptr<ForecastMethod> make_adaptive_kde(double bandwidth, double alpha) {
  return std::make_unique<AdaptiveKde>(bandwidth, alpha);
}

}  // namespace shouwang::analytics
