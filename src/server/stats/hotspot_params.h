#pragma once
// What the hotspot answers on cells and on street segments share: reading their numeric
// and text parameters, rounding figures for JSON, and the features of a local statistic.

#include <functional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/analytics/local_statistics.h>
#include <shouwang/base/result.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

// The parameter `name` as a number in [lo, hi], `fallback` when absent; kInvalidArgument
// naming it otherwise.
Result<double> number(const StatsParams& params, const std::string& name, double fallback,
                      double lo, double hi);
std::string param(const StatsParams& params, const std::string& name, const std::string& fallback);
double round_to(double v, int digits);

// Runs Gi* (`gi`) or local Moran's I over `counts` with weights `w` and calls
// feature(unit, properties) for every unit with incidents or significant at `alpha`: z, p
// and class (hot or cold; for Moran, i and the quadrant HH / LL / HL / LH). Returns how many
// units are significant.
std::size_t local_statistic_features(
    bool gi, std::span<const double> counts, const analytics::SpatialWeights& w, double alpha,
    const std::function<void(std::uint32_t, nlohmann::json)>& feature);

}  // namespace shouwang::server::stats
