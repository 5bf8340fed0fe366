// Units through the API: the roster, duty and the one-action dispatch to the nearest
// suitable unit on a real imported road network, a unit's road route to an incident, and
// the officer-in-danger alarm reaching every console at once.

#include <chrono>

#include <gtest/gtest.h>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>

#include "api/served_city.h"
#include "server/stream/ws_client.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

json profile(const std::string& station, std::vector<std::string> capabilities, LatLon post) {
  return {{"name", "巡逻车"},
          {"type", "patrol_car"},
          {"station", station},
          {"capabilities", std::move(capabilities)},
          {"home_post", {{"lat", post.lat}, {"lon", post.lon}}}};
}

void register_on_duty(const ApiClient& admin, const ApiClient& disp, const std::string& unit, const json& p) {
  const ApiReply registered = admin.post("/api/v1/units", {{"unit", unit}, {"profile", p}});
  ASSERT_EQ(registered.status, 201) << registered.text;
  const ApiReply shift = disp.post("/api/v1/units/" + unit + "/shift/start", {{"crew", {"012345"}}});
  ASSERT_EQ(shift.status, 200) << shift.text;
  EXPECT_EQ(shift.body["unit"]["status"], "available");
}

// An accepted incident of `type` at `where`, its location confirmed.
std::string incident_at(const ApiClient& taker, const std::string& type, LatLon where) {
  const ApiReply created = taker.post("/api/v1/incidents", {{"summary", "两车相撞"}, {"type_code", type}});
  EXPECT_EQ(created.status, 201) << created.text;
  const std::string id = created.body["incident"]["id"];
  EXPECT_EQ(taker.post("/api/v1/incidents/" + id + "/locations",
                       {{"source", "handset_gnss"}, {"text", "路口"}, {"lat", where.lat}, {"lon", where.lon},
                        {"uncertainty_m", 15}}).status, 200);
  EXPECT_EQ(taker.post("/api/v1/incidents/" + id + "/locations/0/confirm", json::object()).status, 200);
  EXPECT_EQ(taker.post("/api/v1/incidents/" + id + "/accept", json::object()).status, 200);
  return id;
}

TEST(ApiUnits, OneActionSendsTheNearestSuitableUnitAndRecordsABypass) {
  ServedCity city("units-dispatch");
  city.run_tool({"import-osm", city.dir() + "/city.osm.pbf", "--out", city.dir()});
  city.start();
  const ApiClient admin = city.login("admin");
  const ApiClient disp = city.login("disp");
  const ApiClient taker = city.login("taker");
  // P-01 waits right at the scene but has no traffic capability; T-02 is 400 m away and
  // T-01 at the other station's post, both traffic units.
  register_on_duty(admin, disp, "P-01", profile(city.station_a, {"patrol"}, city.point_a));
  register_on_duty(admin, disp, "T-02", profile(city.station_a, {"patrol", "traffic"},
                                               destination(city.point_a, 90.0, Meters(400))));
  register_on_duty(admin, disp, "T-01", profile(city.station_b, {"patrol", "traffic"}, city.point_b));

  const std::string crash = incident_at(taker, "0301", city.point_a);  // 交通事故: traffic
  const ApiReply advice = disp.get("/api/v1/incidents/" + crash + "/recommendation");
  ASSERT_EQ(advice.status, 200) << advice.text;
  const json& rec = advice.body["recommendation"];
  ASSERT_EQ(rec["ranked"].size(), 2u) << rec.dump();
  EXPECT_EQ(rec["ranked"][0]["unit"], "T-02");
  EXPECT_EQ(rec["ranked"][1]["unit"], "T-01");
  EXPECT_LT(rec["ranked"][0]["eta_s"].get<double>(), rec["ranked"][1]["eta_s"].get<double>());
  ASSERT_EQ(rec["excluded"].size(), 1u);
  EXPECT_EQ(rec["excluded"][0]["unit"], "P-01");
  EXPECT_EQ(rec["excluded"][0]["code"], "lacks_capability");
  EXPECT_EQ(rec["excluded_counts"], (json{{"lacks_capability", 1}}));
  // A shorter view of the same ranking; a limit that is not a count is refused.
  const ApiReply best = disp.get("/api/v1/incidents/" + crash + "/recommendation?limit=1");
  ASSERT_EQ(best.status, 200) << best.text;
  ASSERT_EQ(best.body["recommendation"]["ranked"].size(), 1u);
  EXPECT_EQ(best.body["recommendation"]["ranked"][0]["unit"], "T-02");
  EXPECT_EQ(best.body["recommendation"]["ranked_total"], 2);
  const ApiReply zero = disp.get("/api/v1/incidents/" + crash + "/recommendation?limit=0");
  EXPECT_EQ(zero.status, 400) << zero.text;
  EXPECT_EQ(zero.body["field"], "limit");

  // Choosing the second without a reason is refused and records nothing; with one it goes.
  const ApiReply no_reason = disp.post("/api/v1/incidents/" + crash + "/dispatch", {{"unit", "T-01"}});
  EXPECT_EQ(no_reason.status, 400) << no_reason.text;
  EXPECT_EQ(no_reason.body["field"], "bypass_reason");
  const ApiReply chosen = disp.post("/api/v1/incidents/" + crash + "/dispatch",
                                    {{"unit", "T-01"}, {"bypass_reason", "T-02 车载设备故障"}});
  ASSERT_EQ(chosen.status, 201) << chosen.text;
  EXPECT_EQ(chosen.body["rank"], 2);
  EXPECT_EQ(chosen.body["order"]["target"]["id"], "T-01");
  EXPECT_EQ(chosen.body["order"]["bypassed"], json::array({"T-02"}));
  EXPECT_EQ(chosen.body["order"]["bypass_reason"], "T-02 车载设备故障");
  EXPECT_EQ(chosen.body["unit"]["status"], "dispatched");
  EXPECT_EQ(chosen.body["unit"]["eido_status"]["secondary"], "Dispatched");

  // The next crash: one action sends the best unit left, T-02; T-01 is now busy.
  const std::string second = incident_at(taker, "0301", city.point_a);
  const ApiReply one_action = disp.post("/api/v1/incidents/" + second + "/dispatch", json::object());
  ASSERT_EQ(one_action.status, 201) << one_action.text;
  EXPECT_EQ(one_action.body["order"]["target"]["id"], "T-02");
  EXPECT_EQ(one_action.body["rank"], 1);
  EXPECT_FALSE(one_action.body["order"].contains("bypassed"));
  // With both traffic units busy, nobody is left.
  const std::string third = incident_at(taker, "0301", city.point_a);
  const ApiReply nobody = disp.post("/api/v1/incidents/" + third + "/dispatch", json::object());
  EXPECT_EQ(nobody.status, 409) << nobody.text;
  // A station officer may look but not send.
  const ApiReply officer = city.login("officer_a").post("/api/v1/incidents/" + third + "/dispatch", json::object());
  EXPECT_EQ(officer.status, 403) << officer.text;
}

// The ranked unit's ETA in a recommendation answer.
double ranked_eta(const json& recommendation, const std::string& unit) {
  for (const auto& r : recommendation["ranked"]) {
    if (r["unit"] == unit)
      return r["eta_s"];
  }
  ADD_FAILURE() << unit << " is not ranked: " << recommendation.dump();
  return -1;
}

TEST(ApiUnits, TheRouteToAnIncidentIsTheOneTheRecommendationTimes) {
  ServedCity city("units-route");
  city.run_tool({"import-osm", city.dir() + "/city.osm.pbf", "--out", city.dir(), "--no-basemap"});
  city.start();
  const ApiClient admin = city.login("admin");
  const ApiClient disp = city.login("disp");
  const ApiClient taker = city.login("taker");
  register_on_duty(admin, disp, "T-01",
                   profile(city.station_b, {"patrol", "traffic"}, city.point_b));
  // A-01 has its home post at station B but reports a live position near the incident.
  register_on_duty(admin, disp, "A-01",
                   profile(city.station_a, {"patrol", "traffic"}, city.point_b));
  const LatLon live = destination(city.point_a, 0.0, Meters(300));
  const std::string now = SystemClock::instance().now().to_iso8601();
  const json fix = {{"lat", live.lat}, {"lon", live.lon}, {"t", now}, {"accuracy", 5}};
  const ApiReply reported =
      city.login("car_a").send("POST", "/api/v1/units/A-01/position", fix.dump());
  ASSERT_EQ(reported.status, 200) << reported.text;
  ASSERT_EQ(reported.body["accepted"], true) << reported.text;

  const std::string crash = incident_at(taker, "0301", city.point_a);
  const ApiReply advice = disp.get("/api/v1/incidents/" + crash + "/recommendation");
  ASSERT_EQ(advice.status, 200) << advice.text;

  // From the home post: the line runs from near the post to near the incident, and its
  // time is the recommendation's.
  const ApiReply from_post = disp.get("/api/v1/incidents/" + crash + "/route?unit=T-01");
  ASSERT_EQ(from_post.status, 200) << from_post.text;
  const json& route = from_post.body;
  EXPECT_EQ(route["unit"], "T-01");
  EXPECT_EQ(route["incident"], crash);
  EXPECT_EQ(route["from"]["source"], "home_post");
  EXPECT_DOUBLE_EQ(route["from"]["lat"].get<double>(), city.point_b.lat);
  EXPECT_DOUBLE_EQ(route["from"]["lon"].get<double>(), city.point_b.lon);
  EXPECT_NEAR(route["eta_s"].get<double>(), ranked_eta(advice.body["recommendation"], "T-01"), 1.0);
  EXPECT_EQ(route["geometry"]["type"], "LineString");
  const json& line = route["geometry"]["coordinates"];
  ASSERT_GE(line.size(), 2u) << route.dump();
  const LatLon start{line.front()[1], line.front()[0]};
  const LatLon end{line.back()[1], line.back()[0]};
  EXPECT_LT(haversine_distance(start, city.point_b).value(), 500.0);
  EXPECT_LT(haversine_distance(end, city.point_a).value(), 2000.0);
  EXPECT_GE(route["length_m"].get<double>(), haversine_distance(start, end).value() - 1.0);
  EXPECT_GT(route["eta_s"].get<double>(), 0.0);

  // From a live fix: fresh, so it is used instead of the home post.
  const ApiReply from_fix = disp.get("/api/v1/incidents/" + crash + "/route?unit=A-01");
  ASSERT_EQ(from_fix.status, 200) << from_fix.text;
  EXPECT_EQ(from_fix.body["from"]["source"], "live");
  EXPECT_NEAR(from_fix.body["from"]["lat"].get<double>(), live.lat, 1e-6);
  EXPECT_NEAR(from_fix.body["eta_s"].get<double>(),
              ranked_eta(advice.body["recommendation"], "A-01"), 1.0);
  EXPECT_LT(from_fix.body["eta_s"].get<double>(), route["eta_s"].get<double>());

  // Refusals: the unit parameter, an unknown unit, an incident without a position, a role
  // that does not dispatch, no session.
  const ApiReply no_unit = disp.get("/api/v1/incidents/" + crash + "/route");
  EXPECT_EQ(no_unit.status, 400) << no_unit.text;
  EXPECT_EQ(no_unit.body["field"], "unit");
  const ApiReply extra = disp.get("/api/v1/incidents/" + crash + "/route?unit=T-01&limit=3");
  EXPECT_EQ(extra.status, 400) << extra.text;
  EXPECT_EQ(extra.body["field"], "limit");
  const ApiReply unknown = disp.get("/api/v1/incidents/" + crash + "/route?unit=X-99");
  EXPECT_EQ(unknown.status, 404) << unknown.text;
  EXPECT_EQ(unknown.body["field"], "unit");
  const ApiReply created =
      taker.post("/api/v1/incidents", {{"summary", "报警人说不清位置"}, {"type_code", "0301"}});
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string nowhere = created.body["incident"]["id"];
  const ApiReply unplaced = disp.get("/api/v1/incidents/" + nowhere + "/route?unit=T-01");
  EXPECT_EQ(unplaced.status, 409) << unplaced.text;
  EXPECT_EQ(unplaced.body["field"], "location");
  EXPECT_EQ(city.login("analyst").get("/api/v1/incidents/" + crash + "/route?unit=T-01").status,
            403);
  EXPECT_EQ(ApiClient(city.port()).get("/api/v1/incidents/" + crash + "/route?unit=T-01").status,
            401);
}

TEST(ApiUnits, WithoutARoadNetworkThereIsNoRoute) {
  ServedCity city("units-route-none");
  city.start();  // the generated city only: no road network imported
  const ApiClient admin = city.login("admin");
  const ApiClient disp = city.login("disp");
  register_on_duty(admin, disp, "T-01",
                   profile(city.station_b, {"patrol", "traffic"}, city.point_b));
  const std::string crash = incident_at(city.login("taker"), "0301", city.point_a);
  const ApiReply route = disp.get("/api/v1/incidents/" + crash + "/route?unit=T-01");
  EXPECT_EQ(route.status, 503) << route.text;
  EXPECT_EQ(route.body["code"], "unavailable");
}

TEST(ApiUnits, AnEmergencyReachesEveryConsoleWithinASecond) {
  ServedCity city("units-emergency");
  city.start();
  const ApiClient admin = city.login("admin");
  const ApiClient car = city.login("car_a");
  ASSERT_EQ(admin.post("/api/v1/units", {{"unit", "A-01"}, {"profile", profile(city.station_a, {"patrol"}, city.point_a)}})
                .status,
            201);
  ASSERT_EQ(car.post("/api/v1/units/A-01/shift/start", {{"crew", {"012345"}}, {"vehicle", "沪A·1234警"}}).status, 200);
  // A terminal reports for its own unit only.
  EXPECT_EQ(car.post("/api/v1/units/B-01/emergency", {{"note", "x"}}).status, 403);

  // The city's dispatcher and the other station's officer, whose scope does not hold A-01.
  std::vector<std::unique_ptr<WsClient>> consoles;
  for (const char* user : {"disp", "officer_b"}) {
    const ApiClient client = city.login(user);
    const std::uint64_t from = client.get("/api/v1/state").body["seq"];
    auto ws = std::make_unique<WsClient>(client.port_);
    const WsHandshake hs =
        ws->handshake("/api/v1/stream?from=" + std::to_string(from), {{"Authorization", "Bearer " + client.bearer}});
    ASSERT_EQ(hs.status, 101) << hs.body;
    consoles.push_back(std::move(ws));
  }
  const auto pressed = std::chrono::steady_clock::now();
  const ApiReply raised = car.post("/api/v1/units/A-01/emergency", {{"note", "遭遇持刀袭击"}, {"lat", city.point_a.lat},
                                                                    {"lon", city.point_a.lon}});
  ASSERT_EQ(raised.status, 201) << raised.text;
  for (auto& ws : consoles) {
    bool seen = false;
    while (!seen) {
      const WsMessage m = ws->receive(std::chrono::seconds(5));
      ASSERT_EQ(m.kind, WsMessage::Kind::kText) << "the alarm never arrived";
      const json message = json::parse(m.payload);
      if (message["type"] != "change") continue;
      for (const auto& unit : message["units"]) {
        if (unit["id"] == "A-01" && unit.contains("emergency")) {
          EXPECT_EQ(unit["emergency"]["note"], "遭遇持刀袭击");
          seen = true;
        }
      }
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - pressed).count();
    std::printf("[alarm] from the terminal's press to a console: %.1f ms\n", ms);
    EXPECT_LT(ms, 1000.0);
  }
  // The other station's officer also finds it in the state; clearing is not the terminal's.
  EXPECT_EQ(city.login("officer_b").get("/api/v1/state").body["snapshot"]["units"].size(), 1u);
  EXPECT_EQ(car.post("/api/v1/units/A-01/emergency/clear", {{"reason", "ok"}}).status, 403);
  const ApiReply cleared = city.login("disp").post("/api/v1/units/A-01/emergency/clear", {{"reason", "增援到场"}});
  ASSERT_EQ(cleared.status, 200) << cleared.text;
  EXPECT_FALSE(cleared.body["unit"].contains("emergency"));
}

}  // namespace
}  // namespace shouwang::test
