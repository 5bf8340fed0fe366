#pragma once
// The events and the boundary a backtest plan names, read and put into one planar
// system: the plan's EPSG system (projected x/y as they are, latitude/longitude and
// GeoJSON boundaries transformed by PROJ), or, for latitude/longitude without a code, a
// local frame in metres centred on the boundary. Rows that cannot be used (an unreadable
// time, a missing or untransformable coordinate) are skipped and counted, the first few
// with their line and column; rows left out by the plan's filter are counted apart.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/exchange/backtest_plan.h>

namespace shouwang::exchange {

struct PlanarEvent {
  std::int64_t time = 0;  // wall-clock seconds (backtest_plan.h)
  Xy at;
};

struct BacktestInput {
  std::vector<PlanarEvent> events;
  std::vector<std::vector<Xy>> boundary;  // rings, even-odd
  std::string unit = "metre";             // of the planar system
  double metres_per_unit = 1.0;
  std::size_t rows = 0;      // data rows read
  std::size_t filtered = 0;  // left out by the filter
  std::size_t skipped = 0;   // unusable
  std::vector<std::string> problems;  // the first ten, "file:line: column: why"
};

Result<BacktestInput> load_backtest_input(const BacktestPlanFile& plan);

}  // namespace shouwang::exchange
