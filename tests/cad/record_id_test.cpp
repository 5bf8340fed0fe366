#include <gtest/gtest.h>

#include <shouwang/cad/centre.h>
#include <shouwang/cad/record_id.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;

TEST(RecordId, TextFormsEmbedDivisionDateAndSerial) {
  const Centre centre = testing::test_centre();
  const RecordNumber n{centre.division_code, local_day(centre, at()), 123};
  EXPECT_EQ(to_string(make_incident_id(n)), "310100-20261122-000123");
  EXPECT_EQ(to_string(make_call_id(n)), "310100-20261122-C000123");
  EXPECT_EQ(to_string(make_order_id(n)), "310100-20261122-D000123");
  EXPECT_EQ(to_string(IncidentId()), "-");
}

TEST(RecordId, ParsingRoundTripsAndPackedIdsSortByDayThenSerial) {
  const auto a = parse_incident_id("310100-20261122-000009");
  const auto b = parse_incident_id("310100-20261122-000010");
  const auto c = parse_incident_id("310100-20261123-000001");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_LT(*a, *b);
  EXPECT_LT(*b, *c);
  EXPECT_EQ(to_string(*c), "310100-20261123-000001");
  EXPECT_EQ(record_number(*a).serial, 9u);
  const auto order = parse_order_id("440300-20270101-D999999");
  ASSERT_TRUE(order.ok());
  EXPECT_EQ(record_number(*order).division, 440300u);
  EXPECT_EQ(to_string(*order), "440300-20270101-D999999");
}

TEST(RecordId, MalformedIdsAreInvalidArgumentsNamingTheField) {
  for (const char* text :
       {"", "310100-20261122-00012", "310100-20261122-C000123", "310100-20261322-000123",
        "310100-20261122-000000", "31010X-20261122-000001", "310100/20261122/000001"}) {
    const auto id = parse_incident_id(text, "into");
    ASSERT_FALSE(id.ok()) << text;
    EXPECT_EQ(id.error().code, Errc::kInvalidArgument);
    EXPECT_EQ(id.error().field, "into");
    EXPECT_NE(id.error().message.find("310100-20261122-000123"), std::string::npos);
  }
  EXPECT_FALSE(parse_call_id("310100-20261122-000001").ok());
  EXPECT_FALSE(parse_order_id("310100-20261122-C000001").ok());
}

TEST(Centre, LocalDayFollowsTheCentresOffsetNotUtc) {
  const Centre shanghai = testing::test_centre();
  // 2026-11-21T16:30Z is 00:30 on the 22nd in Shanghai.
  const UtcTime half_past_midnight = UtcTime::from_seconds(1'795'305'600 - 7 * 3600 - 1800);
  EXPECT_EQ(local_day(shanghai, half_past_midnight), local_day(shanghai, at()));
  const Centre utc = *make_centre("310100", 0);
  EXPECT_EQ(local_day(utc, half_past_midnight) + 1, local_day(utc, at()));
}

TEST(Centre, RejectsCodesThatAreNotSixDigitDivisions) {
  for (const char* code : {"31010", "3101000", "abcdef", "000000", "31010a"}) {
    const auto centre = make_centre(code);
    ASSERT_FALSE(centre.ok()) << code;
    EXPECT_EQ(centre.error().field, "division_code");
  }
  EXPECT_EQ(make_centre("310100", 15 * 60).error().field, "utc_offset_minutes");
}

}  // namespace
}  // namespace shouwang::cad
