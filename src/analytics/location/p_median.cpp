// p-median: greedy start, best-improvement swaps, Lagrangian lower bound (facility_location.h).

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include <shouwang/analytics/facility_location.h>

#include "analytics/location/branch_and_bound.h"
#include "analytics/location/location_support.h"

namespace shouwang::analytics {
namespace {

// The weighted cost matrix: c(i, j) = w_i · min(t_ij, U), U the unreachable cost.
struct Costs {
  std::size_t n = 0, m = 0;
  std::vector<double> c;
  Costs(const LocationProblem& problem, double unreachable)
      : n(problem.demands), m(problem.sites), c(n * m) {
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < m; ++j)
        c[i * m + j] = problem.weight[i] * std::min(problem.at(i, j), unreachable);
  }
  [[nodiscard]] double at(std::size_t i, std::size_t j) const { return c[i * m + j]; }
};

// Each demand's closest and second-closest open site (by cost), and the total.
struct Assignment {
  std::vector<double> first, second;
  std::vector<std::uint32_t> closest;
  double total = 0;
};

Assignment assign(const Costs& costs, const std::vector<std::uint32_t>& open,
                  const std::vector<double>& none) {
  Assignment a;
  a.first = none;
  a.second = none;
  // A demand no open site reaches keeps the first open site as its nominal closest.
  a.closest.assign(costs.n, open.empty() ? 0u : open.front());
  for (std::size_t i = 0; i < costs.n; ++i) {
    for (const std::uint32_t j : open) {
      const double c = costs.at(i, j);
      if (c < a.first[i]) {
        a.second[i] = a.first[i];
        a.first[i] = c;
        a.closest[i] = j;
      } else if (c < a.second[i]) {
        a.second[i] = c;
      }
    }
    a.total += a.first[i];
  }
  return a;
}

std::vector<std::uint32_t> greedy(const Costs& costs, std::size_t p,
                                  const std::vector<double>& none) {
  std::vector<std::uint32_t> open;
  std::vector<double> best = none;
  std::vector<bool> taken(costs.m, false);
  while (open.size() < p) {
    double best_saving = -1;
    std::uint32_t pick = 0;
    for (std::uint32_t j = 0; j < costs.m; ++j) {
      if (taken[j])
        continue;
      double saving = 0;
      for (std::size_t i = 0; i < costs.n; ++i)
        saving += std::max(0.0, best[i] - costs.at(i, j));
      if (saving > best_saving) {
        best_saving = saving;
        pick = j;
      }
    }
    taken[pick] = true;
    open.push_back(pick);
    for (std::size_t i = 0; i < costs.n; ++i)
      best[i] = std::min(best[i], costs.at(i, pick));
  }
  return open;
}

// Swaps (one open site out, one closed in) while the best of them lowers the cost. For a
// site j coming in, the change of swapping out r splits into a part that does not depend on
// r (every demand moves to j where j is closer) and a correction for the demands r served
// (they fall back to their second site, or j): one pass over the demands per j
// (Whitaker's fast interchange), not one per (j, r).
int improve_by_swaps(const Costs& costs, std::vector<std::uint32_t>& open,
                     const std::vector<double>& none, int max_passes) {
  std::vector<int> position(costs.m, -1);
  for (std::size_t k = 0; k < open.size(); ++k)
    position[open[k]] = static_cast<int>(k);
  std::vector<double> correction(open.size());
  int passes = 0;
  for (; passes < max_passes; ++passes) {
    const Assignment a = assign(costs, open, none);
    double best_delta = 0;
    std::size_t out_at = 0;
    std::uint32_t in = 0;
    for (std::uint32_t j = 0; j < costs.m; ++j) {
      if (position[j] >= 0)
        continue;
      double common = 0;
      std::fill(correction.begin(), correction.end(), 0.0);
      for (std::size_t i = 0; i < costs.n; ++i) {
        const double c = costs.at(i, j);
        const double moved = std::min(c - a.first[i], 0.0);
        common += moved;
        correction[static_cast<std::size_t>(position[a.closest[i]])] +=
            std::min(c, a.second[i]) - a.first[i] - moved;
      }
      for (std::size_t k = 0; k < open.size(); ++k) {
        const double delta = common + correction[k];
        if (delta < best_delta - 1e-9 * (1 + a.total)) {
          best_delta = delta;
          out_at = k;
          in = j;
        }
      }
    }
    if (best_delta >= 0)
      break;
    position[open[out_at]] = -1;
    position[in] = static_cast<int>(out_at);
    open[out_at] = in;
  }
  return passes;
}

// L(λ) = Σ_i λ_i + Σ_{j ∈ S} ρ_j with ρ_j = Σ_i min(0, c_ij − λ_i) and S the fixed-open
// sites plus the free ones of smallest ρ: a lower bound on the cost of every set of p sites
// consistent with the fixings (the constraints "each demand served once" relaxed).
struct MedianRelaxation {
  static constexpr bool minimise = true;
  const Costs& costs;
  std::size_t p;
  std::vector<double> initial;  // λ at the root: each demand's cost in the heuristic's answer

  [[nodiscard]] std::vector<double> start() const { return initial; }

  [[nodiscard]] location::Relaxed solve(const std::vector<double>& lambda,
                                        const std::vector<std::int8_t>& fix) const {
    location::Relaxed r;
    r.score.assign(costs.m, 0.0);
    for (std::size_t i = 0; i < costs.n; ++i)
      for (std::size_t j = 0; j < costs.m; ++j)
        r.score[j] -= std::min(0.0, costs.at(i, j) - lambda[i]);
    r.chosen = location::pick(r.score, fix, p);
    r.bound = std::accumulate(lambda.begin(), lambda.end(), 0.0);
    for (const std::uint32_t j : r.chosen)
      r.bound -= r.score[j];
    return r;
  }

  [[nodiscard]] double objective(const std::vector<std::uint32_t>& sites) const {
    double total = 0;
    for (std::size_t i = 0; i < costs.n; ++i) {
      double best = kUnreachable;
      for (const std::uint32_t j : sites)
        best = std::min(best, costs.at(i, j));
      total += best;
    }
    return total;
  }

  // Each demand should be served by exactly one chosen site: raise λ_i where none serves
  // it, lower it where several do.
  void step(std::vector<double>& lambda, const location::Relaxed& r, double incumbent,
            double theta) const {
    std::vector<double> g(costs.n);
    double norm = 0;
    for (std::size_t i = 0; i < costs.n; ++i) {
      double served = 0;
      for (const std::uint32_t j : r.chosen)
        served += costs.at(i, j) < lambda[i] ? 1.0 : 0.0;
      g[i] = 1.0 - served;
      norm += g[i] * g[i];
    }
    if (norm == 0)
      return;
    const double s = theta * (incumbent - r.bound) / norm;
    for (std::size_t i = 0; i < costs.n; ++i)
      lambda[i] += s * g[i];
  }
};

struct Prepared {
  Costs costs;
  std::vector<double> none;  // each demand's cost with no site open
  LocationSolution heuristic;
  std::vector<double> assigned;  // each demand's cost in the heuristic's answer
};

Prepared prepare(const LocationProblem& problem, const LocationOptions& options) {
  Prepared out{Costs(problem, options.unreachable_cost), {}, {}, {}};
  out.none.resize(problem.demands);
  for (std::size_t i = 0; i < problem.demands; ++i)
    out.none[i] = problem.weight[i] * options.unreachable_cost;
  std::vector<std::uint32_t> open = greedy(out.costs, problem.p, out.none);
  out.heuristic.swap_passes = improve_by_swaps(out.costs, open, out.none, options.max_swap_passes);
  const Assignment a = assign(out.costs, open, out.none);
  out.heuristic.sites = location::sorted(open);
  out.heuristic.objective = a.total;
  out.assigned = a.first;
  return out;
}

}  // namespace

double p_median_cost(const LocationProblem& problem, const std::vector<std::uint32_t>& open,
                     double unreachable_cost) {
  double total = 0;
  for (std::size_t i = 0; i < problem.demands; ++i) {
    double best = unreachable_cost;
    for (const std::uint32_t j : open)
      best = std::min(best, problem.at(i, j));
    total += problem.weight[i] * best;
  }
  return total;
}

Result<LocationSolution> solve_p_median(const LocationProblem& problem,
                                        const LocationOptions& options) {
  if (Status ok = validate(problem); !ok)
    return ok.error();
  Prepared prepared = prepare(problem, options);
  LocationSolution out = prepared.heuristic;
  out.bound = 0;
  if (options.bound_iterations > 0) {
    const MedianRelaxation relax{prepared.costs, problem.p, prepared.assigned};
    LocationSolution found = out;  // the bound's relaxed answers may improve on it
    const auto t = location::tighten(relax, relax.start(),
                                     std::vector<std::int8_t>(problem.sites, location::kFree),
                                     options.bound_iterations, 2.0, found);
    out = found;
    out.bound = location::prunes(relax, t.best.bound, out.objective) ? out.objective : t.best.bound;
  }
  return out;
}

Result<LocationSolution> exact_p_median(const LocationProblem& problem,
                                        const LocationOptions& options, std::uint64_t max_nodes) {
  if (Status ok = validate(problem); !ok)
    return ok.error();
  Prepared prepared = prepare(problem, options);
  const MedianRelaxation relax{prepared.costs, problem.p, prepared.assigned};
  return location::branch_and_bound(relax, problem.sites, problem.p, prepared.heuristic, max_nodes,
                                    std::max(options.bound_iterations, 50), 30);
}

Result<LocationSolution> enumerate_p_median(const LocationProblem& problem,
                                            const LocationOptions& options,
                                            std::uint64_t max_sets) {
  return location::enumerate_sets(
      problem, max_sets,
      [&](const std::vector<std::uint32_t>& set) {
        return p_median_cost(problem, set, options.unreachable_cost);
      },
      std::less<>());
}

}  // namespace shouwang::analytics
