// One row through a mapping: the facts it gives (UTC times, positions, taxonomy codes,
// targets) and, for every kind of bad row, the reason, line and column it is skipped with.

#include <gtest/gtest.h>

#include <string>

#include <shouwang/exchange/csv_reader.h>
#include <shouwang/exchange/row_converter.h>

#include "import_test_support.h"

namespace shouwang::exchange {
namespace {

using testing::kTestHeader;
using testing::kTestMapping;

std::vector<std::string> fields_of(std::string_view line) {
  CsvReader reader(line);
  CsvRecord record;
  EXPECT_TRUE(reader.next(record));
  return record.fields;
}

RowConverter converter_for(std::string_view mapping_text, std::string_view header = kTestHeader) {
  const ImportMapping mapping = testing::mapping_from_text(mapping_text);
  auto converter = RowConverter::bind(mapping, fields_of(header));  // copies what it needs
  EXPECT_TRUE(converter.ok()) << converter.error().message;
  return std::move(converter).value();
}

RowOutcome convert(const RowConverter& converter, std::string_view line, std::size_t at_line = 2) {
  CsvReader reader(line);
  CsvRecord record;
  EXPECT_TRUE(reader.next(record));
  record.line = at_line;
  return converter.convert(record);
}

const ImportRow& row_of(const RowOutcome& outcome) {
  static const ImportRow kNone;
  const auto* row = std::get_if<ImportRow>(&outcome);
  EXPECT_NE(row, nullptr) << "rejected: " << std::get<RowRejection>(outcome).message;
  return row != nullptr ? *row : kNone;
}

RowRejection rejection_of(const RowOutcome& outcome) {
  const auto* r = std::get_if<RowRejection>(&outcome);
  EXPECT_NE(r, nullptr) << "the row was not rejected";
  return r != nullptr ? *r : RowRejection{};
}

UtcTime utc(const std::string& iso) { return *UtcTime::parse_iso8601(iso); }

TEST(ImportRowConverter, AFullRow) {
  const RowConverter c = converter_for(kTestMapping);
  const ImportRow row = row_of(
      convert(c, "A-7,2016-08-10 23:50,2016-08-10 23:52,2016-08-11 00:03,2016-08-11 01:10,45.5,-122.6,FIRE,12,1 Main St"));
  EXPECT_EQ(row.line, 2u);
  EXPECT_EQ(row.external_id, "A-7");
  EXPECT_EQ(row.summary, "FIRE at 1 Main St");
  EXPECT_EQ(row.type_code, "04");
  EXPECT_TRUE(row.unmapped_type.empty());
  EXPECT_EQ(row.priority, 0);
  EXPECT_EQ(row.received, utc("2016-08-11T06:50:00Z"));
  EXPECT_EQ(row.dispatched, utc("2016-08-11T06:52:00Z"));
  EXPECT_EQ(row.arrived, utc("2016-08-11T07:03:00Z"));
  EXPECT_EQ(row.cleared, utc("2016-08-11T08:10:00Z"));
  EXPECT_FALSE(row.en_route);
  EXPECT_EQ(row.position, (LatLon{45.5, -122.6}));
  EXPECT_EQ(row.uncertainty_m, 20.0);
  EXPECT_EQ(row.location_text, "1 Main St");
  ASSERT_TRUE(row.target);
  EXPECT_EQ(*row.target, (cad::OrderTarget{cad::TargetKind::kStation, "12", "Station 12"}));
  EXPECT_EQ(row.instructions, row.summary);
  EXPECT_EQ(row.disposition, "30");
}

TEST(ImportRowConverter, MilestonesAreOptionalPerRow) {
  const RowConverter c = converter_for(kTestMapping);
  const ImportRow row = row_of(convert(c, "1,2016-08-10 10:00,,,,45.5,-122.6,THEFT,,"));
  EXPECT_FALSE(row.dispatched || row.arrived || row.cleared || row.target);
  EXPECT_TRUE(row.disposition.empty());
  const ImportRow closed = row_of(convert(c, "2,2016-08-10 10:00,,,2016-08-10 10:30,45.5,-122.6,THEFT,,"));
  EXPECT_EQ(closed.cleared, utc("2016-08-10T17:30:00Z"));
  EXPECT_FALSE(closed.target);
}

TEST(ImportRowConverter, UnmappedTypesUseTheDefaultOrAreSkipped) {
  const ImportRow row = row_of(convert(converter_for(kTestMapping), "1,2016-08-10 10:00,,,,45.5,-122.6,ALIENS,,"));
  EXPECT_EQ(row.type_code, "09");
  EXPECT_EQ(row.unmapped_type, "ALIENS");

  std::string skipping(kTestMapping);
  skipping.replace(skipping.find("unmapped = \"default\""), 20, "unmapped = \"skip\"");
  const RowRejection r = rejection_of(convert(converter_for(skipping), "1,2016-08-10 10:00,,,,45.5,-122.6,ALIENS,,", 9));
  EXPECT_EQ(r.reason, RejectReason::kUnmappedType);
  EXPECT_EQ(r.line, 9u);
  EXPECT_EQ(r.column, "kind");
  EXPECT_NE(r.message.find("'ALIENS'"), std::string::npos);
}

TEST(ImportRowConverter, TablesTriedInOrderLongestKeyWins) {
  const std::string mapping = std::string(kTestMapping) + R"(
[[type.match]]
columns = ["kind", "station"]
values = { "ALARM|7" = "0402" }
[[type.match]]
column = "address"
match = "prefix"
values = { "1" = "05", "12" = "0501", "123" = "050101" }
[[priority.match]]
column = "address"
match = "contains"
values = { "HOT" = 1 }
[[priority.match]]
column = "address"
match = "contains"
values = { "PRIORITY" = 2, "COLD" = 4 }
)";
  const RowConverter c = converter_for(mapping);
  const auto type = [&](std::string_view kind, std::string_view station, std::string_view address) {
    const std::string line = "1,2016-08-10 10:00,,,,45.5,-122.6," + std::string(kind) + "," + std::string(station) +
                             "," + std::string(address);
    return row_of(convert(c, line));
  };
  EXPECT_EQ(type("FIRE", "7", "123").type_code, "04");     // the first table wins
  EXPECT_EQ(type("ALARM", "7", "x").type_code, "0402");    // two columns joined by |
  EXPECT_EQ(type("ALARM", "8", "129").type_code, "0501");  // longest prefix
  EXPECT_EQ(type("ALARM", "8", "1234").type_code, "050101");
  EXPECT_EQ(type("ALARM", "8", "2").type_code, "09");
  EXPECT_EQ(type("ALARM", "8", "2").unmapped_type, "ALARM");  // the first table's value
  EXPECT_EQ(type("X", "", "PRIORITY HOT").priority, 1);      // tables in order
  EXPECT_EQ(type("X", "", "A PRIORITY CALL").priority, 2);
  EXPECT_EQ(type("X", "", "COLD").priority, 4);
  EXPECT_EQ(type("X", "", "unknown").priority, 0);
}

TEST(ImportRowConverter, ProjectedCoordinates) {
  std::string mapping(kTestMapping);
  mapping.replace(mapping.find("lat = \"lat\"\nlon = \"lon\""), 23, "x = \"lon\"\ny = \"lat\"\nepsg = 2913");
  const RowConverter c = converter_for(mapping);
  const ImportRow row = row_of(convert(c, "1,2016-08-10 10:00,,,,672910,7660085,FIRE,,"));
  EXPECT_LT(haversine_distance(row.position, LatLon{45.492962, -122.613925}).value(), 0.2);
  const RowRejection r = rejection_of(convert(c, "1,2016-08-10 10:00,,,,0,0,FIRE,,"));
  EXPECT_EQ(r.reason, RejectReason::kBadCoordinates);
  EXPECT_EQ(r.column, "lon");
}

struct BadRow {
  std::string line;
  RejectReason reason;
  std::string column;
  std::string message_part;
};

TEST(ImportRowConverter, BadRowsAreRejectedWithReasonAndColumn) {
  const RowConverter c = converter_for(kTestMapping);
  const std::string t = "2016-08-10 10:00";
  const std::vector<BadRow> cases{
      {"1," + t + ",,,,,,FIRE,,", RejectReason::kMissingCoordinates, "lat", "no coordinates"},
      {"1," + t + ",,,,45.5,,FIRE,,", RejectReason::kMissingCoordinates, "lon", "lon is empty"},
      {"1," + t + ",,,,north,-122.6,FIRE,,", RejectReason::kBadCoordinates, "lat", "not a number"},
      {"1," + t + ",,,,95.5,-122.6,FIRE,,", RejectReason::kBadCoordinates, "lat", "outside -90..90"},
      {"1," + t + ",,,,45.5,-222.6,FIRE,,", RejectReason::kBadCoordinates, "lon", "outside -180..180"},
      {"1," + t + ",,,,40.5,-122.6,FIRE,,", RejectReason::kOutsideBounds, "lat", "location.bounds"},
      {"1,,,,,45.5,-122.6,FIRE,,", RejectReason::kMissingValue, "call", "call time"},
      {"1,10/08/2016,,,,45.5,-122.6,FIRE,,", RejectReason::kBadTime, "call", "does not match"},
      {"1,2016-02-30 10:00,,,,45.5,-122.6,FIRE,,", RejectReason::kBadTime, "call", "not a real date"},
      {"1," + t + ",2016-08-10 09:59,,,45.5,-122.6,FIRE,1,", RejectReason::kTimesOutOfOrder, "notify", "before call"},
      {"1," + t + ",2016-08-10 10:05,2016-08-10 10:02,,45.5,-122.6,FIRE,1,", RejectReason::kTimesOutOfOrder,
       "arrive", "before notify"},
      {"1," + t + ",,2016-08-10 10:12,,45.5,-122.6,FIRE,1,", RejectReason::kMissingValue, "notify",
       "dispatch time"},
      {"1," + t + ",2016-08-10 10:05,,,45.5,-122.6,FIRE,,", RejectReason::kMissingValue, "station", "target"},
      {"1," + t + ",,,,45.5,-122.6,FIRE,", RejectReason::kMalformedRecord, "", "9 fields; the header has 10"},
      {"1," + t + ",,,,45.5,-122.6,\"FIRE\"x,,", RejectReason::kMalformedRecord, "kind", "closing quote"},
  };
  for (const BadRow& bad : cases) {
    const RowRejection r = rejection_of(convert(c, bad.line, 41));
    EXPECT_EQ(r.reason, bad.reason) << bad.line << ": " << r.message;
    EXPECT_EQ(r.column, bad.column) << bad.line;
    EXPECT_EQ(r.line, 41u);
    EXPECT_NE(r.message.find(bad.message_part), std::string::npos) << bad.line << ": " << r.message;
  }
}

TEST(ImportRowConverter, MissingColumnsNameTheMappingKey) {
  auto mapping = testing::mapping_from_text(kTestMapping);
  const auto converter = RowConverter::bind(mapping, fields_of("id,call,notify,arrive,clear,lat,longitude,kind,station,address"));
  ASSERT_FALSE(converter.ok());
  EXPECT_EQ(converter.error().field, "location.lon");
  EXPECT_NE(converter.error().message.find("test.toml:"), std::string::npos);
  EXPECT_NE(converter.error().message.find("no column 'lon'"), std::string::npos);
  const auto twice = RowConverter::bind(mapping, fields_of("id,call,notify,arrive,clear,lat,lon,kind,station,station,address"));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().field, "dispatch.target");
  EXPECT_NE(twice.error().message.find("2 columns named 'station'"), std::string::npos);
  const auto in_template = RowConverter::bind(mapping, fields_of("id,call,notify,arrive,clear,lat,lon,kind,station"));
  ASSERT_FALSE(in_template.ok());
  EXPECT_EQ(in_template.error().field, "record.summary");
}

}  // namespace
}  // namespace shouwang::exchange
