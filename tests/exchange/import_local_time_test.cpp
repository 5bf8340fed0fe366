// Reading local times in declared formats and converting them to UTC in IANA zones,
// including the hours daylight-saving time repeats or skips.

#include <gtest/gtest.h>

#include <shouwang/exchange/local_time.h>

namespace shouwang::exchange {
namespace {

UtcTime utc(const std::string& iso) { return *UtcTime::parse_iso8601(iso); }

UtcTime read_in(std::string_view zone, std::string_view format, std::string_view text) {
  auto z = TimeZone::find(zone);
  EXPECT_TRUE(z.ok()) << z.error().message;
  auto f = TimeFormat::parse(format);
  EXPECT_TRUE(f.ok()) << f.error().message;
  auto t = f->read(text);
  EXPECT_TRUE(t.ok()) << t.error().message;
  return t ? z->to_utc(*t) : UtcTime();
}

TEST(ImportLocalTime, ReadsStrptimeStyleFormats) {
  auto us = TimeFormat::parse("%m/%d/%Y %H:%M");
  ASSERT_TRUE(us.ok());
  auto t = us->read("5/3/2019 5:07");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(*t, (LocalDateTime{2019, 5, 3, 5, 7, 0, 0, std::nullopt}));
  auto padded = us->read(" 12/31/2019 23:52 ");
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(padded->hour, 23);

  auto date_only = TimeFormat::parse("%Y-%m-%d")->read("2016-08-10");
  ASSERT_TRUE(date_only.ok());
  EXPECT_EQ(*date_only, (LocalDateTime{2016, 8, 10, 0, 0, 0, 0, std::nullopt}));

  auto seconds = TimeFormat::parse("%Y-%m-%d %H:%M:%S")->read("2015-12-10 17:40:00.25");
  ASSERT_TRUE(seconds.ok());
  EXPECT_EQ(seconds->microsecond, 250000);

  auto twelve = TimeFormat::parse("%m/%d/%Y %I:%M %p");
  ASSERT_TRUE(twelve.ok());
  EXPECT_EQ(twelve->read("1/2/2020 12:05 AM")->hour, 0);
  EXPECT_EQ(twelve->read("1/2/2020 12:05 pm")->hour, 12);
  EXPECT_EQ(twelve->read("1/2/2020 7:05 PM")->hour, 19);
}

TEST(ImportLocalTime, ReadsIso8601WithAndWithoutOffsets) {
  const auto iso = TimeFormat::parse("iso8601");
  ASSERT_TRUE(iso.ok());
  EXPECT_EQ(*iso->read("2019-05-03T05:07"), (LocalDateTime{2019, 5, 3, 5, 7, 0, 0, std::nullopt}));
  EXPECT_EQ(*iso->read("2019-05-03"), (LocalDateTime{2019, 5, 3, 0, 0, 0, 0, std::nullopt}));
  EXPECT_EQ(*iso->read("2019-05-03 05:07:09.5Z"), (LocalDateTime{2019, 5, 3, 5, 7, 9, 500000, 0}));
  EXPECT_EQ(iso->read("2019-05-03T05:07:09-06:00")->utc_offset_minutes, -360);
  EXPECT_EQ(iso->read("2019-05-03T05:07:09+0530")->utc_offset_minutes, 330);
  // An offset in the text wins over the zone.
  EXPECT_EQ(read_in("America/Denver", "iso8601", "2019-05-03T05:07:00+08:00"), utc("2019-05-02T21:07:00Z"));
}

TEST(ImportLocalTime, RefusesTextThatIsNotARealTime) {
  const auto f = *TimeFormat::parse("%Y-%m-%d %H:%M");
  for (const char* text : {"", "2019-02-29 10:00", "2019-13-01 10:00", "2019-04-31 10:00", "2019-01-01 24:00",
                           "2019-01-01 10:60", "2019-01-01", "2019-01-01 10:00 extra", "19-01-01 10:00", "n/a"}) {
    EXPECT_FALSE(f.read(text).ok()) << text;
  }
  EXPECT_TRUE(f.read("2020-02-29 10:00").ok());  // a leap day
  EXPECT_FALSE(TimeFormat::parse("iso8601")->read("2019-05-03T5:07").ok());
}

TEST(ImportLocalTime, RefusesBadFormats) {
  EXPECT_FALSE(TimeFormat::parse("%Y-%m-%d %Q").ok());
  EXPECT_FALSE(TimeFormat::parse("%H:%M").ok());  // no date
  EXPECT_FALSE(TimeFormat::parse("%Y-%m-%d %I:%M").ok());  // %I without %p
  EXPECT_FALSE(TimeFormat::parse("%Y-%m-%d %").ok());
  EXPECT_TRUE(TimeFormat::parse("%d.%m.%Y %H:%M:%S").ok());
}

TEST(ImportLocalTime, ConvertsAcrossDaylightSavingInLosAngeles) {
  const auto f = "%Y-%m-%d %H:%M";
  // Summer (PDT, -07:00) and winter (PST, -08:00).
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-08-10 00:00"), utc("2016-08-10T07:00:00Z"));
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-12-10 00:00"), utc("2016-12-10T08:00:00Z"));
  // Spring forward, 2016-03-13: 02:00 PST became 03:00 PDT.
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-03-13 01:59"), utc("2016-03-13T09:59:00Z"));
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-03-13 03:00"), utc("2016-03-13T10:00:00Z"));
  // 02:30 never happened: read with the offset before the change.
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-03-13 02:30"), utc("2016-03-13T10:30:00Z"));
  // Fall back, 2016-11-06: 01:00-02:00 happened twice; the earlier instant is taken.
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-11-06 00:59"), utc("2016-11-06T07:59:00Z"));
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-11-06 01:30"), utc("2016-11-06T08:30:00Z"));
  EXPECT_EQ(read_in("America/Los_Angeles", f, "2016-11-06 02:00"), utc("2016-11-06T10:00:00Z"));
}

TEST(ImportLocalTime, ConvertsInOtherZones) {
  const auto f = "%Y-%m-%d %H:%M:%S";
  EXPECT_EQ(read_in("America/New_York", f, "2015-12-10 17:40:00"), utc("2015-12-10T22:40:00Z"));
  EXPECT_EQ(read_in("America/New_York", f, "2016-03-13 03:07:00"), utc("2016-03-13T07:07:00Z"));
  EXPECT_EQ(read_in("America/Denver", f, "2019-11-23 00:30:00"), utc("2019-11-23T07:30:00Z"));
  EXPECT_EQ(read_in("Asia/Shanghai", f, "2026-11-22 08:00:00"), utc("2026-11-22T00:00:00Z"));
  EXPECT_EQ(read_in("UTC", f, "2026-11-22 08:00:00"), utc("2026-11-22T08:00:00Z"));
}

TEST(ImportLocalTime, ToLocalGivesTheWallClockAndItsOffset) {
  const auto la = *TimeZone::find("America/Los_Angeles");
  const LocalDateTime summer = la.to_local(utc("2016-08-10T06:59:59.5Z"));
  EXPECT_EQ(summer, (LocalDateTime{2016, 8, 9, 23, 59, 59, 500000, -420}));
  const LocalDateTime second_pass = la.to_local(utc("2016-11-06T09:30:00Z"));
  EXPECT_EQ(second_pass, (LocalDateTime{2016, 11, 6, 1, 30, 0, 0, -480}));
}

TEST(ImportLocalTime, UnknownZonesAreNotFound) {
  const auto zone = TimeZone::find("America/Portland");
  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.error().code, Errc::kNotFound);
}

}  // namespace
}  // namespace shouwang::exchange
