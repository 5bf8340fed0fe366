// The jurisdiction tree from a hand-made OSM file (fixtures/jurisdictions.osm: holes, a
// closed-way station, a relation of two ways, a boundary without ref, shared borders), the
// readers' errors, and GeoJSON input and output. The generated demo city and the index
// oracles are in jurisdictions_city_test.cpp.

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/osm/jurisdictions.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

const std::string kFixture = std::string(SHOUWANG_TEST_DIR) + "/osm/fixtures/jurisdictions.osm";

bool has_note(const Jurisdictions& tree, const std::string& part) {
  for (const std::string& note : tree.notes()) {
    if (note.find(part) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> codes(const std::vector<const OrgUnit*>& units) {
  std::vector<std::string> out;
  for (const OrgUnit* u : units) out.push_back(u->code);
  return out;
}

class JurisdictionsFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shouwang-jurisdictions-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  fs::path dir_;
};

TEST(JurisdictionsOsm, ReadsTheTreeOfAHandMadeFile) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  ASSERT_NE(tree->city(), nullptr);
  EXPECT_EQ(tree->city()->code, "990100");
  EXPECT_EQ(tree->city()->name, "测试市");
  EXPECT_EQ(tree->city()->name_en, "Ceshi");
  EXPECT_EQ(codes(tree->children("990100")), (std::vector<std::string>{"990101", "990102"}));
  EXPECT_EQ(codes(tree->children("990101")), (std::vector<std::string>{"990101001", "990101002"}));
  EXPECT_EQ(codes(tree->children("990102")), (std::vector<std::string>{"990102002", "osm-r11"}));
  EXPECT_EQ(tree->size(), 7u);

  const OrgUnit* xi = tree->find("990101");
  ASSERT_NE(xi, nullptr);
  EXPECT_EQ(xi->level, OrgLevel::kSubBureau);
  EXPECT_EQ(xi->name, "西分局");
  EXPECT_EQ(xi->name_en, "Xi Sub-bureau");
  EXPECT_EQ(xi->area_name, "西区");
  EXPECT_EQ(xi->source, "osm relation 2");

  const OrgUnit* ring = tree->find("990101001");
  ASSERT_NE(ring, nullptr);
  ASSERT_EQ(ring->area.size(), 1u);
  EXPECT_EQ(ring->area[0].holes.size(), 1u);
  EXPECT_EQ(ring->name_en, "环派出所");  // no English name at all: the Chinese one
  const OrgUnit* closed_way = tree->find("990101002");
  ASSERT_NE(closed_way, nullptr);
  EXPECT_EQ(closed_way->source, "osm way 5");
  EXPECT_EQ(closed_way->name, "孔街道");  // no police:name: the area's name
  const OrgUnit* derived = tree->find("osm-r11");
  ASSERT_NE(derived, nullptr);
  EXPECT_FALSE(derived->code_from_ref);
  EXPECT_EQ(derived->parent, "990102");

  EXPECT_EQ(tree->find("990199001"), nullptr);  // outside the city
  EXPECT_EQ(tree->find("990102003"), nullptr);  // a member way is missing
  EXPECT_EQ(tree->find("990102002001"), nullptr);  // admin_level 10
  EXPECT_TRUE(has_note(*tree, "osm relation 13"));
  EXPECT_TRUE(has_note(*tree, "outside the city"));
  EXPECT_TRUE(has_note(*tree, "osm relation 14"));
  EXPECT_TRUE(has_note(*tree, "osm-r11"));
  EXPECT_FALSE(has_note(*tree, "osm relation 15"));
}

TEST(JurisdictionsOsm, QueriesTheTree) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_TRUE(tree->is_within("990101002", "990101"));
  EXPECT_TRUE(tree->is_within("990101002", "990100"));
  EXPECT_TRUE(tree->is_within("990101002", "990101002"));
  EXPECT_TRUE(tree->is_within("990100", "990100"));
  EXPECT_FALSE(tree->is_within("990101002", "990102"));
  EXPECT_FALSE(tree->is_within("990101", "990101002"));
  EXPECT_FALSE(tree->is_within("nope", "990100"));
  EXPECT_EQ(codes(tree->path("990101002")), (std::vector<std::string>{"990100", "990101", "990101002"}));
  EXPECT_EQ(codes(tree->path("990100")), (std::vector<std::string>{"990100"}));
  EXPECT_TRUE(tree->path("nope").empty());
  EXPECT_TRUE(tree->children("990101001").empty());
  EXPECT_EQ(tree->station_count("990100"), 4u);
  EXPECT_EQ(tree->station_count("990102"), 2u);
  EXPECT_EQ(tree->station_count("990101001"), 1u);
  EXPECT_EQ(tree->station_count("nope"), 0u);
  EXPECT_EQ(tree->find("nope"), nullptr);
}

TEST(JurisdictionsOsm, HolesBelongToNoStationUnlessAnotherCoversThem) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_EQ(tree->station_at({31.010, 121.0025}), "990101001");  // west of the hole
  EXPECT_EQ(tree->station_at({31.0175, 121.0100}), "990101001");  // north of the hole
  EXPECT_EQ(tree->station_at({31.010, 121.0075}), "990101002");  // the covered half
  EXPECT_EQ(tree->station_at({31.010, 121.0125}), "");           // the open half
  EXPECT_EQ(tree->sub_bureau_at({31.010, 121.0125}), "990101");
  EXPECT_EQ(tree->station_at({31.005, 121.030}), "osm-r11");
  EXPECT_EQ(tree->station_at({31.015, 121.030}), "990102002");
}

TEST(JurisdictionsOsm, APointOutsideEveryAreaHasNoStation) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  for (const LatLon p : {LatLon{31.010, 120.990}, LatLon{30.990, 121.010}, LatLon{31.030, 121.030},
                         LatLon{31.005, 121.105}, LatLon{-89.0, -179.0}, LatLon{std::nan(""), 121.0}}) {
    EXPECT_EQ(tree->station_at(p), "") << p.lat << "," << p.lon;
    EXPECT_EQ(tree->sub_bureau_at(p), "") << p.lat << "," << p.lon;
  }
  EXPECT_EQ(Jurisdictions().station_at({31.010, 121.0025}), "");
  EXPECT_EQ(Jurisdictions().city(), nullptr);
}

TEST(JurisdictionsOsm, PointsOnSharedBordersGoEastThenNorth) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_EQ(tree->station_at({31.005, 121.020}), "osm-r11");        // west-east border
  EXPECT_EQ(tree->sub_bureau_at({31.005, 121.020}), "990102");
  EXPECT_EQ(tree->station_at({31.010, 121.030}), "990102002");      // south-north border
  EXPECT_EQ(tree->station_at({31.010, 121.020}), "990102002");      // the corner node 7
  EXPECT_EQ(tree->station_at({31.010, 121.005}), "990101002");      // the hole's west edge
  EXPECT_EQ(tree->station_at({31.010, 121.010}), "");               // east of it: the open half
  EXPECT_EQ(tree->station_at({31.000, 121.010}), "990101001");      // the city's south edge
  EXPECT_EQ(tree->station_at({31.020, 121.010}), "");               // the city's north edge
  EXPECT_EQ(tree->station_at({31.010, 121.040}), "");               // the city's east edge
}

TEST(JurisdictionsOsm, RepresentativePointsMapBackToTheirUnits) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  for (const OrgUnit& unit : tree->units()) {
    if (unit.level == OrgLevel::kStation) {
      EXPECT_EQ(tree->station_at(unit.representative_point), unit.code);
    } else if (unit.level == OrgLevel::kSubBureau) {
      EXPECT_EQ(tree->sub_bureau_at(unit.representative_point), unit.code);
    }
  }
  const OrgUnit* city = tree->city();
  EXPECT_DOUBLE_EQ(city->bbox.south_west.lat, 31.000);
  EXPECT_DOUBLE_EQ(city->bbox.south_west.lon, 121.000);
  EXPECT_DOUBLE_EQ(city->bbox.north_east.lat, 31.020);
  EXPECT_DOUBLE_EQ(city->bbox.north_east.lon, 121.040);
}

TEST(JurisdictionsOsm, LevelsChooseWhichBoundariesAreRead) {
  // No sub-bureaus at admin_level 7: the stations belong to the city directly, and the
  // districts (admin_level 6, below 7) are city candidates that lost to the city.
  const auto flat = read_jurisdictions(kFixture, {7, 8, 0});
  ASSERT_TRUE(flat.ok()) << flat.error().to_string();
  EXPECT_EQ(flat->city()->code, "990100");
  EXPECT_EQ(codes(flat->children("990100")),
            (std::vector<std::string>{"990101001", "990101002", "990102002", "osm-r11"}));
  EXPECT_TRUE(has_note(*flat, "belongs to the city directly"));
  EXPECT_TRUE(has_note(*flat, "osm relation 2"));
  EXPECT_EQ(flat->sub_bureau_at({31.005, 121.005}), "");
  EXPECT_EQ(flat->station_at({31.005, 121.0025}), "990101001");

  const auto no_city = read_jurisdictions(kFixture, {5, 6, 0});  // nothing below admin_level 5
  ASSERT_FALSE(no_city.ok());
  EXPECT_EQ(no_city.error().code, Errc::kInvalidArgument);
  const auto chosen = read_jurisdictions(kFixture, {6, 8, 5});
  ASSERT_TRUE(chosen.ok()) << chosen.error().to_string();
  EXPECT_EQ(chosen->size(), 7u);
  const auto bad = read_jurisdictions(kFixture, {8, 6, 0});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "station_admin_level");
  const auto bad_city = read_jurisdictions(kFixture, {6, 8, 7});
  ASSERT_FALSE(bad_city.ok());
  EXPECT_EQ(bad_city.error().field, "city_admin_level");
}

TEST_F(JurisdictionsFiles, MissingUnreadableAndCitylessFilesAreErrors) {
  const auto missing = read_jurisdictions((dir_ / "nope.osm.pbf").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  const auto junk = read_jurisdictions(write("junk.osm.pbf", "not a protocol buffer"));
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, Errc::kCorrupt);
  const std::string station_only = R"(<osm version="0.6">
    <node id="1" lat="31.0" lon="121.0"/><node id="2" lat="31.0" lon="121.01"/>
    <node id="3" lat="31.01" lon="121.01"/><node id="4" lat="31.01" lon="121.0"/>
    <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
      <tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/><tag k="ref" v="1"/></way>
    </osm>)";
  const auto no_city = read_jurisdictions(write("station.osm", station_only));
  ASSERT_FALSE(no_city.ok());
  EXPECT_EQ(no_city.error().code, Errc::kInvalidArgument);
  EXPECT_NE(no_city.error().message.find("no city boundary"), std::string::npos);
}

TEST_F(JurisdictionsFiles, DuplicateCodesNameBothBoundaries) {
  std::string text;
  {
    std::ifstream in(kFixture);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string from = R"(<tag k="ref" v="990102002"/>)";
  text.replace(text.find(from), from.size(), R"(<tag k="ref" v="990101001"/>)");
  const auto tree = read_jurisdictions(write("dup.osm", text));
  ASSERT_FALSE(tree.ok());
  EXPECT_EQ(tree.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(tree.error().field, "ref");
  EXPECT_NE(tree.error().message.find("990101001"), std::string::npos);
  EXPECT_NE(tree.error().message.find("osm relation 10"), std::string::npos);
  EXPECT_NE(tree.error().message.find("osm relation 12"), std::string::npos);
}

// A city of two sub-bureaus; the station 330102001 has a hole, and a numeric code.
constexpr const char* kGeoJson = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"330100","name":"甲市公安局","name_en":"Jia PSB","level":"city"},
  "geometry":{"type":"Polygon","coordinates":[[[120,30],[120.2,30],[120.2,30.1],[120,30.1],[120,30]]]}},
 {"type":"Feature","properties":{"code":"330101","name":"西分局","level":"sub_bureau","parent":"330100"},
  "geometry":{"type":"MultiPolygon","coordinates":[[[[120,30],[120.1,30],[120.1,30.05],[120,30.05],[120,30]]],
                                                   [[[120,30.05],[120.1,30.05],[120.1,30.1],[120,30.1],[120,30.05]]]]}},
 {"type":"Feature","properties":{"code":"330102","name":"东分局","level":"sub_bureau","parent":330100},
  "geometry":{"type":"Polygon","coordinates":[[[120.1,30],[120.2,30],[120.2,30.1],[120.1,30.1],[120.1,30]]]}},
 {"type":"Feature","properties":{"code":330102001,"name":"东派出所","name_en":"Dong Station","level":"station","parent":"330102"},
  "geometry":{"type":"Polygon","coordinates":[[[120.1,30],[120.2,30],[120.2,30.1],[120.1,30.1],[120.1,30]],
                                              [[120.14,30.04],[120.16,30.04],[120.16,30.06],[120.14,30.06],[120.14,30.04]]]}},
 {"type":"Feature","properties":{"code":"330101001","name":"西派出所","level":"station","parent":"330101"},
  "geometry":{"type":"Polygon","coordinates":[[[120,30],[120.1,30],[120.1,30.1],[120,30.1],[120,30]]]}}
]})";

TEST(JurisdictionsGeoJson, ReadsAFeatureCollection) {
  const auto tree = parse_jurisdictions_geojson(kGeoJson, "test.geojson");
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_EQ(tree->city()->code, "330100");
  EXPECT_EQ(tree->city()->name_en, "Jia PSB");
  EXPECT_EQ(codes(tree->children("330100")), (std::vector<std::string>{"330101", "330102"}));
  EXPECT_EQ(tree->find("330101")->area.size(), 2u);
  EXPECT_EQ(tree->find("330101")->name_en, "西分局");
  EXPECT_EQ(tree->find("330102001")->source, "geojson feature 3");
  EXPECT_EQ(tree->station_at({30.02, 120.05}), "330101001");
  EXPECT_EQ(tree->station_at({30.02, 120.15}), "330102001");
  EXPECT_EQ(tree->station_at({30.05, 120.15}), "");  // the hole
  EXPECT_EQ(tree->sub_bureau_at({30.05, 120.15}), "330102");
  EXPECT_EQ(tree->sub_bureau_at({30.07, 120.05}), "330101");  // the second polygon
  EXPECT_TRUE(tree->notes().empty());
}

struct BadGeoJson {
  std::string from, to;  // a replacement in kGeoJson
  std::string field;
  std::string message_part;
};

TEST(JurisdictionsGeoJson, ErrorsNameTheFeatureAndField) {
  const std::vector<BadGeoJson> cases = {
      {R"("code":"330101","name")", R"("name")", "features[1].properties.code", "feature 1"},
      {R"("level":"sub_bureau","parent":"330100")", R"("level":"district","parent":"330100")",
       "features[1].properties.level", "district"},
      {R"("name":"西分局",)", "", "features[1].properties.name", "feature 1"},
      {R"([120,30.1],[120,30]]]}},)", R"([120,30.1],[120,30.01]]]}},)", "features[0].geometry.coordinates[0]",
       "not closed"},
      {R"({"type":"Polygon","coordinates":[[[120,30],[120.2,30])", R"({"type":"Point","coordinates":[[[120,30],[120.2,30])",
       "features[0].geometry.type", "Polygon"},
      {R"([[[120,30],[120.2,30],)", R"([[[120,30],[220.2,30],)", "features[0].geometry.coordinates[0][1]",
       "longitude"},
      {R"("parent":"330101"},)", R"("parent":"330199"},)", "features[4].properties.parent", "330199"},
      {R"("code":"330101001")", R"("code":"330101")", "features[4].properties.code", "used twice"},
      {R"("level":"sub_bureau","parent":"330100")", R"("level":"city")", "features", "exactly one city"},
      {R"("parent":"330101"},)", R"("parent":"330102001"},)", "features[4].properties.parent", "cannot belong"},
      {R"("level":"city"},)", R"("level":"city","parent":"330101"},)", "features[0].properties.parent",
       "no parent"},
      {R"({"type":"FeatureCollection","features":[)", R"({"type":"FeatureCollection","feature":[)", "features",
       "array"},
      {R"({"type":"FeatureCollection")", R"({"type":"Feature")", "type", "FeatureCollection"},
  };
  for (const BadGeoJson& c : cases) {
    std::string text = kGeoJson;
    const auto at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.from;
    text.replace(at, c.from.size(), c.to);
    const auto tree = parse_jurisdictions_geojson(text, "bad.geojson");
    ASSERT_FALSE(tree.ok()) << c.field;
    EXPECT_EQ(tree.error().code, Errc::kInvalidArgument) << c.field;
    EXPECT_EQ(tree.error().field, c.field) << tree.error().message;
    EXPECT_NE(tree.error().message.find(c.message_part), std::string::npos) << tree.error().message;
    EXPECT_NE(tree.error().message.find("bad.geojson"), std::string::npos) << tree.error().message;
  }
  const auto not_json = parse_jurisdictions_geojson("{\"type\":", "bad.geojson");
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.error().message.find("not valid JSON"), std::string::npos);
}

TEST_F(JurisdictionsFiles, ReadsGeoJsonFiles) {
  const auto tree = read_jurisdictions_geojson(write("org.geojson", kGeoJson));
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_EQ(tree->size(), 5u);
  const auto missing = read_jurisdictions_geojson((dir_ / "nope.geojson").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

TEST(JurisdictionsGeoJson, OutputParsesAndReadsBackToTheSameTree) {
  const auto tree = read_jurisdictions(kFixture);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  const std::string text = tree->to_geojson();
  const auto json = nlohmann::json::parse(text);  // throws on malformed output
  ASSERT_EQ(json.at("features").size(), tree->size());
  const auto& first = json.at("features").at(0);
  EXPECT_EQ(first.at("properties").at("code"), "990100");
  EXPECT_EQ(first.at("properties").at("level"), "city");
  EXPECT_TRUE(first.at("properties").at("parent").is_null());
  EXPECT_EQ(first.at("geometry").at("type"), "MultiPolygon");

  const auto again = parse_jurisdictions_geojson(text, "round trip");
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  ASSERT_EQ(again->size(), tree->size());
  for (std::size_t i = 0; i < tree->size(); ++i) {
    const OrgUnit& a = tree->units()[i];
    const OrgUnit& b = again->units()[i];
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.name_en, b.name_en);
    EXPECT_EQ(a.area_name, b.area_name);
    EXPECT_EQ(a.level, b.level);
    EXPECT_EQ(a.parent, b.parent);
    EXPECT_EQ(a.area, b.area) << a.code;
  }
}

}  // namespace
}  // namespace shouwang::osm
