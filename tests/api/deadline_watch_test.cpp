// The server's timers on a fake clock, in-process: the command service, the road network
// and the deadline watch over a generated city's event log. A sign-for that does not come
// escalates once, offering the next unit the recommendation would send; a deadline that
// fell due while the server was down is recorded by the first pass after the restart; a
// unit stopping at the scene is recorded as arrived from its GPS fix. The daily warning
// scan raises a directive for a station whose robberies jumped, once however often it
// runs, and the station acknowledges it over the API of a real server on the same log.

#include <optional>
#include <set>

#include <gtest/gtest.h>

#include <shouwang/cad/record_id.h>

#include "api/served_city.h"
#include "api/watch_centre.h"

namespace shouwang::test {
namespace {

using nlohmann::json;
using server::DeadlineWatch;

class DeadlineWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<ServedCity>("deadline-watch");
    city_->run_tool({"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir()});
    scene_ = destination(city_->point_a, 90.0, Meters(400));  // on a road
  }

  // Two patrol cars on shift at the scene, a theft (priority 3: 180 s to sign for)
  // accepted there, and an order to A-01. Returns the order's id.
  std::string dispatch_a01(Centre& centre) {
    centre.run("register_unit", {{"unit", "A-01"}, {"profile", unit_profile(city_->station_a, scene_)}});
    centre.run("register_unit", {{"unit", "A-02"}, {"profile", unit_profile(city_->station_a, scene_)}});
    centre.run("start_shift", {{"unit", "A-01"}, {"crew", {"012345"}}});
    centre.run("start_shift", {{"unit", "A-02"}, {"crew", {"012346"}}});
    const json created = centre.run("create_incident", {{"summary", "电动车被盗"}, {"type_code", "0105"}});
    incident_ = created["incident_id"];
    centre.run("add_location_candidate", {{"incident", incident_}, {"source", "handset_gnss"}, {"text", "路口"},
                                          {"lat", scene_.lat}, {"lon", scene_.lon}, {"uncertainty_m", 10}});
    centre.run("confirm_location", {{"incident", incident_}, {"candidate", 0}});
    centre.run("accept_incident", {{"incident", incident_}});
    const json issued = centre.run("issue_order", {{"incident", incident_}, {"target", {{"kind", "unit"}, {"id", "A-01"}}}});
    return issued["order_id"];
  }

  // The missed deadlines recorded for `order` in the durable state.
  static std::size_t misses(Centre& centre, const std::string& order) {
    return centre.read([&](const cad::State& state, std::uint64_t) -> std::size_t {
      for (const auto& [id, o] : state.orders) {
        if (cad::to_string(id) == order) return o.missed.size();
      }
      return 0;
    });
  }

  std::unique_ptr<ServedCity> city_;
  LatLon scene_;
  std::string incident_;
  ManualClock clock_{UtcTime::from_seconds(1'795'000'000)};  // 2026-11-18
};

TEST_F(DeadlineWatchTest, AMissedSignForEscalatesOnceAndOffersTheNextUnit) {
  Centre centre(*city_, clock_, {});
  const std::string order = dispatch_a01(centre);
  clock_.advance_seconds(179);
  EXPECT_TRUE(centre.watch().tick().missed.empty()) << "not due before 180 s";
  clock_.advance_seconds(2);
  const auto pass = centre.watch().tick();
  ASSERT_EQ(pass.missed.size(), 1u);
  EXPECT_EQ(pass.missed[0].kind, cad::DeadlineKind::kSignFor);
  EXPECT_EQ(cad::to_string(pass.missed[0].order), order);
  const std::string offered = centre.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, o] : state.orders) {
      if (cad::to_string(id) == order && !o.missed.empty()) return o.missed.front().offered_unit;
    }
    return std::string();
  });
  EXPECT_EQ(offered, "A-02");
  EXPECT_EQ(centre.watch().stats().offered_units, 1u);
  // Once only, however often the watch looks.
  clock_.advance_seconds(30);
  EXPECT_TRUE(centre.watch().tick().missed.empty());
  EXPECT_EQ(misses(centre, order), 1u);
}

TEST_F(DeadlineWatchTest, ADeadlineThatFellDueWhileTheServerWasDownIsRecordedAfterTheRestart) {
  std::string order;
  {
    Centre centre(*city_, clock_, {});
    order = dispatch_a01(centre);
    clock_.advance_seconds(60);
    EXPECT_TRUE(centre.watch().tick().missed.empty());
  }  // the server stops
  clock_.advance_seconds(600);
  Centre restarted(*city_, clock_, {});
  const auto pass = restarted.watch().tick();
  ASSERT_EQ(pass.missed.size(), 1u);
  EXPECT_EQ(pass.missed[0].kind, cad::DeadlineKind::kSignFor);
  EXPECT_EQ(misses(restarted, order), 1u);
}

TEST_F(DeadlineWatchTest, AUnitStoppedAtTheSceneIsRecordedAsArrivedFromGps) {
  server::WatchedFix fix{destination(scene_, 0.0, Meters(500)), clock_.now(), 12.0};
  Centre centre(*city_, clock_, [&fix](std::string_view unit) -> std::optional<server::WatchedFix> {
    if (unit != "A-01") return std::nullopt;
    return fix;
  });
  const std::string order = dispatch_a01(centre);
  centre.run("sign_for", {{"order", order}});
  centre.run("en_route", {{"order", order}});
  // Driving past at speed, then still 500 m away: not there.
  clock_.advance_seconds(30);
  fix = {destination(scene_, 0.0, Meters(30)), clock_.now(), 11.0};
  EXPECT_TRUE(centre.watch().tick().arrived.empty());
  fix = {destination(scene_, 0.0, Meters(500)), clock_.now(), 0.5};
  EXPECT_TRUE(centre.watch().tick().arrived.empty());
  // Stopped 40 m from the scene.
  clock_.advance_seconds(20);
  fix = {destination(scene_, 0.0, Meters(40)), clock_.now(), 0.8};
  const auto pass = centre.watch().tick();
  ASSERT_EQ(pass.arrived.size(), 1u);
  EXPECT_EQ(cad::to_string(pass.arrived[0]), order);
  const auto [status, source] = centre.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, o] : state.orders) {
      if (cad::to_string(id) == order) return std::pair{o.status, o.arrival_source};
    }
    return std::pair{cad::OrderStatus::kIssued, std::string()};
  });
  EXPECT_EQ(status, cad::OrderStatus::kArrived);
  EXPECT_EQ(source, "gps");
  // A fix too old does not count: nothing more to record anyway, and no refusal.
  EXPECT_EQ(centre.watch().tick().refused, 0u);
}

// `n` robberies (0103, reporting group robbery_snatching_theft) at station A now.
void robberies(Centre& centre, const std::string& station, int n) {
  for (int k = 0; k < n; ++k) {
    const json created = centre.run("create_incident", {{"summary", "抢劫"}, {"type_code", "0103"}});
    centre.run("assign_station", {{"incident", created["incident_id"]}, {"station", station}, {"reason", "辖区"}});
  }
}

TEST_F(DeadlineWatchTest, TheDailyScanRaisesADirectiveOnceAndTheStationAcknowledgesIt) {
  std::string warning;
  std::size_t raised = 0;
  {
    Centre centre(*city_, clock_, {});
    // Three weeks of one robbery a day at station A, then a day with eight.
    for (int day = 0; day < 21; ++day) {
      robberies(centre, city_->station_a, 1);
      clock_.advance_seconds(86'400);
    }
    robberies(centre, city_->station_a, 8);
    clock_.advance_seconds(86'400);
    auto scan = centre.warnings().tick();
    ASSERT_TRUE(scan.has_value());
    ASSERT_TRUE(scan->ok()) << scan->error().to_string();
    const server::WarningScan& s = **scan;
    // 0103 counts in its own reporting group and in its ancestors' groups, if any.
    ASSERT_GE(s.raised.size(), 1u) << "alarms " << s.alarms;
    raised = s.raised.size();
    EXPECT_GE(s.alarms, 2 * raised) << "EARS C2 and C3 both fire on eight against one a day";
    const auto theft = centre.read([&](const cad::State& state, std::uint64_t) {
      std::optional<cad::Warning> found;
      for (const WarningId id : s.raised) {
        const cad::Warning& w = *state.find(id);
        EXPECT_EQ(w.subject.area, city_->station_a);
        EXPECT_EQ(w.subject.kind, "group");
        EXPECT_EQ(w.subject.day, s.day);
        if (w.subject.code == "robbery_snatching_theft") found = w;
      }
      return found;
    });
    ASSERT_TRUE(theft.has_value());
    const cad::Warning& w = *theft;
    warning = cad::to_string(w.id);
    ASSERT_FALSE(w.evidence.empty());
    EXPECT_EQ(w.evidence[0].count, 8);
    EXPECT_NEAR(w.evidence[0].baseline_mean, 1.0, 1e-9);
    EXPECT_GT(w.evidence[0].statistic, w.evidence[0].threshold);
    EXPECT_FALSE(centre.warnings().tick().has_value()) << "the day is scanned once";
    EXPECT_EQ(centre.warnings().stats().raised, raised);
  }
  {
    // After a restart the same day is scanned again and nothing is raised twice.
    Centre restarted(*city_, clock_, {});
    auto again = restarted.warnings().tick();
    ASSERT_TRUE(again.has_value() && again->ok());
    EXPECT_TRUE((*again)->raised.empty());
    EXPECT_EQ((*again)->already, raised);
  }

  city_->start();
  const ApiClient officer_a = city_->login("officer_a");
  const ApiClient officer_b = city_->login("officer_b");
  const ApiReply open = officer_a.get("/api/v1/warnings");
  ASSERT_EQ(open.status, 200) << open.text;
  ASSERT_EQ(open.body["total"], raised);
  std::set<std::string> listed;
  for (const json& w : open.body["warnings"]) {
    listed.insert(w["id"].get<std::string>());
    EXPECT_EQ(w["status"], "raised");
  }
  EXPECT_TRUE(listed.contains(warning));
  EXPECT_EQ(officer_a.get("/api/v1/state").body["snapshot"]["warnings"].size(), raised);
  EXPECT_EQ(officer_b.get("/api/v1/warnings").body["total"], 0) << "another station's warning";
  EXPECT_EQ(officer_b.get("/api/v1/warnings/" + warning).status, 403);
  const std::string ack = "/api/v1/warnings/" + warning + "/acknowledge";
  EXPECT_EQ(officer_b.post(ack, {{"response", "x"}}).status, 403);
  EXPECT_EQ(city_->login("car_a").get("/api/v1/warnings").status, 403);
  const ApiReply empty = officer_a.post(ack, {{"response", " "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body.value("field", ""), "response");
  const ApiReply done = officer_a.post(ack, {{"response", "夜间在商圈加派两组巡逻"}});
  ASSERT_EQ(done.status, 200) << done.text;
  EXPECT_EQ(done.body["warning"]["status"], "acknowledged");
  EXPECT_EQ(done.body["warning"]["acknowledged_by"], "officer_a");
  EXPECT_EQ(done.body["events"][0]["type"], "warning.acknowledged");
  EXPECT_EQ(officer_a.post(ack, {{"response", "again"}}).status, 409);
  EXPECT_EQ(officer_a.get("/api/v1/warnings").body["total"], raised - 1);
  EXPECT_EQ(officer_a.get("/api/v1/warnings?status=acknowledged").body["total"], 1);
  EXPECT_EQ(city_->login("disp").get("/api/v1/warnings?status=all").body["total"], raised);
  EXPECT_EQ(officer_a.get("/api/v1/warnings?status=closed").body.value("field", ""), "status");
  EXPECT_EQ(officer_a.get("/api/v1/warnings/310100-20261122-000001").status, 400);
  city_->stop();
}

}  // namespace
}  // namespace shouwang::test
