#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include <shouwang/server/telemetry/fix_filter.h>

namespace shouwang::server::telemetry {
namespace {

constexpr LatLon kHome{31.2304, 121.4737};
const UtcTime kStart = UtcTime::from_seconds(1795392000);

UtcTime at(double seconds) { return kStart.plus_micros(std::llround(seconds * 1e6)); }

// A fix taken at `t_s` seconds after kStart at `position`, received at the same moment.
PositionFix fix_at(double t_s, LatLon position, std::optional<double> accuracy = 5.0) {
  PositionFix fix;
  fix.unit = "A-01";
  fix.position = position;
  fix.t = at(t_s);
  fix.received_at = at(t_s);
  fix.accuracy_m = accuracy;
  return fix;
}

LatLon moved(LatLon from, double metres, double bearing = 90) { return destination(from, bearing, Meters(metres)); }

TEST(FixFilter, TheFirstFixOfAUnitIsAccepted) {
  FixFilter filter;
  EXPECT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  EXPECT_EQ(filter.units(), 1u);
}

TEST(FixFilter, DrivingFastButPlausiblyIsAcceptedAndTheLimitHolds) {
  FixFilter filter;  // 70 m/s
  ASSERT_EQ(filter.classify(fix_at(0, kHome, 0.0)), Verdict::kAccepted);
  EXPECT_EQ(filter.classify(fix_at(10, moved(kHome, 690), 0.0)), Verdict::kAccepted);   // 69 m/s
  EXPECT_EQ(filter.classify(fix_at(20, moved(kHome, 1400), 0.0)), Verdict::kTooFast);  // 71 m/s
  EXPECT_EQ(filter.classify(fix_at(20, moved(kHome, 1380), 0.0)), Verdict::kAccepted);  // 69 m/s
}

TEST(FixFilter, AResentFixIsADuplicate) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  ASSERT_EQ(filter.classify(fix_at(5, moved(kHome, 50))), Verdict::kAccepted);
  PositionFix again = fix_at(5, moved(kHome, 50));
  again.received_at = at(9);  // arrives later, as a redelivery does
  EXPECT_EQ(filter.classify(again), Verdict::kDuplicate);
  // Same time, other place: not a duplicate, and not newer either.
  EXPECT_EQ(filter.classify(fix_at(5, moved(kHome, 60))), Verdict::kOutOfOrder);
  // Same place, later: a unit standing still.
  EXPECT_EQ(filter.classify(fix_at(6, moved(kHome, 50))), Verdict::kAccepted);
  EXPECT_EQ(filter.counts()[Verdict::kDuplicate], 1u);
}

TEST(FixFilter, AnOlderFixIsOutOfOrderAndLeavesTheAnchor) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(10, kHome, 0.0)), Verdict::kAccepted);
  PositionFix older = fix_at(9, moved(kHome, 3000), 0.0);
  older.received_at = at(11);
  EXPECT_EQ(filter.classify(older), Verdict::kOutOfOrder);
  // The anchor is still kHome at 10 s: 1,000 m in 20 s is fine from there.
  EXPECT_EQ(filter.classify(fix_at(30, moved(kHome, 1000), 0.0)), Verdict::kAccepted);
}

TEST(FixFilter, AFixOlderThanMaxAgeIsLateAndNeverMovesTheUnit) {
  FixFilter filter;  // max_age 120 s
  ASSERT_EQ(filter.classify(fix_at(0, kHome, 0.0)), Verdict::kAccepted);
  PositionFix late = fix_at(100, moved(kHome, 500), 0.0);
  late.received_at = at(221);  // 121 s old
  EXPECT_EQ(filter.classify(late), Verdict::kLate);
  PositionFix just_in_time = fix_at(100, moved(kHome, 500), 0.0);
  just_in_time.received_at = at(219);  // 119 s old
  // The late fix did not become the anchor, or this one would be a duplicate.
  EXPECT_EQ(filter.classify(just_in_time), Verdict::kAccepted);
}

TEST(FixFilter, TheFirstFixOfAUnitMayAlsoBeLate) {
  FixFilter filter;
  PositionFix late = fix_at(0, kHome);
  late.received_at = at(600);
  EXPECT_EQ(filter.classify(late), Verdict::kLate);
  EXPECT_EQ(filter.units(), 0u);
}

TEST(FixFilter, AFixTooFarAheadOfTheServerClockIsFuture) {
  FixFilter filter;  // max_clock_skew 30 s
  PositionFix ahead = fix_at(31, kHome);
  ahead.received_at = at(0);
  EXPECT_EQ(filter.classify(ahead), Verdict::kFuture);
  EXPECT_EQ(filter.units(), 0u);
  PositionFix slightly_ahead = fix_at(29, kHome);
  slightly_ahead.received_at = at(0);
  EXPECT_EQ(filter.classify(slightly_ahead), Verdict::kAccepted);
}

TEST(FixFilter, ATeleportIsTooFastAndLeavesTheAnchor) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  EXPECT_EQ(filter.classify(fix_at(1, moved(kHome, 1000))), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(2, moved(kHome, 20))), Verdict::kAccepted);
}

TEST(FixFilter, PositionsOffTheMapAreRefused) {
  FixFilterOptions options;
  options.map_box = MapBox{{31.0, 121.2}, {31.5, 121.8}};
  FixFilter filter(options);
  EXPECT_EQ(filter.classify(fix_at(0, {31.6, 121.5})), Verdict::kOffMap);
  EXPECT_EQ(filter.classify(fix_at(1, {31.2, 121.1})), Verdict::kOffMap);
  EXPECT_EQ(filter.classify(fix_at(2, {0, 0})), Verdict::kOffMap);
  EXPECT_EQ(filter.units(), 0u);
  EXPECT_EQ(filter.classify(fix_at(3, {31.5, 121.8})), Verdict::kAccepted);  // the box's corner
}

TEST(FixFilter, NullIslandIsOffTheMapEvenWithoutABox) {
  FixFilter filter;
  EXPECT_EQ(filter.classify(fix_at(0, {0.0, 0.0})), Verdict::kOffMap);
  EXPECT_EQ(filter.classify(fix_at(1, {0.00001, -0.00002})), Verdict::kOffMap);
  EXPECT_EQ(filter.classify(fix_at(2, {0.0, 0.5})), Verdict::kAccepted);  // the equator is on the map
}

TEST(FixFilter, NonFiniteOrInvalidNumbersAreMalformedAndNeverAccepted) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  FixFilter filter;
  auto with = [](auto change) {
    PositionFix fix = fix_at(0, kHome);
    change(fix);
    return fix;
  };
  const std::vector<PositionFix> bad = {
      with([&](PositionFix& f) { f.position.lat = nan; }),
      with([&](PositionFix& f) { f.position.lon = inf; }),
      with([&](PositionFix& f) { f.position.lat = -inf; }),
      with([&](PositionFix& f) { f.position.lat = 91; }),
      with([&](PositionFix& f) { f.position.lon = -180.01; }),
      with([&](PositionFix& f) { f.speed_mps = nan; }),
      with([&](PositionFix& f) { f.speed_mps = -1; }),
      with([&](PositionFix& f) { f.heading_deg = inf; }),
      with([&](PositionFix& f) { f.heading_deg = 361; }),
      with([&](PositionFix& f) { f.accuracy_m = nan; }),
      with([&](PositionFix& f) { f.accuracy_m = -0.5; }),
  };
  for (const PositionFix& fix : bad) EXPECT_EQ(filter.classify(fix), Verdict::kMalformed);
  EXPECT_EQ(filter.units(), 0u);
  EXPECT_EQ(filter.counts()[Verdict::kMalformed], bad.size());
  // After a good anchor, NaN still never passes (a NaN distance compares false everywhere).
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  for (const PositionFix& fix : bad) {
    PositionFix later = fix;
    later.t = at(1);
    later.received_at = at(1);
    EXPECT_EQ(filter.classify(later), Verdict::kMalformed);
  }
}

TEST(FixFilter, ExtremeTimesNeitherCrashNorPass) {
  FixFilter filter;
  PositionFix far_future = fix_at(0, kHome);
  far_future.t = UtcTime::from_micros(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(filter.classify(far_future), Verdict::kFuture);
  PositionFix far_past = fix_at(0, kHome);
  far_past.t = UtcTime::from_micros(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(filter.classify(far_past), Verdict::kLate);
  PositionFix odd_arrival = fix_at(0, kHome);
  odd_arrival.received_at = UtcTime::from_micros(std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(filter.classify(odd_arrival), Verdict::kFuture);
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  PositionFix next = fix_at(1, kHome);
  next.received_at = UtcTime::from_micros(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(filter.classify(next), Verdict::kLate);
}

TEST(FixFilter, JitterAtStandstillWithALargeAccuracyIsAccepted) {
  FixFilter filter;
  std::mt19937 random(7);
  std::uniform_real_distribution<double> radius(0, 45);
  std::uniform_real_distribution<double> bearing(0, 360);
  // A parked car in a street canyon: fixes each second wander within 45 m, accuracy 40 m.
  for (int s = 0; s < 300; ++s) {
    const PositionFix fix = fix_at(s, moved(kHome, radius(random), bearing(random)), 40.0);
    ASSERT_EQ(filter.classify(fix), Verdict::kAccepted) << "second " << s;
  }
}

TEST(FixFilter, TheAccuracyAllowanceIsWhatAcceptsJitter) {
  // 80 m in one second: jitter when both fixes claim 50 m of error, too fast at 1 m.
  FixFilter loose;
  ASSERT_EQ(loose.classify(fix_at(0, kHome, 50.0)), Verdict::kAccepted);
  EXPECT_EQ(loose.classify(fix_at(1, moved(kHome, 80), 50.0)), Verdict::kAccepted);
  FixFilter tight;
  ASSERT_EQ(tight.classify(fix_at(0, kHome, 1.0)), Verdict::kAccepted);
  EXPECT_EQ(tight.classify(fix_at(1, moved(kHome, 80), 1.0)), Verdict::kTooFast);
  // Without a reported accuracy the assumed 10 m apply to each fix: 85 m allowed, 95 m not.
  FixFilter assumed;
  ASSERT_EQ(assumed.classify(fix_at(0, kHome, std::nullopt)), Verdict::kAccepted);
  EXPECT_EQ(assumed.classify(fix_at(1, moved(kHome, 89), std::nullopt)), Verdict::kAccepted);
  EXPECT_EQ(assumed.classify(fix_at(2, moved(kHome, 89 + 95), std::nullopt)), Verdict::kTooFast);
}

TEST(FixFilter, AHugeClaimedAccuracyExcusesNoTeleport) {
  FixFilter filter;  // each fix's allowance capped at 200 m
  ASSERT_EQ(filter.classify(fix_at(0, kHome, 1e6)), Verdict::kAccepted);
  EXPECT_EQ(filter.classify(fix_at(1, moved(kHome, 600), 1e6)), Verdict::kTooFast);  // 200 m beyond
  EXPECT_EQ(filter.classify(fix_at(2, moved(kHome, 300), 1e6)), Verdict::kAccepted);
}

TEST(FixFilter, ARealJumpIsReanchoredAfterThreeConsistentFixes) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  // The receiver resets and finds itself 8 km east; the car goes on north at 15 m/s.
  const LatLon there = moved(kHome, 8000);
  EXPECT_EQ(filter.classify(fix_at(10, there)), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(11, moved(there, 15, 0))), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(12, moved(there, 30, 0))), Verdict::kReanchored);
  EXPECT_EQ(filter.classify(fix_at(13, moved(there, 45, 0))), Verdict::kAccepted);
  EXPECT_EQ(filter.counts()[Verdict::kReanchored], 1u);
  EXPECT_EQ(filter.counts()[Verdict::kTooFast], 2u);
}

TEST(FixFilter, ScatteredGlitchesAreNeverReanchored) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  // Far from home and far from each other: each restarts the run.
  for (int k = 1; k <= 12; ++k) {
    EXPECT_EQ(filter.classify(fix_at(k, moved(kHome, 5000, 30.0 * k))), Verdict::kTooFast) << k;
  }
  EXPECT_EQ(filter.counts()[Verdict::kReanchored], 0u);
  EXPECT_EQ(filter.classify(fix_at(13, moved(kHome, 10))), Verdict::kAccepted);
}

TEST(FixFilter, AnAcceptedFixRestartsTheRunOfJumps) {
  FixFilter filter;
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  const LatLon there = moved(kHome, 8000);
  EXPECT_EQ(filter.classify(fix_at(1, there)), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(2, moved(there, 5))), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(3, moved(kHome, 5))), Verdict::kAccepted);  // back home: a glitch
  EXPECT_EQ(filter.classify(fix_at(4, moved(there, 10))), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(5, moved(there, 15))), Verdict::kTooFast);
  EXPECT_EQ(filter.classify(fix_at(6, moved(there, 20))), Verdict::kReanchored);
}

TEST(FixFilter, ReanchoringCanBeTurnedOff) {
  FixFilterOptions options;
  options.reanchor_after = 0;
  FixFilter filter(options);
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  const LatLon there = moved(kHome, 8000);
  for (int k = 1; k <= 10; ++k) EXPECT_EQ(filter.classify(fix_at(k, moved(there, k))), Verdict::kTooFast);
}

TEST(FixFilter, UnitsAreJudgedApart) {
  FixFilter filter;
  PositionFix b = fix_at(0, moved(kHome, 9000));
  b.unit = "B-02";
  ASSERT_EQ(filter.classify(fix_at(0, kHome)), Verdict::kAccepted);
  EXPECT_EQ(filter.classify(b), Verdict::kAccepted);
  EXPECT_EQ(filter.units(), 2u);
  filter.forget("A-01");
  EXPECT_EQ(filter.units(), 1u);
  EXPECT_EQ(filter.classify(fix_at(1, moved(kHome, 9000))), Verdict::kAccepted);  // a first fix again
}

TEST(FixFilter, RandomGarbageNeverCrashesAndEveryVerdictIsCounted) {
  FixFilter filter;
  std::mt19937_64 random(42);
  const std::vector<double> specials = {std::numeric_limits<double>::quiet_NaN(),
                                        std::numeric_limits<double>::infinity(),
                                        -std::numeric_limits<double>::infinity(),
                                        0.0,
                                        -0.0,
                                        1e308,
                                        -1e308,
                                        std::numeric_limits<double>::denorm_min()};
  std::uniform_real_distribution<double> near(-0.05, 0.05);
  auto value = [&](double normal) {
    return random() % 8 == 0 ? specials[random() % specials.size()] : normal;
  };
  const int n = 20000;
  for (int k = 0; k < n; ++k) {
    PositionFix fix;
    fix.unit = random() % 2 == 0 ? "A-01" : "B-02";
    fix.position = {value(kHome.lat + near(random)), value(kHome.lon + near(random))};
    fix.t = UtcTime::from_micros(random() % 16 == 0 ? static_cast<std::int64_t>(random())
                                                    : kStart.micros() + static_cast<std::int64_t>(k) * 1'000'000);
    fix.received_at = kStart.plus_micros(static_cast<std::int64_t>(k) * 1'000'000);
    if (random() % 2 == 0) fix.speed_mps = value(10);
    if (random() % 2 == 0) fix.heading_deg = value(90);
    if (random() % 2 == 0) fix.accuracy_m = value(8);
    const Verdict v = filter.classify(fix);
    if (is_accepted(v)) {
      ASSERT_TRUE(std::isfinite(fix.position.lat) && std::isfinite(fix.position.lon));
      ASSERT_FALSE(fix.speed_mps && !std::isfinite(*fix.speed_mps));
      ASSERT_FALSE(fix.accuracy_m && !std::isfinite(*fix.accuracy_m));
    }
  }
  EXPECT_EQ(filter.counts().total(), static_cast<std::uint64_t>(n));
  EXPECT_GT(filter.counts()[Verdict::kAccepted], 0u);
  EXPECT_GT(filter.counts()[Verdict::kMalformed], 0u);
}

TEST(FixFilter, VerdictsHaveMetricNames) {
  EXPECT_EQ(verdict_name(Verdict::kOutOfOrder), "out_of_order");
  EXPECT_EQ(verdict_name(Verdict::kUnknownUnit), "unknown_unit");
  EXPECT_TRUE(is_accepted(Verdict::kReanchored));
  EXPECT_FALSE(is_accepted(Verdict::kDuplicate));
}

}  // namespace
}  // namespace shouwang::server::telemetry
