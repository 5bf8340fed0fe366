// Resident populations on the organisation tree: the OSM `population` tag (plain, with
// thousands separators, garbage), the GeoJSON `population` property (round trip, wrong
// types), and the populations the demo-city generator writes.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/base/geo.h>
#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/jurisdictions.h>

#include "osm/jurisdictions/osm_boundaries.h"

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;
using jurisdiction::parse_population;

fs::path temp_dir() {
  const fs::path dir =
      fs::temp_directory_path() / ("shouwang-population-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

bool has_note(const Jurisdictions& tree, const std::string& part) {
  return std::any_of(tree.notes().begin(), tree.notes().end(),
                     [&](const std::string& note) { return note.find(part) != std::string::npos; });
}

TEST(PopulationTag, AcceptsPlainNumbersAndThousandsSeparators) {
  EXPECT_EQ(parse_population("12345"), 12345);
  EXPECT_EQ(parse_population("0"), 0);
  EXPECT_EQ(parse_population("007"), 7);
  EXPECT_EQ(parse_population("12,345"), 12345);
  EXPECT_EQ(parse_population("1,234,567"), 1234567);
  EXPECT_EQ(parse_population("12 345"), 12345);
  EXPECT_EQ(parse_population("1 234 567"), 1234567);
  EXPECT_EQ(parse_population("12\xC2\xA0"
                             "345"),
            12345);  // no-break space
  EXPECT_EQ(parse_population("1\xE2\x80\xAF"
                             "234\xE2\x80\xAF"
                             "567"),
            1234567);  // narrow no-break space
  EXPECT_EQ(parse_population(" 12345 "), 12345);
  EXPECT_EQ(parse_population("9223372036854775807"), 9223372036854775807);
}

TEST(PopulationTag, RejectsEverythingElse) {
  for (const char* text : {"",
                           " ",
                           "abc",
                           "12.345",
                           "12345.0",
                           "1,5",
                           "-5",
                           "+5",
                           "1,2345",
                           "12,34",
                           "1234,567",
                           "1,234 567",
                           "12,345,",
                           ",123",
                           "12,,345",
                           "12  345",
                           "about 12000",
                           "12000;13000",
                           "12000-13000",
                           "12k",
                           "1e5",
                           "9223372036854775808",
                           "99999999999999999999",
                           "12\xC2\xA0"
                           "34"}) {
    EXPECT_EQ(parse_population(text), std::nullopt) << '"' << text << '"';
  }
}

// A square city (admin_level 5) holding one sub-bureau (6) split into three stations (8),
// each boundary a closed way with the population value given.
std::string osm_with_populations(const std::string& city, const std::string& sub_bureau,
                                 const std::string& station_a, const std::string& station_b) {
  auto tag = [](const std::string& value) {
    return value.empty() ? std::string() : R"(<tag k="population" v=")" + value + R"("/>)";
  };
  auto way = [&](int id, const std::string& nodes, int level, const std::string& ref,
                 const std::string& population) {
    return "<way id=\"" + std::to_string(id) + "\">" + nodes +
           R"(<tag k="boundary" v="administrative"/><tag k="admin_level" v=")" +
           std::to_string(level) + R"("/><tag k="ref" v=")" + ref + R"("/><tag k="name" v="N)" +
           ref + "\"/>" + tag(population) + "</way>\n";
  };
  auto nodes = [](std::initializer_list<int> ids) {
    std::string out;
    for (int id : ids)
      out += "<nd ref=\"" + std::to_string(id) + "\"/>";
    return out;
  };
  // 1 (31.00, 121.00)  2 (31.00, 121.01)  3 (31.00, 121.02)  4 (31.00, 121.03)
  // 5 (31.01, 121.00)  6 (31.01, 121.01)  7 (31.01, 121.02)  8 (31.01, 121.03)
  std::string text = "<osm version=\"0.6\">\n";
  for (int i = 0; i < 8; ++i) {
    text += "<node id=\"" + std::to_string(i + 1) + "\" lat=\"" + (i < 4 ? "31.00" : "31.01") +
            "\" lon=\"121.0" + std::to_string(i % 4) + "\"/>\n";
  }
  text += way(1, nodes({1, 4, 8, 5, 1}), 5, "990100", city);
  text += way(2, nodes({1, 4, 8, 5, 1}), 6, "990101", sub_bureau);
  text += way(3, nodes({1, 2, 6, 5, 1}), 8, "990101001", station_a);
  text += way(4, nodes({2, 3, 7, 6, 2}), 8, "990101002", station_b);
  text += way(5, nodes({3, 4, 8, 7, 3}), 8, "990101003", "");
  return text + "</osm>\n";
}

TEST(PopulationTag, IsReadFromOsmBoundariesAndBadValuesAreNoted) {
  const fs::path dir = temp_dir();
  const std::string path = (dir / "population.osm").string();
  std::ofstream(path) << osm_with_populations("1,234,567", "12 345", "4567", "many");
  const auto tree = read_jurisdictions(path);
  fs::remove_all(dir);
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  ASSERT_EQ(tree->size(), 5u);
  EXPECT_EQ(tree->city()->population, 1234567);
  EXPECT_EQ(tree->find("990101")->population, 12345);
  EXPECT_EQ(tree->find("990101001")->population, 4567);
  EXPECT_EQ(tree->find("990101002")->population, std::nullopt);
  EXPECT_EQ(tree->find("990101003")->population, std::nullopt);
  EXPECT_TRUE(has_note(*tree, "osm way 4")) << tree->notes().size();
  EXPECT_TRUE(has_note(*tree, "population=\"many\""));
  EXPECT_FALSE(has_note(*tree, "osm way 5"));  // no tag: absent, nothing to note
  EXPECT_EQ(tree->notes().size(), 1u);
}

// A city, a sub-bureau and a station; the station's population is what the test puts in.
std::string geojson_with(const std::string& station_population) {
  return R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"code":"330100","name":"甲市公安局","level":"city","population":30000},
  "geometry":{"type":"Polygon","coordinates":[[[120,30],[120.2,30],[120.2,30.1],[120,30.1],[120,30]]]}},
 {"type":"Feature","properties":{"code":"330101","name":"西分局","level":"sub_bureau","parent":"330100","population":null},
  "geometry":{"type":"Polygon","coordinates":[[[120,30],[120.1,30],[120.1,30.1],[120,30.1],[120,30]]]}},
 {"type":"Feature","properties":{"code":"330101001","name":"西派出所","level":"station","parent":"330101")" +
         (station_population.empty() ? "" : ",\"population\":" + station_population) + R"(},
  "geometry":{"type":"Polygon","coordinates":[[[120,30],[120.1,30],[120.1,30.1],[120,30.1],[120,30]]]}}
]})";
}

TEST(PopulationGeoJson, RoundTrips) {
  const auto tree = parse_jurisdictions_geojson(geojson_with("12345"), "pop.geojson");
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  EXPECT_EQ(tree->city()->population, 30000);
  EXPECT_EQ(tree->find("330101")->population, std::nullopt);  // null
  EXPECT_EQ(tree->find("330101001")->population, 12345);
  const auto absent = parse_jurisdictions_geojson(geojson_with(""), "pop.geojson");
  ASSERT_TRUE(absent.ok()) << absent.error().to_string();
  EXPECT_EQ(absent->find("330101001")->population, std::nullopt);

  const std::string text = tree->to_geojson();
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json.at("features").at(0).at("properties").at("population"), 30000);
  EXPECT_TRUE(json.at("features").at(1).at("properties").at("population").is_null());
  EXPECT_EQ(json.at("features").at(2).at("properties").at("population"), 12345);
  const auto again = parse_jurisdictions_geojson(text, "round trip");
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  ASSERT_EQ(again->size(), tree->size());
  for (std::size_t i = 0; i < tree->size(); ++i) {
    EXPECT_EQ(again->units()[i].population, tree->units()[i].population) << tree->units()[i].code;
  }
}

TEST(PopulationGeoJson, AWrongTypeNamesTheFeatureAndField) {
  for (const char* bad : {"\"12345\"", "-5", "12.5", "1e4", "true", "[1]", "{}",
                          "9223372036854775808", "99999999999999999999"}) {
    const auto tree = parse_jurisdictions_geojson(geojson_with(bad), "bad.geojson");
    ASSERT_FALSE(tree.ok()) << bad;
    EXPECT_EQ(tree.error().code, Errc::kInvalidArgument) << bad;
    EXPECT_EQ(tree.error().field, "features[2].properties.population") << bad;
    EXPECT_NE(tree.error().message.find("bad.geojson"), std::string::npos) << tree.error().message;
    EXPECT_NE(tree.error().message.find("feature 2"), std::string::npos) << tree.error().message;
    EXPECT_NE(tree.error().message.find("population"), std::string::npos) << tree.error().message;
  }
}

TEST(PopulationTree, ANegativePopulationIsRejected) {
  const auto tree = parse_jurisdictions_geojson(geojson_with("7"), "t.geojson");
  ASSERT_TRUE(tree.ok()) << tree.error().to_string();
  std::vector<OrgUnit> units = tree->units();
  units[2].population = -1;
  const auto bad = Jurisdictions::from_units(units);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(bad.error().field, "units[2].population");
}

// Square kilometres of an area, in the generator's own frame around the city's centre.
double area_km2(const OrgUnit& unit, const LocalProjection& frame) {
  auto ring_m2 = [&](const std::vector<LatLon>& ring) {
    double twice = 0.0;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const Xy a = frame.to_xy(ring[j]), b = frame.to_xy(ring[i]);
      twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2.0;
  };
  double m2 = 0.0;
  for (const AreaPolygon& polygon : unit.area) {
    m2 += ring_m2(polygon.outer);
    for (const auto& hole : polygon.holes)
      m2 -= ring_m2(hole);
  }
  return m2 / 1e6;
}

struct GeneratedTree {
  CityStats stats;
  Jurisdictions tree;
};

GeneratedTree generate(std::uint64_t seed, double size_km) {
  const fs::path dir = temp_dir();
  const std::string path = (dir / ("city-" + std::to_string(seed) + ".osm.pbf")).string();
  auto stats = write_demo_city({seed, size_km}, path);
  EXPECT_TRUE(stats.ok()) << stats.error().to_string();
  auto tree = read_jurisdictions(path);
  fs::remove_all(dir);
  EXPECT_TRUE(tree.ok()) << tree.error().to_string();
  if (!stats.ok() || !tree.ok())
    return {};
  return {*stats, *tree};
}

std::map<std::string, std::int64_t> populations(const Jurisdictions& tree) {
  std::map<std::string, std::int64_t> out;
  for (const OrgUnit& unit : tree.units())
    out[unit.code] = unit.population.value_or(-1);
  return out;
}

TEST(PopulationDemoCity, EveryAreaHasAPlausibleDeterministicPopulation) {
  const GeneratedTree city = generate(3, 14.0);
  ASSERT_FALSE(city.tree.empty());
  ASSERT_GE(city.stats.districts, 2u);
  EXPECT_TRUE(city.tree.notes().empty()) << city.tree.notes().front();
  const LocalProjection frame(city.stats.centre);
  std::map<std::string, std::int64_t> below;  // sums of the children
  const OrgUnit* densest = nullptr;
  const OrgUnit* sparsest = nullptr;
  double most = 0.0, least = 1e9;
  for (const OrgUnit& unit : city.tree.units()) {
    ASSERT_TRUE(unit.population.has_value()) << unit.code;
    const double density = static_cast<double>(*unit.population) / area_km2(unit, frame);
    // 8,000-25,000 residents per km², with 1 % for rounding to whole residents and 1e-7°.
    EXPECT_GE(density, 8'000.0 * 0.99) << unit.code;
    EXPECT_LE(density, 25'000.0 * 1.01) << unit.code;
    if (unit.level == OrgLevel::kCity)
      continue;
    below[unit.parent] += *unit.population;
    if (unit.level != OrgLevel::kStation)
      continue;
    if (density > most) {
      most = density;
      densest = &unit;
    }
    if (density < least) {
      least = density;
      sparsest = &unit;
    }
  }
  for (const auto& [code, sum] : below)
    EXPECT_EQ(city.tree.find(code)->population, sum) << code;
  // Denser in the middle: the densest station lies nearer the centre than the sparsest.
  ASSERT_NE(densest, nullptr);
  const Xy centre = {0.0, 0.0};
  EXPECT_LT(distance(frame.to_xy(densest->representative_point), centre),
            distance(frame.to_xy(sparsest->representative_point), centre));
  EXPECT_GT(most, 1.5 * least);

  const GeneratedTree again = generate(3, 14.0);
  EXPECT_EQ(populations(again.tree), populations(city.tree));
  const GeneratedTree other = generate(4, 14.0);
  EXPECT_NE(populations(other.tree), populations(city.tree));
}

// Densities (residents per km²) need areas: a square of 0.01° at 30° N is 1.11195 km by
// 0.96297 km (a degree of latitude 111,195 m, of longitude that times cos 30°), and a hole
// of a quarter of it leaves three quarters.
TEST(UnitArea, IsTheOuterRingsLessTheirHoles) {
  OrgUnit unit;
  const auto square = [](double south, double west, double side) {
    return std::vector<LatLon>{
        {south, west}, {south, west + side}, {south + side, west + side}, {south + side, west}};
  };
  unit.area.push_back({square(30.0, 120.0, 0.01), {}});
  unit.bbox = {{30.0, 120.0}, {30.01, 120.01}};
  const double full = 1.11195 * 1.11195 * std::cos(30.005 * 3.141592653589793 / 180.0);
  EXPECT_NEAR(area_square_km(unit), full, full * 0.002);
  unit.area[0].holes.push_back(square(30.0025, 120.0025, 0.005));
  EXPECT_NEAR(area_square_km(unit), full * 0.75, full * 0.002);
  // Ring direction does not matter.
  std::reverse(unit.area[0].outer.begin(), unit.area[0].outer.end());
  EXPECT_NEAR(area_square_km(unit), full * 0.75, full * 0.002);
}

}  // namespace
}  // namespace shouwang::osm
