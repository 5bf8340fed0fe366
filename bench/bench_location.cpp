// Post location at city scale: 10,000 demand points × 500 candidate sites × P = 50, the
// maximal covering problem at 60, 180 and 300 s (the 1-3-5-minute circles) and the p-median, timed,
// with each answer's Lagrangian bound, so the gap to the optimum is proved rather than guessed.
// Prints a table; docs/performance.md ("Post location") carries the figures.
//
// The instance: a 20 × 20 km city whose incidents crowd into 40 hotspots (70 %) over a
// uniform background (30 %), weighted by priority (4 for priority 1 … 1 for priority 4,
// shares 4 / 18 / 53 / 25 %); candidate sites spread uniformly; travel time = straight
// distance × 1.3 (the detour of a street grid) at 30 km/h. Fixed seeds.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include <shouwang/analytics/facility_location.h>
#include <shouwang/base/random.h>

namespace {

using namespace shouwang::analytics;
using shouwang::Rng;

constexpr std::size_t kDemands = 10'000, kSites = 500, kPosts = 50;
constexpr double kSide = 20'000, kDetour = 1.3, kSpeed = 30 / 3.6;
constexpr double kCircles[] = {60, 180, 300};  // the 1-, 3- and 5-minute circles

LocationProblem city(std::uint64_t seed) {
  Rng rng(seed);
  std::vector<std::pair<double, double>> hotspots(40);
  for (auto& [x, y] : hotspots)
    x = rng.uniform(0, kSide), y = rng.uniform(0, kSide);
  std::vector<std::pair<double, double>> demand(kDemands), site(kSites);
  LocationProblem out;
  out.demands = kDemands;
  out.sites = kSites;
  out.p = kPosts;
  for (auto& [x, y] : demand) {
    if (rng.bernoulli(0.7)) {
      const auto& h = hotspots[static_cast<std::size_t>(rng.uniform_int(0, 39))];
      x = std::clamp(rng.normal(h.first, 600), 0.0, kSide);
      y = std::clamp(rng.normal(h.second, 600), 0.0, kSide);
    } else {
      x = rng.uniform(0, kSide), y = rng.uniform(0, kSide);
    }
    const double u = rng.uniform01();
    out.weight.push_back(u < 0.04 ? 4 : u < 0.22 ? 3 : u < 0.75 ? 2 : 1);
  }
  for (auto& [x, y] : site)
    x = rng.uniform(0, kSide), y = rng.uniform(0, kSide);
  out.time.resize(kDemands * kSites);
  for (std::size_t i = 0; i < kDemands; ++i)
    for (std::size_t j = 0; j < kSites; ++j)
      out.time[i * kSites + j] =
          std::hypot(demand[i].first - site[j].first, demand[i].second - site[j].second) * kDetour /
          kSpeed;
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main() {
  std::printf("| problem | seed | answer | bound | gap | time |\n|---|---|---|---|---|---|\n");
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const LocationProblem problem = city(seed);
    double total = 0;
    for (const double w : problem.weight)
      total += w;
    for (const double circle : kCircles) {
      const auto started = std::chrono::steady_clock::now();
      LocationOptions options;
      options.bound_iterations = 3000;
      const auto cover = solve_max_covering(problem, circle, options);
      const double cover_s = seconds_since(started);
      if (!cover.ok())
        return 1;
      std::printf(
          "| MCLP, %.0f s | %llu | %.1f %% of demand covered | ≤ %.1f %% | %.3f %% | %.2f s |\n",
          circle, static_cast<unsigned long long>(seed), 100 * cover->objective / total,
          100 * cover->bound / total, 100 * relative_gap(*cover), cover_s);
    }
    const auto started = std::chrono::steady_clock::now();
    const auto median = solve_p_median(problem);
    const double median_s = seconds_since(started);
    if (!median.ok())
      return 1;
    std::printf(
        "| p-median | %llu | mean %.1f s per weighted incident | ≥ %.1f s | %.3f %% | %.2f s |\n",
        static_cast<unsigned long long>(seed), median->objective / total, median->bound / total,
        100 * relative_gap(*median), median_s);
  }
  return 0;
}
