#pragma once
// A forecast backtest described in a small TOML file (docs/forecasting.md gives the
// format; data/backtest/ holds the reference protocols): where the events are and how
// their columns read, the boundary of the study area, the cell sides, the hot area, and
// the schedules of origins. Parsing checks everything that does not need the files, with
// errors naming the plan file, the line and the key ("nij.toml:14: schedule[2].every: ...").
//
// Times are wall-clock times of the events' own place, compared as written: an origin is
// a local midnight, and "2015-03-02" in the CSV is that day's midnight too. Events and
// origins never meet a time zone, so a daylight-saving change cannot shift a day.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>

namespace shouwang::exchange {

struct BacktestSchedule {
  std::string name;        // "weekly"
  std::int64_t first = 0;  // the first origin, seconds (a local midnight, read as UTC)
  std::int64_t last = 0;   // the last origin at or before this
  int every_days = 0;      // origins every N days, or
  int every_months = 0;    // on the same day of every Nth month
  std::int64_t horizon = 0;  // seconds

  [[nodiscard]] std::vector<std::int64_t> origins() const;
};

struct BacktestPlanFile {
  std::string source;  // the plan's file name, in messages
  std::string name;
  // Events: a CSV file (or a .zip holding one) and its columns.
  std::filesystem::path events_file;  // relative to the plan's directory unless absolute
  std::string time_column;
  std::string time_format = "iso8601";  // local_time.h directives
  std::string x_column, y_column;       // projected coordinates in `epsg`, or
  std::string lat_column, lon_column;   // WGS84 degrees
  int epsg = 0;  // the planar system of cells and areas; 0 with lat/lon: a local frame in metres
  // Rows whose `filter_column` holds none of `filter_values` are left out (one crime type).
  std::string filter_column;
  std::vector<std::string> filter_values;
  // The boundary: a shapefile (.shp or .zip) in `epsg`, or GeoJSON in WGS84.
  std::filesystem::path boundary_file;
  // The study, in the system's units (feet for EPSG:2913).
  std::vector<double> cells;
  double hot_area = 0.0;
  std::optional<double> study_area;  // A; the boundary's area when absent
  std::vector<BacktestSchedule> schedules;
  std::vector<std::string> methods;  // empty: all shipped methods
  int bootstrap_samples = 2000;
  std::uint64_t seed = 1;
};

Result<BacktestPlanFile> parse_backtest_plan(std::string_view text, std::string_view source);
// Reads and parses a plan; its relative file names are resolved against its directory.
Result<BacktestPlanFile> load_backtest_plan(const std::filesystem::path& path);

}  // namespace shouwang::exchange
