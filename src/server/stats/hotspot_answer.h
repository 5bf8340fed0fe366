#pragma once
// Hotspot maps as GeoJSON (GET /api/v1/stats/hotspots, `shouwang stats hotspots`): the
// period's incidents on square cells over the area they cover, with one of
//
//   counts       incidents per cell
//   kde          kernel density at each cell centre, incidents per km² (kernel gaussian or
//                quartic, bandwidth in metres)
//   gi_star      Getis–Ord Gi* z-score and p-value per cell; hot (z > 0) or cold when
//                p < alpha
//   local_moran  local Moran's I, z, p and the quadrant (HH, LL, HL, LH) when p < alpha
//
// Neighbours for the two statistics: queen (default) or rook contiguity, or band:<metres>.
// Every cell of the area takes part in a statistic, empty ones too; the answer lists the
// cells with incidents and, for the statistics, the significant ones.
// Parameters: method, cell (metres, 50–5,000, default 250), bandwidth, kernel, neighbours,
// alpha, plus the common ones (period, type, group, station, district, priority, ...).
// With on=segments the units are street segments instead of cells (segment_hotspots.h).

#include <string>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stats_answers.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

Result<std::string> hotspots(const analytics::IncidentHistory& history, const StatsParams& params,
                             const RoadSegments& roads);

}  // namespace shouwang::server::stats
