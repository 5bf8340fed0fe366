// Projected coordinates to WGS84 with PROJ: Oregon State Plane North (EPSG:2913,
// international feet) against points whose latitude and longitude are known, and against
// every Portland call that carries both forms.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

#include <shouwang/exchange/coordinate_transform.h>
#include <shouwang/exchange/csv_reader.h>

#include "import_test_support.h"

namespace shouwang::exchange {
namespace {

TEST(ImportCoordinates, OregonNorthFeetToWgs84) {
  auto t = CoordinateTransform::from_epsg(2913);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->epsg(), 2913);
  EXPECT_NE(t->name().find("Oregon North"), std::string::npos) << t->name();
  // The first row of the NIJ Portland calls: x 7660085 ft, y 672910 ft is 45.492962, -122.613925.
  const auto p = t->to_wgs84(7660085, 672910);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_LT(haversine_distance(*p, LatLon{45.492962, -122.613925}).value(), 0.2);
  // The fourth row, west of the river: 7640421 ft, 683913 ft is 45.521692, -122.691743.
  const auto west = t->to_wgs84(7640421, 683913);
  ASSERT_TRUE(west.ok());
  EXPECT_LT(haversine_distance(*west, LatLon{45.521692, -122.691743}).value(), 0.2);
}

TEST(ImportCoordinates, RefusesPointsOutsideTheAreaOfUse) {
  const auto t = CoordinateTransform::from_epsg(2913);
  ASSERT_TRUE(t.ok());
  // 0/0 is the projection's false origin, in the Pacific off California.
  const auto origin = t->to_wgs84(0, 0);
  ASSERT_FALSE(origin.ok());
  EXPECT_EQ(origin.error().code, Errc::kOutOfRange);
  EXPECT_FALSE(t->to_wgs84(672910, 7660085).ok());  // x and y swapped
  EXPECT_FALSE(t->to_wgs84(1e30, 1e30).ok());
  EXPECT_FALSE(t->to_wgs84(std::numeric_limits<double>::quiet_NaN(), 0).ok());
}

TEST(ImportCoordinates, OtherSystemsAndUnknownCodes) {
  const auto mercator = CoordinateTransform::from_epsg(3857);
  ASSERT_TRUE(mercator.ok()) << mercator.error().message;
  // A South Metro Fire row gives X -11680726.34, Y 4806821.541 in web mercator and 39.59195, -104.92975.
  const auto p = mercator->to_wgs84(-11680726.34, 4806821.541);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_LT(haversine_distance(*p, LatLon{39.59195, -104.92975}).value(), 2.0);
  const auto unknown = CoordinateTransform::from_epsg(999999);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Errc::kInvalidArgument);
}

// Every Portland call with both forms: PROJ's result agrees with the published lat/lon.
TEST(ImportCoordinates, PortlandRowsAgreeWithTheirLatLon) {
  const auto file = testing::shared_incidents() / "portland_cfs_2016-08_09.csv";
  if (!std::filesystem::exists(file)) {
    std::printf("skipped: the shared Portland calls are not available at %s\n", file.string().c_str());
    GTEST_SKIP() << "the shared Portland calls are not available: " << file.string();
  }
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string csv = text.str();
  CsvReader reader(csv);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  const auto column = [&](std::string_view name) {
    return static_cast<std::size_t>(std::find(record.fields.begin(), record.fields.end(), name) - record.fields.begin());
  };
  const std::size_t x = column("x_ft_epsg2913"), y = column("y_ft_epsg2913"), lat = column("lat"), lon = column("lon");
  const auto t = CoordinateTransform::from_epsg(2913);
  ASSERT_TRUE(t.ok());
  std::size_t compared = 0;
  double worst = 0;
  while (reader.next(record)) {
    if (record.fields[lat].empty()) continue;
    const auto p = t->to_wgs84(std::stod(record.fields[x]), std::stod(record.fields[y]));
    ASSERT_TRUE(p.ok()) << "line " << record.line << ": " << p.error().message;
    const double metres =
        haversine_distance(*p, LatLon{std::stod(record.fields[lat]), std::stod(record.fields[lon])}).value();
    worst = std::max(worst, metres);
    ++compared;
  }
  EXPECT_EQ(compared, 37818u);
  // The published lat/lon have six decimals (about 0.1 m).
  EXPECT_LT(worst, 0.5);
  std::printf("EPSG:2913 -> WGS84 on %zu Portland rows: largest difference %.3f m\n", compared, worst);
}

}  // namespace
}  // namespace shouwang::exchange
