#pragma once
// Statistics answers as JSON text, the same for the HTTP API (/api/v1/stats/*) and the
// command line (`shouwang stats`): one code path reads the parameters, runs the analytics
// query on the incident history and writes the answer.
//
//   counts     counts with 同比 / 环比 by up to three dimensions (rates per 10,000 residents
//              for one area dimension where the population is known)
//   incidents  the incident ids behind one figure of `counts`
//   response   response-time distributions between two milestones
//   buckets    CN time buckets of dispatch orders and the league table
//   streaks    zero-incident streaks per station or sub-bureau
//   safety     the safety index (平安指数) per station or sub-bureau, part by part
//   standards  response times against 城区 5 min / 城郊 10 min and NFPA 1710
//   hotspots   a GeoJSON map of cells: counts, kernel density, Gi* or local Moran's I; or
//              of street segments: counts, Gi* or local Moran's I
//   warnings   early-warning alarms of one day per area and reporting group or type
//
// Parameters and answers: docs/api/openapi.json (tag Statistics).

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include <shouwang/analytics/periods.h>
#include <shouwang/base/result.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/routing/snap_index.h>
#include <shouwang/routing/street_segments.h>
#include <shouwang/server/statistics.h>

namespace shouwang::server {

// The road network for hotspot statistics on street segments; both null when the server
// has none (then on=segments answers 503).
struct RoadSegments {
  const routing::SnapIndex* snap = nullptr;
  const routing::StreetSegments* segments = nullptr;
};

struct StatsEnvironment {
  analytics::Day today;  // the centre's local day (the default period is its month)
  const osm::Jurisdictions* jurisdictions = nullptr;  // areas and populations; may be null
  // Which station or sub-bureau codes the caller may see figures of; null: all of them.
  std::function<bool(std::string_view org_code)> in_scope;
  RoadSegments roads;
};

// kInvalidArgument naming the parameter for a bad one; kNotFound for an unknown `what`.
Result<std::string> answer_stats(const Statistics& statistics, std::string_view what,
                                 const std::map<std::string, std::string>& params,
                                 const StatsEnvironment& env);

// The centre's local day of `now` at a fixed UTC offset.
analytics::Day local_day(UtcTime now, std::int32_t utc_offset_minutes);

}  // namespace shouwang::server
