// Import mappings: the shipped ones parse, and every kind of mistake is reported with the
// mapping file, the line and the key.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <shouwang/exchange/import_mapping.h>

#include "import_test_support.h"

namespace shouwang::exchange {
namespace {

using testing::kTestMapping;
using testing::taxonomy;

// The error for `text`, or a test failure when it parses.
Error parse_error(const std::string& text) {
  auto mapping = parse_import_mapping(text, "m.toml", taxonomy());
  EXPECT_FALSE(mapping.ok()) << "parsed:\n" << text;
  return mapping ? Error() : mapping.error();
}

// kTestMapping with `from` replaced by `to` (which must occur).
std::string edited(std::string_view from, std::string_view to) {
  std::string text(kTestMapping);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

int line_of(std::string_view text, std::string_view needle) {
  const auto at = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(ImportMapping, ShippedMappingsParse) {
  for (const char* name : {"portland_cfs.toml", "south_metro_fire.toml", "montgomery_911.toml"}) {
    const auto mapping = load_import_mapping(testing::source_dir() / "data" / "mappings" / name, taxonomy());
    ASSERT_TRUE(mapping.ok()) << mapping.error().message;
    EXPECT_FALSE(mapping->name.empty());
    EXPECT_EQ(mapping->sha256.size(), 64u);
    EXPECT_FALSE(mapping->type.tables.empty()) << name;
  }
}

TEST(ImportMapping, TheTestMappingReadsAsWritten) {
  const ImportMapping m = testing::mapping_from_text(kTestMapping);
  EXPECT_EQ(m.time.timezone, "America/Los_Angeles");
  EXPECT_EQ(m.time.received.column.column, "call");
  EXPECT_EQ(m.time.received.format, "%Y-%m-%d %H:%M");
  ASSERT_TRUE(m.time.cleared);
  ASSERT_TRUE(m.dispatch);
  EXPECT_EQ(m.dispatch->kind, cad::TargetKind::kStation);
  ASSERT_EQ(m.type.tables.size(), 1u);
  EXPECT_EQ(m.type.tables[0].values.at("THEFT"), "0105");
  EXPECT_EQ(m.location.uncertainty_m, 20.0);
  EXPECT_EQ(m.disposition.default_code, "30");
  EXPECT_EQ(m.time.received.column.at.key, "time.received");
  EXPECT_EQ(m.time.received.column.at.line, line_of(kTestMapping, "received ="));
}

TEST(ImportMapping, SyntaxErrorsNameFileLineAndColumn) {
  const Error e = parse_error("name = \"x\"\n[time\nreceived = 1\n");
  EXPECT_EQ(e.message.rfind("m.toml:2:", 0), 0u) << e.message;
}

TEST(ImportMapping, UnknownKeysNameLineAndKey) {
  const std::string text = edited("lon = \"lon\"", "lng = \"lon\"");
  const Error e = parse_error(text);
  EXPECT_EQ(e.field, "location.lng");
  EXPECT_NE(e.message.find("m.toml:" + std::to_string(line_of(text, "lng =")) + ": location.lng: unknown key"),
            std::string::npos)
      << e.message;
  EXPECT_EQ(parse_error(edited("name = \"test\"", "nmae = \"test\"")).field, "nmae");
}

TEST(ImportMapping, UnknownTaxonomyCodesNameTheValue) {
  const std::string text = edited("THEFT = \"0105\"", "THEFT = \"0199\"");
  const Error e = parse_error(text);
  EXPECT_EQ(e.field, "type.match[1].values.THEFT");
  EXPECT_NE(e.message.find("m.toml:" + std::to_string(line_of(text, "THEFT")) + ":"), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("'0199' is not in the taxonomy"), std::string::npos);
  EXPECT_EQ(parse_error(edited("default = \"30\"", "default = \"77\"")).field, "disposition.default");
  EXPECT_EQ(parse_error(edited("default = \"09\"", "default = \"0999\"")).field, "type.default");
}

TEST(ImportMapping, BadValuesNameTheirKey) {
  EXPECT_EQ(parse_error(edited("America/Los_Angeles", "America/Portland")).field, "time.timezone");
  EXPECT_EQ(parse_error(edited("format = \"%Y-%m-%d %H:%M\"", "format = \"%Y-%m-%d %Q\"")).field, "time.format");
  EXPECT_EQ(parse_error(edited("uncertainty_m = 20", "uncertainty_m = -5")).field, "location.uncertainty_m");
  EXPECT_EQ(parse_error(edited("uncertainty_m = 20", "uncertainty_m = \"20\"")).field, "location.uncertainty_m");
  EXPECT_EQ(parse_error(edited("[-123.0, 45.0, -122.0, 46.0]", "[-122.0, 45.0, -123.0, 46.0]")).field,
            "location.bounds");
  EXPECT_EQ(parse_error(edited("kind = \"station\"", "kind = \"brigade\"")).field, "dispatch.kind");
  EXPECT_EQ(parse_error(edited("unmapped = \"default\"", "unmapped = \"drop\"")).field, "type.unmapped");
  EXPECT_EQ(parse_error(edited("column = \"kind\"", "column = \"kind\"\nmatch = \"regex\"")).field,
            "type.match[1].match");
  const std::string priority = std::string(kTestMapping) + "[[priority.match]]\ncolumn = \"kind\"\nvalues = { FIRE = 7 }\n";
  EXPECT_EQ(parse_error(priority).field, "priority.match[1].values.FIRE");
}

TEST(ImportMapping, MissingAndInconsistentSettings) {
  EXPECT_EQ(parse_error(edited("received = \"call\"", "")).field, "time.received");
  EXPECT_EQ(parse_error(edited("default = \"09\"", "")).field, "type");
  EXPECT_EQ(parse_error(edited("lat = \"lat\"\n", "")).field, "location");
  // Projected coordinates need an EPSG code, and PROJ must know it.
  EXPECT_EQ(parse_error(edited("lat = \"lat\"\nlon = \"lon\"", "x = \"x\"\ny = \"y\"")).field, "location.x");
  EXPECT_EQ(parse_error(edited("lat = \"lat\"\nlon = \"lon\"", "x = \"x\"\ny = \"y\"\nepsg = 999999")).field,
            "location.epsg");
  EXPECT_TRUE(parse_import_mapping(edited("lat = \"lat\"\nlon = \"lon\"", "x = \"x\"\ny = \"y\"\nepsg = 2913"),
                                   "m.toml", taxonomy())
                  .ok());
  // Milestones depend on each other.
  EXPECT_EQ(parse_error(edited("dispatched = \"notify\"\n", "")).field, "time.arrived");
  EXPECT_EQ(parse_error(edited("default = \"30\"", "")).field, "time.cleared");
  EXPECT_EQ(parse_error(edited("target = \"station\"", "")).field, "dispatch.target");
  const Error no_section = parse_error(edited("[dispatch]\ntarget = \"station\"\nkind = \"station\"\nname = \"Station {station}\"\n", ""));
  EXPECT_EQ(no_section.field, "time.dispatched");
  // A template must be well formed.
  EXPECT_EQ(parse_error(edited("{kind} at {address}", "{kind at {address}")).field, "record.summary");
}

}  // namespace
}  // namespace shouwang::exchange
