#pragma once
// Hotspots on street segments (GET /api/v1/stats/hotspots?on=segments): each incident of
// the period is snapped to the nearest road within `snap` metres (10–500, default 100) and
// counted on that road's street segment (routing/street_segments.h); segments sharing a
// junction are neighbours. Methods: counts (the segments with incidents, with their count
// per km), gi_star and local_moran (every segment of the network takes part; the answer
// lists those with incidents and the significant ones at `alpha`). GeoJSON LineStrings.

#include <string>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stats_answers.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

// kUnavailable when `roads` is empty (no road network).
Result<std::string> segment_hotspots(const analytics::IncidentHistory& history,
                                     const StatsParams& params, const RoadSegments& roads);

}  // namespace shouwang::server::stats
