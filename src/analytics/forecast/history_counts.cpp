#include <algorithm>

#include <shouwang/analytics/forecast.h>

#include "analytics/forecast/rolling.h"

namespace shouwang::analytics {
namespace {

class HistoryCounts final : public ForecastMethod {
 public:
  explicit HistoryCounts(std::int64_t window) : window_(window) {}

  [[nodiscard]] std::string name() const override {
    return window_ == 0 ? "counts_all" : "counts_" + std::to_string(window_ / kSecondsPerDay) + "d";
  }

  void score(const ForecastInput& input, std::int64_t origin, std::int64_t,
             std::span<double> scores) override {
    const GridEvents& events = *input.events;
    if (cursor_.restart(input, origin)) {
      counts_.assign(input.grid->size(), 0.0);
      expired_ = 0;
    }
    std::size_t end = 0;
    for (std::size_t i = cursor_.take_until(origin, end); i < end; ++i) {
      if (events.cell[i] != kOutsideStudy)
        counts_[events.cell[i]] += 1.0;
    }
    if (window_ > 0) {  // drop what fell out of the window
      const std::size_t keep_from = events.first_at_or_after(origin - window_);
      for (; expired_ < keep_from; ++expired_) {
        if (events.cell[expired_] != kOutsideStudy)
          counts_[events.cell[expired_]] -= 1.0;
      }
    }
    std::copy(counts_.begin(), counts_.end(), scores.begin());
  }

 private:
  std::int64_t window_;
  RollingCursor cursor_;
  std::vector<double> counts_;
  std::size_t expired_ = 0;
};

}  // namespace

std::unique_ptr<ForecastMethod> make_history_counts() {
  return std::make_unique<HistoryCounts>(0);
}

std::unique_ptr<ForecastMethod> make_recent_counts(std::int64_t window) {
  return std::make_unique<HistoryCounts>(window);
}

}  // namespace shouwang::analytics
