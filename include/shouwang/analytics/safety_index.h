#pragma once
// The area safety index (平安指数): one score from 0 to 100 per station or sub-bureau area
// for a period, higher meaning safer, made of parts a commander can read and argue with
// (docs/analytics.md, "Safety index"). Each part is scored 0–100:
//
//   rate       incidents per 10,000 residents against the city's rate over the same areas:
//              100 · 2^(−rate / city rate), so an area at the city's rate scores 50, half
//              of it 71, double 25. Without populations, incidents per area against the
//              mean of the areas.
//   trend      the 同比 change of the count: 50 − change% / 2, within 0..100 (a fall of 20 %
//              scores 60). No base a year earlier: 50 when the count is 0 too, else 0.
//   clearance  the share of the period's incidents closed (terminated) by now, × 100.
//   response   the share of call → first arrival within the standard (300 s), × 100,
//              incidents found on patrol left out.
//
// The index is the weighted mean of the parts that have a value (a part without data —
// no incident to clear, no arrival to time — is left out and the other weights count in
// proportion); each part's contribution is weight · score / the weights used. The same is
// computed for the period before (环比), and the part whose contribution changed most is
// named as the reason the index moved.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/analytics/incident_history.h>
#include <shouwang/analytics/selection.h>
#include <shouwang/base/result.h>

namespace shouwang::analytics {

struct SafetyIndexConfig {
  Filter incidents = [] {  // what the rate, trend and clearance count
    Filter f;
    f.groups = {"criminal", "public_order"};
    return f;
  }();
  double rate_weight = 0.4;
  double trend_weight = 0.2;
  double clearance_weight = 0.2;
  double response_weight = 0.2;
  double response_standard_s = 300;
};

struct SafetyArea {
  std::string code;
  std::optional<std::int64_t> population;
};

struct SafetyPart {
  std::string name;             // rate, trend, clearance, response
  std::optional<double> value;  // rate per 10,000 (or count), change %, share; absent: no data
  double score = 0;             // 0..100
  double weight = 0;            // as configured
  double contribution = 0;      // to the index; 0 for a part without a value
};

struct SafetyScore {
  std::optional<double> index;  // absent when no part has a value
  std::vector<SafetyPart> parts;
};

struct AreaSafety {
  std::string code;
  SafetyScore now;
  SafetyScore before;          // the period before (环比)
  std::string moved_by;        // the part whose contribution changed most; empty if none
  double moved_by_points = 0;  // by how much (index points, signed)
};

// `by` is kStation or kDistrict; `areas` are the areas to score (with their populations).
// kInvalidArgument for weights that are negative or all zero, or another dimension.
Result<std::vector<AreaSafety>> safety_index(const IncidentHistory& history, const Period& period,
                                             Dimension by, const std::vector<SafetyArea>& areas,
                                             const SafetyIndexConfig& config);

}  // namespace shouwang::analytics
