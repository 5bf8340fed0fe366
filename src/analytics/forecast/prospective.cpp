#include <algorithm>
#include <cmath>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {
namespace {

constexpr std::int64_t kWeek = 7 * kSecondsPerDay;

class Prospective final : public ForecastMethod {
 public:
  Prospective(double reach, std::int64_t window) : reach_(reach), window_(window) {}

  [[nodiscard]] std::string name() const override {
    return "prospective_" + std::to_string(static_cast<long long>(std::lround(reach_))) + "_" +
           std::to_string(window_ / kSecondsPerDay) + "d";
  }

  // Only the recent events count, so each forecast is built afresh; it is cheap.
  void score(const ForecastInput& input, std::int64_t origin, std::int64_t,
             std::span<double> scores) override {
    const GridEvents& events = *input.events;
    const StudyGrid& grid = *input.grid;
    std::fill(scores.begin(), scores.end(), 0.0);
    const double cell = grid.cell();
    const Xy o = grid.origin();
    const std::size_t end = events.first_at_or_after(origin);
    for (std::size_t i = events.first_at_or_after(origin - window_); i < end; ++i) {
      const Xy p = events.at[i];
      const double time_weight =
          1.0 / (1.0 + static_cast<double>((origin - events.time[i]) / kWeek));
      const auto c0 = static_cast<std::int64_t>(std::floor((p.x - reach_ - o.x) / cell));
      const auto c1 = static_cast<std::int64_t>(std::floor((p.x + reach_ - o.x) / cell));
      const auto r0 = static_cast<std::int64_t>(std::floor((p.y - reach_ - o.y) / cell));
      const auto r1 = static_cast<std::int64_t>(std::floor((p.y + reach_ - o.y) / cell));
      for (std::int64_t r = r0; r <= r1; ++r) {
        for (std::int64_t c = c0; c <= c1; ++c) {
          const std::uint32_t index = grid.index_at(c, r);
          if (index == kOutsideStudy)
            continue;
          const double d = distance(grid.centre(index), p);
          if (d <= reach_)
            scores[index] += time_weight / (1.0 + d / cell);
        }
      }
    }
  }

 private:
  double reach_;
  std::int64_t window_;
};

}  // namespace

std::unique_ptr<ForecastMethod> make_prospective(double reach, std::int64_t window) {
  return std::make_unique<Prospective>(reach, window);
}

}  // namespace shouwang::analytics
