// `shouwang backtest` on the forecasting reference protocol (Portland burglary, NIJ
// setting) and on the Montgomery County 911 calls (../shared/data/incidents, not part of
// the repository). Checks that the default forecaster is not worse than the best baseline
// (its PAI ratio interval starts at 0.9 or above) in every Portland setting, recomputes the
// all-history-count PAI with code of its own (its own CSV reading, grid, point-in-polygon
// and ranking; only the shapefile's rings come from the project's reader), and compares the
// tables of docs/analytics.md with the verb's JSON. A missing file skips with the reason.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/exchange/shapefile.h>

#include "stats/shared_incidents.h"
#include "store/child_process.h"

namespace shouwang::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;


json run_backtest(const std::string& plan, const std::vector<std::string>& inputs) {
  const fs::path out =
      fs::temp_directory_path() / ("shouwang_backtest_" + std::to_string(::getpid()) + ".json");
  const fs::path log = out.string() + ".log";
  std::vector<std::string> argv{kBin, "backtest", (kSourceDir / "data/backtest" / plan).string()};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  argv.insert(argv.end(), {"--out", out.string()});
  SpawnOptions options;
  options.output_path = log.string();
  auto pid = spawn(argv, options);
  EXPECT_TRUE(pid.ok());
  if (!pid.ok())
    return {};
  const int code = wait_for_exit(*pid);
  EXPECT_EQ(code, 0) << read_text(log);
  json result = json::parse(read_text(out), nullptr, false);
  fs::remove(out);
  fs::remove(log);
  return result;
}

const json& method_of(const json& setting, const std::string& name) {
  for (const json& m : setting["methods"])
    if (m["method"] == name)
      return m;
  static const json none;
  ADD_FAILURE() << "no method " << name;
  return none;
}

// The rows docs/analytics.md must hold for a setting, formatted as the document does.
std::vector<std::string> table_rows(const json& setting) {
  std::vector<std::string> rows;
  for (const json& m : setting["methods"]) {
    const json& r = m["ratio_to_best_baseline"];
    char row[256];
    std::snprintf(row, sizeof row, "| `%s` | %.2f | %.3f | %.3f | %.3f | %.3f [%.3f, %.3f] |",
                  m["method"].get<std::string>().c_str(), m["pooled_pai"].get<double>(),
                  m["pooled_pei_star"].get<double>(), m["hit_rate_1pct"].get<double>(),
                  m["hit_rate_5pct"].get<double>(), r["ratio"].get<double>(),
                  r["low"].get<double>(), r["high"].get<double>());
    rows.emplace_back(row);
  }
  return rows;
}

void expect_documented(const json& result, const std::string& section) {
  const std::string doc = read_text(kSourceDir / "docs/analytics.md");
  const auto at = doc.find(section);
  ASSERT_NE(at, std::string::npos) << section;
  const std::string part = doc.substr(at);
  for (const json& setting : result["settings"])
    for (const std::string& row : table_rows(setting))
      EXPECT_NE(part.find(row), std::string::npos) << "docs/analytics.md should read:\n" << row;
}

// ---- an independent all-history-count PAI ----

struct Burglary {
  int day;  // days since 1970-01-01
  double x, y;
};

int days_from_civil(int y, unsigned m, unsigned d) {  // proleptic Gregorian
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

bool inside(const std::vector<std::vector<Xy>>& rings, double x, double y) {
  bool in = false;
  for (const auto& r : rings)
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
      if ((r[i].y > y) != (r[j].y > y) &&
          x < r[j].x + (y - r[j].y) * (r[i].x - r[j].x) / (r[i].y - r[j].y))
        in = !in;
  return in;
}

double counts_pai_weekly_600(const fs::path& csv, const fs::path& shapefile) {
  auto shapes = exchange::read_shapefile_polygons(shapefile);
  EXPECT_TRUE(shapes.ok());
  const auto& rings = shapes->rings;
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const auto& r : rings)
    for (const Xy p : r) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x),
      y1 = std::max(y1, p.y);
    }
  const double cell = 600.0;
  const long columns = static_cast<long>(std::ceil((x1 - x0) / cell));
  const long rows = static_cast<long>(std::ceil((y1 - y0) / cell));
  std::set<long> study;
  for (long r = 0; r < rows; ++r)
    for (long c = 0; c < columns; ++c)
      if (inside(rings, x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell))
        study.insert(r * columns + c);

  std::vector<Burglary> events;
  std::istringstream text(read_text(csv));
  std::string line;
  std::getline(text, line);  // header: occ_date,x_coordina,y_coordina,...
  while (std::getline(text, line)) {
    int y = 0;
    unsigned m = 0, d = 0;
    double x = 0, yy = 0;
    if (std::sscanf(line.c_str(), "%d-%u-%u,%lf,%lf", &y, &m, &d, &x, &yy) == 5)
      events.push_back({days_from_civil(y, m, d), x, yy});
  }
  const auto cell_of = [&](const Burglary& e) {
    return static_cast<long>(std::floor((e.y - y0) / cell)) * columns +
           static_cast<long>(std::floor((e.x - x0) / cell));
  };
  double caught = 0, total = 0;
  const int first = days_from_civil(2015, 3, 2);
  for (int w = 0; w < 117; ++w) {
    const int origin = first + 7 * w;
    std::map<long, int> counts;
    for (const auto& e : events)
      if (e.day < origin && study.contains(cell_of(e)))
        ++counts[cell_of(e)];
    std::vector<std::pair<int, long>> ranked;
    for (const auto& [c, n] : counts)
      ranked.emplace_back(-n, c);
    std::sort(ranked.begin(), ranked.end());
    std::set<long> hot;
    for (std::size_t i = 0; i < 20 && i < ranked.size(); ++i)
      hot.insert(ranked[i].second);
    for (const auto& e : events) {
      if (e.day < origin || e.day >= origin + 7)
        continue;
      const long c = cell_of(e);
      if (study.contains(c) || inside(rings, e.x, e.y))
        ++total;
      if (hot.contains(c))
        ++caught;
    }
  }
  return (caught / total) / (20 * cell * cell / 4117777129.0);
}

TEST(BacktestRealData, PortlandBurglaryReferenceProtocol) {
  const fs::path csv = kIncidents / "portland_burglary_2012-2017.csv";
  const fs::path shp = kIncidents / "portland_police_districts_shapefile.zip";
  SHOUWANG_REQUIRE_SHARED_FILE(csv);
  SHOUWANG_REQUIRE_SHARED_FILE(shp);
  const json result = run_backtest("portland_burglary.toml",
                                   {"--events", csv.string(), "--boundary", shp.string()});
  ASSERT_TRUE(result.is_object());
  EXPECT_EQ(result["events"]["used"], 5364);
  ASSERT_EQ(result["settings"].size(), 4u);
  for (const json& setting : result["settings"]) {
    SCOPED_TRACE(setting["schedule"].get<std::string>() + " " +
                 std::to_string(setting["cell"].get<double>()));
    EXPECT_EQ(setting["n_origins"], setting["schedule"] == "weekly" ? 117 : 27);
    EXPECT_EQ(setting["hot_cells"], setting["cell"] == 600.0 ? 20 : 112);
    const json& own = method_of(setting, "shouwang");
    EXPECT_GE(own["ratio_to_best_baseline"]["low"].get<double>(), 0.9)
        << "the default is worse than the best baseline";
    for (const json& m : setting["methods"])
      EXPECT_EQ(m["n_origins"], setting["n_origins"]);
  }
  const json& weekly600 = result["settings"][0];
  // The protocol's own figure for a 300 ft KDE at 600 ft and one week is about 12.
  EXPECT_NEAR(method_of(weekly600, "kde_gaussian_300")["pooled_pai"].get<double>(), 12.0, 0.5);
  EXPECT_NEAR(method_of(weekly600, "counts_all")["pooled_pai"].get<double>(),
              counts_pai_weekly_600(csv, shp), 5e-4);
  expect_documented(result, "### Portland burglary: the forecasting reference protocol");
}

TEST(BacktestRealData, MontgomeryCallsFollowTheCounts) {
  const fs::path zip = kIncidents / "montgomery_pa_911_2015-12_2016-08.zip";
  SHOUWANG_REQUIRE_SHARED_FILE(zip);
  const json result = run_backtest("montgomery_911.toml", {"--events", zip.string()});
  ASSERT_TRUE(result.is_object());
  for (const json& setting : result["settings"]) {
    const double own = method_of(setting, "shouwang")["pooled_pai"].get<double>();
    const double counts = method_of(setting, "counts_all")["pooled_pai"].get<double>();
    const double smooth = method_of(setting, "kde_multiscale")["pooled_pai"].get<double>();
    EXPECT_GT(own, smooth)
        << "calls come back to the same addresses: the default must leave the smoothing";
    EXPECT_GT(own, 0.95 * counts);
  }
  expect_documented(result, "### Montgomery County 911: a different city and kind of event");
}

}  // namespace
}  // namespace shouwang::test
