// The simulator's fix payloads are what the server's parser reads (position_fix.h).

#include <array>

#include <gtest/gtest.h>

#include <shouwang/server/telemetry/position_fix.h>
#include <shouwang/sim/fix_payload.h>

namespace shouwang::sim {
namespace {

TEST(FixPayload, ParsesWithTheServersParser) {
  std::array<char, kFixPayloadCapacity> buffer{};
  FixValues fix;
  fix.position = {31.2304567, 121.4737891};
  fix.t = UtcTime::from_micros(1'795'392'000'250'000);
  fix.speed_mps = 8.34;
  fix.heading_deg = 92.46;
  fix.accuracy_m = 3.8;
  const std::string_view payload = format_fix_payload(buffer, fix);
  const UtcTime received = UtcTime::from_seconds(1'795'392'001);
  auto parsed = server::telemetry::parse_position_fix("S1-01-P01", payload, received);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message << ": " << payload;
  EXPECT_NEAR(parsed->position.lat, 31.2304567, 1e-7);
  EXPECT_NEAR(parsed->position.lon, 121.4737891, 1e-7);
  EXPECT_EQ(parsed->t, fix.t);  // milliseconds survive
  ASSERT_TRUE(parsed->speed_mps && parsed->heading_deg && parsed->accuracy_m);
  EXPECT_NEAR(*parsed->speed_mps, 8.3, 1e-9);
  EXPECT_NEAR(*parsed->heading_deg, 92.5, 1e-9);
  EXPECT_NEAR(*parsed->accuracy_m, 3.8, 1e-9);
  EXPECT_EQ(parsed->unit, "S1-01-P01");
}

TEST(FixPayload, OutOfRangeValuesAreBroughtIntoRange) {
  std::array<char, kFixPayloadCapacity> buffer{};
  const UtcTime t = UtcTime::from_seconds(1'795'392'000);
  for (double heading : {-90.0, 359.97, 360.0, 725.0}) {
    FixValues fix;
    fix.position = {-33.8688, 151.2093};
    fix.t = t;
    fix.speed_mps = -0.2;
    fix.heading_deg = heading;
    fix.accuracy_m = 12.0;
    auto parsed = server::telemetry::parse_position_fix("A-01", format_fix_payload(buffer, fix), t);
    ASSERT_TRUE(parsed.ok()) << heading << ": " << parsed.error().message;
    EXPECT_GE(*parsed->heading_deg, 0.0);
    EXPECT_LT(*parsed->heading_deg, 360.0);
    EXPECT_EQ(*parsed->speed_mps, 0.0);
  }
}

TEST(FixPayload, TheLongestPayloadFits) {
  std::array<char, kFixPayloadCapacity> buffer{};
  FixValues fix;
  fix.position = {-89.9999999, -179.9999999};
  fix.t = UtcTime::from_seconds(99'999'999'999);
  fix.speed_mps = 99999.9;
  fix.heading_deg = 359.9;
  fix.accuracy_m = 99999.9;
  const std::string_view payload = format_fix_payload(buffer, fix);
  EXPECT_LT(payload.size(), kFixPayloadCapacity);
  EXPECT_TRUE(server::telemetry::parse_position_fix("A-01", payload, fix.t).ok());
}

}  // namespace
}  // namespace shouwang::sim
