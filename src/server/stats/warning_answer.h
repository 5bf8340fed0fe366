#pragma once
// Early warning over the incident history (GET /api/v1/stats/warnings, `shouwang stats
// warnings`): for one day, every station (or sub-bureau) × reporting group (or level-1 or
// level-2 type) whose daily count is beyond expectation by EARS C1 / C2 / C3 or historical
// limits (analytics/early_warning.h), each alarm with its evidence: the day's count (or
// the 28-day period's, for historical limits), the baseline's mean and deviation and days,
// the statistic and its threshold. Alarms come strongest first (statistic / threshold).
// Only days the records cover make a baseline: a method that needs more history than
// there is stays silent rather than compare with days that were never recorded.
//
// Parameters: as_of (the day; default yesterday, the last whole day), methods (default
// ears_c2,ears_c3,historical_limits), subject (group, type_level1 or type_level2; default
// group), level (station or district), plus the common filters.

#include <string>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stats_answers.h>

#include "server/stats/stats_query.h"

namespace shouwang::server::stats {

Result<std::string> warnings(const StatsEnvironment& env, const analytics::IncidentHistory& history,
                             const StatsParams& params);

}  // namespace shouwang::server::stats
