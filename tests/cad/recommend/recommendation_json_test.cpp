// The API form of a recommendation (recommendation_json()).

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/record_id.h>

#include "cad/recommend/recommend_fixture.h"

namespace shouwang::cad {
namespace {

using nlohmann::json;
using testing::at;
using testing::unit;

TEST(RecommendationJson, CarriesRanksReasonsExclusionsAndPicks) {
  std::vector<Unit> units{unit("A-01", "S1", {"patrol"}),
                          unit("C-01", "S2", {"patrol"}, UnitStatus::kConditionallyAvailable),
                          unit("O-01", "S1", {"patrol"}, UnitStatus::kOffDuty),
                          unit("K-01", "S1", {"community"})};
  units[1].status_reason = "at a meal";
  units[1].profile.home_post = LatLon{31.21, 121.51};
  const State state = testing::with_units(units);
  UnitPlaces places;
  places.update("A-01", {LatLon{31.201, 121.501}, at(-12.4)});
  testing::FixedTravelTimes travel;
  travel.set("A-01", 185.3);
  travel.set("C-01", 30.0);
  const Incident incident = testing::incident_at(LatLon{31.2, 121.5}, "01", "S1");
  const auto rec = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, at(0));
  ASSERT_TRUE(rec.ok()) << rec.error().to_string();
  const json j = recommendation_json(*rec);

  EXPECT_EQ(j["incident"], to_string(incident.id));
  EXPECT_EQ(j["type"], "01");
  EXPECT_EQ(j["station"], "S1");
  EXPECT_EQ(j["required_capabilities"], json::array({"patrol"}));
  EXPECT_EQ(j["capabilities_from"], "type");
  EXPECT_EQ(j["at"], at(0).to_iso8601());
  EXPECT_DOUBLE_EQ(j["target"]["lat"].get<double>(), 31.2);

  ASSERT_EQ(j["ranked"].size(), 2u);
  const json& first = j["ranked"][0];
  EXPECT_EQ(first["rank"], 1);
  EXPECT_EQ(first["unit"], "C-01");
  EXPECT_EQ(first["eta_s"], 30);
  EXPECT_EQ(first["ranking_s"], 150);
  EXPECT_EQ(first["origin"], "home_post");
  EXPECT_TRUE(first["fix_age_s"].is_null());
  EXPECT_EQ(first["conditional"], true);
  EXPECT_EQ(first["own_station"], false);
  EXPECT_EQ(first["origin_position"]["lon"], 121.51);
  EXPECT_GT(first["distance_m"].get<std::int64_t>(), 1000);
  EXPECT_EQ(first["reasons"][0]["code"], "fastest");
  EXPECT_EQ(first["reasons"][0]["params"], (json{{"eta_s", 30}, {"origin", "home_post"}}));
  EXPECT_EQ(first["reasons"][1]["code"], "conditional");
  EXPECT_EQ(first["reasons"][1]["params"]["reason"], "at a meal");

  const json& second = j["ranked"][1];
  EXPECT_EQ(second["unit"], "A-01");
  EXPECT_EQ(second["eta_s"], 185);
  EXPECT_EQ(second["fix_age_s"], 12);
  EXPECT_EQ(second["own_station"], true);
  EXPECT_EQ(second["reasons"][1]["code"], "ranks_below");
  EXPECT_EQ(second["reasons"][1]["params"]["above_conditional"], true);
  EXPECT_EQ(second["reasons"][1]["text"],
            "ranks below C-01 (ETA 30 s, 2 min 30 s with its conditional penalty)");
  EXPECT_EQ(second["reasons"][2]["code"], "own_station");

  EXPECT_EQ(j["ranked_total"], 2);
  // The off-duty unit is counted, not listed, unless the reader asks for it.
  ASSERT_EQ(j["excluded"].size(), 1u);
  EXPECT_EQ(j["excluded"][0], (json{{"unit", "K-01"},
                                    {"code", "lacks_capability"},
                                    {"params", {{"missing", json::array({"patrol"})}}},
                                    {"text", "lacks capability patrol"}}));
  EXPECT_EQ(j["excluded_counts"], (json{{"lacks_capability", 1}, {"off_duty", 1}}));
  const json all = recommendation_json(*rec, {.ranked_limit = 20, .list_off_duty = true});
  ASSERT_EQ(all["excluded"].size(), 2u);
  EXPECT_EQ(all["excluded"][1]["unit"], "O-01");
  EXPECT_EQ(all["excluded"][1]["code"], "off_duty");
  EXPECT_EQ(all["excluded"][1]["params"], json::object());

  EXPECT_EQ(j["by_capability"],
            json::array({{{"capability", "patrol"}, {"unit", "C-01"}, {"eta_s", 30}}}));
}

TEST(RecommendationJson, ShowsTheBestRankedUpToTheLimit) {
  std::vector<Unit> units;
  testing::FixedTravelTimes travel;
  UnitPlaces places;
  for (int i = 1; i <= 30; ++i) {
    const std::string callsign = "P-" + std::to_string(100 + i);
    units.push_back(unit(callsign, "S1", {"patrol"}));
    places.update(callsign, {LatLon{31.2 + i * 0.001, 121.5}, at(-1)});
    travel.set(callsign, 60.0 * i);
  }
  const State state = testing::with_units(units);
  const Incident incident = testing::incident_at(LatLon{31.2, 121.5}, "01", "S1");
  const auto rec = recommend(state, testing::small_taxonomy(), incident, places, travel, {}, at(0));
  ASSERT_TRUE(rec.ok()) << rec.error().to_string();
  ASSERT_EQ(rec->ranked.size(), 30u);

  const json shown = recommendation_json(*rec);
  EXPECT_EQ(shown["ranked_total"], 30);
  ASSERT_EQ(shown["ranked"].size(), 20u);
  EXPECT_EQ(shown["ranked"][0]["unit"], "P-101");
  EXPECT_EQ(shown["ranked"][19]["unit"], "P-120");
  EXPECT_EQ(recommendation_json(*rec, {.ranked_limit = 3})["ranked"].size(), 3u);
  EXPECT_EQ(recommendation_json(*rec, {.ranked_limit = 100})["ranked"].size(), 30u);
}

}  // namespace
}  // namespace shouwang::cad
