// Backtest inputs: shapefiles written byte by byte here, plans with every kind of mistake,
// and events read from CSV into the plan's planar system.

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/exchange/backtest_input.h>
#include <shouwang/exchange/backtest_plan.h>
#include <shouwang/exchange/coordinate_transform.h>
#include <shouwang/exchange/shapefile.h>

namespace shouwang::exchange {
namespace {

namespace fs = std::filesystem;

void big32(std::string& out, std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((u >> shift) & 0xff));
}
void little32(std::string& out, std::int32_t v) {
  const auto u = static_cast<std::uint32_t>(v);
  for (int shift = 0; shift <= 24; shift += 8)
    out.push_back(static_cast<char>((u >> shift) & 0xff));
}
void little_double(std::string& out, double v) {
  const auto u = std::bit_cast<std::uint64_t>(v);
  for (int shift = 0; shift <= 56; shift += 8)
    out.push_back(static_cast<char>((u >> shift) & 0xff));
}

// A polygon shapefile of the given records, each a list of parts, as the ESRI
// specification lays it out.
std::string shapefile(const std::vector<std::vector<std::vector<Xy>>>& records) {
  std::string body;
  int number = 0;
  for (const auto& parts : records) {
    std::string content;
    little32(content, 5);
    for (int i = 0; i < 4; ++i)
      little_double(content, 0.0);  // the box: not read
    std::int32_t points = 0;
    for (const auto& p : parts)
      points += static_cast<std::int32_t>(p.size());
    little32(content, static_cast<std::int32_t>(parts.size()));
    little32(content, points);
    std::int32_t first = 0;
    for (const auto& p : parts) {
      little32(content, first);
      first += static_cast<std::int32_t>(p.size());
    }
    for (const auto& p : parts)
      for (const Xy xy : p) {
        little_double(content, xy.x);
        little_double(content, xy.y);
      }
    big32(body, ++number);
    big32(body, static_cast<std::int32_t>(content.size() / 2));
    body += content;
  }
  std::string header;
  big32(header, 9994);
  for (int i = 0; i < 5; ++i)
    big32(header, 0);
  big32(header, static_cast<std::int32_t>((100 + body.size()) / 2));
  little32(header, 1000);
  little32(header, 5);
  for (int i = 0; i < 8; ++i)
    little_double(header, 0.0);
  return header + body;
}

TEST(Shapefile, PolygonsWithHolesAndSeveralRecords) {
  const std::vector<Xy> outer{{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}};
  const std::vector<Xy> hole{{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}};
  const std::vector<Xy> island{{20, 0}, {20, 1}, {21, 1}, {20, 0}};
  auto parsed = parse_shapefile_polygons(shapefile({{outer, hole}, {island}}), "t.shp");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->records, 2u);
  ASSERT_EQ(parsed->rings.size(), 3u);
  EXPECT_EQ(parsed->rings[0], outer);
  EXPECT_EQ(parsed->rings[1], hole);
  EXPECT_EQ(parsed->rings[2], island);
}

TEST(Shapefile, MalformedFilesAreRefusedWithTheByteOffset) {
  const std::vector<Xy> square{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}};
  const std::string good = shapefile({{square}});
  std::string wrong_code = good;
  wrong_code[3] = 1;
  auto a = parse_shapefile_polygons(wrong_code, "a.shp");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, Errc::kCorrupt);
  EXPECT_NE(a.error().message.find("a.shp: byte 0"), std::string::npos) << a.error().message;

  std::string points = good;
  points[32] = 1;  // shape type 1: points
  auto b = parse_shapefile_polygons(points, "b.shp");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("byte 32"), std::string::npos) << b.error().message;

  const std::string cut = good.substr(0, good.size() - 20);  // the header says more
  auto c = parse_shapefile_polygons(cut, "c.shp");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("c.shp: byte 100"), std::string::npos) << c.error().message;
}

const char* kPlan = R"(name = "test"
[events]
file = "e.csv"
time = "day"
time_format = "%Y-%m-%d"
x = "x"
y = "y"
epsg = 2913
[boundary]
file = "b.geojson"
[study]
cells = [600, 250]
hot_area = 6969600
[[schedule]]
name = "weekly"
first = "2015-03-02"
last = "2017-05-22"
every = "7d"
horizon = "7d"
[[schedule]]
name = "monthly"
first = "2016-01-31"
last = "2016-05-01"
every = "1m"
horizon = "30d"
)";

TEST(BacktestPlan, SchedulesMakeTheProtocolsOrigins) {
  auto plan = parse_backtest_plan(kPlan, "p.toml");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_EQ(plan->cells, (std::vector<double>{600, 250}));
  EXPECT_FALSE(plan->study_area);
  ASSERT_EQ(plan->schedules.size(), 2u);
  const auto weekly = plan->schedules[0].origins();
  EXPECT_EQ(weekly.size(), 117u) << "every Monday, 2015-03-02 to 2017-05-22";
  EXPECT_EQ(weekly.front(), 1425254400);  // 2015-03-02T00:00:00Z
  EXPECT_EQ(plan->schedules[0].horizon, 7 * 86'400);
  // The 31st of a shorter month is its last day: 31 Jan, 29 Feb (leap), 31 Mar, 30 Apr.
  const auto monthly = plan->schedules[1].origins();
  ASSERT_EQ(monthly.size(), 4u);
  EXPECT_EQ(monthly[1] - monthly[0], 29 * 86'400);
  EXPECT_EQ(monthly[3] - monthly[2], 30 * 86'400);
}

TEST(BacktestPlan, MistakesNameTheLineAndTheKey) {
  const auto error_of = [](std::string text) {
    auto plan = parse_backtest_plan(text, "p.toml");
    return plan.ok() ? std::string("accepted") : plan.error().message;
  };
  std::string unknown = kPlan;
  unknown.replace(unknown.find("hot_area"), 8, "hot_aera");
  EXPECT_NE(error_of(unknown).find("p.toml:13: study.hot_aera: unknown key"), std::string::npos)
      << error_of(unknown);
  std::string every = kPlan;
  every.replace(every.find("\"7d\""), 4, "\"week\"");
  EXPECT_NE(error_of(every).find("schedule[1].every: must be days"), std::string::npos)
      << error_of(every);
  std::string date = kPlan;
  date.replace(date.find("2015-03-02"), 10, "2015-02-30");
  EXPECT_NE(error_of(date).find("schedule[1].first: must be a date"), std::string::npos)
      << error_of(date);
  std::string both = kPlan;
  both.replace(both.find("epsg = 2913"), 11, "lat = \"la\"");
  EXPECT_NE(error_of(both).find("either x and y"), std::string::npos) << error_of(both);
  EXPECT_NE(error_of("[events\n").find("p.toml:1:"), std::string::npos);
}

TEST(BacktestInput, EventsAndAGeoJsonBoundaryInOneProjectedSystem) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang_bt_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // Two points in Portland given in EPSG:2913 feet, one unreadable date, one at 0/0.
  std::ofstream(dir / "e.csv") << "day,x,y\n2016-01-04,7650823,670782\n2016-01-05,7653382,698949\n"
                                  "2016-13-01,7650823,670782\n2016-01-06,0,0\n";
  // The boundary in WGS84 around downtown Portland.
  std::ofstream(dir / "b.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",)"
      << R"("coordinates":[[[-122.8,45.4],[-122.5,45.4],[-122.5,45.65],[-122.8,45.65],[-122.8,45.4]]]}}]})";
  std::ofstream(dir / "p.toml") << kPlan;
  auto plan = load_backtest_plan(dir / "p.toml");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  auto input = load_backtest_input(*plan);
  ASSERT_TRUE(input.ok()) << input.error().message;
  EXPECT_EQ(input->rows, 4u);
  ASSERT_EQ(input->events.size(), 2u);
  EXPECT_EQ(input->skipped, 2u);
  ASSERT_EQ(input->problems.size(), 2u);
  EXPECT_NE(input->problems[0].find("e.csv:4: day"), std::string::npos) << input->problems[0];
  EXPECT_NE(input->problems[1].find("e.csv:5: x"), std::string::npos) << input->problems[1];
  EXPECT_EQ(input->events[0].time, 1451865600);  // 2016-01-04, wall clock
  EXPECT_NEAR(input->metres_per_unit, 0.3048, 1e-12);
  // The boundary came through PROJ into feet: its corner lies where EPSG:2913 puts it.
  auto transform = CoordinateTransform::from_epsg(2913);
  ASSERT_TRUE(transform.ok());
  const auto corner = transform->from_wgs84({45.4, -122.8});
  ASSERT_TRUE(corner.ok());
  ASSERT_EQ(input->boundary.size(), 1u);
  EXPECT_NEAR(input->boundary[0][0].x, corner->x, 1e-6);
  EXPECT_NEAR(input->boundary[0][0].y, corner->y, 1e-6);
  // And back: the events' feet are where the file's other columns say (within a foot).
  const auto back = transform->to_wgs84(input->events[0].at.x, input->events[0].at.y);
  ASSERT_TRUE(back.ok());
  EXPECT_NEAR(back->lat, 45.5, 0.1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::exchange
