#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <shouwang/osm/city_generator.h>
#include <shouwang/osm/city_summary.h>

namespace shouwang::osm {
namespace {

namespace fs = std::filesystem;

class CitySummaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("shouwang-summary-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CitySummaryTest, ReadsNameCodeAndExtentOfAGeneratedCity) {
  const auto path = (dir_ / "city.osm.pbf").string();
  const auto stats = write_demo_city({4, 6.0}, path);
  ASSERT_TRUE(stats.ok());
  const auto summary = read_city_summary(path);
  ASSERT_TRUE(summary.ok()) << summary.error().to_string();
  EXPECT_EQ(summary->name, stats->name_zh);
  EXPECT_EQ(summary->name_en, stats->name_en);
  EXPECT_EQ(summary->code, stats->code);
  EXPECT_NEAR(summary->centre().lat, stats->centre.lat, 1e-3);
  EXPECT_NEAR(summary->centre().lon, stats->centre.lon, 1e-3);
  // A 6 km square: about 0.054 degrees of latitude.
  EXPECT_NEAR(summary->north_east.lat - summary->south_west.lat, 6000.0 / 111195.0, 1e-3);
}

TEST_F(CitySummaryTest, MissingAndCorruptFilesAreClearErrors) {
  const auto missing = read_city_summary((dir_ / "nope.osm.pbf").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
  std::ofstream(dir_ / "junk.osm.pbf") << "this is not a protocol buffer";
  const auto junk = read_city_summary((dir_ / "junk.osm.pbf").string());
  ASSERT_FALSE(junk.ok());
  EXPECT_EQ(junk.error().code, Errc::kCorrupt);
  EXPECT_NE(junk.error().message.find("junk.osm.pbf"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::osm
