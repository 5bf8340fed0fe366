// recommend() on real roads: RoadTravelTimes over hand-drawn maps (test_roads.h) whose
// travel times are lengths worked out by hand at 10 m/s.

#include <gtest/gtest.h>

#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/travel_times.h>

#include "cad/recommend/recommend_fixture.h"
#include "cad/recommend/test_roads.h"

namespace shouwang::cad {
namespace {

using testing::at;
using testing::excluded;
using testing::incident_at;
using testing::list_param;
using testing::ranked;
using testing::ranked_ids;
using testing::reason;
using testing::string_param;
using testing::TestRoads;
using testing::unit;
using testing::with_units;
using Ids = std::vector<std::string>;

const UtcTime kNow = at(0);

// Everyone's fix is 5 s old.
UnitPlaces fixes(const TestRoads& roads, const std::vector<std::pair<std::string, Xy>>& where) {
  UnitPlaces places;
  for (const auto& [id, p] : where)
    places.update(id, {roads.at(p.x, p.y), at(-5)});
  return places;
}

// A traffic collision (shipped taxonomy: needs "traffic") at the grid's centre. The
// patrol car 250 m away cannot take it; the traffic unit 750 m away by road can.
TEST(RecommendOnRoads, TheNearestSuitableUnitBeatsACloserUnitLackingTheCapability) {
  const TestRoads& town = testing::grid_town();
  const Taxonomy& taxonomy = testing::shipped_taxonomy();
  ASSERT_NE(taxonomy.types.find("0301"), nullptr);
  ASSERT_EQ(taxonomy.types.find("0301")->capabilities, (Ids{"traffic"}));
  const State state =
      with_units({unit("P-01", "S1", {"patrol"}), unit("T-01", "S1", {"patrol", "traffic"}),
                  unit("T-02", "S1", {"traffic"})});
  const UnitPlaces places =
      fixes(town, {{"P-01", {500, 250}}, {"T-01", {1000, 750}}, {"T-02", {0, 0}}});
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index());
  const auto rec = recommend(state, taxonomy, incident_at(town.at(500, 500), "0301", "S1"), places,
                             travel, {}, kNow);
  ASSERT_TRUE(rec.ok()) << rec.error().to_string();

  EXPECT_EQ(rec->required, (Ids{"traffic"}));
  ASSERT_EQ(ranked_ids(*rec), (Ids{"T-01", "T-02"}));
  EXPECT_NEAR(rec->ranked[0].eta.value(), 75.0, 0.01);   // 500 + 250 m
  EXPECT_NEAR(rec->ranked[1].eta.value(), 100.0, 0.01);  // 500 + 500 m
  const ExcludedUnit* patrol = excluded(*rec, "P-01");
  ASSERT_NE(patrol, nullptr);
  EXPECT_EQ(patrol->code, Exclusion::kLacksCapability);
  EXPECT_EQ(list_param(patrol->reason, "missing"), (Ids{"traffic"}));
  // P-01 really was the closest, and by_capability agrees with the ranking.
  EXPECT_LT(haversine_distance(town.at(500, 250), town.at(500, 500)).value(),
            rec->ranked[0].straight_line.value());
  ASSERT_EQ(rec->by_capability.size(), 1u);
  EXPECT_EQ(rec->by_capability[0].unit, "T-01");
}

// The river town: S-01 waits just across the river, 140 m from the scene as the crow
// flies, but the only bridge is 2.8 km east: 2800 + 120 + 2800 m by road. N-01 is on a
// side street of the scene's own bank, 540 + 400 m away by road.
TEST(RecommendOnRoads, AUnitAcrossTheRiverRanksBelowAFartherUnitOnTheSameBank) {
  const TestRoads& town = testing::river_town();
  const State state = with_units({unit("N-01", "S1", {"patrol"}), unit("S-01", "S1", {"patrol"})});
  const UnitPlaces places = fixes(town, {{"N-01", {600, 600}}, {"S-01", {200, -70}}});
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index());
  const auto rec = recommend(state, testing::small_taxonomy(),
                             incident_at(town.at(200, 70), "01", "S1"), places, travel, {}, kNow);
  ASSERT_TRUE(rec.ok()) << rec.error().to_string();

  ASSERT_EQ(ranked_ids(*rec), (Ids{"N-01", "S-01"}));
  const RankedUnit* same_bank = ranked(*rec, "N-01");
  const RankedUnit* across = ranked(*rec, "S-01");
  EXPECT_NEAR(same_bank->eta.value(), 94.0, 0.01);
  EXPECT_NEAR(across->eta.value(), 572.0, 0.01);
  // As the crow flies it is the other way round.
  EXPECT_NEAR(across->straight_line.value(), 140.0, 1.0);
  EXPECT_NEAR(same_bank->straight_line.value(), 664.0, 2.0);
  EXPECT_LT(across->straight_line.value(), same_bank->straight_line.value());
  const Reason* below = reason(*across, "ranks_below");
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(string_param(*below, "unit"), "N-01");
  EXPECT_EQ(below->text, "ranks below N-01 (ETA 1 min 34 s)");
  EXPECT_EQ(reason(*across, "eta")->text,
            "ETA 9 min 32 s by road from live position (fix 5 s old)");
}

TEST(RecommendOnRoads, UnitsOnACutOffStreetOrOffTheMapAreUnreachable) {
  const TestRoads& town = testing::grid_town();
  std::vector<Unit> units{unit("A-01", "S1", {"patrol"}), unit("I-01", "S1", {"patrol"}),
                          unit("W-01", "S1", {"patrol"})};
  units[2].profile.home_post = town.at(3000, 3000);  // 2 km beyond the last road
  const State state = with_units(units);
  const UnitPlaces places = fixes(town, {{"A-01", {0, 0}}, {"I-01", {1500, 150}}});
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index());
  const auto rec = recommend(state, testing::small_taxonomy(),
                             incident_at(town.at(500, 500), "01", "S1"), places, travel, {}, kNow);
  ASSERT_TRUE(rec.ok()) << rec.error().to_string();

  EXPECT_EQ(ranked_ids(*rec), (Ids{"A-01"}));
  ASSERT_NE(excluded(*rec, "I-01"), nullptr);
  EXPECT_EQ(excluded(*rec, "I-01")->code, Exclusion::kUnreachable);
  EXPECT_EQ(string_param(excluded(*rec, "I-01")->reason, "outcome"), "no_route");
  ASSERT_NE(excluded(*rec, "W-01"), nullptr);
  EXPECT_EQ(excluded(*rec, "W-01")->code, Exclusion::kUnreachable);
  EXPECT_EQ(string_param(excluded(*rec, "W-01")->reason, "outcome"), "off_road");

  // An incident far from every road cannot be ranked at all.
  const auto lost =
      recommend(state, testing::small_taxonomy(), incident_at(town.at(5000, 5000), "01", "S1"),
                places, travel, {}, kNow);
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, Errc::kOutOfRange);
  EXPECT_EQ(lost.error().field, "location");
}

TEST(RoadTravelTimes, PlacesMovesAndRemovesUnits) {
  const TestRoads& town = testing::grid_town();
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index());
  ASSERT_TRUE(travel.place("A-01", town.at(0, 0)).ok());
  ASSERT_TRUE(travel.place("A-02", town.at(1000, 1000)).ok());
  EXPECT_EQ(travel.size(), 2u);
  EXPECT_EQ(travel.placed_at("A-01"), town.at(0, 0));
  EXPECT_FALSE(travel.placed_at("A-03"));

  const LatLon target = town.at(250, 0);
  const TravelOrigin both[] = {{"A-01", town.at(0, 0)}, {"A-02", town.at(1000, 1000)}};
  auto times = travel.to(target, both);
  ASSERT_TRUE(times.ok());
  EXPECT_EQ((*times)[0].outcome, TravelOutcome::kReached);
  EXPECT_NEAR((*times)[0].time.value(), 25.0, 0.01);
  EXPECT_NEAR((*times)[1].time.value(), 175.0, 0.01);  // 750 + 1000 m

  // An origin elsewhere than placed moves the unit there.
  const TravelOrigin moved[] = {{"A-02", town.at(250, 250)}};
  times = travel.to(target, moved);
  ASSERT_TRUE(times.ok());
  EXPECT_NEAR((*times)[0].time.value(), 25.0, 0.01);
  EXPECT_EQ(travel.placed_at("A-02"), town.at(250, 250));

  // Off the road map: remembered as such, answered as off_road.
  const Status off = travel.place("A-01", town.at(3000, 3000));
  EXPECT_FALSE(off.ok());
  EXPECT_EQ(off.error().code, Errc::kOutOfRange);
  const TravelOrigin lost[] = {{"A-01", town.at(3000, 3000)}};
  times = travel.to(target, lost);
  ASSERT_TRUE(times.ok());
  EXPECT_EQ((*times)[0].outcome, TravelOutcome::kOffRoad);

  // Removed units leave their index to the next one.
  travel.remove("A-01");
  travel.remove("nobody");
  EXPECT_EQ(travel.size(), 1u);
  ASSERT_TRUE(travel.place("A-03", town.at(500, 0)).ok());
  const TravelOrigin again[] = {{"A-03", town.at(500, 0)}, {"A-02", town.at(250, 250)}};
  times = travel.to(target, again);
  ASSERT_TRUE(times.ok());
  EXPECT_NEAR((*times)[0].time.value(), 25.0, 0.01);
  EXPECT_NEAR((*times)[1].time.value(), 25.0, 0.01);

  // A target off the road map is an error naming the location.
  const auto far = travel.to(town.at(5000, 5000), again);
  ASSERT_FALSE(far.ok());
  EXPECT_EQ(far.error().field, "location");
}

// The home post is routed when the fix is stale, and the unit moves back onto its live
// position once a fresh fix arrives.
TEST(RecommendOnRoads, AStaleUnitIsRoutedFromItsHomePost) {
  const TestRoads& town = testing::grid_town();
  std::vector<Unit> units{unit("H-01", "S1", {"patrol"})};
  units[0].profile.home_post = town.at(1000, 1000);
  const State state = with_units(units);
  UnitPlaces places;
  places.update("H-01", {town.at(500, 250), at(-300)});
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index());
  const Incident incident = incident_at(town.at(500, 500), "01", "S1");
  auto rec = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, kNow);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->ranked.at(0).origin, OriginKind::kHomePost);
  EXPECT_NEAR(rec->ranked.at(0).eta.value(), 100.0, 0.01);
  EXPECT_EQ(travel.placed_at("H-01"), town.at(1000, 1000));

  places.update("H-01", {town.at(500, 250), at(-1)});
  rec = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, kNow);
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->ranked.at(0).origin, OriginKind::kLivePosition);
  EXPECT_NEAR(rec->ranked.at(0).eta.value(), 25.0, 0.01);
  EXPECT_EQ(travel.placed_at("H-01"), town.at(500, 250));
}

// With a minimum move, GPS jitter of a parked unit leaves it where it was placed, for fixes
// and queries alike; a real move places it anew.
TEST(RoadTravelTimes, JitterWithinTheMinimumMoveKeepsTheUnitPlaced) {
  const TestRoads& town = testing::grid_town();
  RoadTravelOptions options;
  options.min_move = Meters(10.0);
  RoadTravelTimes travel(town.graph(), town.hierarchy(), town.index(), options);
  ASSERT_TRUE(travel.place("P-01", town.at(500, 250)).ok());
  ASSERT_TRUE(travel.place("P-01", town.at(504, 250)).ok());
  EXPECT_EQ(travel.placed_at("P-01"), town.at(500, 250));

  const TravelOrigin jittered[] = {{"P-01", town.at(500, 256)}};
  const auto times = travel.to(town.at(500, 500), jittered);
  ASSERT_TRUE(times.ok()) << times.error().to_string();
  EXPECT_NEAR((*times)[0].time.value(), 25.0, 0.01);  // from (500, 250): 250 m
  EXPECT_EQ(travel.placed_at("P-01"), town.at(500, 250));

  const TravelOrigin moved[] = {{"P-01", town.at(500, 300)}};
  const auto later = travel.to(town.at(500, 500), moved);
  ASSERT_TRUE(later.ok()) << later.error().to_string();
  EXPECT_NEAR((*later)[0].time.value(), 20.0, 0.01);  // 200 m
  EXPECT_EQ(travel.placed_at("P-01"), town.at(500, 300));
}

}  // namespace
}  // namespace shouwang::cad
