// The ranking and exclusion rules of recommend() (recommendation.h), with travel times set
// by hand: what is ranked, in which order, and the reason given for every place and for
// every unit left out. What is required and where: recommend_inputs_test.cpp.

#include <gtest/gtest.h>

#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/record_id.h>

#include "cad/recommend/recommend_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;
using testing::excluded;
using testing::FixedTravelTimes;
using testing::fresh_fixes;
using testing::incident_at;
using testing::int_param;
using testing::kNearby;
using testing::kPost;
using testing::kScene;
using testing::list_param;
using testing::ranked;
using testing::ranked_ids;
using testing::reason;
using testing::recommend_ok;
using testing::string_param;
using testing::unit;
using testing::with_units;
using Ids = std::vector<std::string>;

TEST(Recommend, RanksByRoadEtaAndSaysWhy) {
  const State state = with_units({unit("A-01", "S1", {"patrol"}), unit("A-02", "S1", {"patrol"}),
                                  unit("A-03", "S1", {"patrol"})});
  FixedTravelTimes travel;
  travel.set("A-01", 60.0);
  travel.set("A-02", 45.0);
  travel.set("A-03", 185.0);
  const auto rec = recommend_ok(state, incident_at(kScene, "01", "S9"), fresh_fixes(state), travel);

  EXPECT_EQ(travel.queries, 1);  // one query for all units
  ASSERT_EQ(ranked_ids(rec), (Ids{"A-02", "A-01", "A-03"}));
  EXPECT_EQ(rec.ranked[0].rank, 1);
  EXPECT_EQ(rec.ranked[2].rank, 3);
  EXPECT_DOUBLE_EQ(rec.ranked[2].eta.value(), 185.0);
  EXPECT_EQ(rec.ranked[2].origin, OriginKind::kLivePosition);
  EXPECT_DOUBLE_EQ(rec.ranked[2].fix_age->value(), 12.0);
  EXPECT_NEAR(rec.ranked[2].straight_line.value(), haversine_distance(kNearby, kScene).value(),
              1e-6);
  EXPECT_TRUE(rec.excluded.empty());

  const Reason& first = rec.ranked[0].reasons.at(0);
  EXPECT_EQ(first.code, "fastest");
  EXPECT_EQ(int_param(first, "eta_s"), 45);
  EXPECT_EQ(string_param(first, "origin"), "live_position");
  EXPECT_EQ(int_param(first, "fix_age_s"), 12);
  EXPECT_EQ(first.text, "fastest by road: ETA 45 s from live position (fix 12 s old)");

  const RankedUnit& third = rec.ranked[2];
  EXPECT_EQ(reason(third, "fastest"), nullptr);
  ASSERT_NE(reason(third, "eta"), nullptr);
  EXPECT_EQ(reason(third, "eta")->text, "ETA 3 min 05 s by road from live position (fix 12 s old)");
  const Reason* below = reason(third, "ranks_below");
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(string_param(*below, "unit"), "A-01");
  EXPECT_EQ(int_param(*below, "eta_s"), 60);
  EXPECT_EQ(string_param(*below, "by"), "eta");
  EXPECT_EQ(below->text, "ranks below A-01 (ETA 1 min 00 s)");
}

TEST(Recommend, AStaleFixFallsBackToTheHomePost) {
  std::vector<Unit> units{unit("H-01", "S1", {"patrol"}), unit("H-02", "S1", {"patrol"}),
                          unit("H-03", "S1", {"patrol"}), unit("H-04", "S1", {"patrol"}),
                          unit("H-05", "S1", {"patrol"})};
  units[0].profile.home_post = kPost;  // stale fix, home post
  units[1].profile.home_post = kPost;  // no fix at all, home post
  // H-03: stale fix, no home post; H-04: nothing; H-05: a fix exactly max_fix_age old.
  const State state = with_units(units);
  UnitPlaces places;
  places.update("H-01", {kNearby, at(-400)});
  places.update("H-03", {kNearby, at(-600)});
  places.update("H-05", {kNearby, at(-120)});
  FixedTravelTimes travel;
  for (const auto& u : units)
    travel.set(u.id, 100.0);
  const auto rec = recommend_ok(state, incident_at(kScene, "01", "S1"), places, travel);

  ASSERT_EQ(ranked_ids(rec), (Ids{"H-01", "H-02", "H-05"}));
  const RankedUnit* h1 = ranked(rec, "H-01");
  EXPECT_EQ(h1->origin, OriginKind::kHomePost);
  EXPECT_EQ(h1->origin_position, kPost);
  EXPECT_DOUBLE_EQ(h1->fix_age->value(), 400.0);
  EXPECT_EQ(travel.asked.at("H-01"), kPost);  // routed from the post, not the stale fix
  EXPECT_EQ(string_param(h1->reasons.at(0), "origin"), "home_post");
  EXPECT_EQ(h1->reasons.at(0).text,
            "fastest by road: ETA 1 min 40 s from home post (live fix 6 min 40 s old is stale)");
  const RankedUnit* h2 = ranked(rec, "H-02");
  EXPECT_EQ(h2->origin, OriginKind::kHomePost);
  EXPECT_FALSE(h2->fix_age);
  EXPECT_EQ(reason(*h2, "eta")->text, "ETA 1 min 40 s by road from home post (no live fix)");
  const RankedUnit* h5 = ranked(rec, "H-05");
  EXPECT_EQ(h5->origin, OriginKind::kLivePosition);
  EXPECT_EQ(travel.asked.at("H-05"), kNearby);

  const ExcludedUnit* h3 = excluded(rec, "H-03");
  ASSERT_NE(h3, nullptr);
  EXPECT_EQ(h3->code, Exclusion::kNoPosition);
  EXPECT_EQ(int_param(h3->reason, "fix_age_s"), 600);
  EXPECT_EQ(h3->reason.text,
            "no position: the last fix is 10 min 00 s old (stale) and there is no home post");
  const ExcludedUnit* h4 = excluded(rec, "H-04");
  ASSERT_NE(h4, nullptr);
  EXPECT_EQ(h4->code, Exclusion::kNoPosition);
  EXPECT_EQ(h4->reason.param("fix_age_s"), nullptr);
  EXPECT_FALSE(travel.asked.contains("H-03"));

  // A longer max_fix_age makes H-01's fix fresh again.
  RecommendOptions patient;
  patient.max_fix_age = Seconds(600.0);
  const auto again = recommend_ok(state, incident_at(kScene, "01", "S1"), places, travel, patient);
  EXPECT_EQ(ranked(again, "H-01")->origin, OriginKind::kLivePosition);
  EXPECT_EQ(ranked(again, "H-03")->origin, OriginKind::kLivePosition);
}

TEST(Recommend, UnitsThatAreNotFreeAreLeftOutWithTheirCodes) {
  std::vector<Unit> units{
      unit("B-01", "S1", {"patrol"}, UnitStatus::kEnRoute),
      unit("E-01", "S1", {"patrol"}),
      unit("F-01", "S1", {"patrol"}),
      unit("M-01", "S1", {"patrol"}, UnitStatus::kOnScene),
      unit("O-01", "S1", {"patrol"}, UnitStatus::kOffDuty),
      unit("R-01", "S1", {"patrol"}),
      unit("X-01", "S1", {"patrol"}, UnitStatus::kOutOfService),
      unit("X-02", "S1", {"patrol"}, UnitStatus::kOutOfService),
  };
  units[1].emergency = UnitEmergency{at(-30), "E-01", "shots fired", kNearby};
  units[5].retired = true;
  units[6].status_reason = "vehicle breakdown";
  units[6].expected_return = at(3600);
  units[7].status_reason = "custody transport";
  State state = with_units(units);
  const Incident incident = incident_at(kScene, "01", "S1");
  // B-01 works an order for another incident, M-01 one for this one.
  Order elsewhere;
  elsewhere.id = OrderId(7);
  elsewhere.incident = IncidentId(41);
  elsewhere.status = OrderStatus::kEnRoute;
  Order here = elsewhere;
  here.id = OrderId(8);
  here.incident = incident.id;
  state.orders.emplace(elsewhere.id, elsewhere);
  state.orders.emplace(here.id, here);
  state.units.at("B-01").orders = {elsewhere.id};
  state.units.at("M-01").orders = {here.id};

  FixedTravelTimes travel;
  for (const auto& u : units)
    travel.set(u.id, 100.0);
  const auto rec = recommend_ok(state, incident, fresh_fixes(state), travel);

  EXPECT_EQ(ranked_ids(rec), (Ids{"F-01"}));
  Ids left_out;
  for (const auto& e : rec.excluded) {
    left_out.push_back(e.unit);
    EXPECT_EQ(e.reason.code, to_string(e.code));
    EXPECT_FALSE(travel.asked.contains(e.unit)) << e.unit << " was routed";
  }
  EXPECT_EQ(left_out,
            (Ids{"B-01", "E-01", "M-01", "O-01", "R-01", "X-01", "X-02"}));  // by callsign

  const ExcludedUnit* busy = excluded(rec, "B-01");
  EXPECT_EQ(busy->code, Exclusion::kBusy);
  EXPECT_EQ(string_param(busy->reason, "status"), "en_route");
  EXPECT_EQ(list_param(busy->reason, "orders"), (Ids{to_string(OrderId(7))}));
  EXPECT_EQ(list_param(busy->reason, "incidents"), (Ids{to_string(IncidentId(41))}));
  EXPECT_EQ(busy->reason.text, "busy: en_route (order " + to_string(OrderId(7)) + " for incident " +
                                   to_string(IncidentId(41)) + ")");

  const ExcludedUnit* emergency = excluded(rec, "E-01");
  EXPECT_EQ(emergency->code, Exclusion::kEmergency);  // although its status is available
  EXPECT_EQ(string_param(emergency->reason, "note"), "shots fired");
  EXPECT_EQ(string_param(emergency->reason, "raised_at"), at(-30).to_iso8601());

  const ExcludedUnit* assigned = excluded(rec, "M-01");
  EXPECT_EQ(assigned->code, Exclusion::kAlreadyAssigned);  // not busy: it is on this very incident
  EXPECT_EQ(list_param(assigned->reason, "orders"), (Ids{to_string(OrderId(8))}));

  EXPECT_EQ(excluded(rec, "O-01")->code, Exclusion::kOffDuty);
  EXPECT_EQ(excluded(rec, "O-01")->reason.text, "off duty: not on shift");
  EXPECT_EQ(excluded(rec, "R-01")->code, Exclusion::kRetired);

  const ExcludedUnit* broken = excluded(rec, "X-01");
  EXPECT_EQ(broken->code, Exclusion::kOutOfService);
  EXPECT_EQ(string_param(broken->reason, "reason"), "vehicle breakdown");
  EXPECT_EQ(string_param(broken->reason, "expected_return"), at(3600).to_iso8601());
  EXPECT_EQ(broken->reason.text,
            "out of service (vehicle breakdown), expected back " + at(3600).to_iso8601());
  EXPECT_EQ(excluded(rec, "X-02")->reason.param("expected_return"), nullptr);
  EXPECT_EQ(excluded(rec, "X-02")->reason.text,
            "out of service (custody transport), no expected return given");
}

TEST(Recommend, ConditionallyAvailableUnitsRankWithAPenaltyAndAreMarked) {
  std::vector<Unit> units{unit("A-01", "S1", {"patrol"}),
                          unit("C-01", "S1", {"patrol"}, UnitStatus::kConditionallyAvailable)};
  units[1].status_reason = "writing report";
  const State state = with_units(units);
  const Incident incident = incident_at(kScene, "01", "S9");
  FixedTravelTimes travel;
  travel.set("A-01", 150.0);
  travel.set("C-01", 60.0);  // much closer, but 60 + 120 > 150
  const auto rec = recommend_ok(state, incident, fresh_fixes(state), travel);

  ASSERT_EQ(ranked_ids(rec), (Ids{"A-01", "C-01"}));
  const RankedUnit& c = rec.ranked[1];
  EXPECT_TRUE(c.conditional);
  EXPECT_DOUBLE_EQ(c.eta.value(), 60.0);  // the ETA shown is the road time
  EXPECT_EQ(c.ranking_s, 180);
  const Reason* why = reason(c, "conditional");
  ASSERT_NE(why, nullptr);
  EXPECT_EQ(string_param(*why, "reason"), "writing report");
  EXPECT_EQ(int_param(*why, "penalty_s"), 120);
  EXPECT_EQ(why->text, "conditionally available (writing report): +120 s for ranking");
  EXPECT_FALSE(rec.ranked[0].conditional);

  // Farther away, the available unit loses to the penalised one; the reason says so.
  travel.set("A-01", 200.0);
  const auto farther = recommend_ok(state, incident, fresh_fixes(state), travel);
  ASSERT_EQ(ranked_ids(farther), (Ids{"C-01", "A-01"}));
  const Reason* below = reason(farther.ranked[1], "ranks_below");
  EXPECT_EQ(below->text,
            "ranks below C-01 (ETA 1 min 00 s, 3 min 00 s with its conditional penalty)");

  // The penalty is an option.
  RecommendOptions no_penalty;
  no_penalty.conditional_penalty = Seconds(0.0);
  travel.set("A-01", 150.0);
  EXPECT_EQ(ranked_ids(recommend_ok(state, incident, fresh_fixes(state), travel, no_penalty)),
            (Ids{"C-01", "A-01"}));
}

TEST(Recommend, EqualEtasGoToTheResponsibleStationThenByCallsign) {
  const State state = with_units({unit("A-01", "S2", {"patrol"}), unit("A-02", "S2", {"patrol"}),
                                  unit("B-09", "S1", {"patrol"})});
  const Incident incident = incident_at(kScene, "01", "S1");
  FixedTravelTimes travel;
  travel.set("A-01", 100.0);
  travel.set("A-02", 100.4);  // the same whole second
  travel.set("B-09", 99.6);
  const auto rec = recommend_ok(state, incident, fresh_fixes(state), travel);

  ASSERT_EQ(ranked_ids(rec), (Ids{"B-09", "A-01", "A-02"}));
  EXPECT_TRUE(rec.ranked[0].own_station);
  ASSERT_NE(reason(rec.ranked[0], "own_station"), nullptr);
  EXPECT_EQ(string_param(*reason(rec.ranked[0], "own_station"), "station"), "S1");
  EXPECT_EQ(reason(rec.ranked[1], "own_station"), nullptr);
  const Reason* by_station = reason(rec.ranked[1], "ranks_below");
  EXPECT_EQ(string_param(*by_station, "by"), "own_station");
  EXPECT_EQ(by_station->text,
            "ranks below B-09 (tied at 1 min 40 s; B-09 is of the responsible station)");
  const Reason* by_callsign = reason(rec.ranked[2], "ranks_below");
  EXPECT_EQ(string_param(*by_callsign, "by"), "callsign");
  EXPECT_EQ(by_callsign->text, "ranks below A-01 (tied at 1 min 40 s; callsign order)");

  // A whole second faster beats the own station.
  travel.set("B-09", 101.0);
  EXPECT_EQ(ranked_ids(recommend_ok(state, incident, fresh_fixes(state), travel)),
            (Ids{"A-01", "A-02", "B-09"}));
  // An incident without a responsible station has no own-station units.
  travel.set("B-09", 100.0);
  EXPECT_EQ(
      ranked_ids(recommend_ok(state, incident_at(kScene, "01", ""), fresh_fixes(state), travel)),
      (Ids{"A-01", "A-02", "B-09"}));
}

TEST(Recommend, UnitsWithoutARoadToTheIncidentAreLeftOut) {
  std::vector<Unit> units{unit("A-01", "S1", {"patrol"}), unit("I-01", "S1", {"patrol"}),
                          unit("W-01", "S1", {"patrol"})};
  units[2].profile.home_post = kPost;
  const State state = with_units(units);
  UnitPlaces places;
  places.update("A-01", {kNearby, at(-5)});
  places.update("I-01", {kNearby, at(-5)});
  FixedTravelTimes travel;
  travel.set("A-01", 300.0);
  travel.set("I-01", TravelOutcome::kNoRoute);
  travel.set("W-01", TravelOutcome::kOffRoad);
  const auto rec = recommend_ok(state, incident_at(kScene, "01", "S1"), places, travel);

  EXPECT_EQ(ranked_ids(rec), (Ids{"A-01"}));
  const ExcludedUnit* island = excluded(rec, "I-01");
  ASSERT_NE(island, nullptr);
  EXPECT_EQ(island->code, Exclusion::kUnreachable);
  EXPECT_EQ(string_param(island->reason, "outcome"), "no_route");
  EXPECT_EQ(island->reason.text,
            "unreachable: no road route from its live position to the incident");
  const ExcludedUnit* boat = excluded(rec, "W-01");
  EXPECT_EQ(string_param(boat->reason, "outcome"), "off_road");
  EXPECT_EQ(string_param(boat->reason, "origin"), "home_post");
  EXPECT_EQ(boat->reason.text, "unreachable: its home post is off the road map");
}

TEST(Recommend, RankedAboveNamesTheUnitsAnOrderPassesOver) {
  const State state = with_units({unit("A-01", "S1", {"patrol"}), unit("A-02", "S1", {"patrol"}),
                                  unit("A-03", "S1", {"patrol"}),
                                  unit("O-01", "S1", {"patrol"}, UnitStatus::kOffDuty)});
  FixedTravelTimes travel;
  travel.set("A-01", 10.0);
  travel.set("A-02", 20.0);
  travel.set("A-03", 30.0);
  const auto rec = recommend_ok(state, incident_at(kScene, "01", "S1"), fresh_fixes(state), travel);
  EXPECT_EQ(ranked_above(rec, "A-03"), (Ids{"A-01", "A-02"}));
  EXPECT_TRUE(ranked_above(rec, "A-01").empty());
  EXPECT_TRUE(ranked_above(rec, "O-01").empty());
  EXPECT_TRUE(ranked_above(rec, "nobody").empty());
}

TEST(UnitPlaces, KeepsTheLatestFix) {
  UnitPlaces places;
  places.update("A-01", {kNearby, at(-10)});
  places.update("A-01", {kPost, at(-20)});  // older, arrived late
  EXPECT_EQ(places.find("A-01")->position, kNearby);
  places.update("A-01", {kPost, at(-5)});
  EXPECT_EQ(places.find("A-01")->position, kPost);
  EXPECT_EQ(places.find("A-02"), nullptr);
  places.erase("A-01");
  EXPECT_EQ(places.size(), 0u);
}

}  // namespace
}  // namespace shouwang::cad
