#include "sim/calls/draws.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace shouwang::sim::calls {
namespace {

constexpr double kChunk = 30.0;

int poisson_small(Rng& rng, double mean) {
  const double limit = std::exp(-mean);
  int k = 0;
  double p = rng.uniform01();
  while (p > limit) {
    ++k;
    p *= rng.uniform01();
  }
  return k;
}

}  // namespace

int poisson(Rng& rng, double mean) {
  if (!(mean > 0))
    return 0;
  int total = 0;
  while (mean > kChunk) {
    total += poisson_small(rng, kChunk);
    mean -= kChunk;
  }
  return total + poisson_small(rng, mean);
}

double exponential(Rng& rng, double mean) {
  return -mean * std::log1p(-rng.uniform01());
}

std::size_t pick_cumulative(Rng& rng, std::span<const double> cumulative) {
  assert(!cumulative.empty() && cumulative.back() > 0);
  const double x = rng.uniform01() * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

}  // namespace shouwang::sim::calls
