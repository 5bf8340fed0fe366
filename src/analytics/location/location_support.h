#pragma once
// Shared pieces of the location solvers (facility_location.h).

#include <cstdint>
#include <vector>

namespace shouwang::analytics::location {

// C(n, k), or cap + 1 as soon as it exceeds cap.
std::uint64_t count_sets(std::size_t n, std::size_t k, std::uint64_t cap);
// Steps `set` (k ascending indices below n) to the next set in lexicographic order; false
// after the last.
bool next_set(std::vector<std::uint32_t>& set, std::size_t n);
std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> sites);

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
