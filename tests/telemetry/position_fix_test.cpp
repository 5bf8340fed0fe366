#include <gtest/gtest.h>

#include <string>

#include <shouwang/server/telemetry/position_fix.h>

namespace shouwang::server::telemetry {
namespace {

const UtcTime kReceived = UtcTime::from_seconds(1795392000);  // 2026-11-23T00:00:00Z

Result<PositionFix> parse(const std::string& payload) { return parse_position_fix("A-01", payload, kReceived); }

// The field a bad payload is refused for.
std::string refused_field(const std::string& payload) {
  const auto fix = parse(payload);
  if (fix.ok()) return "(accepted)";
  EXPECT_EQ(fix.error().code, Errc::kInvalidArgument) << payload;
  EXPECT_FALSE(fix.error().message.empty());
  return fix.error().field;
}

TEST(PositionFix, AFullPayloadWithAnIsoTimeParses) {
  const auto fix = parse(R"({"lat": 31.2304, "lon": 121.4737, "t": "2026-11-22T23:59:58.500+00:00",
                             "speed": 8.5, "heading": 92.25, "accuracy": 6, "battery": 0.8, "extra": {"x": []}})");
  ASSERT_TRUE(fix.ok()) << fix.error().to_string();
  EXPECT_EQ(fix->unit, "A-01");
  EXPECT_EQ(fix->position, (LatLon{31.2304, 121.4737}));
  EXPECT_EQ(fix->t, UtcTime::from_micros(1795391998500000));
  EXPECT_EQ(fix->speed_mps, 8.5);
  EXPECT_EQ(fix->heading_deg, 92.25);
  EXPECT_EQ(fix->accuracy_m, 6.0);
  EXPECT_EQ(fix->received_at, kReceived);
}

TEST(PositionFix, IsoTimesWithAnOffsetAreConvertedToUtc) {
  const auto fix = parse(R"({"lat": 31, "lon": 121, "t": "2026-11-23T08:00:00+08:00"})");
  ASSERT_TRUE(fix.ok()) << fix.error().to_string();
  EXPECT_EQ(fix->t, kReceived);
}

TEST(PositionFix, EpochSecondsMayHaveFractions) {
  const auto whole = parse(R"({"lat": 31, "lon": 121, "t": 1795392000})");
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->t, kReceived);
  const auto fraction = parse(R"({"lat": 31, "lon": 121, "t": 1795391999.25})");
  ASSERT_TRUE(fraction.ok());
  EXPECT_EQ(fraction->t, UtcTime::from_micros(1795391999250000));
}

TEST(PositionFix, EpochNumbersAbove1e11AreMilliseconds) {
  const auto ms = parse(R"({"lat": 31, "lon": 121, "t": 1795391999250})");
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(ms->t, UtcTime::from_micros(1795391999250000));
  // Just at the boundary it is still seconds; just above it, milliseconds.
  const auto seconds = parse(R"({"lat": 31, "lon": 121, "t": 100000000000})");
  ASSERT_TRUE(seconds.ok());
  EXPECT_EQ(seconds->t, UtcTime::from_seconds(100000000000));
  const auto millis = parse(R"({"lat": 31, "lon": 121, "t": 100000000001})");
  ASSERT_TRUE(millis.ok());
  EXPECT_EQ(millis->t, UtcTime::from_micros(100000000001000));
}

TEST(PositionFix, OptionalFieldsMayBeAbsentOrNull) {
  const auto fix = parse(R"({"lat": -33.9, "lon": 18.4, "t": 1795392000, "speed": null, "heading": null})");
  ASSERT_TRUE(fix.ok()) << fix.error().to_string();
  EXPECT_FALSE(fix->speed_mps);
  EXPECT_FALSE(fix->heading_deg);
  EXPECT_FALSE(fix->accuracy_m);
}

TEST(PositionFix, RangeEndsAreAccepted) {
  EXPECT_TRUE(parse(R"({"lat": 90, "lon": -180, "t": 0, "speed": 0, "heading": 360, "accuracy": 0})").ok());
  EXPECT_TRUE(parse(R"({"lat": -90, "lon": 180, "t": 1e14, "heading": 0})").ok());
}

TEST(PositionFix, EachBadFieldIsNamed) {
  EXPECT_EQ(refused_field(R"({"lon": 121, "t": 1795392000})"), "lat");
  EXPECT_EQ(refused_field(R"({"lat": "31.2", "lon": 121, "t": 1795392000})"), "lat");
  EXPECT_EQ(refused_field(R"({"lat": 90.0001, "lon": 121, "t": 1795392000})"), "lat");
  EXPECT_EQ(refused_field(R"({"lat": true, "lon": 121, "t": 1795392000})"), "lat");
  EXPECT_EQ(refused_field(R"({"lat": null, "lon": 121, "t": 1795392000})"), "lat");
  EXPECT_EQ(refused_field(R"({"lat": 31, "t": 1795392000})"), "lon");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": -180.5, "t": 1795392000})"), "lon");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": [121], "t": 1795392000})"), "lon");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": "yesterday"})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": "2026-13-01T00:00:00Z"})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": -1})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1.1e14})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1e308})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": {}})"), "t");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "speed": -0.1})"), "speed");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "speed": "fast"})"), "speed");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "heading": 360.5})"), "heading");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "heading": -1})"), "heading");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "accuracy": -3})"), "accuracy");
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "accuracy": false})"), "accuracy");
}

TEST(PositionFix, PayloadsThatAreNotOneJsonObjectAreRefused) {
  EXPECT_EQ(refused_field(""), "payload");
  EXPECT_EQ(refused_field("{"), "payload");
  EXPECT_EQ(refused_field("[31, 121]"), "payload");
  EXPECT_EQ(refused_field("42"), "payload");
  EXPECT_EQ(refused_field(R"({"lat": 31} {"lon": 121})"), "payload");
  EXPECT_EQ(refused_field(R"({"lat": NaN, "lon": 121, "t": 1})"), "payload");
  EXPECT_EQ(refused_field(std::string(5000, '[')), "payload");
}

TEST(PositionFix, NonUtf8PayloadsAreRefused) {
  EXPECT_EQ(refused_field("{\"lat\": 31, \"lon\": 121, \"t\": 1795392000, \"note\": \"\xff\xfe\"}"), "payload");
  EXPECT_EQ(refused_field("{\"lat\": 31, \"lon\": 121, \"t\": 1795392000, \"note\": \"\xc3\"}"), "payload");
  // Valid UTF-8 in an ignored field is fine.
  EXPECT_EQ(refused_field(R"({"lat": 31, "lon": 121, "t": 1795392000, "note": "巡逻车 A-01"})"), "(accepted)");
}

TEST(PositionFix, PayloadsAbove4KiBAreRefused) {
  std::string padded = R"({"lat": 31, "lon": 121, "t": 1795392000, "pad": ")";
  const std::string end = "\"}";
  padded += std::string(kMaxPayloadBytes - padded.size() - end.size(), 'x') + end;
  ASSERT_EQ(padded.size(), kMaxPayloadBytes);
  EXPECT_TRUE(parse(padded).ok());
  padded.insert(padded.size() - end.size(), "x");
  EXPECT_EQ(refused_field(padded), "payload");
}

TEST(PositionFix, ToPayloadRoundTrips) {
  PositionFix fix{"B-02", {30.5, 114.25}, UtcTime::from_micros(1795391999123456), 12.5, std::nullopt, 4.0, kReceived};
  const auto back = parse_position_fix("B-02", to_payload(fix), kReceived);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->position, fix.position);
  EXPECT_EQ(back->t, fix.t);
  EXPECT_EQ(back->speed_mps, fix.speed_mps);
  EXPECT_FALSE(back->heading_deg);
  EXPECT_EQ(back->accuracy_m, fix.accuracy_m);
}

}  // namespace
}  // namespace shouwang::server::telemetry
