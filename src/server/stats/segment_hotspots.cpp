#include "server/stats/segment_hotspots.h"

#include <nlohmann/json.hpp>

#include <shouwang/analytics/local_statistics.h>
#include <shouwang/analytics/selection.h>

#include "server/stats/hotspot_params.h"
#include "server/stats/stats_json.h"

namespace shouwang::server::stats {
namespace {

using nlohmann::json;
namespace an = analytics;

json line_coordinates(const std::vector<LatLon>& line) {
  json out = json::array();
  for (const LatLon p : line)
    out.push_back({round_to(p.lon, 6), round_to(p.lat, 6)});
  return out;
}

}  // namespace

Result<std::string> segment_hotspots(const an::IncidentHistory& history, const StatsParams& params,
                                     const RoadSegments& roads) {
  if (Status ok = only_known(params, {"on", "method", "snap", "alpha"}); !ok)
    return ok.error();
  const std::string method = param(params, "method", "counts");
  if (method != "counts" && method != "gi_star" && method != "local_moran")
    return Error(
        Errc::kInvalidArgument,
        "on street segments the method is counts, gi_star or local_moran, not '" + method + "'",
        "method");
  auto snap = number(params, "snap", 100.0, 10.0, 500.0);
  if (!snap)
    return snap.error();
  auto alpha = number(params, "alpha", 0.05, 1e-6, 0.5);
  if (!alpha)
    return alpha.error();
  if (roads.snap == nullptr || roads.segments == nullptr)
    return Error(Errc::kUnavailable,
                 "this server has no road network to put incidents on street segments", "on");
  const routing::StreetSegments& segments = *roads.segments;

  // The period's incidents with a position, each on its nearest street segment.
  const an::CompiledFilter wanted(history, params.filter);
  std::vector<double> counts(segments.size(), 0.0);
  std::size_t placed = 0, off_road = 0;
  for (const std::uint32_t row : history.rows_in(params.period)) {
    if (!wanted(row))
      continue;
    const auto p = history.planar(row);
    if (!p)
      continue;
    auto on_road = roads.snap->snap(history.to_lat_lon(*p), Meters(*snap));
    const std::uint32_t segment =
        on_road ? segments.of_arc[on_road->arc.value()] : routing::kNoSegment;
    if (segment == routing::kNoSegment) {
      ++off_road;
      continue;
    }
    counts[segment] += 1.0;
    ++placed;
  }
  json summary = {{"on", "segments"},
                  {"method", method},
                  {"snap_m", *snap},
                  {"period", period_json(params.period, history)},
                  {"incidents", placed},
                  {"off_road", off_road},
                  {"segments", segments.size()},
                  {"officer_initiated", params.filter.officer_initiated}};
  json features = json::array();
  const auto feature = [&](std::uint32_t i, json properties) {
    properties["segment"] = i;
    properties["count"] = counts[i];
    properties["length_m"] = round_to(segments.length_m[i], 1);
    properties["per_km"] =
        segments.length_m[i] > 0 ? round_to(counts[i] / segments.length_m[i] * 1000.0, 3) : 0.0;
    features.push_back(
        {{"type", "Feature"},
         {"geometry",
          {{"type", "LineString"}, {"coordinates", line_coordinates(segments.lines[i])}}},
         {"properties", std::move(properties)}});
  };
  if (method == "counts") {
    for (std::uint32_t i = 0; i < segments.size(); ++i)
      if (counts[i] > 0)
        feature(i, json::object());
    return text({{"type", "FeatureCollection"}, {"properties", summary}, {"features", features}});
  }
  if (segments.size() < 3)
    return Error(Errc::kInvalidArgument, "a statistic needs at least three street segments", "on");
  const an::SpatialWeights w = an::from_pairs(segments.size(), segments.neighbours);
  const std::size_t significant =
      local_statistic_features(method == "gi_star", counts, w, *alpha,
                               [&](std::uint32_t i, json p) { feature(i, std::move(p)); });
  summary["alpha"] = *alpha;
  summary["significant"] = significant;
  return text({{"type", "FeatureCollection"}, {"properties", summary}, {"features", features}});
}

}  // namespace shouwang::server::stats
