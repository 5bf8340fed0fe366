#pragma once
// Response times against the standards commanders are held to (GET /api/v1/stats/standards):
//
//   城区 5 min / 城郊 10 min  call → first arrival within 300 s in an urban station area
//                            and 600 s in a suburban one; a station is urban when it has at
//                            least 1,500 residents per km² (the density Eurostat's degree
//                            of urbanisation uses for urban centres), suburban below; a
//                            station without a population is held to the urban standard
//                            (the stricter) and says so.
//   NFPA 1710                en route → first arrival (travel) at the 90th percentile
//                            within 240 s.
//
// Parameters: urban_density (residents per km²), urban_s, suburban_s, plus the common ones.

#include <string>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stats_answers.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

Result<std::string> standards(const StatsEnvironment& env,
                              const analytics::IncidentHistory& history, const StatsParams& params);

}  // namespace shouwang::server::stats
