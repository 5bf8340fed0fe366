// The quick-response circles' registry: key sites and posts registered, edited and retired
// with their profiles checked, coverage gaps opened once and closed, everything kept in
// snapshots (older ones still read), and the commands decoded from JSON.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/command_json.h>
#include <shouwang/cad/event_types.h>
#include <shouwang/cad/invariants.h>
#include <shouwang/cad/record_json.h>
#include <shouwang/cad/state_codec.h>

#include "cad/cad_fixture.h"

namespace shouwang::cad {
namespace {

using testing::at;
using testing::execute;

SiteProfile school() {
  return {"实验小学 Experimental Primary", SiteType::kSchool, 60, "310101-01", LatLon{31.2301, 121.4702},
          {{420, 1080}}};
}

PostProfile square_post() {
  return {"人民广场驻勤点", PostKind::kPost, "310101-01", LatLon{31.2330, 121.4750}};
}

UnitProfile car() {
  UnitProfile p;
  p.name = "巡逻一车";
  p.station = "310101-01";
  return p;
}

class CircleRegistry : public ::testing::Test {
 protected:
  Result<std::vector<store::EventDraft>> run(const Command& c, double seconds,
                                             const std::string& user = "admin") {
    auto r = execute(decider_, state_, c, testing::actor(user), at(seconds));
    if (r.ok()) {
      const Status inv = check_invariants(state_);
      EXPECT_TRUE(inv.ok()) << inv.error().to_string();
    }
    return r;
  }
  std::string refused_field(const Command& c) {
    auto r = decider_.decide(state_, c, testing::actor("admin"), at(0));
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string("accepted") : r.error().field;
  }
  Decider decider_{testing::test_centre(), testing::shipped_taxonomy()};
  State state_;
};

TEST(OpeningHours, ParseWriteBackAndCoverTheirMinutes) {
  auto hours = parse_opening_hours(" 07:00-11:30 , 13:30-17:00", "hours");
  ASSERT_TRUE(hours.ok()) << hours.error().to_string();
  EXPECT_EQ(opening_hours_text(*hours), "07:00-11:30,13:30-17:00");
  EXPECT_TRUE(is_open_at(*hours, 7 * 60));
  EXPECT_FALSE(is_open_at(*hours, 11 * 60 + 30));
  EXPECT_FALSE(is_open_at(*hours, 12 * 60));
  EXPECT_TRUE(is_open_at(*hours, 16 * 60 + 59));
  auto night = parse_opening_hours("22:00-06:00", "hours");
  ASSERT_TRUE(night.ok());
  EXPECT_TRUE(is_open_at(*night, 23 * 60));
  EXPECT_TRUE(is_open_at(*night, 5 * 60));
  EXPECT_FALSE(is_open_at(*night, 12 * 60));
  auto whole = parse_opening_hours("00:00-24:00", "hours");
  ASSERT_TRUE(whole.ok());
  EXPECT_TRUE(is_open_at(*whole, 1439));
  EXPECT_TRUE(parse_opening_hours("", "hours")->empty());
  EXPECT_TRUE(is_open_at({}, 3));
  for (const char* bad : {"7-18", "07:00", "07:00-07:00", "25:00-26:00", "07:60-08:00", "24:00-06:00"}) {
    auto r = parse_opening_hours(bad, "profile.hours");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "profile.hours");
  }
}

TEST_F(CircleRegistry, SitesAndPostsAreRegisteredEditedAndRetired) {
  auto events = run(RegisterSite{"S-0001", school()}, 10);
  ASSERT_TRUE(events.ok()) << events.error().to_string();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].type, event_type::kSiteRegistered);
  EXPECT_EQ((*events)[0].entities, std::vector<std::string>{"site/S-0001"});
  const KeySite& site = state_.sites.at("S-0001");
  EXPECT_EQ(site.profile, school());
  EXPECT_EQ(site_json(site)["profile"]["hours"], "07:00-18:00");
  EXPECT_EQ(site_json(site)["profile"]["type"], "school");

  auto again = decider_.decide(state_, RegisterSite{"S-0001", school()}, testing::actor("admin"), at(11));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, Errc::kAlreadyExists);

  SiteProfile moved = school();
  moved.tier_s = 180;
  moved.name = "  实验小学  ";
  ASSERT_TRUE(run(UpdateSite{"S-0001", moved}, 20).ok());
  EXPECT_EQ(state_.sites.at("S-0001").profile.tier_s, 180);
  EXPECT_EQ(state_.sites.at("S-0001").profile.name, "实验小学");
  moved.name = "实验小学";
  auto same = decider_.decide(state_, UpdateSite{"S-0001", moved}, testing::actor("admin"), at(21));
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, Errc::kConflict);

  ASSERT_TRUE(run(RegisterPost{"P-01", square_post()}, 30).ok());
  EXPECT_EQ(state_.posts.at("P-01").profile.kind, PostKind::kPost);
  EXPECT_EQ(post_json(state_.posts.at("P-01"))["profile"]["kind"], "post");

  EXPECT_EQ(refused_field(RetireSite{"S-0001", " "}), "reason");
  ASSERT_TRUE(run(RetireSite{"S-0001", "学校搬迁"}, 40).ok());
  EXPECT_TRUE(state_.sites.at("S-0001").retired);
  auto edit_retired = decider_.decide(state_, UpdateSite{"S-0001", school()}, testing::actor("admin"), at(41));
  ASSERT_FALSE(edit_retired.ok());
  EXPECT_EQ(edit_retired.error().code, Errc::kInvalidTransition);
  ASSERT_TRUE(run(RetirePost{"P-01", "撤点"}, 50).ok());
  EXPECT_TRUE(state_.posts.at("P-01").retired);
}

TEST_F(CircleRegistry, BadProfilesAreRefusedNamingTheField) {
  EXPECT_EQ(refused_field(RegisterSite{"no spaces", school()}), "site");
  SiteProfile p = school();
  p.tier_s = 120;
  EXPECT_EQ(refused_field(RegisterSite{"S-1", p}), "profile.tier_s");
  p = school();
  p.name = " ";
  EXPECT_EQ(refused_field(RegisterSite{"S-1", p}), "profile.name");
  p = school();
  p.station = "bad station";
  EXPECT_EQ(refused_field(RegisterSite{"S-1", p}), "profile.station");
  p = school();
  p.position = LatLon{95, 0};
  EXPECT_EQ(refused_field(RegisterSite{"S-1", p}), "profile.position");
  PostProfile q = square_post();
  q.position = LatLon{0, 200};
  EXPECT_EQ(refused_field(RegisterPost{"P-1", q}), "profile.position");
  EXPECT_EQ(refused_field(RegisterPost{"P 1", square_post()}), "post");
  EXPECT_EQ(refused_field(UpdatePost{"P-404", square_post()}), "post");
  EXPECT_TRUE(state_.sites.empty());
  EXPECT_TRUE(state_.posts.empty());
}

TEST_F(CircleRegistry, AGapOpensOnceWithItsMoveUpAndCloses) {
  ASSERT_TRUE(run(RegisterSite{"S-0001", school()}, 10).ok());
  ASSERT_TRUE(run(RegisterPost{"P-01", square_post()}, 11).ok());
  ASSERT_TRUE(run(RegisterUnit{"A-02", car()}, 12).ok());
  EXPECT_EQ(refused_field(CloseCoverageGap{"S-0001", ""}), "site");
  EXPECT_EQ(refused_field(OpenCoverageGap{"S-0001", "A-01", MoveUp{"A-99", "P-01", 80, 1}}), "move_up.unit");
  EXPECT_EQ(refused_field(OpenCoverageGap{"S-0001", "A-01", MoveUp{"A-02", "P-09", 80, 1}}), "move_up.post");
  EXPECT_EQ(refused_field(OpenCoverageGap{"S-0001", "A-01", MoveUp{"A-02", "P-01", -3, 1}}), "move_up.travel_s");

  auto opened = run(OpenCoverageGap{"S-0001", "A-01", MoveUp{"A-02", "P-01", 84.5, 3}}, 100, "system");
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  EXPECT_EQ((*opened)[0].type, event_type::kSiteGapOpened);
  const KeySite& site = state_.sites.at("S-0001");
  ASSERT_TRUE(site.gap.has_value());
  EXPECT_EQ(site.gap->opened_at, at(100));
  EXPECT_EQ(site.gap->left_by, "A-01");
  ASSERT_TRUE(site.gap->move_up.has_value());
  EXPECT_EQ(*site.gap->move_up, (MoveUp{"A-02", "P-01", 84.5, 3}));
  EXPECT_EQ(site_json(site)["gap"]["move_up"]["post"], "P-01");

  auto twice = decider_.decide(state_, OpenCoverageGap{"S-0001", "", std::nullopt}, testing::actor("system"), at(101));
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, Errc::kConflict);

  ASSERT_TRUE(run(CloseCoverageGap{"S-0001", "A-02"}, 200, "system").ok());
  EXPECT_FALSE(state_.sites.at("S-0001").gap.has_value());
  ASSERT_TRUE(run(OpenCoverageGap{"S-0001", "", std::nullopt}, 300, "system").ok());
  EXPECT_EQ(state_.sites.at("S-0001").gaps_opened, 2);
  // Retiring the site closes its gap.
  ASSERT_TRUE(run(RetireSite{"S-0001", "closed down"}, 400).ok());
  EXPECT_FALSE(state_.sites.at("S-0001").gap.has_value());
  auto on_retired = decider_.decide(state_, OpenCoverageGap{"S-0001", "", std::nullopt}, testing::actor("system"), at(401));
  ASSERT_FALSE(on_retired.ok());
  EXPECT_EQ(on_retired.error().code, Errc::kInvalidTransition);
}

TEST_F(CircleRegistry, SnapshotsKeepSitesAndPostsAndVersion3StillReads) {
  ASSERT_TRUE(run(RegisterSite{"S-0001", school()}, 10).ok());
  ASSERT_TRUE(run(RegisterPost{"P-01", square_post()}, 11).ok());
  ASSERT_TRUE(run(OpenCoverageGap{"S-0001", "", std::nullopt}, 12, "system").ok());
  const std::string text = serialize_state(state_);
  auto back = parse_state(text);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(*back, state_);

  nlohmann::json v3 = nlohmann::json::parse(text);
  v3["version"] = 3;
  v3.erase("sites");
  v3.erase("posts");
  auto old = parse_state(v3.dump());
  ASSERT_TRUE(old.ok()) << old.error().to_string();
  EXPECT_TRUE(old->sites.empty());
  EXPECT_TRUE(old->posts.empty());

  nlohmann::json wrong = nlohmann::json::parse(text);
  wrong["sites"]["S-0001"]["profile"]["hours"] = "morning";
  auto corrupt = parse_state(wrong.dump());
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.error().code, Errc::kCorrupt);
}

TEST_F(CircleRegistry, CommandsDecodeFromJsonAndGapsAreServerOnly) {
  EXPECT_TRUE(server_only("open_coverage_gap"));
  EXPECT_TRUE(server_only("close_coverage_gap"));
  EXPECT_FALSE(server_only("register_site"));
  auto site = decode_command("register_site", R"({"site": "S-0001", "profile": {"name": "实验小学 Experimental Primary",
      "type": "school", "tier_s": 60, "station": "310101-01", "lat": 31.2301, "lon": 121.4702,
      "hours": "07:00-18:00"}})", at(0));
  ASSERT_TRUE(site.ok()) << site.error().to_string();
  EXPECT_EQ(std::get<RegisterSite>(*site).profile, school());
  auto no_hours = decode_command("register_site", R"({"site": "S-2", "profile": {"name": "站", "type": "transport_hub",
      "tier_s": 180, "station": "310101-01", "lat": 31.2, "lon": 121.4}})", at(0));
  ASSERT_TRUE(no_hours.ok()) << no_hours.error().to_string();
  EXPECT_TRUE(std::get<RegisterSite>(*no_hours).profile.hours.empty());
  auto bad_type = decode_command("register_site", R"({"site": "S-2", "profile": {"name": "x", "type": "zoo",
      "tier_s": 180, "station": "310101-01", "lat": 31.2, "lon": 121.4}})", at(0));
  ASSERT_FALSE(bad_type.ok());
  EXPECT_EQ(bad_type.error().field, "profile.type");
  auto extra = decode_command("register_post", R"({"post": "P-1", "profile": {"name": "x", "kind": "post",
      "station": "310101-01", "lat": 31.2, "lon": 121.4, "colour": "blue"}})", at(0));
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().field, "profile.colour");
  auto gap = decode_command("open_coverage_gap", R"({"site": "S-1", "left_by": "A-01",
      "move_up": {"unit": "A-02", "post": "P-01", "travel_s": 84.5, "restores": 3}})", at(0));
  ASSERT_TRUE(gap.ok()) << gap.error().to_string();
  EXPECT_EQ(std::get<OpenCoverageGap>(*gap).move_up, (MoveUp{"A-02", "P-01", 84.5, 3}));
}

}  // namespace
}  // namespace shouwang::cad
