#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

#include <shouwang/analytics/backtest.h>
#include <shouwang/analytics/forecast_default.h>

namespace shouwang::analytics {
namespace {

constexpr double kDefaultHotShare = 0.01;  // K when the caller does not say
constexpr std::size_t kMinValidationOrigins = 4;

// Scores averaged after each is normalised to sum one (a part with no history is left out).
class Mixture final : public ForecastMethod {
 public:
  Mixture(std::string name, std::vector<std::unique_ptr<ForecastMethod>> parts,
          std::vector<double> weights)
      : name_(std::move(name)), parts_(std::move(parts)), weights_(std::move(weights)) {}

  [[nodiscard]] std::string name() const override { return name_; }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t horizon,
             std::span<double> scores) override {
    std::fill(scores.begin(), scores.end(), 0.0);
    part_.resize(scores.size());
    double weights = 0.0;
    for (const double w : weights_)
      weights += w;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      parts_[i]->score(input, origin, horizon, part_);
      double total = 0.0;
      for (const double v : part_)
        total += v;
      if (!(total > 0.0))
        continue;
      const double factor = weights_[i] / weights / total;
      for (std::size_t c = 0; c < part_.size(); ++c)
        scores[c] += factor * part_[c];
    }
  }

 private:
  std::string name_;
  std::vector<std::unique_ptr<ForecastMethod>> parts_;
  std::vector<double> weights_;
  std::vector<double> part_;
};

std::unique_ptr<ForecastMethod> multiscale(double metres_per_unit) {
  const double h = kDefaultBandwidthMetres / metres_per_unit;
  std::vector<std::unique_ptr<ForecastMethod>> parts;
  for (const double factor : {0.5, 1.0, 2.0})
    parts.push_back(make_kde(Kernel::kGaussian, factor * h));
  return std::make_unique<Mixture>("kde_multiscale", std::move(parts),
                                   std::vector<double>{1.0, 4.0, 1.0});
}

std::unique_ptr<ForecastMethod> counts_and_multiscale(double metres_per_unit) {
  std::vector<std::unique_ptr<ForecastMethod>> parts;
  parts.push_back(make_history_counts());
  parts.push_back(multiscale(metres_per_unit));
  return std::make_unique<Mixture>("counts_kde_multiscale", std::move(parts),
                                   std::vector<double>{1.0, 1.0});
}

class DefaultForecaster final : public ForecastMethod {
 public:
  DefaultForecaster(double metres_per_unit, std::int64_t lookback)
      : metres_per_unit_(metres_per_unit), lookback_(lookback) {}

  [[nodiscard]] std::string name() const override { return "shouwang"; }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t horizon,
             std::span<double> scores) override {
    const std::size_t k =
        input.hot_cells > 0
            ? input.hot_cells
            : hot_cell_count(kDefaultHotShare * static_cast<double>(input.grid->size()), 1.0);
    if (input.events != events_ || input.grid != grid_ || horizon != horizon_ || k != k_ ||
        origin < last_origin_)
      reset(input, origin, horizon, k);
    last_origin_ = origin;
    validate_until(input, origin);
    candidates_[choose(origin)].forecast->score(input, origin, horizon, scores);
  }

 private:
  struct Candidate {
    std::unique_ptr<ForecastMethod> validation;  // rolls over the validation origins
    std::unique_ptr<ForecastMethod> forecast;    // rolls over the asked origins
  };

  void reset(const ForecastInput& input, std::int64_t origin, std::int64_t horizon, std::size_t k) {
    events_ = input.events;
    grid_ = input.grid;
    horizon_ = horizon;
    k_ = k;
    caught_.clear();
    next_validation_ = origin - (lookback_ / horizon) * horizon;
    candidates_.clear();
    const double m = metres_per_unit_;
    candidates_.push_back({multiscale(m), multiscale(m)});  // the base: index 0
    candidates_.push_back({make_history_counts(), make_history_counts()});
    candidates_.push_back({counts_and_multiscale(m), counts_and_multiscale(m)});
  }

  // The base, unless an alternative's gain on the validation origins has t > 2.
  [[nodiscard]] std::size_t choose(std::int64_t origin) const {
    std::size_t chosen = 0;
    double best_t = kSwitchEvidence;
    for (std::size_t c = 1; c < candidates_.size(); ++c) {
      double n = 0.0, sum = 0.0, squares = 0.0;
      for (auto it = caught_.lower_bound(origin - lookback_);
           it != caught_.end() && it->first + horizon_ <= origin; ++it) {
        const double gain = it->second[c] - it->second[0];
        n += 1.0;
        sum += gain;
        squares += gain * gain;
      }
      if (n < kMinValidationOrigins)
        continue;
      const double mean = sum / n;
      const double variance = (squares - n * mean * mean) / (n - 1.0);
      const double t =
          variance > 0.0 ? mean / std::sqrt(variance / n) : (mean > 0.0 ? INFINITY : 0.0);
      if (t > best_t) {
        best_t = t;
        chosen = c;
      }
    }
    return chosen;
  }

  // Scores every candidate at the lattice origins whose periods end by `origin`.
  void validate_until(const ForecastInput& input, std::int64_t origin) {
    std::vector<double> scores(input.grid->size());
    const GridEvents& events = *input.events;
    for (; next_validation_ + horizon_ <= origin; next_validation_ += horizon_) {
      const std::int64_t o = next_validation_;
      std::map<std::uint32_t, std::uint32_t> period;  // cell → events in [o, o + horizon)
      for (std::size_t i = events.first_at_or_after(o);
           i < events.size() && events.time[i] < o + horizon_; ++i)
        if (events.cell[i] != kOutsideStudy)
          ++period[events.cell[i]];
      if (events.first_at_or_after(o) == 0)
        continue;  // no history before it: nothing to judge
      std::vector<double>& row = caught_[o];
      row.assign(candidates_.size(), 0.0);
      for (std::size_t c = 0; c < candidates_.size(); ++c) {
        candidates_[c].validation->score(input, o, horizon_, scores);
        for (const std::uint32_t cell : top_cells(scores, k_)) {
          const auto found = period.find(cell);
          if (found != period.end())
            row[c] += found->second;
        }
      }
    }
  }

  double metres_per_unit_;
  std::int64_t lookback_;
  const GridEvents* events_ = nullptr;
  const StudyGrid* grid_ = nullptr;
  std::int64_t horizon_ = 0;
  std::size_t k_ = 0;
  std::int64_t last_origin_ = 0;
  std::int64_t next_validation_ = 0;
  std::vector<Candidate> candidates_;
  std::map<std::int64_t, std::vector<double>> caught_;  // validation origin → hits per candidate
};

}  // namespace

std::unique_ptr<ForecastMethod> make_multiscale_kde(double metres_per_unit) {
  return multiscale(metres_per_unit);
}

std::unique_ptr<ForecastMethod> make_default_forecaster(double metres_per_unit,
                                                        std::int64_t lookback) {
  return std::make_unique<DefaultForecaster>(metres_per_unit, lookback);
}

}  // namespace shouwang::analytics
