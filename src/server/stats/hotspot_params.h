#pragma once
// What the hotspot answers on cells and on street segments share: reading their numeric
// and text parameters, rounding figures for JSON, and naming Moran quadrants.

#include <string>

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
// "HH", "LL", "HL", "LH"; nullptr when not significant.
const char* quadrant_name(analytics::MoranQuadrant q);

}  // namespace shouwang::server::stats
