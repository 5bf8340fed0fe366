// The live quick-response circles on a fake clock, in-process over a generated city: a key
// site covered by the unit at its post loses it to a dispatch, waits out the grace period,
// opens a coverage gap naming the unit that left and the move-up that restores it (the
// other unit to the post beside the site), opens nothing twice across a restart, and closes
// when the unit is back; a site out of its opening hours raises nothing. Then the registry
// over the API of a real server: who may register, what a bad profile is told, and the
// circles as GET /api/v1/circles shows them.

#include <gtest/gtest.h>

#include <shouwang/cad/state.h>

#include "api/served_city.h"
#include "api/watch_centre.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

json site_profile(const std::string& station, LatLon at, int tier_s, const std::string& hours = "") {
  return {{"name", "实验小学"}, {"type", "school"}, {"tier_s", tier_s}, {"station", station},
          {"lat", at.lat},      {"lon", at.lon},     {"hours", hours}};
}

const server::SiteCircle* circle_of(const server::CircleRefresh& r, const std::string& site) {
  for (const auto& c : r.sites) {
    if (c.site == site) return &c;
  }
  return nullptr;
}

class CircleWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<ServedCity>("circle-watch");
    city_->run_tool({"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir()});
    scene_ = destination(city_->point_a, 90.0, Meters(400));  // on a road
  }

  // The school (1-minute circle) at the scene, a post 100 m along the road, A-01 at the school and
  // A-02 in the other station's area, both on shift; a school open 07:00-18:00 beside it.
  void register_circle(Centre& centre) {
    centre.run("register_site", {{"site", "S-1"}, {"profile", site_profile(city_->station_a, scene_, 60)}});
    centre.run("register_site",
               {{"site", "S-DAY"}, {"profile", site_profile(city_->station_a, scene_, 60, "07:00-18:00")}});
    const LatLon post = destination(scene_, 90.0, Meters(100));
    centre.run("register_post", {{"post", "P-1"},
                                 {"profile",
                                  {{"name", "人民广场驻勤点"}, {"kind", "post"}, {"station", city_->station_a},
                                   {"lat", post.lat}, {"lon", post.lon}}}});
    centre.run("register_unit", {{"unit", "A-01"}, {"profile", unit_profile(city_->station_a, scene_)}});
    centre.run("register_unit", {{"unit", "A-02"}, {"profile", unit_profile(city_->station_b, city_->point_b)}});
    centre.run("start_shift", {{"unit", "A-01"}, {"crew", {"012345"}}});
    centre.run("start_shift", {{"unit", "A-02"}, {"crew", {"012346"}}});
  }

  // Sends A-01 to a theft in the other station's area; returns the order.
  std::string dispatch_a01_away(Centre& centre) {
    const json created = centre.run("create_incident", {{"summary", "电动车被盗"}, {"type_code", "0105"}});
    const std::string incident = created["incident_id"];
    centre.run("add_location_candidate", {{"incident", incident}, {"source", "handset_gnss"}, {"text", "路口"},
                                          {"lat", city_->point_b.lat}, {"lon", city_->point_b.lon},
                                          {"uncertainty_m", 10}});
    centre.run("confirm_location", {{"incident", incident}, {"candidate", 0}});
    centre.run("accept_incident", {{"incident", incident}});
    const json issued =
        centre.run("issue_order", {{"incident", incident}, {"target", {{"kind", "unit"}, {"id", "A-01"}}}});
    return issued["order_id"];
  }

  static std::optional<cad::CoverageGap> gap_of(Centre& centre, const std::string& site) {
    return centre.read([&](const cad::State& state, std::uint64_t) { return state.find_site(site)->gap; });
  }

  std::unique_ptr<ServedCity> city_;
  LatLon scene_;
  ManualClock clock_{UtcTime::from_seconds(1'795'000'000)};  // 2026-11-18 19:06 in the centre's zone
  server::CircleWatchOptions options_{.grace = std::chrono::seconds(20), .hold = std::chrono::seconds(0)};
};

TEST_F(CircleWatchTest, LosingTheLastUnitOpensAGapWithItsMoveUpOnceAndItClosesWhenTheUnitIsBack) {
  std::string order;
  {
    Centre centre(*city_, clock_, {}, options_);
    register_circle(centre);
    const auto first = centre.circles().tick();
    ASSERT_EQ(first.sites.size(), 2u);
    EXPECT_EQ(first.units, 2u);
    const server::SiteCircle* school = circle_of(first, "S-1");
    ASSERT_NE(school, nullptr);
    EXPECT_TRUE(school->covered);
    EXPECT_EQ(school->unit, "A-01");
    EXPECT_LT(school->time_s, 60.0);
    const server::SiteCircle* day_school = circle_of(first, "S-DAY");
    ASSERT_NE(day_school, nullptr);
    EXPECT_FALSE(day_school->in_hours) << "19:06 is after its hours";
    EXPECT_FALSE(day_school->covered);

    order = dispatch_a01_away(centre);
    clock_.advance_seconds(5);
    const auto lost = centre.circles().tick();
    const server::SiteCircle* now = circle_of(lost, "S-1");
    ASSERT_NE(now, nullptr);
    ASSERT_FALSE(now->covered) << "A-02 reaches the school in " << now->time_s << " s: the city is too small";
    EXPECT_EQ(now->unit, "") << "the live search goes as far as the largest promise only";
    EXPECT_TRUE(lost.opened.empty()) << "not before the grace period";
    clock_.advance_seconds(20);
    const auto alarm = centre.circles().tick();
    ASSERT_EQ(alarm.opened, std::vector<std::string>{"S-1"});
    const auto gap = gap_of(centre, "S-1");
    ASSERT_TRUE(gap.has_value());
    EXPECT_EQ(gap->left_by, "A-01");
    ASSERT_TRUE(gap->move_up.has_value());
    EXPECT_EQ(gap->move_up->unit, "A-02");
    EXPECT_EQ(gap->move_up->post, "P-1");
    EXPECT_EQ(gap->move_up->restores, 1);
    EXPECT_GT(gap->move_up->travel_s, 60.0);
    EXPECT_FALSE(gap_of(centre, "S-DAY").has_value());
    clock_.advance_seconds(30);
    EXPECT_TRUE(centre.circles().tick().opened.empty()) << "one gap at a time";
    EXPECT_EQ(centre.circles().stats().opened, 1u);
  }  // the server stops
  clock_.advance_seconds(60);
  Centre restarted(*city_, clock_, {}, options_);
  EXPECT_TRUE(restarted.circles().tick().opened.empty());
  EXPECT_TRUE(gap_of(restarted, "S-1").has_value()) << "the gap is in the log";
  restarted.run("cancel_order", {{"order", order}, {"reason", "另派他车"}});
  const auto back = restarted.circles().tick();
  EXPECT_EQ(back.closed, std::vector<std::string>{"S-1"});
  EXPECT_FALSE(gap_of(restarted, "S-1").has_value());
  const int opened = restarted.read([](const cad::State& s, std::uint64_t) { return s.find_site("S-1")->gaps_opened; });
  EXPECT_EQ(opened, 1);
}

TEST_F(CircleWatchTest, AUnitThatWasNotThereLongEnoughLeavesNoGap) {
  options_.hold = std::chrono::seconds(120);
  Centre centre(*city_, clock_, {}, options_);
  register_circle(centre);
  EXPECT_TRUE(circle_of(centre.circles().tick(), "S-1")->covered);
  clock_.advance_seconds(30);
  EXPECT_TRUE(circle_of(centre.circles().tick(), "S-1")->covered);
  const std::string order = dispatch_a01_away(centre);
  clock_.advance_seconds(30);
  const auto short_spell = centre.circles().tick();
  EXPECT_FALSE(circle_of(short_spell, "S-1")->covered);
  EXPECT_TRUE(short_spell.opened.empty()) << "covered for 30 s only: no circle to lose";
  clock_.advance_seconds(30);
  EXPECT_TRUE(centre.circles().tick().opened.empty());

  // Back at the school for longer than the hold, then sent away again: now it counts.
  centre.run("cancel_order", {{"order", order}, {"reason", "另派他车"}});
  EXPECT_TRUE(circle_of(centre.circles().tick(), "S-1")->covered);
  clock_.advance_seconds(125);
  EXPECT_TRUE(circle_of(centre.circles().tick(), "S-1")->covered);
  dispatch_a01_away(centre);
  clock_.advance_seconds(5);
  EXPECT_TRUE(centre.circles().tick().opened.empty());
  clock_.advance_seconds(20);
  EXPECT_EQ(centre.circles().tick().opened, std::vector<std::string>{"S-1"});
}

TEST_F(CircleWatchTest, TheRegistryOverTheApiAndTheLiveCircles) {
  city_->start();
  const ApiClient disp = city_->login("disp");
  const ApiClient admin = city_->login("admin");
  const ApiClient car = city_->login("car_a");
  const ApiClient analyst = city_->login("analyst");
  const json body = {{"site", "S-1"}, {"profile", site_profile(city_->station_a, scene_, 180, "07:00-18:00")}};
  EXPECT_EQ(car.post("/api/v1/sites", body).status, 403);
  EXPECT_EQ(analyst.post("/api/v1/sites", body).status, 403);
  const ApiReply created = admin.post("/api/v1/sites", body);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["site"]["profile"]["hours"], "07:00-18:00");
  EXPECT_EQ(created.body["events"][0]["type"], "site.registered");
  EXPECT_EQ(admin.post("/api/v1/sites", body).status, 409);

  json bad = body;
  bad["site"] = "S-2";
  bad["profile"]["tier_s"] = 120;
  const ApiReply tier = disp.post("/api/v1/sites", bad);
  EXPECT_EQ(tier.status, 400);
  EXPECT_EQ(tier.body["field"], "profile.tier_s");
  bad["profile"]["tier_s"] = 60;
  bad["profile"]["station"] = "999999-99";
  const ApiReply station = disp.post("/api/v1/sites", bad);
  EXPECT_EQ(station.status, 404);
  EXPECT_EQ(station.body["field"], "profile.station");
  bad["profile"]["station"] = city_->station_a;
  bad["profile"]["hours"] = "mornings";
  EXPECT_EQ(disp.post("/api/v1/sites", bad).body["field"], "profile.hours");

  const ApiReply post = disp.post("/api/v1/posts", {{"post", "P-1"},
                                                    {"profile",
                                                     {{"name", "驻勤点"}, {"kind", "checkpoint"},
                                                      {"station", city_->station_a}, {"lat", scene_.lat},
                                                      {"lon", scene_.lon}}}});
  ASSERT_EQ(post.status, 201) << post.text;
  EXPECT_EQ(disp.post("/api/v1/posts/P-1/retire", json::object()).body["field"], "reason");
  EXPECT_EQ(disp.post("/api/v1/posts/P-1/retire", {{"reason", "撤点"}}).status, 200);

  const ApiReply sites = disp.get("/api/v1/sites");
  ASSERT_EQ(sites.status, 200);
  ASSERT_EQ(sites.body["sites"].size(), 1u);
  EXPECT_EQ(disp.get("/api/v1/posts").body["posts"].size(), 0u);
  EXPECT_EQ(disp.get("/api/v1/posts?status=retired").body["posts"].size(), 1u);
  EXPECT_EQ(disp.get("/api/v1/sites/S-404").status, 404);
  EXPECT_EQ(car.get("/api/v1/sites").status, 403);
  const ApiReply state = disp.get("/api/v1/state");
  EXPECT_EQ(state.body["snapshot"]["sites"].size(), 1u);
  EXPECT_EQ(state.body["snapshot"]["posts"].size(), 0u);

  const ApiReply circles = disp.get("/api/v1/circles");
  ASSERT_EQ(circles.status, 200) << circles.text;
  ASSERT_EQ(circles.body["sites"].size(), 1u);
  EXPECT_EQ(circles.body["sites"][0]["site"], "S-1");
  EXPECT_EQ(circles.body["sites"][0]["tier_s"], 180);
  EXPECT_FALSE(circles.body["sites"][0]["covered"]) << "no unit is on duty";
  EXPECT_EQ(circles.body["units"], 0);

  // An incident at the school, reached 2 s after the order: one arrival within the promise.
  const json opened = disp.post("/api/v1/incidents", {{"summary", "校门口纠纷"}, {"type_code", "0105"}}).body;
  const std::string incident = opened["incident"]["id"];
  ASSERT_EQ(disp.post("/api/v1/incidents/" + incident + "/locations",
                      {{"source", "handset_gnss"}, {"text", "校门口"}, {"lat", scene_.lat}, {"lon", scene_.lon},
                       {"uncertainty_m", 10}})
                .status,
            200);
  disp.post("/api/v1/incidents/" + incident + "/locations/0/confirm", json::object());
  disp.post("/api/v1/incidents/" + incident + "/accept", json::object());
  disp.post("/api/v1/units", {{"unit", "A-09"}, {"profile", unit_profile(city_->station_a, scene_)}});
  disp.post("/api/v1/units/A-09/shift/start", {{"crew", {"012345"}}});
  const ApiReply issued = disp.post("/api/v1/incidents/" + incident + "/orders",
                                    {{"target", {{"kind", "unit"}, {"id", "A-09"}}}});
  ASSERT_EQ(issued.status, 201) << issued.text;
  const std::string order = issued.body["orders"][0]["id"];
  for (const char* step : {"sign-for", "en-route", "arrive"})
    ASSERT_EQ(disp.post("/api/v1/orders/" + order + "/" + step, json::object()).status, 200) << step;
  const ApiReply arrivals = disp.get("/api/v1/circles/arrivals");
  ASSERT_EQ(arrivals.status, 200) << arrivals.text;
  ASSERT_EQ(arrivals.body["rows"].size(), 1u) << arrivals.text;
  const json& row = arrivals.body["rows"][0];
  EXPECT_EQ(row["site"], "S-1");
  EXPECT_EQ(row["incidents"], 1);
  EXPECT_EQ(row["arrived"], 1);
  EXPECT_EQ(row["within"], 1);
  EXPECT_EQ(disp.get("/api/v1/circles/arrivals?near=5").status, 400);
  EXPECT_EQ(disp.get("/api/v1/circles/arrivals?from=2026-13-01").body["field"], "from");
  EXPECT_EQ(car.get("/api/v1/circles/arrivals").status, 403);
  city_->stop();
}

}  // namespace
}  // namespace shouwang::test
