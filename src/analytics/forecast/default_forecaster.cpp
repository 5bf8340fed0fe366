#include <algorithm>
#include <map>
#include <optional>

#include <shouwang/analytics/backtest.h>
#include <shouwang/analytics/forecast_default.h>

namespace shouwang::analytics {
namespace {

constexpr double kDefaultHotShare = 0.01;  // when the caller does not say how many cells

class DefaultForecaster final : public ForecastMethod {
 public:
  explicit DefaultForecaster(std::int64_t lookback) : lookback_(lookback) {}

  [[nodiscard]] std::string name() const override { return "shouwang"; }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t horizon,
             std::span<double> scores) override {
    const std::size_t k = input.hot_cells > 0
                              ? input.hot_cells
                              : hot_cell_count(kDefaultHotShare * static_cast<double>(input.grid->size()), 1.0);
    if (input.events != events_ || input.grid != grid_ || horizon != horizon_ || k != k_ || origin < last_origin_)
      reset(input, origin, horizon, k);
    last_origin_ = origin;
    validate_until(input, origin);

    // The candidate with the most hits on the validation origins in the lookback.
    std::vector<double> hits(candidates_.size(), 0.0);
    for (auto it = caught_.lower_bound(origin - lookback_); it != caught_.end() && it->first + horizon <= origin; ++it)
      for (std::size_t c = 0; c < hits.size(); ++c)
        hits[c] += it->second[c];
    const std::size_t chosen =
        static_cast<std::size_t>(std::max_element(hits.begin(), hits.end()) - hits.begin());  // first of the best
    candidates_[chosen].forecast->score(input, origin, horizon, scores);
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
    anchor_ = origin;
    caught_.clear();
    next_validation_.reset();
    const double cell = input.grid->cell();
    const auto both = [](auto make) { return Candidate{make(), make()}; };
    candidates_.clear();
    for (const double sides : {1.0, 0.5, 2.0})
      candidates_.push_back(both([&] { return make_kde(Kernel::kGaussian, sides * cell); }));
    for (const double sides : {1.0, 0.5, 2.0})
      candidates_.push_back(both([&] { return make_kde(Kernel::kGaussian, sides * cell, 365 * kSecondsPerDay); }));
    candidates_.push_back(both([] { return make_history_counts(); }));
  }

  // Scores every candidate at the lattice origins whose periods end by `origin`.
  void validate_until(const ForecastInput& input, std::int64_t origin) {
    if (!next_validation_) {
      // The earliest lattice point inside the lookback of this first origin.
      const std::int64_t steps = lookback_ / horizon_;
      next_validation_ = anchor_ - steps * horizon_;
    }
    std::vector<double> scores(input.grid->size());
    const GridEvents& events = *input.events;
    for (; *next_validation_ + horizon_ <= origin; *next_validation_ += horizon_) {
      const std::int64_t o = *next_validation_;
      std::map<std::uint32_t, std::uint32_t> period;  // cell → events in [o, o + horizon)
      for (std::size_t i = events.first_at_or_after(o); i < events.size() && events.time[i] < o + horizon_; ++i)
        if (events.cell[i] != kOutsideStudy)
          ++period[events.cell[i]];
      std::vector<double>& row = caught_[o];
      row.assign(candidates_.size(), 0.0);
      if (period.empty())
        continue;
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

  std::int64_t lookback_;
  const GridEvents* events_ = nullptr;
  const StudyGrid* grid_ = nullptr;
  std::int64_t horizon_ = 0;
  std::size_t k_ = 0;
  std::int64_t anchor_ = 0;
  std::int64_t last_origin_ = 0;
  std::optional<std::int64_t> next_validation_;
  std::vector<Candidate> candidates_;
  std::map<std::int64_t, std::vector<double>> caught_;  // validation origin → hits per candidate
};

}  // namespace

std::unique_ptr<ForecastMethod> make_default_forecaster(std::int64_t lookback) {
  return std::make_unique<DefaultForecaster>(lookback);
}

}  // namespace shouwang::analytics
