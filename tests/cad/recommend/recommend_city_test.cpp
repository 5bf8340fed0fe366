// RoadTravelTimes on a generated demo city (tests/routing/demo_city.h) with 1,000 units:
// its times equal point-to-point routes (routing::route_between) for every unit, and the
// time a whole recommendation takes is printed (the benchmark with its p99 lives in
// bench/; a Debug build here is several times slower than Release).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/travel_times.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/point_route.h>
#include <shouwang/routing/snap_index.h>

#include "cad/recommend/recommend_fixture.h"
#include "routing/demo_city.h"

namespace shouwang::cad {
namespace {

constexpr int kUnits = 1000;

LatLon random_position(Rng& rng, const routing::RoadGraph& g) {
  const LatLon a = g.coordinate(NodeId(static_cast<std::uint32_t>(
      rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))));
  return {a.lat + rng.uniform(-0.0005, 0.0005), a.lon + rng.uniform(-0.0005, 0.0005)};
}

std::string callsign(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U-%04d", i);
  return buf;
}

TEST(RecommendOnDemoCity, TravelTimesOfAThousandUnitsEqualPointToPointRoutes) {
  const auto& city = routing::testing::demo_city(9, 6.0);
  ASSERT_GT(city.graph.node_count(), 1000u);
  const routing::SnapIndex index(city.graph);
  RoadTravelTimes travel(city.graph, city.ch, index);
  routing::ChQuery query(city.ch);
  Rng rng(31);
  std::vector<std::string> names;
  std::vector<TravelOrigin> origins;
  for (int i = 0; i < kUnits; ++i)
    names.push_back(callsign(i));
  for (int i = 0; i < kUnits; ++i)
    origins.push_back({names[i], random_position(rng, city.graph)});

  std::size_t compared = 0;
  for (int q = 0; q < 10; ++q) {
    for (int m = 0; m < 50; ++m)  // units move between queries
      origins[static_cast<std::size_t>(rng.uniform_int(0, kUnits - 1))].position =
          random_position(rng, city.graph);
    const LatLon target = random_position(rng, city.graph);
    const auto times = travel.to(target, origins);
    ASSERT_TRUE(times.ok()) << times.error().to_string();
    for (int i = 0; i < kUnits; ++i) {
      const auto route = routing::route_between(city.graph, index, query, origins[i].position,
                                                target, Meters(500.0));
      const TravelTime& got = (*times)[static_cast<std::size_t>(i)];
      if (!route.ok()) {
        EXPECT_NE(got.outcome, TravelOutcome::kReached) << names[i] << " query " << q;
        continue;
      }
      ASSERT_EQ(got.outcome, TravelOutcome::kReached) << names[i] << " query " << q;
      EXPECT_NEAR(got.time.value(), route->time_ms / 1000.0, 1e-9) << names[i] << " query " << q;
      ++compared;
    }
  }
  EXPECT_GT(compared, 9000u);
}

TEST(RecommendOnDemoCity, AThousandUnitsTiming) {
  const auto& city = routing::testing::demo_city(9, 6.0);
  const routing::SnapIndex index(city.graph);
  RoadTravelTimes travel(city.graph, city.ch, index);
  Rng rng(5);
  State state;
  UnitPlaces places;
  const UtcTime now = testing::at(0);
  for (int i = 0; i < kUnits; ++i) {
    const int kind = i % 10;  // a realistic mix: most free, some busy, a few off duty
    const UnitStatus status = kind < 6   ? UnitStatus::kAvailable
                              : kind < 7 ? UnitStatus::kConditionallyAvailable
                              : kind < 9 ? UnitStatus::kEnRoute
                                         : UnitStatus::kOffDuty;
    Unit u = testing::unit(callsign(i), std::string(1, static_cast<char>('A' + i % 12)),
                           i % 5 == 0 ? std::vector<std::string>{"patrol", "traffic"}
                                      : std::vector<std::string>{"patrol"},
                           status);
    u.profile.home_post = random_position(rng, city.graph);
    state.units.emplace(u.id, u);
    places.update(u.id, {random_position(rng, city.graph),
                         now.plus_micros(-rng.uniform_int(0, 200) * 1'000'000)});
  }
  // As the server would: every unit placed at its live position when its fix arrives.
  auto start = std::chrono::steady_clock::now();
  for (const auto& [id, u] : state.units)
    (void)travel.place(id, places.find(id)->position);
  const double place_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  std::vector<double> ms;
  std::size_t ranked = 0;
  for (int q = 0; q < 501; ++q) {
    const Incident incident =
        testing::incident_at(random_position(rng, city.graph), q % 2 ? "01" : "0301", "D");
    start = std::chrono::steady_clock::now();
    const auto rec = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, now);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    ASSERT_TRUE(rec.ok()) << rec.error().to_string();
    EXPECT_EQ(rec->ranked.size() + rec->excluded.size(), static_cast<std::size_t>(kUnits));
    ranked += rec->ranked.size();
  }
  EXPECT_GT(ranked, 0u);
  // The first query moves the units with a stale fix to their home posts: one snap and one
  // upward search each, once. The figures below are the steady state after it.
  const double first = ms.front();
  ms.erase(ms.begin());
  std::sort(ms.begin(), ms.end());
  const auto quantile = [](const std::vector<double>& v, double q) {
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
  };

  // The road query alone: every unit's time in one NearestUnits search.
  std::vector<TravelOrigin> origins;
  for (const auto& [id, u] : state.units)
    origins.push_back({id, *travel.placed_at(id)});
  std::vector<double> road_ms;
  for (int q = 0; q < 500; ++q) {
    const LatLon target = random_position(rng, city.graph);
    start = std::chrono::steady_clock::now();
    const auto times = travel.to(target, origins);
    road_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    ASSERT_TRUE(times.ok());
  }
  std::sort(road_ms.begin(), road_ms.end());

  // As the API asks: the best twenty, ranked and explained as in the full answer.
  std::vector<double> shown_ms;
  RecommendOptions shown;
  shown.ranked_limit = 20;
  for (int q = 0; q < 500; ++q) {
    const Incident incident =
        testing::incident_at(random_position(rng, city.graph), q % 2 ? "01" : "0301", "D");
    start = std::chrono::steady_clock::now();
    const auto best = recommend(state, testing::small_taxonomy(), incident, places, travel, shown, now);
    shown_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    const auto full = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, now);
    ASSERT_TRUE(best.ok() && full.ok());
    ASSERT_EQ(full->ranked_total, full->ranked.size());
    ASSERT_EQ(best->ranked_total, full->ranked.size());
    ASSERT_EQ(best->ranked.size(), std::min<std::size_t>(20, full->ranked.size()));
    for (std::size_t i = 0; i < best->ranked.size(); ++i) {
      ASSERT_EQ(best->ranked[i].unit, full->ranked[i].unit);
      ASSERT_EQ(best->ranked[i].rank, full->ranked[i].rank);
      ASSERT_EQ(best->ranked[i].reasons, full->ranked[i].reasons);
    }
    ASSERT_EQ(best->excluded.size(), full->excluded.size());
    ASSERT_EQ(best->by_capability.size(), full->by_capability.size());
    for (std::size_t i = 0; i < full->by_capability.size(); ++i)
      ASSERT_EQ(best->by_capability[i].unit, full->by_capability[i].unit);
  }
  std::sort(shown_ms.begin(), shown_ms.end());
  std::printf(
      "demo city %zu nodes, %d units: placing all %.1f ms; recommend() first %.2f ms, then "
      "median %.2f ms, p99 %.2f ms, max %.2f ms; of which the road query for all units: "
      "median %.2f ms, p99 %.2f ms; the best 20 only: median %.2f ms, p99 %.2f ms\n",
      city.graph.node_count(), kUnits, place_ms, first, quantile(ms, 0.5), quantile(ms, 0.99),
      ms.back(), quantile(road_ms, 0.5), quantile(road_ms, 0.99), quantile(shown_ms, 0.5),
      quantile(shown_ms, 0.99));
}

}  // namespace
}  // namespace shouwang::cad
