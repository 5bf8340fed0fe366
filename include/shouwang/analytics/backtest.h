#pragma once
// Rolling-origin evaluation of forecast methods (docs/analytics.md, "Forecast
// evaluation"). At every origin each method scores the study cells from the events
// before it; the hot set is its top K cells, ordered by (score descending, cell id
// ascending), K = ⌈hot area / cell area⌉; what fell in the hot set during
// [origin, origin + horizon) is compared with everything that happened in the study area.
//
//   N   events of the period inside the boundary or in a study cell (those outside
//       the hot set count too: they are the misses)
//   n   those in the method's hot cells
//   n*  the most any K cells could have caught: the K largest cell counts of the period
//   pooled PAI        = (Σn / ΣN) / (K · cell area / A), A the study area
//   pooled PEI*       = Σn / Σn*
//   hit rate at x %   = Σn_x / ΣN with the top ⌈x % · A / cell area⌉ cells
// Sums run over the origins. Ratios between methods use the same origins, so a paired
// bootstrap over origins gives their confidence intervals.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <shouwang/analytics/forecast.h>

namespace shouwang::analytics {

struct BacktestPlan {
  std::vector<std::int64_t> origins;  // ascending
  std::int64_t horizon = 7 * kSecondsPerDay;
  double hot_area = 0.0;    // in the grid's squared units
  double study_area = 0.0;  // A; the boundary's area unless set otherwise
};

// What one method caught at one origin.
struct OriginOutcome {
  std::int64_t origin = 0;
  std::uint32_t total = 0;   // N
  std::uint32_t caught = 0;  // n
  std::uint32_t best = 0;    // n*
  std::uint32_t caught_1pct = 0;
  std::uint32_t caught_5pct = 0;
};

struct MethodOutcome {
  std::string method;
  std::vector<OriginOutcome> origins;
  std::size_t hot_cells = 0;  // K
  double pooled_pai = 0.0;
  double pooled_pei_star = 0.0;
  double hit_rate_1pct = 0.0;
  double hit_rate_5pct = 0.0;
  double seconds = 0.0;  // time spent scoring
};

// The number of cells a hot area takes: ⌈area / cell area⌉, at least 1.
std::size_t hot_cell_count(double area, double cell_area);

// The study indices of the `k` highest scores, best first, ties to the lower cell id
// (which is the lower index). NaN scores rank last.
std::vector<std::uint32_t> top_cells(std::span<const double> scores, std::size_t k);

// Runs every method over every origin. The grid and events must be those the input names.
std::vector<MethodOutcome> run_backtest(const ForecastInput& input, const BacktestPlan& plan,
                                        std::span<ForecastMethod* const> methods);

// Fills the pooled figures of an outcome from its per-origin counts.
void pool(MethodOutcome& outcome, const BacktestPlan& plan, double cell_area);

// A method's pooled PAI over a reference method's on the same origins (Σn / Σn_ref), with
// a percentile bootstrap interval from `samples` resamples of the origins (drawn with
// replacement; a resample on which the reference caught nothing has no ratio and is left
// out).
struct PaiRatio {
  double ratio = 0.0;
  double low = 0.0;   // 2.5 %
  double high = 0.0;  // 97.5 %
};
PaiRatio pai_ratio(const MethodOutcome& method, const MethodOutcome& reference, int samples,
                   std::uint64_t seed);

}  // namespace shouwang::analytics
