#pragma once
// The random draws the model needs beyond base/random.h, built on Rng so that they give
// the same results everywhere (the standard distributions do not).

#include <cstddef>
#include <span>

#include <shouwang/base/random.h>

namespace shouwang::sim::calls {

// Poisson with mean `mean` (0 for mean <= 0). Exact: Knuth's product method on chunks of
// at most 30, whose sum is Poisson with the whole mean.
int poisson(Rng& rng, double mean);

// Exponential with the given mean.
double exponential(Rng& rng, double mean);

// An index drawn with probability proportional to cumulative[i] - cumulative[i - 1]
// (cumulative[-1] = 0). Precondition: non-empty, non-decreasing, last element > 0.
std::size_t pick_cumulative(Rng& rng, std::span<const double> cumulative);

}  // namespace shouwang::sim::calls
