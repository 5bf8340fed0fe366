#pragma once
// Statistics requests as analytics queries: the query string of /api/v1/stats/* read into
// a period, a filter and dimensions, with every mistake a 400 naming its parameter.
//
//   period=month:2026-11 (period_text.h; default: the current month of the centre)
//   type=01,0105  group=criminal  station=S1,S2  district=D1  priority=1,2
//   officer_initiated=0|1  cancelled=0|1  by=type_level1,station (at most three)

#include <map>
#include <set>
#include <string>
#include <vector>

#include <shouwang/analytics/selection.h>
#include <shouwang/base/result.h>

namespace shouwang::server::stats {

struct StatsParams {
  analytics::Period period;
  analytics::Filter filter;
  std::vector<analytics::Dimension> by;
  std::map<std::string, std::string> rest;  // parameters the common reader does not know
};

// `today` is the centre's local day (for the default period). `officer_initiated_default`
// is the filter's default for this statistic.
Result<StatsParams> read_stats_params(const std::map<std::string, std::string>& params,
                                      analytics::Day today, bool officer_initiated_default);

// Splits "a,b,,c" into its parts (empty parts kept).
std::vector<std::string> split_list(const std::string& text);

// Refuses parameters outside `known` (the common ones are always known).
Status only_known(const StatsParams& params, const std::set<std::string>& known);

// "1"/"true" or "0"/"false".
Result<bool> read_flag(const std::string& name, const std::string& value);

}  // namespace shouwang::server::stats
