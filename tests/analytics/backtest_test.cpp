// Forecast evaluation on a case small enough to count by hand, and the baselines' scores
// on single events.

#include <cmath>
#include <memory>

#include <gtest/gtest.h>

#include <shouwang/analytics/backtest.h>
#include <shouwang/analytics/forecast_default.h>
#include <shouwang/base/random.h>

namespace shouwang::analytics {
namespace {

constexpr std::int64_t kDay = kSecondsPerDay;

// Scores fixed in advance, whatever the events: the evaluation alone is under test.
class FixedScores final : public ForecastMethod {
 public:
  FixedScores(std::string name, std::vector<double> scores)
      : name_(std::move(name)), scores_(std::move(scores)) {}
  [[nodiscard]] std::string name() const override { return name_; }
  void score(const ForecastInput&, std::int64_t, std::int64_t, std::span<double> out) override {
    std::copy(scores_.begin(), scores_.end(), out.begin());
  }

 private:
  std::string name_;
  std::vector<double> scores_;
};

// A 4.3 × 1 strip: cells 0..3 are studied; the fifth column's centre (4.5) is outside, but
// its western 0.3 is inside the boundary, so events there count in N and no method can
// catch them.
struct Strip {
  Boundary boundary = *Boundary::from_rings({{{0, 0}, {4.3, 0}, {4.3, 1}, {0, 1}}});
  StudyGrid grid = *StudyGrid::over(boundary, 1.0);
};

TEST(Backtest, PaiPeiAndHitRatesCountedByHand) {
  Strip s;
  ASSERT_EQ(s.grid.size(), 4u);
  ASSERT_DOUBLE_EQ(s.boundary.area(), 4.3);
  // Week 1: cell 0 once, cell 2 twice, the strip's end once, and one event far outside
  // the boundary (not counted at all). Week 2: cell 1 three times.
  const GridEvents events = place_events({{1 * kDay, {0.5, 0.5}},
                                          {2 * kDay, {2.5, 0.5}},
                                          {3 * kDay, {2.2, 0.1}},
                                          {4 * kDay, {4.1, 0.5}},
                                          {5 * kDay, {10, 10}},
                                          {8 * kDay, {1.5, 0.5}},
                                          {9 * kDay, {1.6, 0.5}},
                                          {10 * kDay, {1.7, 0.9}}},
                                         s.grid, s.boundary);
  FixedScores west("west", {3, 1, 2, 0});
  FixedScores second("second", {0, 3, 1, 2});
  const std::vector<ForecastMethod*> methods{&west, &second};
  BacktestPlan plan{{0, 7 * kDay}, 7 * kDay, 1.0, s.boundary.area()};
  const ForecastInput input{&s.grid, &events};
  const auto outcomes = run_backtest(input, plan, methods);
  ASSERT_EQ(outcomes.size(), 2u);
  const MethodOutcome& w = outcomes[0];
  EXPECT_EQ(w.hot_cells, 1u);
  ASSERT_EQ(w.origins.size(), 2u);
  EXPECT_EQ(w.origins[0].total, 4u);
  EXPECT_EQ(w.origins[0].caught, 1u);
  EXPECT_EQ(w.origins[0].best, 2u);
  EXPECT_EQ(w.origins[1].total, 3u);
  EXPECT_EQ(w.origins[1].caught, 0u);
  EXPECT_EQ(w.origins[1].best, 3u);
  // (1 / 7) / (1 / 4.3); PEI* 1 / 5; 1 % and 5 % of 4.3 both round up to one cell.
  EXPECT_NEAR(w.pooled_pai, 4.3 / 7.0, 1e-12);
  EXPECT_NEAR(w.pooled_pei_star, 0.2, 1e-12);
  EXPECT_NEAR(w.hit_rate_1pct, 1.0 / 7.0, 1e-12);
  EXPECT_NEAR(w.hit_rate_5pct, 1.0 / 7.0, 1e-12);
  const MethodOutcome& sec = outcomes[1];
  EXPECT_NEAR(sec.pooled_pai, (3.0 / 7.0) * 4.3, 1e-12);
  EXPECT_NEAR(sec.pooled_pei_star, 3.0 / 5.0, 1e-12);

  const PaiRatio r = pai_ratio(sec, w, 500, 7);
  EXPECT_DOUBLE_EQ(r.ratio, 3.0);
  // Draws of origin 1 alone have no ratio (the reference caught nothing there); origin 0
  // alone gives 0 / 2, both origins 3 / 1: every ratio is 0 or 3.
  EXPECT_GE(r.low, 0.0);
  EXPECT_LE(r.high, 3.0 + 1e-12);
}

TEST(Backtest, TiesGoToTheLowerCellIdAndNanRanksLast) {
  const std::vector<double> scores{1, NAN, 1, 2, 1};
  EXPECT_EQ(top_cells(scores, 3), (std::vector<std::uint32_t>{3, 0, 2}));
  EXPECT_EQ(top_cells(scores, 5), (std::vector<std::uint32_t>{3, 0, 2, 4, 1}));
  EXPECT_EQ(top_cells(scores, 9).size(), 5u);
  EXPECT_EQ(hot_cell_count(6'969'600, 600.0 * 600.0), 20u);
  EXPECT_EQ(hot_cell_count(6'969'600, 250.0 * 250.0), 112u);
  EXPECT_EQ(hot_cell_count(360'000, 600.0 * 600.0), 1u) << "an exact fit takes no extra cell";
}

TEST(Baselines, CountsOverAllHistoryAndOverAWindow) {
  Strip s;
  const GridEvents events = place_events({{0, {0.5, 0.5}},
                                          {100 * kDay, {0.5, 0.5}},
                                          {300 * kDay, {1.5, 0.5}},
                                          {400 * kDay, {2.5, 0.5}}},
                                         s.grid, s.boundary);
  const ForecastInput input{&s.grid, &events};
  std::vector<double> out(4);
  auto all = make_history_counts();
  all->score(input, 400 * kDay, 7 * kDay, out);
  EXPECT_EQ(out, (std::vector<double>{2, 1, 0, 0})) << "the event at the origin is in the future";
  auto recent = make_recent_counts(365 * kDay);
  recent->score(input, 200 * kDay, 7 * kDay, out);
  EXPECT_EQ(out, (std::vector<double>{2, 0, 0, 0}));
  recent->score(input, 401 * kDay, 7 * kDay, out);  // rolling on: the first event has aged out
  EXPECT_EQ(out, (std::vector<double>{1, 1, 1, 0}));
  recent->score(input, 50 * kDay, 7 * kDay, out);  // back in time: starts over
  EXPECT_EQ(out, (std::vector<double>{1, 0, 0, 0}));
}

TEST(Baselines, ProspectiveWeightsByCellsAndWholeWeeks) {
  Strip s;
  const GridEvents events = place_events({{0, {0.5, 0.5}}}, s.grid, s.boundary);
  const ForecastInput input{&s.grid, &events};
  std::vector<double> out(4);
  auto p = make_prospective(1.5, 56 * kDay);
  p->score(input, 8 * kDay, 7 * kDay, out);  // one whole week old: time weight 1 / 2
  EXPECT_DOUBLE_EQ(out[0], 0.5);
  EXPECT_DOUBLE_EQ(out[1], 0.25) << "one cell side away: 1 / (1 + 1)";
  EXPECT_DOUBLE_EQ(out[2], 0.0) << "two sides away is beyond the reach";
  p->score(input, 57 * kDay, 7 * kDay, out);
  EXPECT_DOUBLE_EQ(out[0], 0.0) << "older than the window";
}

TEST(Baselines, DecayedKdeHalvesAtTheHalfLife) {
  Strip s;
  const GridEvents events = place_events({{0, {0.5, 0.5}}}, s.grid, s.boundary);
  const ForecastInput input{&s.grid, &events};
  std::vector<double> first(4), later(4), plain(4);
  auto decayed = make_kde(Kernel::kGaussian, 0.5, 10 * kDay);
  decayed->score(input, 1 * kDay, 7 * kDay, first);
  decayed->score(input, 1 * kDay + static_cast<std::int64_t>(std::round(10 * kDay * std::log(2.0))),
                 7 * kDay, later);
  EXPECT_NEAR(later[0] / first[0], 0.5, 1e-5);
  auto kde = make_kde(Kernel::kGaussian, 0.5);
  kde->score(input, 1 * kDay, 7 * kDay, plain);
  // The mass in the event's own cell: (Φ(1) − Φ(−1))² for an event at the centre, h = 0.5.
  const double inside = std::erf(1.0 / std::sqrt(2.0));
  EXPECT_NEAR(plain[0], inside * inside, 1e-9);
}

// A Hawkes process on 40 cells simulated by branching: the fit finds its parameters.
TEST(Baselines, GridSeppRecoversTheParametersOfASimulatedProcess) {
  const double mu = 0.02, theta = 0.5, omega = 0.2, span = 3000.0;
  Rng rng(42);
  std::vector<std::vector<double>> cells(40);
  for (auto& times : cells) {
    std::vector<double> generation;
    for (double t = -span + (-std::log(1.0 - rng.uniform01()) / mu); t < 0.0;
         t += -std::log(1.0 - rng.uniform01()) / mu)
      generation.push_back(t);
    while (!generation.empty()) {
      std::vector<double> next;
      for (const double parent : generation) {
        times.push_back(parent);
        // Offspring: Poisson(θ) children at exponential(ω) lags.
        double l = std::exp(-theta), p = 1.0;
        int children = -1;
        do {
          ++children;
          p *= rng.uniform01();
        } while (p > l);
        for (int c = 0; c < children; ++c) {
          const double t = parent - std::log(1.0 - rng.uniform01()) / omega;
          if (t < 0.0)
            next.push_back(t);
        }
      }
      generation = std::move(next);
    }
    std::sort(times.begin(), times.end());
  }
  const SeppParameters fit = fit_grid_sepp(cells, span);
  EXPECT_NEAR(fit.theta, theta, 0.08);
  EXPECT_NEAR(fit.omega, omega, 0.06);
  double mean_mu = 0.0;
  for (const double m : fit.mu)
    mean_mu += m / static_cast<double>(fit.mu.size());
  EXPECT_NEAR(mean_mu, mu, 0.004);
}

// Events at fixed rates per cell centre: `rates` per day, simulated day by day.
std::vector<SpaceTimeEvent> simulate(const StudyGrid& grid,
                                     const std::vector<std::pair<std::uint32_t, double>>& rates,
                                     int days, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<SpaceTimeEvent> events;
  for (int d = 0; d < days; ++d) {
    for (const auto& [cell, rate] : rates) {
      // Poisson by inversion; rates stay small.
      double p = std::exp(-rate), cumulative = p, u = rng.uniform01();
      int n = 0;
      while (u > cumulative && n < 50) {
        p *= rate / ++n;
        cumulative += p;
      }
      for (int i = 0; i < n; ++i)
        events.push_back({d * kDay + rng.uniform_int(0, kDay - 1), grid.centre(cell)});
    }
  }
  return events;
}

struct City {
  Boundary boundary = *Boundary::from_rings({{{0, 0}, {3000, 0}, {3000, 3000}, {0, 3000}}});
  StudyGrid grid = *StudyGrid::over(boundary, 100.0);  // 30 × 30 cells of 100 m
  std::uint32_t at(int column, int row) const { return grid.index_at(column, row); }
};

// Busy single addresses (a hospital, a care home) far apart, and neighbourhoods of many
// quieter cells: a smoothed map ranks the neighbourhoods' centres first, the counts the
// addresses, and the addresses are where the calls are. The default forecaster must see
// that in its own validation periods and follow the counts.
TEST(DefaultForecaster, FollowsTheCountsWhereEventsComeBackToTheSameAddresses) {
  City c;
  std::vector<std::pair<std::uint32_t, double>> rates;
  for (int i = 0; i < 5; ++i)
    rates.emplace_back(c.at(3 + 5 * i, 3), 1.0);  // the addresses
  for (int i = 0; i < 5; ++i)
    for (int dc = -1; dc <= 1; ++dc)
      for (int dr = -1; dr <= 1; ++dr)
        rates.emplace_back(c.at(4 + 5 * i + dc, 20 + dr), 0.3);  // the neighbourhoods
  const GridEvents events = place_events(simulate(c.grid, rates, 500, 11), c.grid, c.boundary);
  BacktestPlan plan;
  for (int w = 0; w < 12; ++w)
    plan.origins.push_back((400 + 7 * w) * kDay);
  plan.horizon = 7 * kDay;
  plan.hot_area = 5 * 100.0 * 100.0;  // K = 5
  plan.study_area = c.boundary.area();
  auto counts = make_history_counts();
  auto multiscale = make_multiscale_kde(1.0);
  auto shouwang = make_default_forecaster(1.0);
  const std::vector<ForecastMethod*> methods{counts.get(), multiscale.get(), shouwang.get()};
  const auto outcomes = run_backtest({&c.grid, &events}, plan, methods);
  EXPECT_GT(outcomes[0].pooled_pai, 1.5 * outcomes[1].pooled_pai)
      << "the fixture must favour the counts";
  EXPECT_EQ(outcomes[2].pooled_pai, outcomes[0].pooled_pai) << "the default switched to the counts";
}

// Sparse events around smooth hotspots: no alternative has strong evidence, so the default
// gives exactly the multi-scale density.
TEST(DefaultForecaster, KeepsTheMultiscaleDensityOnSparseData) {
  City c;
  std::vector<std::pair<std::uint32_t, double>> rates;
  for (std::uint32_t i = 0; i < c.grid.size(); ++i) {
    const Xy p = c.grid.centre(i);
    const double d2 = (p.x - 1000) * (p.x - 1000) + (p.y - 1500) * (p.y - 1500);
    rates.emplace_back(i, 0.002 * std::exp(-d2 / (2 * 400.0 * 400.0)));
  }
  const GridEvents events = place_events(simulate(c.grid, rates, 800, 5), c.grid, c.boundary);
  auto multiscale = make_multiscale_kde(1.0);
  auto shouwang = make_default_forecaster(1.0);
  std::vector<double> a(c.grid.size()), b(c.grid.size());
  const ForecastInput input{&c.grid, &events, 5};
  for (int w = 0; w < 10; ++w) {
    const std::int64_t origin = (700 + 7 * w) * kDay;
    multiscale->score(input, origin, 7 * kDay, a);
    shouwang->score(input, origin, 7 * kDay, b);
    ASSERT_EQ(a, b) << "origin " << w;
  }
}

}  // namespace
}  // namespace shouwang::analytics
