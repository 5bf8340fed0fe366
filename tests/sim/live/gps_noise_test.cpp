// The terminals' GPS error: a few metres, correlated from fix to fix, now and then worse,
// and an accuracy field that covers the true error about two fixes in three.

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/sim/gps_noise.h>

namespace shouwang::sim {
namespace {

constexpr LatLon kHere{31.2304, 121.4737};

struct Statistics {
  double mean_error = 0;
  double covered = 0;   // share of fixes with error <= accuracy
  double lag1 = 0;      // correlation of consecutive east errors
  double degraded = 0;  // share of fixes in a bad spell
  double max_normal_accuracy = 0;
  double min_degraded_accuracy = 1e9;
};

Statistics run(GpsNoiseOptions options, int fixes, std::uint64_t seed) {
  GpsNoise noise(options);
  Rng rng(seed);
  Statistics s;
  std::vector<double> east;
  const LocalProjection frame(kHere);
  for (int i = 0; i < fixes; ++i) {
    const NoisyFix fix = noise.next(kHere, 1.0, rng);
    s.mean_error += fix.error_m;
    if (fix.error_m <= fix.accuracy_m)
      s.covered += 1;
    if (fix.degraded) {
      s.degraded += 1;
      s.min_degraded_accuracy = std::min(s.min_degraded_accuracy, fix.accuracy_m);
    } else {
      s.max_normal_accuracy = std::max(s.max_normal_accuracy, fix.accuracy_m);
    }
    EXPECT_NEAR(haversine_distance(kHere, fix.position).value(), fix.error_m, 0.01);
    east.push_back(frame.to_xy(fix.position).x);
  }
  s.mean_error /= fixes;
  s.covered /= fixes;
  s.degraded /= fixes;
  double mean = 0;
  for (double e : east)
    mean += e;
  mean /= static_cast<double>(east.size());
  double num = 0, den = 0;
  for (std::size_t i = 0; i < east.size(); ++i) {
    den += (east[i] - mean) * (east[i] - mean);
    if (i > 0)
      num += (east[i] - mean) * (east[i - 1] - mean);
  }
  s.lag1 = num / den;
  return s;
}

TEST(GpsNoise, ErrorOfAFewMetresCorrelatedAndHonestlyReported) {
  GpsNoiseOptions options;
  options.degraded_rate = 0;  // normal times only
  const Statistics s = run(options, 20000, 42);
  // σ = 2.5 m per axis: a mean distance of σ·sqrt(π/2) ≈ 3.1 m.
  EXPECT_GT(s.mean_error, 2.5);
  EXPECT_LT(s.mean_error, 3.8);
  // The accuracy field is a 68 % radius.
  EXPECT_GT(s.covered, 0.58);
  EXPECT_LT(s.covered, 0.78);
  // τ = 20 s at one fix a second: consecutive errors correlate at about exp(-1/20) = 0.95.
  EXPECT_GT(s.lag1, 0.85);
  EXPECT_EQ(s.degraded, 0.0);
  EXPECT_LT(s.max_normal_accuracy, 5.0);
}

TEST(GpsNoise, BadSpellsAreRareWorseAndReportedAsSuch) {
  const Statistics s = run(GpsNoiseOptions{}, 60000, 7);
  // One spell in ten minutes lasting 3–15 s: about 1.5 % of fixes.
  EXPECT_GT(s.degraded, 0.003);
  EXPECT_LT(s.degraded, 0.05);
  EXPECT_GT(s.min_degraded_accuracy, 8.0);  // a bad fix says it is bad
  EXPECT_LT(s.mean_error, 4.5);
  EXPECT_GT(s.covered, 0.55);
}

TEST(GpsNoise, SameSeedSameFixes) {
  GpsNoise a, b;
  Rng ra(3), rb(3);
  for (int i = 0; i < 100; ++i) {
    const NoisyFix fa = a.next(kHere, 1.0, ra);
    const NoisyFix fb = b.next(kHere, 1.0, rb);
    ASSERT_EQ(fa.position, fb.position);
    ASSERT_EQ(fa.accuracy_m, fb.accuracy_m);
  }
}

}  // namespace
}  // namespace shouwang::sim
