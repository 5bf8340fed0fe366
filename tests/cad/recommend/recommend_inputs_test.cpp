// What recommend() works from: the capabilities the incident needs (its type, defaults, the
// dispatcher's own list, and the team for a type no one unit covers) and the position it
// needs (errors without one), with travel times set by hand.

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

const UtcTime kNow = at(0);

TEST(Recommend, TheNearestSuitableUnitIsChosenOverACloserOneLackingTheCapability) {
  const State state =
      with_units({unit("P-01", "S1", {"patrol"}), unit("W-01", "S1", {"patrol", "water_rescue"}),
                  unit("W-02", "S1", {"water_rescue"})});
  FixedTravelTimes travel;
  travel.set("P-01", 40.0);
  travel.set("W-01", 400.0);
  travel.set("W-02", 300.0);
  const auto rec =
      recommend_ok(state, incident_at(kScene, "0503", "S1"), fresh_fixes(state), travel);

  EXPECT_EQ(rec.required, (Ids{"water_rescue"}));
  EXPECT_EQ(rec.capabilities_from, CapabilitySource::kType);
  EXPECT_EQ(ranked_ids(rec), (Ids{"W-02", "W-01"}));
  const ExcludedUnit* patrol = excluded(rec, "P-01");
  ASSERT_NE(patrol, nullptr);
  EXPECT_EQ(patrol->code, Exclusion::kLacksCapability);
  EXPECT_EQ(list_param(patrol->reason, "missing"), (Ids{"water_rescue"}));
  EXPECT_EQ(patrol->reason.text, "lacks capability water_rescue");
  EXPECT_FALSE(travel.asked.contains("P-01"));  // nothing it has is needed: not even routed
}

TEST(Recommend, ATypeNeedingSeveralDisciplinesNamesTheBestUnitForEach) {
  const State state =
      with_units({unit("P-01", "S1", {"patrol"}), unit("F-01", "S1", {"forensics"}),
                  unit("PF-01", "S1", {"forensics", "patrol"}), unit("K-01", "S1", {"community"})});
  FixedTravelTimes travel;
  travel.set("P-01", 60.0);
  travel.set("F-01", 300.0);
  travel.set("PF-01", 500.0);
  travel.set("K-01", 10.0);
  const auto rec =
      recommend_ok(state, incident_at(kScene, "0101", "S1"), fresh_fixes(state), travel);

  EXPECT_EQ(rec.required, (Ids{"forensics", "patrol"}));
  EXPECT_EQ(ranked_ids(rec), (Ids{"PF-01"}));  // only it has both
  EXPECT_EQ(list_param(excluded(rec, "P-01")->reason, "missing"), (Ids{"forensics"}));
  EXPECT_EQ(list_param(excluded(rec, "K-01")->reason, "missing"), (Ids{"forensics", "patrol"}));
  EXPECT_EQ(excluded(rec, "K-01")->reason.text, "lacks capabilities forensics, patrol");
  ASSERT_EQ(rec.by_capability.size(), 2u);
  EXPECT_EQ(rec.by_capability[0].capability, "forensics");
  EXPECT_EQ(rec.by_capability[0].unit, "F-01");
  EXPECT_DOUBLE_EQ(rec.by_capability[0].eta.value(), 300.0);
  EXPECT_EQ(rec.by_capability[1].capability, "patrol");
  EXPECT_EQ(rec.by_capability[1].unit, "P-01");

  // The dispatcher may ask for one discipline.
  RecommendOptions just_forensics;
  just_forensics.capabilities = Ids{"forensics"};
  const auto asked = recommend_ok(state, incident_at(kScene, "0101", "S1"), fresh_fixes(state),
                                  travel, just_forensics);
  EXPECT_EQ(asked.capabilities_from, CapabilitySource::kRequested);
  EXPECT_EQ(ranked_ids(asked), (Ids{"F-01", "PF-01"}));

  // No free unit has a capability: the pick says so.
  const State patrols = with_units({unit("P-01", "S1", {"patrol"})});
  const auto none =
      recommend_ok(patrols, incident_at(kScene, "0101", "S1"), fresh_fixes(patrols), travel);
  EXPECT_TRUE(none.ranked.empty());
  EXPECT_FALSE(none.by_capability[0].unit);
  EXPECT_EQ(none.by_capability[1].unit, "P-01");
}

TEST(Recommend, RequiredCapabilitiesForUntypedUnknownAndCapabilityFreeTypes) {
  const State state = with_units({unit("P-01", "S1", {"patrol"}), unit("T-01", "S1", {"traffic"})});
  FixedTravelTimes travel;
  travel.set("P-01", 60.0);
  travel.set("T-01", 30.0);
  const auto untyped =
      recommend_ok(state, incident_at(kScene, "", "S1"), fresh_fixes(state), travel);
  EXPECT_EQ(untyped.capabilities_from, CapabilitySource::kUntyped);
  EXPECT_EQ(untyped.required, (Ids{"patrol"}));
  EXPECT_EQ(ranked_ids(untyped), (Ids{"P-01"}));

  const auto unknown =
      recommend_ok(state, incident_at(kScene, "7777", "S1"), fresh_fixes(state), travel);
  EXPECT_EQ(unknown.capabilities_from, CapabilitySource::kUnknownType);
  EXPECT_EQ(ranked_ids(unknown), (Ids{"P-01"}));

  const auto enquiry =
      recommend_ok(state, incident_at(kScene, "09", "S1"), fresh_fixes(state), travel);
  EXPECT_TRUE(enquiry.required.empty());
  EXPECT_EQ(ranked_ids(enquiry), (Ids{"T-01", "P-01"}));
  EXPECT_TRUE(enquiry.by_capability.empty());
}

TEST(Recommend, AnIncidentWithoutAPositionIsAClearError) {
  const State state = with_units({unit("P-01", "S1", {"patrol"})});
  FixedTravelTimes travel;
  Incident nowhere = incident_at(kScene, "01", "S1");
  nowhere.location = {};
  auto rec = recommend(state, testing::small_taxonomy(), nowhere, {}, travel, {}, kNow);
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().code, Errc::kConflict);
  EXPECT_EQ(rec.error().field, "location");
  EXPECT_NE(rec.error().message.find(to_string(nowhere.id)), std::string::npos)
      << rec.error().message;
  EXPECT_NE(rec.error().message.find("no positioned location"), std::string::npos)
      << rec.error().message;
  EXPECT_EQ(travel.queries, 0);

  // Said by the caller and confirmed, but never placed on the map.
  Incident text_only = nowhere;
  LocationCandidate said;
  said.text = "人民路12号";
  add_candidate(text_only.location, said);
  confirm_candidate(text_only.location, 0, "dispatcher", at(-5));
  rec = recommend(state, testing::small_taxonomy(), text_only, {}, travel, {}, kNow);
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.error().message.find("no coordinates"), std::string::npos) << rec.error().message;

  // Two fixes 1 km apart that nobody has decided between.
  Incident torn = nowhere;
  LocationCandidate a, b;
  a.position = kScene;
  a.uncertainty = Meters(20.0);
  b.position = LatLon{kScene.lat + 0.01, kScene.lon};
  b.uncertainty = Meters(20.0);
  add_candidate(torn.location, a);
  add_candidate(torn.location, b);
  rec = recommend(state, testing::small_taxonomy(), torn, {}, travel, {}, kNow);
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.error().message.find("disagree"), std::string::npos) << rec.error().message;
}

class BrokenTravelTimes final : public TravelTimes {
 public:
  Result<std::vector<TravelTime>> to(LatLon, std::span<const TravelOrigin>) override {
    return Error(Errc::kOutOfRange, "the incident's position: 3 km from the nearest road",
                 "location");
  }
};

TEST(Recommend, ATargetOffTheRoadMapIsTheTravelTimesError) {
  const State state = with_units({unit("P-01", "S1", {"patrol"})});
  BrokenTravelTimes travel;
  const auto rec = recommend(state, testing::small_taxonomy(), incident_at(kScene, "01", "S1"),
                             fresh_fixes(state), travel, {}, kNow);
  ASSERT_FALSE(rec.ok());
  EXPECT_EQ(rec.error().code, Errc::kOutOfRange);
}

}  // namespace
}  // namespace shouwang::cad
