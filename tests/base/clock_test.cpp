#include <gtest/gtest.h>

#include <shouwang/base/clock.h>

namespace shouwang {
namespace {

TEST(ManualClock, MovesOnlyWhenToldAndNeverBackwards) {
  ManualClock clock(UtcTime::from_seconds(1000));
  EXPECT_EQ(clock.now(), UtcTime::from_seconds(1000));
  clock.advance_seconds(1.5);
  EXPECT_EQ(clock.now().micros(), 1'001'500'000);
  EXPECT_TRUE(clock.set(UtcTime::from_seconds(2000)).ok());
  const Status back = clock.set(UtcTime::from_seconds(10));
  EXPECT_FALSE(back.ok());
  EXPECT_EQ(back.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(clock.now(), UtcTime::from_seconds(2000));
}

TEST(SystemClock, IsAfterThisCodeWasWritten) {
  EXPECT_GT(SystemClock::instance().now(), UtcTime::parse_iso8601("2024-01-01T00:00:00Z").value());
}

TEST(UtcTime, FormatsIso8601) {
  EXPECT_EQ(UtcTime::from_seconds(0).to_iso8601(), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(UtcTime::from_micros(1'767'225'600'123'456).to_iso8601(), "2026-01-01T00:00:00.123456Z");
  EXPECT_EQ(UtcTime::from_seconds(951'782'400).to_iso8601(), "2000-02-29T00:00:00.000000Z");
  EXPECT_EQ(UtcTime::from_micros(-1).to_iso8601(), "1969-12-31T23:59:59.999999Z");
}

TEST(UtcTime, ParsesWithOffsetsAndFractions) {
  const auto beijing = UtcTime::parse_iso8601("2026-11-22T08:30:00+08:00");
  ASSERT_TRUE(beijing.ok());
  EXPECT_EQ(beijing->to_iso8601(), "2026-11-22T00:30:00.000000Z");
  const auto frac = UtcTime::parse_iso8601("2026-11-22T00:30:00.5Z");
  ASSERT_TRUE(frac.ok());
  EXPECT_EQ(frac->micros() - beijing->micros(), 500'000);
  const UtcTime t = UtcTime::from_micros(1'700'000'000'654'321);
  EXPECT_EQ(UtcTime::parse_iso8601(t.to_iso8601()).value(), t);
}

TEST(UtcTime, RejectsMalformedTimes) {
  for (const char* bad : {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22 08:30", "2026-11-22T24:00:00Z",
                          "2026-11-22T08:30:00", "2026-11-22T08:30:00+8", "yesterday", "2026-11-22T08:30:00Zjunk"}) {
    const auto r = UtcTime::parse_iso8601(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.error().message.find(bad), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace shouwang
