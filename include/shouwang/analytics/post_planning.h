#pragma once
// Post planning on the road network: choose P posts among candidate places for demand
// points with weights (historical incidents weighted by priority, or key sites), by the
// travel time by road from each candidate to each demand point (routing::distance_table on
// the contraction hierarchy), with the solvers of facility_location.h:
//
//   kMaxCovering  the most demand reached within `radius_s` (maximal covering, MCLP)
//   kPMedian      the least weighted travel time (p-median)
//
// A demand point or candidate farther than the snapping limit from every road is off the
// road network: the demand counts as unreachable, the candidate is never chosen.

#include <cstddef>
#include <cstdint>
#include <vector>

#include <shouwang/analytics/facility_location.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::analytics {

enum class PlanObjective : std::uint8_t { kMaxCovering, kPMedian };

struct PostPlanInput {
  std::vector<LatLon> demand;
  std::vector<double> weight;  // per demand point; empty: 1 each
  // Per demand point its own promise for the maximal covering (a key site's tier: a
  // school within 180 s, a station within 60 s); empty: radius_s for all. The times to a
  // point are scaled by radius_s / promise, which makes "within its promise" the one
  // radius the solver knows.
  std::vector<double> promise_s;
  std::vector<LatLon> candidates;
};

struct PostPlanOptions {
  PlanObjective objective = PlanObjective::kMaxCovering;
  std::size_t p = 1;
  double radius_s = 180;  // MCLP's promise; also what the plan's coverage figure counts
  bool exact = false;     // branch and bound (small instances; kOutOfRange when too large)
  LocationOptions solver{};
  Meters snap_limit{500.0};
};

struct PostPlan {
  std::vector<std::uint32_t> chosen;  // indices into the candidates, ascending
  double objective = 0;               // MCLP: covered weight; p-median: weighted seconds
  double bound = 0;                   // proved bound on the optimum (see LocationSolution)
  double gap = 0;                     // relative gap between objective and bound
  double covered_share = 0;           // of the demand weight, within radius_s
  double mean_time_s = 0;             // weighted mean time to the demand reached at all
  std::size_t demand_off_road = 0;
  std::size_t candidates_off_road = 0;
  double table_ms = 0;  // the travel-time table
  double solve_ms = 0;
};

// kInvalidArgument naming the field for an empty demand or candidate list, weights that do
// not match, p outside 1..(candidates on the road network) or a radius not > 0.
Result<PostPlan> plan_posts(const routing::ContractionHierarchy& hierarchy, const routing::SnapIndex& index,
                            const PostPlanInput& input, const PostPlanOptions& options);

}  // namespace shouwang::analytics
