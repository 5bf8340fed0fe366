// Maximal covering: greedy start, best-improvement swaps, Lagrangian upper bound
// (facility_location.h).

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include <shouwang/analytics/facility_location.h>

#include "analytics/location/branch_and_bound.h"
#include "analytics/location/location_support.h"

namespace shouwang::analytics {
namespace {

// Which demands each site reaches within the radius.
struct Reach {
  std::vector<std::vector<std::uint32_t>> of_site;
  Reach(const LocationProblem& problem, double radius) : of_site(problem.sites) {
    for (std::size_t i = 0; i < problem.demands; ++i)
      for (std::size_t j = 0; j < problem.sites; ++j)
        if (problem.at(i, j) <= radius)
          of_site[j].push_back(static_cast<std::uint32_t>(i));
  }
};

std::vector<std::uint32_t> greedy(const LocationProblem& problem, const Reach& reach) {
  std::vector<bool> covered(problem.demands, false), taken(problem.sites, false);
  std::vector<std::uint32_t> open;
  while (open.size() < problem.p) {
    double best_gain = -1;
    std::uint32_t pick = 0;
    for (std::uint32_t j = 0; j < problem.sites; ++j) {
      if (taken[j])
        continue;
      double gain = 0;
      for (const std::uint32_t i : reach.of_site[j])
        gain += covered[i] ? 0.0 : problem.weight[i];
      if (gain > best_gain) {
        best_gain = gain;
        pick = j;
      }
    }
    taken[pick] = true;
    open.push_back(pick);
    for (const std::uint32_t i : reach.of_site[pick])
      covered[i] = true;
  }
  return open;
}

// Swaps while the best one covers more. A swap of r (open) for j gains what j newly covers
// and loses what only r covered, except what j covers too.
int improve_by_swaps(const LocationProblem& problem, const Reach& reach,
                     std::vector<std::uint32_t>& open, int max_passes) {
  const std::size_t p = open.size();
  std::vector<int> position(problem.sites, -1);
  for (std::size_t k = 0; k < p; ++k)
    position[open[k]] = static_cast<int>(k);
  std::vector<std::uint32_t> times_covered(problem.demands);
  std::vector<int> only_by(problem.demands);  // position of the one open site covering it
  std::vector<double> loss(p), correction(p);
  int passes = 0;
  for (; passes < max_passes; ++passes) {
    std::fill(times_covered.begin(), times_covered.end(), 0u);
    for (std::size_t k = 0; k < p; ++k)
      for (const std::uint32_t i : reach.of_site[open[k]]) {
        ++times_covered[i];
        only_by[i] = static_cast<int>(k);
      }
    std::fill(loss.begin(), loss.end(), 0.0);
    for (std::size_t i = 0; i < problem.demands; ++i)
      if (times_covered[i] == 1)
        loss[static_cast<std::size_t>(only_by[i])] += problem.weight[i];
    double best_gain = 0;
    std::size_t out_at = 0;
    std::uint32_t in = 0;
    for (std::uint32_t j = 0; j < problem.sites; ++j) {
      if (position[j] >= 0)
        continue;
      double added = 0;
      std::fill(correction.begin(), correction.end(), 0.0);
      for (const std::uint32_t i : reach.of_site[j]) {
        if (times_covered[i] == 0)
          added += problem.weight[i];
        else if (times_covered[i] == 1)
          correction[static_cast<std::size_t>(only_by[i])] += problem.weight[i];
      }
      for (std::size_t k = 0; k < p; ++k) {
        const double gain = added - loss[k] + correction[k];
        if (gain > best_gain + 1e-9) {
          best_gain = gain;
          out_at = k;
          in = j;
        }
      }
    }
    if (best_gain <= 0)
      break;
    position[open[out_at]] = -1;
    position[in] = static_cast<int>(out_at);
    open[out_at] = in;
  }
  return passes;
}

// U(λ) = Σ_i max(0, w_i − λ_i) + Σ_{j ∈ S} v_j with v_j = Σ_{i ∈ reach(j)} λ_i, λ ≥ 0, and S
// the fixed-open sites plus the free ones of largest v: an upper bound on the weight every
// set of p sites consistent with the fixings covers ("covered only if a chosen site
// reaches it" relaxed).
struct CoverRelaxation {
  static constexpr bool minimise = false;
  const LocationProblem& problem;
  const Reach& reach;

  [[nodiscard]] std::vector<double> start() const {
    std::vector<double> lambda(problem.weight);
    for (double& l : lambda)
      l /= 2;
    return lambda;
  }

  [[nodiscard]] location::Relaxed solve(const std::vector<double>& lambda,
                                        const std::vector<std::int8_t>& fix) const {
    location::Relaxed r;
    r.score.assign(problem.sites, 0.0);
    for (std::size_t j = 0; j < problem.sites; ++j)
      for (const std::uint32_t i : reach.of_site[j])
        r.score[j] += lambda[i];
    r.chosen = location::pick(r.score, fix, problem.p);
    r.bound = 0;
    for (std::size_t i = 0; i < problem.demands; ++i)
      r.bound += std::max(0.0, problem.weight[i] - lambda[i]);
    for (const std::uint32_t j : r.chosen)
      r.bound += r.score[j];
    return r;
  }

  [[nodiscard]] double objective(const std::vector<std::uint32_t>& sites) const {
    std::vector<bool> covered(problem.demands, false);
    double total = 0;
    for (const std::uint32_t j : sites)
      for (const std::uint32_t i : reach.of_site[j])
        if (!covered[i]) {
          covered[i] = true;
          total += problem.weight[i];
        }
    return total;
  }

  // Each demand counted as covered should be reached by exactly one chosen site.
  void step(std::vector<double>& lambda, const location::Relaxed& r, double incumbent,
            double theta) const {
    std::vector<double> g(problem.demands);
    for (std::size_t i = 0; i < problem.demands; ++i)
      g[i] = problem.weight[i] > lambda[i] ? -1.0 : 0.0;
    for (const std::uint32_t j : r.chosen)
      for (const std::uint32_t i : reach.of_site[j])
        g[i] += 1.0;
    double norm = 0;
    for (const double x : g)
      norm += x * x;
    if (norm == 0)
      return;
    const double s = theta * (r.bound - incumbent) / norm;
    for (std::size_t i = 0; i < problem.demands; ++i)
      lambda[i] = std::max(0.0, lambda[i] - s * g[i]);
  }
};

LocationSolution heuristic(const LocationProblem& problem, const Reach& reach, double radius,
                           const LocationOptions& options) {
  std::vector<std::uint32_t> open = greedy(problem, reach);
  LocationSolution out;
  out.swap_passes = improve_by_swaps(problem, reach, open, options.max_swap_passes);
  out.sites = location::sorted(open);
  out.objective = covered_weight(problem, out.sites, radius);
  return out;
}

}  // namespace

double covered_weight(const LocationProblem& problem, const std::vector<std::uint32_t>& open,
                      double radius) {
  double total = 0;
  for (std::size_t i = 0; i < problem.demands; ++i) {
    for (const std::uint32_t j : open) {
      if (problem.at(i, j) <= radius) {
        total += problem.weight[i];
        break;
      }
    }
  }
  return total;
}

Result<LocationSolution> solve_max_covering(const LocationProblem& problem, double radius,
                                            const LocationOptions& options) {
  if (Status ok = validate(problem); !ok)
    return ok.error();
  if (!(radius >= 0))
    return Error(Errc::kInvalidArgument, "the covering time must not be negative", "radius");
  const Reach reach(problem, radius);
  LocationSolution out = heuristic(problem, reach, radius, options);
  out.bound = std::accumulate(problem.weight.begin(), problem.weight.end(), 0.0);
  if (options.bound_iterations > 0) {
    const CoverRelaxation relax{problem, reach};
    const double before = out.objective;
    const auto t = location::tighten(relax, relax.start(),
                                     std::vector<std::int8_t>(problem.sites, location::kFree),
                                     options.bound_iterations, 2.0, out);
    if (out.objective > before) {
      // A relaxed answer beat the swaps' local optimum: swap on from there.
      out.swap_passes += improve_by_swaps(problem, reach, out.sites, options.max_swap_passes);
      out.sites = location::sorted(out.sites);
      out.objective = covered_weight(problem, out.sites, radius);
    }
    // No set covers more than the demand some site reaches.
    double reachable = 0;
    std::vector<bool> seen(problem.demands, false);
    for (const auto& demands : reach.of_site)
      for (const std::uint32_t i : demands)
        if (!seen[i]) {
          seen[i] = true;
          reachable += problem.weight[i];
        }
    const double bound = std::min(t.best.bound, reachable);
    out.bound = location::prunes(relax, bound, out.objective) ? out.objective : bound;
  }
  return out;
}

Result<LocationSolution> exact_max_covering(const LocationProblem& problem, double radius,
                                            std::uint64_t max_nodes) {
  if (Status ok = validate(problem); !ok)
    return ok.error();
  if (!(radius >= 0))
    return Error(Errc::kInvalidArgument, "the covering time must not be negative", "radius");
  const Reach reach(problem, radius);
  const CoverRelaxation relax{problem, reach};
  return location::branch_and_bound(relax, problem.sites, problem.p,
                                    heuristic(problem, reach, radius, {}), max_nodes, 300, 30);
}

Result<LocationSolution> enumerate_max_covering(const LocationProblem& problem, double radius,
                                                std::uint64_t max_sets) {
  return location::enumerate_sets(
      problem, max_sets,
      [&](const std::vector<std::uint32_t>& set) { return covered_weight(problem, set, radius); },
      std::greater<>());
}

}  // namespace shouwang::analytics
