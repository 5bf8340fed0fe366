#include <algorithm>
#include <cmath>
#include <numbers>

#include <shouwang/sim/gps_noise.h>

namespace shouwang::sim {
namespace {

constexpr double kMetresPerDegree = kEarthRadiusMeters * std::numbers::pi / 180.0;
// The radius of a circular normal distribution that holds 68 % of it, in units of σ:
// sqrt(−2·ln(0.32)).
constexpr double k68PercentRadius = 1.5096;

}  // namespace

NoisyFix GpsNoise::next(LatLon truth, double dt_s, Rng& rng) {
  const double sigma = options_.sigma_m;
  if (!started_) {
    east_m_ = rng.normal(0.0, sigma);
    north_m_ = rng.normal(0.0, sigma);
    started_ = true;
  } else {
    const double a = std::exp(-std::max(dt_s, 0.0) / options_.correlation_s);
    const double fresh = std::sqrt(1.0 - a * a) * sigma;
    east_m_ = a * east_m_ + rng.normal(0.0, fresh);
    north_m_ = a * north_m_ + rng.normal(0.0, fresh);
  }
  spell_left_s_ -= dt_s;
  if (spell_left_s_ <= 0.0 &&
      rng.bernoulli(1.0 - std::exp(-options_.degraded_rate * std::max(dt_s, 0.0)))) {
    spell_left_s_ = rng.uniform(options_.degraded_min_s, options_.degraded_max_s);
    const double size = rng.uniform(options_.degraded_min_m, options_.degraded_max_m);
    const double direction = rng.uniform(0.0, 2.0 * std::numbers::pi);
    spell_east_m_ = size * std::sin(direction);
    spell_north_m_ = size * std::cos(direction);
  }
  NoisyFix fix;
  double east = east_m_;
  double north = north_m_;
  fix.degraded = spell_left_s_ > 0.0;
  const double jitter = rng.uniform(0.85, 1.15);
  if (fix.degraded) {
    east += spell_east_m_;
    north += spell_north_m_;
    fix.accuracy_m = std::hypot(spell_east_m_, spell_north_m_) * jitter + k68PercentRadius * sigma;
  } else {
    fix.accuracy_m = k68PercentRadius * sigma * jitter;
  }
  fix.accuracy_m = std::round(fix.accuracy_m * 10.0) / 10.0;
  fix.error_m = std::hypot(east, north);
  const double cos_lat = std::max(std::cos(truth.lat * std::numbers::pi / 180.0), 1e-6);
  fix.position = {truth.lat + north / kMetresPerDegree,
                  truth.lon + east / (kMetresPerDegree * cos_lat)};
  return fix;
}

}  // namespace shouwang::sim
