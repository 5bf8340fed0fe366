#pragma once
// Where to put P posts (驻勤点) among candidate sites, for demand points with weights
// (historical incidents weighted by priority, or key sites), given the travel time from
// every candidate to every demand point:
//
//   p-median                 minimise Σ_i w_i · min_{j ∈ S} t_ij   (the weighted travel time)
//   maximal covering (MCLP)  maximise Σ_i w_i · [min_{j ∈ S} t_ij ≤ T]   (demand reached in T)
//
// over sets S of exactly P sites. The heuristics start greedy (add the site that improves
// most, P times) and then swap one open site for one closed site while that improves
// (best improvement per pass), which is the classic Teitz–Bart interchange. Each answer
// carries a bound from Lagrangian relaxation with subgradient optimisation: a lower bound
// for the p-median's cost, an upper bound for the covered demand, so the gap to the optimum
// is known. The exact solvers branch on opening or closing a site with the same bounds
// (branch and bound, depth first, the heuristic's answer as the first incumbent); the
// enumerating ones try every set of P sites (the brute force the tests hold them to).
//
// Travel times are seconds; kUnreachable marks a demand a site cannot reach (the p-median
// then charges `unreachable_cost` for a demand no open site reaches).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::analytics {

inline constexpr double kUnreachable = std::numeric_limits<double>::infinity();

struct LocationProblem {
  std::size_t demands = 0;
  std::size_t sites = 0;
  std::vector<double> weight;  // per demand, >= 0
  std::vector<double> time;    // time[i * sites + j]: from site j to demand i, seconds
  std::size_t p = 1;           // sites to open, 1 <= p <= sites

  [[nodiscard]] double at(std::size_t demand, std::size_t site) const {
    return time[demand * sites + site];
  }
};

// kInvalidArgument naming the field when sizes disagree, a weight is negative or not
// finite, a time is negative or NaN, or p is out of range.
Status validate(const LocationProblem& problem);

struct LocationOptions {
  double unreachable_cost = 3600.0;  // p-median: seconds charged when no open site reaches a demand
  int bound_iterations = 300;        // subgradient steps for the bound (0: no bound)
  int max_swap_passes = 1000;
};

struct LocationSolution {
  std::vector<std::uint32_t> sites;  // the open sites, ascending
  double objective = 0;              // p-median: weighted time; MCLP: covered weight
  // p-median: a lower bound on the optimal cost; MCLP: an upper bound on the optimal
  // covered weight. Equal to the objective when the solver proved optimality.
  double bound = 0;
  int swap_passes = 0;
  std::uint64_t nodes = 0;  // branch and bound: nodes explored
};

// The relative gap between objective and bound (0 when they meet).
double relative_gap(const LocationSolution& s);

// The p-median's cost of an open set, and the MCLP's covered weight at `radius`.
double p_median_cost(const LocationProblem& problem, const std::vector<std::uint32_t>& open,
                     double unreachable_cost = LocationOptions{}.unreachable_cost);
double covered_weight(const LocationProblem& problem, const std::vector<std::uint32_t>& open,
                      double radius);

Result<LocationSolution> solve_p_median(const LocationProblem& problem,
                                        const LocationOptions& options = {});
Result<LocationSolution> solve_max_covering(const LocationProblem& problem, double radius,
                                            const LocationOptions& options = {});

// Optimal answers by branch and bound; kOutOfRange when more than `max_nodes` nodes would
// be needed (the instance is too large for the exact mode: use the heuristic and its gap).
Result<LocationSolution> exact_p_median(const LocationProblem& problem,
                                        const LocationOptions& options = {},
                                        std::uint64_t max_nodes = 200'000);
Result<LocationSolution> exact_max_covering(const LocationProblem& problem, double radius,
                                            std::uint64_t max_nodes = 200'000);

// Optimal answers by trying every set of p sites; kOutOfRange when there are more than
// `max_sets` of them. Ties go to the set that comes first in lexicographic order.
Result<LocationSolution> enumerate_p_median(const LocationProblem& problem,
                                            const LocationOptions& options = {},
                                            std::uint64_t max_sets = 5'000'000);
Result<LocationSolution> enumerate_max_covering(const LocationProblem& problem, double radius,
                                                std::uint64_t max_sets = 5'000'000);

}  // namespace shouwang::analytics
