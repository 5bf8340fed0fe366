#pragma once
// Shared pieces of the location solvers (facility_location.h).

#include <cstdint>
#include <numeric>
#include <vector>

#include <shouwang/analytics/facility_location.h>

namespace shouwang::analytics::location {

// C(n, k), or cap + 1 as soon as it exceeds cap.
std::uint64_t count_sets(std::size_t n, std::size_t k, std::uint64_t cap);
// Steps `set` (k ascending indices below n) to the next set in lexicographic order; false
// after the last.
bool next_set(std::vector<std::uint32_t>& set, std::size_t n);
std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> sites);

// The best of every set of p sites by `objective`, `better` deciding (ties: the first set
// in lexicographic order); kOutOfRange when there are more than `max_sets` sets.
template <typename Objective, typename Better>
Result<LocationSolution> enumerate_sets(const LocationProblem& problem, std::uint64_t max_sets,
                                        Objective objective, Better better) {
  if (Status ok = validate(problem); !ok)
    return ok.error();
  if (count_sets(problem.sites, problem.p, max_sets) > max_sets)
    return Error(Errc::kOutOfRange, "too many sets of p sites to enumerate", "p");
  std::vector<std::uint32_t> set(problem.p);
  std::iota(set.begin(), set.end(), 0u);
  LocationSolution out;
  bool first = true;
  do {
    const double value = objective(set);
    if (first || better(value, out.objective)) {
      out.objective = value;
      out.sites = set;
      first = false;
    }
  } while (next_set(set, problem.sites));
  out.bound = out.objective;
  return out;
}

// Subgradient step control: the step size factor halves after `patience` iterations
// without a better bound.
struct StepControl {
  double theta = 2.0;
  int patience = 20;
  int since_better = 0;
  void record(bool better) {
    since_better = better ? 0 : since_better + 1;
    if (since_better >= patience) {
      theta /= 2;
      since_better = 0;
    }
  }
};

}  // namespace shouwang::analytics::location
