// `shouwang report` as people run it, on a copy of the demo city with weeks of generated
// history: the briefing's figures are those `shouwang stats` gives for the same period,
// every format is written, a station's briefing is that station's, and bad flags are
// usage errors that name the flag.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sim/calls/demo_city_dir.h"

namespace shouwang::sim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class BriefingCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(testing::demo_city_copy("briefing"));
    std::string out;
    ASSERT_EQ(testing::run_shouwang({"gen-history", "--data", dir_->string(), "--days", "35",
                                     "--seed", "8", "--calls-per-day", "60", "--end", "2026-11-01"},
                                    &out),
              0)
        << out;
  }
  static void TearDownTestSuite() { delete dir_; }

  // `shouwang ARGS... --data DIR`'s JSON answer (exit 0 expected).
  static json ask(std::vector<std::string> args) {
    args.push_back("--data");
    args.push_back(dir_->string());
    std::string out;
    EXPECT_EQ(testing::run_shouwang(args, &out), 0) << out;
    // The answer is the output from the first brace (the log lines come before it).
    const std::size_t brace = out.find('{');
    return brace == std::string::npos ? json() : json::parse(out.substr(brace), nullptr, false);
  }

  static fs::path* dir_;
};
fs::path* BriefingCli::dir_ = nullptr;

TEST_F(BriefingCli, AWeeksBriefingAgreesWithTheStatisticsAndWritesEveryFormat) {
  const fs::path out = *dir_ / "briefings";
  std::string text;
  ASSERT_EQ(
      testing::run_shouwang({"report", "weekly", "--data", dir_->string(), "--date", "2026-10-21",
                             "--format", "json,html,xlsx", "--out", out.string(), "--lang", "en"},
                            &text),
      0)
      << text;
  const std::string stem = "briefing-weekly-2026-10-19-en";
  for (const char* ext : {".json", ".html", ".xlsx"})
    EXPECT_TRUE(fs::exists(out / (stem + ext))) << stem << ext << "\n" << text;
  const json briefing = json::parse(read_file(out / (stem + ".json")));
  EXPECT_EQ(briefing["period"]["name"], "week:2026-W43");
  EXPECT_EQ(briefing["previous"]["name"], "week:2026-W42");

  const json counts =
      ask({"stats", "counts", "--period", "week:2026-W43", "--by", "group", "--format", "json"});
  ASSERT_TRUE(counts.is_object());
  EXPECT_GT(counts["total"]["current"].get<int>(), 100);
  EXPECT_EQ(briefing["totals"], counts["total"]);
  for (const json& row : counts["rows"]) {
    bool found = false;
    for (const json& g : briefing["groups"])
      found = found || (g["key"] == row["key"] && g == row);
    EXPECT_TRUE(found) << row.dump();
  }
  // Seven days of trend adding up to the total.
  ASSERT_EQ(briefing["trend"]["unit"], "day");
  ASSERT_EQ(briefing["trend"]["current"].size(), 7U);
  int sum = 0;
  for (const json& n : briefing["trend"]["current"])
    sum += n.get<int>();
  EXPECT_EQ(sum, briefing["totals"]["current"].get<int>());
  const json response = ask(
      {"stats", "response", "--period", "week:2026-W43", "--by", "priority", "--format", "json"});
  EXPECT_EQ(briefing["response"]["total"], response["total"]);

  const std::string html = read_file(out / (stem + ".html"));
  EXPECT_NE(html.find("110 Weekly Briefing"), std::string::npos);
  EXPECT_NE(html.find("Week 43 of 2026 (19 October 2026 – 25 October 2026)"), std::string::npos);
  EXPECT_NE(html.find("Public Security Bureau"), std::string::npos) << "named after the city";
}

TEST_F(BriefingCli, AStationsBriefingCountsOnlyItsIncidents) {
  const json centre =
      ask({"stats", "counts", "--period", "month:2026-10", "--by", "station", "--format", "json"});
  ASSERT_FALSE(centre["rows"].empty());
  const json& busiest = centre["rows"][0];
  const std::string station = busiest["key"][0];
  const fs::path file = *dir_ / ("station-" + station + ".json");
  std::string text;
  ASSERT_EQ(
      testing::run_shouwang({"report", "monthly", "--data", dir_->string(), "--date", "2026-10-31",
                             "--station", station, "--format", "json", "--out", file.string()},
                            &text),
      0)
      << text;
  const json briefing = json::parse(read_file(file));
  EXPECT_EQ(briefing["scope"]["code"], station);
  EXPECT_EQ(briefing["totals"]["current"], busiest["current"]);
  EXPECT_TRUE(briefing["areas"].empty());
  for (const json& row : briefing["league"]["rows"])
    EXPECT_EQ(row["key"], station);
}

TEST_F(BriefingCli, BadFlagsAreUsageErrors) {
  const auto fails = [&](std::vector<std::string> args, const std::string& says) {
    args.push_back("--data");
    args.push_back(dir_->string());
    std::string text;
    EXPECT_EQ(testing::run_shouwang(args, &text), 2) << text;
    EXPECT_NE(text.find(says), std::string::npos) << text;
  };
  fails({"report", "hourly"}, "daily, weekly or monthly");
  fails({"report", "daily", "--format", "docx"}, "--format");
  fails({"report", "daily", "--date", "2026-02-30"}, "(--date)");
  fails({"report", "daily", "--station", "nowhere"}, "(--station)");
  fails({"report", "daily", "--lang", "fr"}, "--lang");
}

}  // namespace
}  // namespace shouwang::sim
