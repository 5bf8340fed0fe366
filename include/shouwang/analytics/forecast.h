#pragma once
// Forecasting where the next incidents will be: methods that score every study cell for
// the period that starts at an origin, from the events before it and nothing after. The
// backtest (backtest.h) ranks the cells by score and measures what the top ones caught.
//
// Times are seconds since the epoch; a forecast for origin t and horizon h is judged on
// the events in [t, t + h). Methods keep work between calls whose origins do not go
// back (a rolling backtest), and start over when they do or the events change.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <shouwang/analytics/kernel_density.h>
#include <shouwang/analytics/study_grid.h>

namespace shouwang::analytics {

inline constexpr std::int64_t kSecondsPerDay = 86'400;

struct SpaceTimeEvent {
  std::int64_t time = 0;  // seconds since the epoch
  Xy at;
};

// Events placed on the study grid, sorted by time (stable: equal times keep input order).
struct GridEvents {
  std::vector<std::int64_t> time;
  std::vector<Xy> at;
  std::vector<std::uint32_t> cell;  // study index, kOutsideStudy outside every study cell
  std::vector<bool> inside;         // inside the boundary (counted in a period's total)

  [[nodiscard]] std::size_t size() const { return time.size(); }
  // The first event at or after t.
  [[nodiscard]] std::size_t first_at_or_after(std::int64_t t) const;
};

GridEvents place_events(std::vector<SpaceTimeEvent> events, const StudyGrid& grid,
                        const Boundary& boundary);

struct ForecastInput {
  const StudyGrid* grid = nullptr;
  const GridEvents* events = nullptr;
  // How many top cells will be flagged (patrolled, judged): a method may tune itself to
  // it. 0 when unknown.
  std::size_t hot_cells = 0;
};

class ForecastMethod {
 public:
  virtual ~ForecastMethod() = default;
  // A stable identifier with its parameters ("kde_gaussian_300").
  [[nodiscard]] virtual std::string name() const = 0;
  // Fills `scores` (one per study cell) for the period [origin, origin + horizon).
  virtual void score(const ForecastInput& input, std::int64_t origin, std::int64_t horizon,
                     std::span<double> scores) = 0;
};

// ---- the baselines (docs/analytics.md, "Forecast methods") ----

// Events per cell over all history, or over the `window` seconds before the origin.
std::unique_ptr<ForecastMethod> make_history_counts();
std::unique_ptr<ForecastMethod> make_recent_counts(std::int64_t window);

// Kernel density of all history (mass per cell). With a positive `decay_time`, each event
// weighs exp(−age / decay_time): the time-decayed KDE.
std::unique_ptr<ForecastMethod> make_kde(Kernel kernel, double bandwidth,
                                         std::int64_t decay_time = 0);

// Sample-point adaptive kernel density: each event's Gaussian bandwidth is `bandwidth`
// scaled by (pilot density / its geometric mean)^−alpha, within [⅓, 3] times.
std::unique_ptr<ForecastMethod> make_adaptive_kde(double bandwidth, double alpha = 0.5);

// Prospective hotspotting (Bowers, Johnson & Pease 2004): each event within `reach`
// (distance) and `window` (seconds) of the origin adds 1 / (1 + d) · 1 / (1 + w) to a
// cell, d the distance from the cell's centre in cell sides and w the age in whole weeks.
std::unique_ptr<ForecastMethod> make_prospective(double reach, std::int64_t window);

// The grid self-exciting point process of Mohler (2015): per cell, a constant background
// rate plus exponentially decaying triggering by the cell's own past events, fitted by
// expectation–maximisation on all history; the score is the expected count over the
// horizon.
std::unique_ptr<ForecastMethod> make_grid_sepp();

// The fit itself: `cell_times` are each cell's event times in days, ascending, all ≤ 0
// (day 0 is the origin), observed over the `span_days` before it. `start` gives the
// starting θ and ω (a rolling backtest starts each fit from the last).
struct SeppParameters {
  double theta = 0.1;      // expected offspring per event
  double omega = 0.1;      // decay per day
  std::vector<double> mu;  // background events per day, per cell
  int iterations = 0;
};
SeppParameters fit_grid_sepp(const std::vector<std::vector<double>>& cell_times, double span_days,
                             const SeppParameters& start = {});

}  // namespace shouwang::analytics
