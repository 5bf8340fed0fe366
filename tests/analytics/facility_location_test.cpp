// Post location (facility_location.h): hand-made cases with known optima, then random
// small instances against enumeration of every set of p sites (brute force): the exact
// branch and bound finds the optimum on every one; the heuristics' answers are feasible
// and costed right, their bounds never cut off the optimum, and they find it on nearly
// every instance.

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include <shouwang/analytics/facility_location.h>
#include <shouwang/base/random.h>

namespace shouwang::analytics {
namespace {

// Demand points and sites on a line, travel time = distance.
LocationProblem on_a_line(const std::vector<double>& demands, const std::vector<double>& sites,
                          std::size_t p, std::vector<double> weight = {}) {
  LocationProblem out;
  out.demands = demands.size();
  out.sites = sites.size();
  out.p = p;
  out.weight = weight.empty() ? std::vector<double>(demands.size(), 1.0) : std::move(weight);
  for (const double d : demands)
    for (const double s : sites)
      out.time.push_back(std::abs(d - s));
  return out;
}

TEST(FacilityLocation, TwoClustersTakeOnePostEach) {
  const LocationProblem line = on_a_line({0, 1, 10, 11, 12}, {0, 1, 10, 11, 12}, 2);
  const auto exact = enumerate_p_median(line);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->sites, (std::vector<std::uint32_t>{0, 3}));  // 0 and 11: cost 1 + 1 + 1
  EXPECT_DOUBLE_EQ(exact->objective, 3.0);
  const auto heuristic = solve_p_median(line);
  ASSERT_TRUE(heuristic.ok());
  EXPECT_DOUBLE_EQ(heuristic->objective, 3.0);
  EXPECT_LE(heuristic->bound, 3.0 + 1e-9);
  EXPECT_GT(heuristic->bound, 0.0);

  // Within 1 s, two posts reach the cluster of three and one of the pair.
  const auto cover = solve_max_covering(line, 1.0);
  ASSERT_TRUE(cover.ok());
  EXPECT_DOUBLE_EQ(cover->objective, 5.0);
  EXPECT_DOUBLE_EQ(enumerate_max_covering(line, 1.0)->objective, 5.0);
  EXPECT_DOUBLE_EQ(exact_max_covering(line, 1.0)->objective, 5.0);
  EXPECT_DOUBLE_EQ(exact_p_median(line)->objective, 3.0);
  EXPECT_GE(cover->bound, 5.0 - 1e-9);
  const auto weighted =
      solve_max_covering(on_a_line({0, 1, 10, 11, 12}, {0, 11}, 1, {5, 5, 1, 1, 1}), 1.0);
  EXPECT_EQ(weighted->sites, (std::vector<std::uint32_t>{0}));  // weight 10 beats 3
  EXPECT_DOUBLE_EQ(weighted->objective, 10.0);
}

TEST(FacilityLocation, AnUnreachableDemandCostsTheUnreachableCharge) {
  LocationProblem p = on_a_line({0, 5}, {0, 5}, 1);
  p.time[1 * 2 + 0] = kUnreachable;  // site 0 cannot reach demand 1
  LocationOptions options;
  options.unreachable_cost = 100;
  EXPECT_DOUBLE_EQ(p_median_cost(p, {0}, 100), 100.0);
  EXPECT_DOUBLE_EQ(p_median_cost(p, {1}, 100), 5.0);
  EXPECT_EQ(solve_p_median(p, options)->sites, (std::vector<std::uint32_t>{1}));
  EXPECT_DOUBLE_EQ(covered_weight(p, {0}, 1e9), 1.0);
}

TEST(FacilityLocation, BadProblemsAreRefusedNamingTheField) {
  LocationProblem p = on_a_line({0, 1}, {0, 1}, 3);
  EXPECT_EQ(solve_p_median(p).error().field, "p");
  p.p = 1;
  p.weight[0] = -1;
  EXPECT_EQ(solve_max_covering(p, 1).error().field, "weight");
  p.weight[0] = 1;
  p.time.pop_back();
  EXPECT_EQ(exact_p_median(p).error().field, "time");
  const LocationProblem big = on_a_line(std::vector<double>(3, 0), std::vector<double>(60, 0), 10);
  EXPECT_EQ(enumerate_p_median(big, {}, 1000).error().code, Errc::kOutOfRange);
}

// Points in a 10 km square, 40 km/h, weights 1..5, one time in ten unreachable.
LocationProblem random_instance(Rng& rng) {
  LocationProblem out;
  out.demands = static_cast<std::size_t>(rng.uniform_int(8, 40));
  out.sites = static_cast<std::size_t>(rng.uniform_int(5, 14));
  out.p = static_cast<std::size_t>(rng.uniform_int(1, 4));
  std::vector<std::pair<double, double>> d(out.demands), s(out.sites);
  for (auto& [x, y] : d)
    x = rng.uniform(0, 10'000), y = rng.uniform(0, 10'000);
  for (auto& [x, y] : s)
    x = rng.uniform(0, 10'000), y = rng.uniform(0, 10'000);
  for (std::size_t i = 0; i < out.demands; ++i) {
    out.weight.push_back(static_cast<double>(rng.uniform_int(1, 5)));
    for (std::size_t j = 0; j < out.sites; ++j) {
      const double metres = std::hypot(d[i].first - s[j].first, d[i].second - s[j].second);
      out.time.push_back(rng.bernoulli(0.1) ? kUnreachable : metres / (40 / 3.6));
    }
  }
  return out;
}

TEST(FacilityLocation, HeuristicsAgainstEnumerationOnRandomInstances) {
  Rng rng(20261123);
  constexpr int kInstances = 60;
  int median_optimal = 0, covering_optimal = 0, median_proved = 0, covering_proved = 0;
  std::uint64_t median_nodes = 0, covering_nodes = 0;
  for (int k = 0; k < kInstances; ++k) {
    const LocationProblem problem = random_instance(rng);
    const double radius = rng.uniform(120, 600);
    const auto best = enumerate_p_median(problem);
    const auto found = solve_p_median(problem);
    const auto exact = exact_p_median(problem);
    ASSERT_TRUE(best.ok() && found.ok() && exact.ok());
    EXPECT_NEAR(exact->objective, best->objective, 1e-6 * (1 + best->objective))
        << "instance " << k;
    EXPECT_NEAR(exact->objective, p_median_cost(problem, exact->sites),
                1e-6 * (1 + best->objective));
    median_nodes += exact->nodes;
    ASSERT_EQ(found->sites.size(), problem.p);
    EXPECT_NEAR(found->objective, p_median_cost(problem, found->sites),
                1e-6 * (1 + found->objective));
    EXPECT_GE(found->objective, best->objective - 1e-6) << "instance " << k;
    EXPECT_LE(found->bound, best->objective + 1e-6 * (1 + best->objective)) << "instance " << k;
    median_optimal += found->objective <= best->objective + 1e-6;
    median_proved += relative_gap(*found) < 1e-9;

    const auto most = enumerate_max_covering(problem, radius);
    const auto covered = solve_max_covering(problem, radius);
    const auto exact_cover = exact_max_covering(problem, radius);
    ASSERT_TRUE(most.ok() && covered.ok() && exact_cover.ok());
    EXPECT_NEAR(exact_cover->objective, most->objective, 1e-9) << "instance " << k;
    EXPECT_NEAR(exact_cover->objective, covered_weight(problem, exact_cover->sites, radius), 1e-9);
    covering_nodes += exact_cover->nodes;
    EXPECT_NEAR(covered->objective, covered_weight(problem, covered->sites, radius), 1e-9);
    EXPECT_LE(covered->objective, most->objective + 1e-9) << "instance " << k;
    EXPECT_GE(covered->bound, most->objective - 1e-6) << "instance " << k;
    covering_optimal += covered->objective >= most->objective - 1e-9;
    covering_proved += relative_gap(*covered) < 1e-9;
  }
  std::printf(
      "heuristics: p-median optimal on %d of %d (proved by the bound on %d), MCLP optimal on %d "
      "(proved on %d); "
      "branch and bound: %llu and %llu nodes in all\n",
      median_optimal, kInstances, median_proved, covering_optimal, covering_proved,
      static_cast<unsigned long long>(median_nodes),
      static_cast<unsigned long long>(covering_nodes));
  EXPECT_GE(median_optimal, kInstances * 9 / 10);
  EXPECT_GE(covering_optimal, kInstances * 9 / 10);
}

// An instance shaped like OR-Library's pmed1 (Beasley 1990): 100 vertices, 200 edges of
// length 1..100 on a random connected graph, every vertex both demand and candidate, costs
// the shortest-path distances. Branch and bound agrees with enumeration at p = 3 and proves
// the heuristic's answer, or improves on it, at p = 5.
LocationProblem pmed_shaped(std::uint64_t seed, std::size_t p) {
  constexpr std::size_t n = 100;
  Rng rng(seed);
  std::vector<double> d(n * n, kUnreachable);
  for (std::size_t v = 0; v < n; ++v)
    d[v * n + v] = 0;
  const auto edge = [&](std::size_t a, std::size_t b) {
    const double len = static_cast<double>(rng.uniform_int(1, 100));
    d[a * n + b] = d[b * n + a] = std::min(d[a * n + b], len);
  };
  for (std::size_t v = 1; v < n; ++v)
    edge(v, static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(v) - 1)));
  for (std::size_t e = n - 1; e < 200; ++e) {
    const auto a = static_cast<std::size_t>(rng.uniform_int(0, n - 1));
    const auto b = static_cast<std::size_t>(rng.uniform_int(0, n - 1));
    if (a != b)
      edge(a, b);
  }
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        d[i * n + j] = std::min(d[i * n + j], d[i * n + k] + d[k * n + j]);
  LocationProblem out;
  out.demands = out.sites = n;
  out.p = p;
  out.weight.assign(n, 1.0);
  out.time = std::move(d);
  return out;
}

TEST(FacilityLocation, PmedShapedInstancesAreSolvedExactly) {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const LocationProblem three = pmed_shaped(seed, 3);
    const auto brute = enumerate_p_median(three);
    const auto exact = exact_p_median(three);
    ASSERT_TRUE(brute.ok() && exact.ok());
    EXPECT_DOUBLE_EQ(exact->objective, brute->objective) << "seed " << seed;

    const LocationProblem five = pmed_shaped(seed, 5);
    const auto heuristic = solve_p_median(five);
    const auto proved = exact_p_median(five);
    ASSERT_TRUE(heuristic.ok() && proved.ok()) << (proved.ok() ? "" : proved.error().message);
    EXPECT_LE(proved->objective, heuristic->objective);
    EXPECT_LE(heuristic->bound, proved->objective + 1e-6);
    EXPECT_DOUBLE_EQ(proved->objective, p_median_cost(five, proved->sites));
    std::printf(
        "pmed-shaped seed %llu: p=3 optimum %.0f; p=5 optimum %.0f in %llu nodes, heuristic %.0f "
        "(bound %.1f)\n",
        static_cast<unsigned long long>(seed), brute->objective, proved->objective,
        static_cast<unsigned long long>(proved->nodes), heuristic->objective, heuristic->bound);
  }
}

}  // namespace
}  // namespace shouwang::analytics
