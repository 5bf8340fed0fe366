#pragma once
// The briefing (警情通报): every figure of a daily, weekly or monthly bulletin for the centre,
// a sub-bureau or a station, as one JSON document — totals with 同比 / 环比, the reporting
// groups and the leading incident types (second level: 盗窃, 诈骗 …), the trend by hour or by day,
// the areas with their rates per 10,000 residents, response times by priority, the station league
// table, the hotspot grid, zero-incident streaks, the safety index and the alarms these raise. The
// figures come from the same answers as /api/v1/stats (stats_answers.h), so a briefing and
// the API never disagree. Renderers (report/) turn the document into HTML, PDF and XLSX.
//
// Parameters (docs/analytics.md, "Briefings"):
//   kind      daily, weekly or monthly
//   date      a day inside the period (default: yesterday, last week, last month)
//   station   one station code, or
//   district  one sub-bureau code (default: the whole centre)

#include <map>
#include <string>

#include <shouwang/base/result.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/stats_answers.h>

namespace shouwang::server {

// The rules that raise a briefing's alarms (docs/analytics.md, "Alarms").
struct AlarmRules {
  double rise_percent = 30.0;        // a group or type up by this much against 同比 or 环比 ...
  std::int64_t rise_at_least = 5;    // ... and by at least this many incidents
  double arrival_share_below = 0.8;  // a station under this share of arrivals within standard
  std::int64_t arrival_min_n = 5;    // ... over at least this many orders
  double hotspot_times_mean = 3.0;   // a cell with this many times the mean of busy cells ...
  std::int64_t hotspot_at_least = 5;  // ... and at least this many incidents
  std::size_t hotspot_most = 5;       // the busiest cells only
};

// kInvalidArgument naming the parameter for a bad one.
Result<std::string> answer_briefing(const Statistics& statistics,
                                    const std::map<std::string, std::string>& params,
                                    const StatsEnvironment& env, const AlarmRules& rules = {});

}  // namespace shouwang::server
