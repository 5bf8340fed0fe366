// Post planning on a generated city's roads: the plan's covered share is what an
// independent coverage search from the chosen posts finds, the heuristic meets the exact
// answer on a small instance, a per-site promise counts each site within its own tier, and
// bad input is refused naming the field.

#include <gtest/gtest.h>

#include <shouwang/analytics/circle_coverage.h>
#include <shouwang/analytics/post_planning.h>
#include <shouwang/base/random.h>

#include "routing/demo_city.h"

namespace shouwang::analytics {
namespace {

using routing::testing::DemoCity;

const DemoCity& city() {
  return routing::testing::demo_city(17, 6.0);
}

std::vector<LatLon> points_near_nodes(std::uint64_t seed, std::size_t n) {
  const auto& g = city().graph;
  Rng rng(seed);
  std::vector<LatLon> out;
  for (std::size_t k = 0; k < n; ++k) {
    const NodeId at(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1)));
    out.push_back({g.coordinate(at).lat + rng.uniform(-3e-4, 3e-4), g.coordinate(at).lon + rng.uniform(-3e-4, 3e-4)});
  }
  return out;
}

// Demand and candidate points near the city's road nodes, from two seeds.
PostPlanInput instance(std::uint64_t seed, std::size_t demand, std::size_t candidates) {
  PostPlanInput input;
  input.demand = points_near_nodes(seed, demand);
  input.candidates = points_near_nodes(seed + 1, candidates);
  return input;
}

PostPlanOptions options_for(std::size_t p, double radius_s) {
  PostPlanOptions options;
  options.p = p;
  options.radius_s = radius_s;
  return options;
}

// Coverage of `sites` from the posts the plan chose, by an independent search.
CircleCoverage coverage_of(const routing::SnapIndex& index, const PostPlanInput& input, const PostPlan& plan,
                           const std::vector<CircleSite>& sites, std::span<const double> limits) {
  CircleCoverageQuery query(city().ch, index);
  query.set_sites(sites);
  std::vector<LatLon> posts;
  for (const std::uint32_t j : plan.chosen)
    posts.push_back(input.candidates[j]);
  return query.run(posts, limits);
}

TEST(PostPlanning, ThePlansCoverageIsWhatASearchFromItsPostsFinds) {
  const routing::SnapIndex index(city().graph);
  const PostPlanInput input = instance(7, 400, 60);
  PostPlanOptions options = options_for(6, 120);
  auto plan = plan_posts(city().ch, index, input, options);
  ASSERT_TRUE(plan.ok()) << plan.error().to_string();
  ASSERT_EQ(plan->chosen.size(), 6u);
  EXPECT_LE(plan->gap, 0.05);
  EXPECT_GT(plan->covered_share, 0.0);

  std::vector<CircleSite> sites;
  for (const LatLon p : input.demand)
    sites.push_back({p, options.radius_s});
  const double limits[] = {options.radius_s};
  const CircleCoverage coverage = coverage_of(index, input, *plan, sites, limits);
  EXPECT_NEAR(plan->covered_share, coverage.shares[0].sites, 1e-9);
  EXPECT_NEAR(plan->objective, static_cast<double>(coverage.covered), 1e-9);

  // The p-median over the same table: its mean time is no worse than the covering plan's.
  options.objective = PlanObjective::kPMedian;
  auto median = plan_posts(city().ch, index, input, options);
  ASSERT_TRUE(median.ok());
  EXPECT_LE(median->mean_time_s, plan->mean_time_s + 1e-6);
}

TEST(PostPlanning, TheHeuristicMeetsTheExactAnswerOnASmallInstance) {
  const routing::SnapIndex index(city().graph);
  const PostPlanInput input = instance(11, 80, 14);
  PostPlanOptions options = options_for(3, 90);
  auto heuristic = plan_posts(city().ch, index, input, options);
  options.exact = true;
  auto exact = plan_posts(city().ch, index, input, options);
  ASSERT_TRUE(heuristic.ok() && exact.ok());
  EXPECT_EQ(exact->gap, 0.0);
  EXPECT_DOUBLE_EQ(heuristic->objective, exact->objective);
}

TEST(PostPlanning, EachSiteCountsWithinItsOwnPromise) {
  const routing::SnapIndex index(city().graph);
  PostPlanInput input = instance(21, 120, 40);
  for (std::size_t i = 0; i < input.demand.size(); ++i)
    input.promise_s.push_back(i % 3 == 0 ? 60 : i % 3 == 1 ? 180 : 300);
  auto plan = plan_posts(city().ch, index, input, options_for(4, 180));
  ASSERT_TRUE(plan.ok()) << plan.error().to_string();
  std::vector<CircleSite> sites;
  for (std::size_t i = 0; i < input.demand.size(); ++i)
    sites.push_back({input.demand[i], input.promise_s[i]});
  const CircleCoverage coverage = coverage_of(index, input, *plan, sites, {});
  EXPECT_NEAR(plan->covered_share, static_cast<double>(coverage.covered) / static_cast<double>(sites.size()), 1e-9);
}

TEST(PostPlanning, BadInputIsRefusedNamingTheField) {
  const routing::SnapIndex index(city().graph);
  PostPlanInput input = instance(31, 10, 5);
  PostPlanOptions options = options_for(6, 180);
  auto too_many = plan_posts(city().ch, index, input, options);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().field, "p");
  options.p = 2;
  input.weight = {1, 2};
  EXPECT_EQ(plan_posts(city().ch, index, input, options).error().field, "weight");
  input.weight.clear();
  input.promise_s.assign(10, 0);
  EXPECT_EQ(plan_posts(city().ch, index, input, options).error().field, "promise_s");
  input.promise_s.clear();
  options.radius_s = 0;
  EXPECT_EQ(plan_posts(city().ch, index, input, options).error().field, "radius_s");
  options.radius_s = 60;
  input.candidates.clear();
  EXPECT_EQ(plan_posts(city().ch, index, input, options).error().field, "candidates");
}

}  // namespace
}  // namespace shouwang::analytics
