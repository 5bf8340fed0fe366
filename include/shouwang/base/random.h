#pragma once
// Seeded randomness with results that are identical on every platform and compiler.
// The standard library's distributions are implementation-defined, so the generator and
// every distribution the project uses are defined here (xoshiro256** seeded by splitmix64).

#include <array>
#include <cassert>
#include <cstdint>
#include <span>

namespace shouwang {

// Not thread-safe: give each thread (or each independent stream) its own Rng, derived
// with `fork` so that streams stay reproducible regardless of scheduling.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next_u64();
  // Uniform in [0, 1) with 53 random bits.
  double uniform01();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
  // Uniform integer in [lo, hi], without modulo bias. Precondition: lo <= hi.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  // True with probability p.
  bool bernoulli(double p) { return uniform01() < p; }
  // Standard normal scaled to mean / stddev (Box–Muller; deterministic, no cached spare).
  double normal(double mean, double stddev);
  // An independent generator for a named sub-stream (stable for the same `stream`).
  [[nodiscard]] Rng fork(std::uint64_t stream) const;

  template <typename T>
  const T& pick(std::span<const T> items) {
    assert(!items.empty());
    return items[static_cast<std::size_t>(uniform_int(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::array<std::uint64_t, 4> s_{};
  std::uint64_t seed_ = 0;
};

}  // namespace shouwang
