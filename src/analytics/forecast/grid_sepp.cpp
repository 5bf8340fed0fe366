#include <algorithm>
#include <cmath>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {
namespace {

constexpr int kMaxIterations = 100;
constexpr double kTolerance = 1e-6;           // relative change of θ and ω that ends the fit
constexpr double kNegligibleExponent = 30.0;  // ω · lag beyond which triggering is ignored
constexpr double kMaxTheta = 0.99;            // keeps the process stationary

// Mohler (2015), "Marked point process hotspot maps for homicide and gun crime prediction
// in Chicago", International Journal of Forecasting 31(3): λ_n(t) = μ_n + Σ θ ω e^{−ω (t − t_i)}
// over the earlier events i of cell n.
class GridSepp final : public ForecastMethod {
 public:
  [[nodiscard]] std::string name() const override { return "sepp_grid"; }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t horizon,
             std::span<double> scores) override {
    const GridEvents& events = *input.events;
    const std::size_t end = events.first_at_or_after(origin);
    times_.assign(input.grid->size(), {});
    std::size_t n = 0;
    double first = 0.0;
    for (std::size_t i = 0; i < end; ++i) {
      if (events.cell[i] == kOutsideStudy)
        continue;
      const double t = static_cast<double>(events.time[i] - origin) / kSecondsPerDay;  // ≤ 0
      if (n++ == 0)
        first = t;
      times_[events.cell[i]].push_back(t);
    }
    std::fill(scores.begin(), scores.end(), 0.0);
    if (n == 0)
      return;
    fit_ = fit_grid_sepp(times_, std::max(1.0, -first), fit_);
    const double h = static_cast<double>(horizon) / kSecondsPerDay;
    for (std::size_t c = 0; c < times_.size(); ++c) {
      double s = fit_.mu[c] * h;
      for (const double t : times_[c])
        s += fit_.theta * (std::exp(fit_.omega * t) - std::exp(fit_.omega * (t - h)));
      scores[c] = s;
    }
  }

 private:
  std::vector<std::vector<double>> times_;
  SeppParameters fit_;
};

}  // namespace

SeppParameters fit_grid_sepp(const std::vector<std::vector<double>>& cell_times, double span_days,
                             const SeppParameters& start) {
  SeppParameters p;
  p.theta = std::clamp(start.theta, 1e-6, kMaxTheta);
  p.omega = std::clamp(start.omega, 1e-4, 1e3);
  std::size_t n = 0;
  p.mu.assign(cell_times.size(), 0.0);
  for (std::size_t c = 0; c < cell_times.size(); ++c) {
    n += cell_times[c].size();
    p.mu[c] = (1.0 - p.theta) * static_cast<double>(cell_times[c].size()) / span_days;
  }
  if (n == 0)
    return p;
  for (p.iterations = 1; p.iterations <= kMaxIterations; ++p.iterations) {
    // E-step: each event's chance of being background or the offspring of an earlier one
    // in its cell; M-step: the rates that make those chances most likely.
    double triggered = 0.0;
    double triggered_lag = 0.0;
    const double max_lag = kNegligibleExponent / p.omega;
    for (std::size_t c = 0; c < cell_times.size(); ++c) {
      const auto& t = cell_times[c];
      double background = 0.0;
      for (std::size_t j = 0; j < t.size(); ++j) {
        double lambda = p.mu[c];
        for (std::size_t i = j; i-- > 0 && t[j] - t[i] <= max_lag;)
          lambda += p.theta * p.omega * std::exp(-p.omega * (t[j] - t[i]));
        background += p.mu[c] / lambda;
        for (std::size_t i = j; i-- > 0 && t[j] - t[i] <= max_lag;) {
          const double share = p.theta * p.omega * std::exp(-p.omega * (t[j] - t[i])) / lambda;
          triggered += share;
          triggered_lag += share * (t[j] - t[i]);
        }
      }
      p.mu[c] = background / span_days;
    }
    const double theta = std::clamp(triggered / static_cast<double>(n), 1e-6, kMaxTheta);
    const double omega =
        triggered_lag > 0.0 ? std::clamp(triggered / triggered_lag, 1e-4, 1e3) : p.omega;
    const bool settled = std::abs(theta - p.theta) <= kTolerance * p.theta &&
                         std::abs(omega - p.omega) <= kTolerance * p.omega;
    p.theta = theta;
    p.omega = omega;
    if (settled)
      break;
  }
  return p;
}

std::unique_ptr<ForecastMethod> make_grid_sepp() {
  return std::make_unique<GridSepp>();
}

}  // namespace shouwang::analytics
