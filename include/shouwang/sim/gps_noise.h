#pragma once
// The error of a terminal's GPS receiver, added to a unit's true position fix by fix.
//
// Model: the horizontal error is a first-order Gauss–Markov process on each axis (east,
// north): e' = a·e + sqrt(1 − a²)·σ·n with a = exp(−dt/τ), so consecutive fixes are off
// in nearly the same direction, as a real receiver's are, and the error is σ per axis
// in the long run (a mean distance of σ·sqrt(π/2), about 3 m for σ = 2.5 m). Now and then
// (degraded_rate per second) the receiver has a bad spell for a few seconds — multipath
// between buildings, a tunnel mouth — with an extra offset of 8 to 40 m.
//
// The accuracy the terminal reports is the receiver's own estimate of its error: the
// radius that holds the true position about 68 % of the time (as phone platforms define
// it), i.e. 1.51·σ in normal times, and in a bad spell about the offset's size. So an
// honest accuracy field covers the true error in roughly two fixes of three.
//
// Not thread-safe: one per unit. Randomness comes from the caller's Rng.

#include <shouwang/base/geo.h>
#include <shouwang/base/random.h>

namespace shouwang::sim {

struct GpsNoiseOptions {
  double sigma_m = 2.5;                // per axis, normal times
  double correlation_s = 20.0;         // τ
  double degraded_rate = 1.0 / 600.0;  // bad spells per second of operation
  double degraded_min_s = 3.0;
  double degraded_max_s = 15.0;
  double degraded_min_m = 8.0;
  double degraded_max_m = 40.0;
};

struct NoisyFix {
  LatLon position;
  double accuracy_m = 0.0;
  double error_m = 0.0;  // the distance from the truth (for tests and statistics)
  bool degraded = false;
};

class GpsNoise {
 public:
  explicit GpsNoise(GpsNoiseOptions options = {}) : options_(options) {}

  // The fix a receiver at `truth` reports, `dt_s` seconds after its previous one.
  NoisyFix next(LatLon truth, double dt_s, Rng& rng);

 private:
  GpsNoiseOptions options_;
  double east_m_ = 0.0;
  double north_m_ = 0.0;
  bool started_ = false;
  double spell_left_s_ = 0.0;  // of the current bad spell
  double spell_east_m_ = 0.0;
  double spell_north_m_ = 0.0;
};

}  // namespace shouwang::sim
