#include "server/stats/hotspot_answer.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/kernel_density.h>
#include <shouwang/analytics/local_statistics.h>
#include <shouwang/analytics/selection.h>

#include "server/stats/hotspot_params.h"
#include "server/stats/lattice_area.h"
#include "server/stats/segment_hotspots.h"
#include "server/stats/stats_json.h"

namespace shouwang::server::stats {
namespace {

using nlohmann::json;
namespace an = analytics;

constexpr double kMinCell = 50.0, kMaxCell = 5000.0;
constexpr std::size_t kMaxCells = 1'000'000;
constexpr double kKdeListedShare = 0.01;  // kde cells listed: at least 1 % of the peak

Result<an::SpatialWeights> weights_for(const std::string& text, const an::StudyGrid& grid) {
  if (text == "queen")
    return an::queen_contiguity(grid);
  if (text == "rook")
    return an::rook_contiguity(grid);
  if (text.starts_with("band:")) {
    double band = 0;
    const std::string_view v(text.data() + 5, text.size() - 5);
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), band);
    if (ec == std::errc() && end == v.data() + v.size() && band >= grid.cell() &&
        band <= 20 * grid.cell()) {
      std::vector<Xy> centres(grid.size());
      for (std::uint32_t i = 0; i < grid.size(); ++i)
        centres[i] = grid.centre(i);
      return an::distance_band(centres, band);
    }
  }
  return Error(
      Errc::kInvalidArgument,
      "neighbours is queen, rook or band:<metres> (one to twenty cell sides), not '" + text + "'",
      "neighbours");
}

}  // namespace

Result<std::string> hotspots(const an::IncidentHistory& history, const StatsParams& params,
                             const RoadSegments& roads) {
  if (param(params, "on", "cells") == "segments")
    return segment_hotspots(history, params, roads);
  if (const std::string on = param(params, "on", "cells"); on != "cells")
    return Error(Errc::kInvalidArgument, "on is cells or segments, not '" + on + "'", "on");
  if (Status ok = only_known(
          params, {"on", "method", "cell", "bandwidth", "kernel", "neighbours", "alpha"});
      !ok)
    return ok.error();
  const std::string method = param(params, "method", "counts");
  if (method != "counts" && method != "kde" && method != "gi_star" && method != "local_moran")
    return Error(Errc::kInvalidArgument,
                 "method is counts, kde, gi_star or local_moran, not '" + method + "'", "method");
  auto cell = number(params, "cell", 250.0, kMinCell, kMaxCell);
  auto bandwidth = number(params, "bandwidth", 150.0, 10.0, 10'000.0);
  auto alpha = number(params, "alpha", 0.05, 1e-6, 0.5);
  for (const auto* r : {&cell, &bandwidth, &alpha})
    if (!*r)
      return r->error();
  const std::string kernel_name = param(params, "kernel", "gaussian");
  if (kernel_name != "gaussian" && kernel_name != "quartic")
    return Error(Errc::kInvalidArgument, "kernel is gaussian or quartic, not '" + kernel_name + "'",
                 "kernel");

  // The period's incidents with a position, in the history's planar frame (metres).
  const an::CompiledFilter wanted(history, params.filter);
  std::vector<Xy> points;
  an::PlanarBox box;
  for (const std::uint32_t row : history.rows_in(params.period)) {
    if (!wanted(row))
      continue;
    if (const auto p = history.planar(row)) {
      points.push_back(*p);
      box.min = {std::min(box.min.x, p->x), std::min(box.min.y, p->y)};
      box.max = {std::max(box.max.x, p->x), std::max(box.max.y, p->y)};
    }
  }
  json features = json::array();
  json summary = {{"method", method},
                  {"cell_m", *cell},
                  {"period", period_json(params.period, history)},
                  {"incidents", points.size()},
                  {"officer_initiated", params.filter.officer_initiated}};
  if (points.empty())
    return text({{"type", "FeatureCollection"}, {"properties", summary}, {"features", features}});

  // The area: the incidents' bounding box with a cell to spare on every side, its corner on
  // the lattice of `cell` through the history's grid origin, so that a cell is the same
  // square in every answer at that size.
  const double pad = *cell + (method == "kde" ? *bandwidth : 0.0);
  auto area = lattice_area(box, *cell, pad, kMaxCells);
  if (!area)
    return area.error();
  const an::StudyGrid* grid = &area->grid;
  std::vector<double> counts(grid->size(), 0.0);
  for (const Xy p : points)
    if (const std::uint32_t i = grid->index_of(p); i != an::kOutsideStudy)
      counts[i] += 1.0;

  const auto feature = [&](std::uint32_t i, json properties) {
    properties["cell"] = grid->id(i);
    properties["count"] = counts[i];
    features.push_back(
        {{"type", "Feature"},
         {"geometry", {{"type", "Polygon"}, {"coordinates", cell_polygon(history, *grid, i)}}},
         {"properties", properties}});
  };
  if (method == "counts") {
    for (std::uint32_t i = 0; i < grid->size(); ++i)
      if (counts[i] > 0)
        feature(i, json::object());
  } else if (method == "kde") {
    an::KernelSurface surface(
        *grid, kernel_name == "gaussian" ? an::Kernel::kGaussian : an::Kernel::kQuartic, *bandwidth,
        an::CellValue::kDensityAtCentre);
    for (const Xy p : points)
      surface.add(p);
    const auto values = surface.values();
    const double peak = *std::max_element(values.begin(), values.end());
    for (std::uint32_t i = 0; i < grid->size(); ++i)
      if (values[i] >= kKdeListedShare * peak && values[i] > 0)
        feature(i, {{"density_per_km2", round_to(values[i] * 1e6, 3)}});
    summary["bandwidth_m"] = *bandwidth;
    summary["kernel"] = kernel_name;
  } else {
    if (grid->size() < 3)
      return Error(Errc::kInvalidArgument, "a statistic needs at least three cells", "cell");
    auto w = weights_for(param(params, "neighbours", "queen"), *grid);
    if (!w)
      return w.error();
    const std::size_t significant =
        local_statistic_features(method == "gi_star", counts, *w, *alpha,
                                 [&](std::uint32_t i, json p) { feature(i, std::move(p)); });
    summary["neighbours"] = param(params, "neighbours", "queen");
    summary["alpha"] = *alpha;
    summary["significant"] = significant;
  }
  summary["cells"] = grid->size();
  return text({{"type", "FeatureCollection"}, {"properties", summary}, {"features", features}});
}

}  // namespace shouwang::server::stats
