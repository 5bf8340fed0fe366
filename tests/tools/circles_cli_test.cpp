// `shouwang circles` on a small generated city: a registry file with mistakes is refused
// whole, each mistake named by line (CSV) or feature (GeoJSON) and field; a good file
// registers its sites and posts, a second import of the same file changes nothing and an
// edited one updates; `seed` plans posts for the city's POIs once; `coverage` reports the
// shares, with JSON that agrees with itself.

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tools/cli_run.h"

namespace shouwang::test {
namespace {

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

class CirclesCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_file("circles-city");
    std::filesystem::create_directories(dir_);
    const CliRun city = run("gen-city --seed 5 --size-km 6 --out " + dir_ + "/city.osm.pbf");
    ASSERT_EQ(city.exit_code, 0) << city.output;
    const CliRun imported = run("import-osm " + dir_ + "/city.osm.pbf --out " + dir_);
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(dir_); }
  static std::string dir_;
};
std::string CirclesCli::dir_;

TEST_F(CirclesCli, AFileWithMistakesIsRefusedWholeAndAGoodOneRegistersOnce) {
  // A point near the middle of the city: the first POI's place is as good as any.
  const CliRun pois = run("circles coverage --data " + dir_ + " --from-pois --plan 1 --json");
  ASSERT_EQ(pois.exit_code, 0) << pois.output;
  const std::string bad_csv = dir_ + "/bad.csv";
  write(bad_csv,
        "record,id,name,type,kind,tier_s,station,lat,lon,hours\n"
        "site,S-1,实验小学,school,,60,,31.0,121.0,07:00-18:00\n"
        "site,S-2,中心医院,hospital,,120,,31.0,121.0,\n"
        "site,S 3,车站,transport_hub,,60,,31.0,121.0,\n"
        "post,P-1,驻勤点,,tower,,,31.0,121.0,\n"
        "site,S-4,市场,market,,300,,95,121.0,mornings\n");
  const CliRun refused = run("circles import " + bad_csv + " --data " + dir_);
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_TRUE(mentions(refused, "bad.csv: line 3: field tier_s")) << refused.output;
  EXPECT_TRUE(mentions(refused, "bad.csv: line 5: field kind")) << refused.output;
  EXPECT_TRUE(mentions(refused, "bad.csv: line 6: field lat")) << refused.output;
  EXPECT_TRUE(mentions(refused, "bad.csv: line 6: field hours")) << refused.output;
  EXPECT_TRUE(mentions(refused, "nothing was imported")) << refused.output;

  const std::string bad_json = dir_ + "/bad.geojson";
  write(bad_json, R"({"type": "FeatureCollection", "features": [
      {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[121, 31], [121.1, 31]]},
       "properties": {"record": "site", "id": "S-9", "name": "x", "type": "school", "tier_min": 3}},
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121, 31]},
       "properties": {"record": "site", "id": "S-10", "name": "y", "type": "zoo", "tier_min": 3}}]})");
  const CliRun refused_json = run("circles import " + bad_json + " --data " + dir_);
  EXPECT_EQ(refused_json.exit_code, 1);
  EXPECT_TRUE(mentions(refused_json, "bad.geojson: feature 1: field geometry")) << refused_json.output;
  EXPECT_TRUE(mentions(refused_json, "bad.geojson: feature 2: field type")) << refused_json.output;

  EXPECT_EQ(run("circles coverage --data " + dir_).exit_code, 1) << "nothing was registered";
}

// The first station of the city's organisation.
std::string a_station(const std::string& dir) {
  const nlohmann::json org = nlohmann::json::parse(run("org --data " + dir + " --json").output);
  for (const auto& unit : org["units"]) {
    if (unit["level"] == "station") return unit["code"];
  }
  return {};
}

TEST_F(CirclesCli, AGoodFileRegistersThenChangesNothingThenUpdates) {
  const std::string station = a_station(dir_);
  ASSERT_FALSE(station.empty());
  const std::string file = dir_ + "/registry.csv";
  const auto registry = [&](const std::string& tier) {
    return "record,id,name,type,kind,tier_min,station,lat,lon,hours\n"
           "site,S-0100,实验小学 Experimental Primary,school,," + tier + "," + station + ",31.001,121.002,07:00-18:00\n"
           "post,P-0100,人民广场驻勤点,,checkpoint,," + station + ",31.003,121.004,\n";
  };
  write(file, registry("3"));
  const CliRun first = run("circles import " + file + " --data " + dir_);
  EXPECT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(mentions(first, "2 registered, 0 updated, 0 unchanged")) << first.output;
  const CliRun again = run("circles import " + file + " --data " + dir_);
  EXPECT_TRUE(mentions(again, "0 registered, 0 updated, 2 unchanged")) << again.output;
  write(file, registry("1"));
  const CliRun edited = run("circles import " + file + " --data " + dir_);
  EXPECT_TRUE(mentions(edited, "0 registered, 1 updated, 1 unchanged")) << edited.output;

  // The registry's site and post are what coverage reports on.
  const CliRun report = run("circles coverage --data " + dir_ + " --json");
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const nlohmann::json r = nlohmann::json::parse(report.output);
  EXPECT_EQ(r["sites"], 1);
  EXPECT_EQ(r["posts"], 1);
  EXPECT_EQ(r["tiers"][0]["tier_s"], 60);
  EXPECT_EQ(r["tiers"][0]["sites"], 1);
}

TEST_F(CirclesCli, CoverageOfPlannedPostsAgreesWithThePlan) {
  const CliRun report = run("circles coverage --data " + dir_ + " --from-pois --plan 4 --json");
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const nlohmann::json r = nlohmann::json::parse(report.output);
  ASSERT_GT(r["sites"].get<int>(), 4);
  EXPECT_EQ(r["posts"], 4);
  // The plan's share (from its travel-time table) is what the coverage search finds.
  EXPECT_NEAR(r["plan"]["covered_share"].get<double>(),
              r["covered"].get<double>() / r["sites"].get<double>(), 1e-9);
  double last = -1;
  for (const auto& share : r["shares"]) {
    EXPECT_GE(share["sites"].get<double>(), last);
    last = share["sites"].get<double>();
  }
  // The p-median over the same candidates, and the exact mode on a coarse grid.
  const CliRun median = run("circles coverage --data " + dir_ + " --from-pois --plan 3 --objective pmedian --json");
  ASSERT_EQ(median.exit_code, 0) << median.output;
  EXPECT_EQ(nlohmann::json::parse(median.output)["plan"]["objective"], "pmedian");
  const CliRun exact = run("circles coverage --data " + dir_ + " --from-pois --plan 2 --exact --grid 1500 --json");
  ASSERT_EQ(exact.exit_code, 0) << exact.output;
  const nlohmann::json proved = nlohmann::json::parse(exact.output)["plan"];
  EXPECT_EQ(proved["gap"], 0.0);
  EXPECT_EQ(proved["objective_value"], proved["bound"]);
  EXPECT_EQ(run("circles coverage --data " + dir_ + " --plan 2 --objective fastest --from-pois").exit_code, 2);
  EXPECT_EQ(run("circles coverage --data " + dir_ + " --plan 0 --from-pois").exit_code, 2);
  EXPECT_EQ(run("circles coverage --data " + dir_ + " --plan 2 --demand cars --from-pois").exit_code, 2);
  EXPECT_EQ(run("circles frobnicate --data " + dir_).exit_code, 2);
}

}  // namespace
}  // namespace shouwang::test
