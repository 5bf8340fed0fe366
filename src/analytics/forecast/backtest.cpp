#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <unordered_map>

#include <shouwang/analytics/backtest.h>
#include <shouwang/base/random.h>

namespace shouwang::analytics {
namespace {

// The period's events per study cell, and its total N.
struct PeriodCounts {
  std::unordered_map<std::uint32_t, std::uint32_t> by_cell;
  std::uint32_t total = 0;
};

PeriodCounts count_period(const GridEvents& events, std::int64_t begin, std::int64_t end) {
  PeriodCounts counts;
  for (std::size_t i = events.first_at_or_after(begin); i < events.size() && events.time[i] < end;
       ++i) {
    const bool in_cell = events.cell[i] != kOutsideStudy;
    if (in_cell)
      ++counts.by_cell[events.cell[i]];
    if (in_cell || events.inside[i])
      ++counts.total;
  }
  return counts;
}

std::uint32_t best_possible(const PeriodCounts& counts, std::size_t k) {
  std::vector<std::uint32_t> values;
  values.reserve(counts.by_cell.size());
  for (const auto& [cell, n] : counts.by_cell)
    values.push_back(n);
  const std::size_t take = std::min(k, values.size());
  std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(take),
                    values.end(), std::greater<>());
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < take; ++i)
    sum += values[i];
  return sum;
}

double ratio_of(double a, double b) {
  return b > 0.0 ? a / b : 0.0;
}

}  // namespace

std::size_t hot_cell_count(double area, double cell_area) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(area / cell_area - 1e-9)));
}

std::vector<std::uint32_t> top_cells(std::span<const double> scores, std::size_t k) {
  std::vector<std::uint32_t> order(scores.size());
  for (std::uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  const auto key = [&](std::uint32_t i) { return std::isnan(scores[i]) ? -INFINITY : scores[i]; };
  const auto hotter = [&](std::uint32_t a, std::uint32_t b) {
    const double ka = key(a), kb = key(b);
    return ka != kb ? ka > kb : a < b;
  };
  k = std::min(k, order.size());
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                   hotter);
  order.resize(k);
  std::sort(order.begin(), order.end(), hotter);
  return order;
}

void pool(MethodOutcome& outcome, const BacktestPlan& plan, double cell_area) {
  double total = 0, caught = 0, best = 0, caught_1 = 0, caught_5 = 0;
  for (const OriginOutcome& o : outcome.origins) {
    total += o.total;
    caught += o.caught;
    best += o.best;
    caught_1 += o.caught_1pct;
    caught_5 += o.caught_5pct;
  }
  const double area_share = static_cast<double>(outcome.hot_cells) * cell_area / plan.study_area;
  outcome.pooled_pai = ratio_of(ratio_of(caught, total), area_share);
  outcome.pooled_pei_star = ratio_of(caught, best);
  outcome.hit_rate_1pct = ratio_of(caught_1, total);
  outcome.hit_rate_5pct = ratio_of(caught_5, total);
}

std::vector<MethodOutcome> run_backtest(const ForecastInput& input, const BacktestPlan& plan,
                                        std::span<ForecastMethod* const> methods) {
  const StudyGrid& grid = *input.grid;
  const double cell_area = grid.cell_area();
  const std::size_t k = hot_cell_count(plan.hot_area, cell_area);
  const std::size_t k1 = hot_cell_count(0.01 * plan.study_area, cell_area);
  const std::size_t k5 = hot_cell_count(0.05 * plan.study_area, cell_area);
  const std::size_t deepest = std::max({k, k1, k5});

  ForecastInput judged = input;
  judged.hot_cells = k;
  std::vector<MethodOutcome> outcomes(methods.size());
  std::vector<double> scores(grid.size());
  for (std::size_t m = 0; m < methods.size(); ++m) {
    outcomes[m].method = methods[m]->name();
    outcomes[m].hot_cells = k;
  }
  for (const std::int64_t origin : plan.origins) {
    const PeriodCounts period = count_period(*input.events, origin, origin + plan.horizon);
    const std::uint32_t best = best_possible(period, k);
    for (std::size_t m = 0; m < methods.size(); ++m) {
      const auto started = std::chrono::steady_clock::now();
      methods[m]->score(judged, origin, plan.horizon, scores);
      const std::vector<std::uint32_t> top = top_cells(scores, deepest);
      outcomes[m].seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      OriginOutcome o{origin, period.total, 0, best, 0, 0};
      for (std::size_t rank = 0; rank < top.size(); ++rank) {
        const auto found = period.by_cell.find(top[rank]);
        if (found == period.by_cell.end())
          continue;
        if (rank < k)
          o.caught += found->second;
        if (rank < k1)
          o.caught_1pct += found->second;
        if (rank < k5)
          o.caught_5pct += found->second;
      }
      outcomes[m].origins.push_back(o);
    }
  }
  for (MethodOutcome& outcome : outcomes)
    pool(outcome, plan, cell_area);
  return outcomes;
}

PaiRatio pai_ratio(const MethodOutcome& method, const MethodOutcome& reference, int samples,
                   std::uint64_t seed) {
  const std::size_t n = std::min(method.origins.size(), reference.origins.size());
  // Σn over Σn_ref on a draw of origins; nothing when the reference caught nothing there.
  const auto ratio_over = [&](const auto& pick) -> std::optional<double> {
    double a = 0.0, b = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t o = pick(i);
      a += method.origins[o].caught;
      b += reference.origins[o].caught;
    }
    if (b <= 0.0)
      return std::nullopt;
    return a / b;
  };
  PaiRatio r;
  r.ratio = ratio_over([](std::size_t i) { return i; }).value_or(0.0);
  r.low = r.high = r.ratio;
  if (n == 0 || samples <= 0)
    return r;
  Rng rng(seed);
  std::vector<double> ratios;
  ratios.reserve(static_cast<std::size_t>(samples));
  std::vector<std::size_t> draw(n);
  for (int s = 0; s < samples; ++s) {
    for (std::size_t& d : draw)
      d = static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(n) - 1));
    if (const auto ratio = ratio_over([&](std::size_t i) { return draw[i]; }))
      ratios.push_back(*ratio);
  }
  if (ratios.empty())
    return r;
  std::sort(ratios.begin(), ratios.end());
  const auto at = [&](double q) {  // linear interpolation between order statistics
    const double pos = q * static_cast<double>(ratios.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, ratios.size() - 1);
    return ratios[lo] + (pos - static_cast<double>(lo)) * (ratios[hi] - ratios[lo]);
  };
  r.low = at(0.025);
  r.high = at(0.975);
  return r;
}

}  // namespace shouwang::analytics
