#include <shouwang/analytics/post_planning.h>

#include <chrono>
#include <cmath>

#include <shouwang/routing/distance_table.h>

namespace shouwang::analytics {
namespace {

double millis_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Status check(const PostPlanInput& input, const PostPlanOptions& options) {
  if (input.demand.empty())
    return Error(Errc::kInvalidArgument, "there is no demand to plan for", "demand");
  if (input.candidates.empty())
    return Error(Errc::kInvalidArgument, "there are no candidate places for posts", "candidates");
  if (!input.weight.empty() && input.weight.size() != input.demand.size())
    return Error(Errc::kInvalidArgument, "one weight per demand point", "weight");
  if (!input.promise_s.empty() && input.promise_s.size() != input.demand.size())
    return Error(Errc::kInvalidArgument, "one promise per demand point", "promise_s");
  for (const double promise : input.promise_s) {
    if (!(promise > 0) || !std::isfinite(promise))
      return Error(Errc::kInvalidArgument, "a promise is a number of seconds > 0", "promise_s");
  }
  if (!(options.radius_s > 0) || !std::isfinite(options.radius_s))
    return Error(Errc::kInvalidArgument, "the radius is a number of seconds > 0", "radius_s");
  if (options.p < 1)
    return Error(Errc::kInvalidArgument, "plan at least one post", "p");
  return {};
}

}  // namespace

Result<PostPlan> plan_posts(const routing::ContractionHierarchy& hierarchy, const routing::SnapIndex& index,
                            const PostPlanInput& input, const PostPlanOptions& options) {
  if (Status ok = check(input, options); !ok)
    return ok.error();
  PostPlan plan;
  const routing::RoadGraph& graph = index.graph();
  const auto table_start = std::chrono::steady_clock::now();
  std::vector<routing::Snap> sources;
  std::vector<std::uint32_t> candidate_of_source;
  for (std::size_t j = 0; j < input.candidates.size(); ++j) {
    auto snap = index.snap(input.candidates[j], options.snap_limit);
    if (!snap) {
      ++plan.candidates_off_road;
      continue;
    }
    sources.push_back(*snap);
    candidate_of_source.push_back(static_cast<std::uint32_t>(j));
  }
  if (options.p > sources.size())
    return Error(Errc::kInvalidArgument,
                 "p is " + std::to_string(options.p) + " but only " + std::to_string(sources.size()) +
                     " candidates are on the road network",
                 "p");
  std::vector<routing::Snap> targets;
  std::vector<std::size_t> demand_of_target;
  for (std::size_t i = 0; i < input.demand.size(); ++i) {
    auto snap = index.snap(input.demand[i], options.snap_limit);
    if (!snap) {
      ++plan.demand_off_road;
      continue;
    }
    targets.push_back(*snap);
    demand_of_target.push_back(i);
  }
  const auto table = routing::distance_table(hierarchy, graph, sources, targets);
  const bool scaled = options.objective == PlanObjective::kMaxCovering && !input.promise_s.empty();
  const auto scale = [&](std::size_t i) { return scaled ? options.radius_s / input.promise_s[i] : 1.0; };
  LocationProblem problem;
  problem.demands = input.demand.size();
  problem.sites = sources.size();
  problem.p = options.p;
  problem.weight.assign(problem.demands, 1.0);
  if (!input.weight.empty())
    problem.weight = input.weight;
  problem.time.assign(problem.demands * problem.sites, kUnreachable);
  for (std::size_t j = 0; j < sources.size(); ++j) {
    for (std::size_t t = 0; t < targets.size(); ++t) {
      const routing::Weight w = table[j][t];
      if (w == routing::kInfinity)
        continue;
      const std::size_t i = demand_of_target[t];
      problem.time[i * problem.sites + j] = static_cast<double>(w) / 1000.0 * scale(i);
    }
  }
  plan.table_ms = millis_since(table_start);

  const auto solve_start = std::chrono::steady_clock::now();
  Result<LocationSolution> solved = Error(Errc::kInternal, "unsolved");
  if (options.objective == PlanObjective::kMaxCovering)
    solved = options.exact ? exact_max_covering(problem, options.radius_s)
                           : solve_max_covering(problem, options.radius_s, options.solver);
  else
    solved = options.exact ? exact_p_median(problem, options.solver) : solve_p_median(problem, options.solver);
  if (!solved)
    return solved.error();
  plan.solve_ms = millis_since(solve_start);
  plan.objective = solved->objective;
  plan.bound = solved->bound;
  plan.gap = relative_gap(*solved);
  for (const std::uint32_t j : solved->sites)
    plan.chosen.push_back(candidate_of_source[j]);

  double total = 0, within = 0, reached = 0, weighted_time = 0;
  for (std::size_t i = 0; i < problem.demands; ++i) {
    double best = kUnreachable;
    for (const std::uint32_t j : solved->sites)
      best = std::min(best, problem.at(i, j) / scale(i));  // back to seconds
    const double w = problem.weight[i];
    total += w;
    within += best <= (scaled ? input.promise_s[i] : options.radius_s) ? w : 0;
    if (std::isfinite(best)) {
      reached += w;
      weighted_time += w * best;
    }
  }
  plan.covered_share = total > 0 ? within / total : 0;
  plan.mean_time_s = reached > 0 ? weighted_time / reached : 0;
  return plan;
}

}  // namespace shouwang::analytics
