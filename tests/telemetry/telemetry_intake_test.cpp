#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <shouwang/server/telemetry/telemetry_intake.h>
#include <shouwang/server/telemetry/telemetry_metrics.h>

#include "telemetry/telemetry_testing.h"

namespace shouwang::server::telemetry {
namespace {

const UtcTime kStart = UtcTime::from_seconds(1795392000);

UtcTime at(int second) { return kStart.plus_micros(std::int64_t{second} * 1'000'000); }

std::string payload(int second, double metres_east = 0) {
  const LatLon p = destination({31.2304, 121.4737}, 90, Meters(metres_east));
  return R"({"lat": )" + std::to_string(p.lat) + R"(, "lon": )" + std::to_string(p.lon) +
         R"(, "t": )" + std::to_string(at(second).micros() / 1'000'000) + R"(, "accuracy": 5})";
}

TEST(TelemetryIntake, OnlyKnownUnitsMayReport) {
  TelemetryIntake intake;
  EXPECT_EQ(intake.accept("A-01", payload(0), at(0)), Verdict::kUnknownUnit);  // nothing known yet
  intake.set_known_units({"A-01", "B-02"});
  EXPECT_EQ(intake.accept("A-01", payload(0), at(0)), Verdict::kAccepted);
  EXPECT_EQ(intake.accept("C-03", payload(0), at(0)), Verdict::kUnknownUnit);
  EXPECT_EQ(intake.accept("A 01", payload(0), at(0)), Verdict::kUnknownUnit);
  EXPECT_EQ(intake.accept("C-03", "not json", at(0)), Verdict::kUnknownUnit);  // unknown wins
  const auto stats = intake.stats();
  EXPECT_EQ(stats.verdicts[Verdict::kUnknownUnit], 4u);
  EXPECT_EQ(stats.verdicts[Verdict::kAccepted], 1u);
  EXPECT_EQ(stats.known_units, 2u);
  EXPECT_EQ(stats.live_units, 1u);
}

TEST(TelemetryIntake, AMalformedPayloadSaysWhichField) {
  TelemetryIntake intake;
  intake.set_known_units({"A-01"});
  Error why;
  EXPECT_EQ(intake.accept("A-01", R"({"lat": 31, "lon": 121, "t": 1795392000, "speed": -2})", at(0), &why),
            Verdict::kMalformed);
  EXPECT_EQ(why.field, "speed");
  EXPECT_EQ(intake.stats().verdicts[Verdict::kMalformed], 1u);
  EXPECT_FALSE(intake.live().latest("A-01"));
}

TEST(TelemetryIntake, AnAcceptedFixReachesLivePositionsTracksAndTheListener) {
  testing::TempDir dir("intake");
  auto tracks = TrackStore::open((dir.path() / "tracks.db").string());
  ASSERT_TRUE(tracks.ok());
  TelemetryIntake intake({}, tracks->get());
  intake.set_known_units({"A-01"});
  std::vector<PositionFix> heard;
  intake.set_listener([&](const PositionFix& fix) { heard.push_back(fix); });

  EXPECT_EQ(intake.accept("A-01", payload(0), at(0)), Verdict::kAccepted);
  EXPECT_EQ(intake.accept("A-01", payload(20, 300), at(20)), Verdict::kAccepted);
  EXPECT_EQ(intake.accept("A-01", payload(21, 5000), at(21)), Verdict::kTooFast);
  EXPECT_EQ(intake.accept("A-01", payload(20, 300), at(22)), Verdict::kDuplicate);

  ASSERT_EQ(heard.size(), 2u);
  EXPECT_EQ(heard[1].t, at(20));
  EXPECT_EQ(heard[1].received_at, at(20));
  const auto live = intake.live().latest("A-01");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->t, at(20));
  EXPECT_EQ(intake.live().recent("A-01").size(), 2u);
  const auto points = (*tracks)->track("A-01", at(0), at(100));
  ASSERT_TRUE(points.ok());
  EXPECT_EQ(points->size(), 2u);
}

TEST(TelemetryIntake, UnitsTakenOutOfTheRosterLoseTheirPosition) {
  TelemetryIntake intake;
  intake.set_known_units({"A-01", "B-02"});
  ASSERT_EQ(intake.accept("A-01", payload(0), at(0)), Verdict::kAccepted);
  ASSERT_EQ(intake.accept("B-02", payload(0), at(0)), Verdict::kAccepted);
  intake.set_known_units({"B-02"});
  EXPECT_FALSE(intake.live().latest("A-01"));
  EXPECT_TRUE(intake.live().latest("B-02"));
  EXPECT_EQ(intake.accept("A-01", payload(1), at(1)), Verdict::kUnknownUnit);
}

TEST(TelemetryIntake, AThrowingListenerIsCountedAndTheFixStaysAccepted) {
  TelemetryIntake intake;
  intake.set_known_units({"A-01"});
  intake.set_listener([](const PositionFix&) { throw std::runtime_error("snap failed"); });
  EXPECT_EQ(intake.accept("A-01", payload(0), at(0)), Verdict::kAccepted);
  EXPECT_EQ(intake.stats().listener_errors, 1u);
  EXPECT_TRUE(intake.live().latest("A-01"));
}

TEST(TelemetryIntake, ConcurrentReportsReachTheListenerOneAtATimeInOrder) {
  TelemetryIntake intake;
  const std::vector<std::string> units = {"A-01", "B-02", "C-03", "D-04"};
  intake.set_known_units(units);
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  std::map<std::string, UtcTime> last;  // only touched by the listener
  std::atomic<bool> out_of_order{false};
  std::atomic<int> calls{0};
  intake.set_listener([&](const PositionFix& fix) {
    if (inside.fetch_add(1) != 0) overlapped = true;
    auto it = last.find(fix.unit);
    if (it != last.end() && !(it->second < fix.t)) out_of_order = true;
    last[fix.unit] = fix.t;
    ++calls;
    inside.fetch_sub(1);
  });
  // Two senders per unit (MQTT and HTTP, say) race with the same stream of fixes.
  constexpr int kFixes = 400;
  std::vector<std::thread> senders;
  for (const std::string& unit : units) {
    for (int copy = 0; copy < 2; ++copy) {
      senders.emplace_back([&, unit] {
        for (int s = 0; s < kFixes; ++s) intake.accept(unit, payload(s, s), at(s));
      });
    }
  }
  for (auto& t : senders) t.join();
  EXPECT_FALSE(overlapped.load());
  EXPECT_FALSE(out_of_order.load());
  const auto stats = intake.stats();
  EXPECT_EQ(stats.verdicts.total(), units.size() * 2 * kFixes);
  EXPECT_EQ(static_cast<std::uint64_t>(calls.load()), stats.verdicts[Verdict::kAccepted]);
  EXPECT_EQ(stats.live_units, units.size());
}

TEST(TelemetryIntake, TheFiguresRenderForMetrics) {
  TelemetryIntake intake;
  intake.set_known_units({"A-01"});
  (void)intake.accept("A-01", payload(0), at(0));
  (void)intake.accept("Z-99", payload(0), at(0));
  const std::string text = to_prometheus(intake.stats());
  EXPECT_NE(text.find("# TYPE shouwang_telemetry_fixes_total counter\n"), std::string::npos) << text;
  EXPECT_NE(text.find("shouwang_telemetry_fixes_total{verdict=\"accepted\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("shouwang_telemetry_fixes_total{verdict=\"unknown_unit\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_telemetry_fixes_total{verdict=\"too_fast\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_telemetry_live_units 1\n"), std::string::npos);
  EXPECT_NE(to_prometheus(MqttStats{}).find("shouwang_telemetry_mqtt_connected 0\n"), std::string::npos);
  EXPECT_NE(to_prometheus(TrackStoreStats{}).find("shouwang_telemetry_track_pending 0\n"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::server::telemetry
