// Every endpoint's happy path against a running `shouwang serve`: a call becomes an
// incident, is located, classified, dispatched to a unit whose terminal signs for it,
// arrives and reports, and is closed; the other commands, reads, searches, accounts and
// operations endpoints along the way.

#include <gtest/gtest.h>

#include <shouwang/cad/deadlines.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

class ApiEndpoints : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new ServedCity("endpoints");
    city_->start();
  }
  static void TearDownTestSuite() {
    city_->stop();
    delete city_;
  }
  static ServedCity* city_;

  static std::string located_incident(const ApiClient& disp, LatLon where, const std::string& summary) {
    const ApiReply call = disp.post("/api/v1/calls", {{"caller_number", "13800000000"}, {"summary", summary}});
    EXPECT_EQ(call.status, 201) << call.text;
    const ApiReply created = disp.post("/api/v1/incidents", {{"call", call.body["call"]["id"]}, {"summary", summary},
                                                             {"type_code", "0201"}});
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string id = created.body["incident"]["id"];
    const ApiReply located = disp.post("/api/v1/incidents/" + id + "/locations",
                                       {{"source", "caller_text"}, {"text", "门口"}, {"lat", where.lat}, {"lon", where.lon},
                                        {"uncertainty_m", 25}});
    EXPECT_EQ(located.status, 200) << located.text;
    return id;
  }
};
ServedCity* ApiEndpoints::city_ = nullptr;

TEST_F(ApiEndpoints, HealthNeedsNoLoginAndEverythingElseDoes) {
  ApiClient anonymous(city_->port());
  EXPECT_EQ(anonymous.get("/healthz").status, 200);
  for (const char* target : {"/api/v1/state", "/api/v1/incidents", "/api/v1/taxonomy", "/metrics", "/api/v1/users"}) {
    const ApiReply reply = anonymous.get(target);
    EXPECT_EQ(reply.status, 401) << target;
    EXPECT_EQ(reply.body.value("code", ""), "unauthenticated") << target;
  }
  EXPECT_EQ(anonymous.post("/api/v1/calls", json::object()).status, 401);
}

TEST_F(ApiEndpoints, AnIncidentFromCallToArchive) {
  const ApiClient disp = city_->login("disp");
  const ApiClient car = city_->login("car_a");
  const ApiClient officer = city_->login("officer_a");

  const ApiReply call = disp.post("/api/v1/calls", {{"caller_number", "13912345678"}, {"caller_name", "王先生"},
                                                   {"summary", "小区门口有人打架"}, {"channel", "voice"}});
  ASSERT_EQ(call.status, 201) << call.text;
  const std::string call_id = call.body["call"]["id"];
  EXPECT_EQ(call.body["events"][0]["type"], "call.received");
  EXPECT_EQ(disp.get("/api/v1/calls/" + call_id).body["call"]["caller_number"], "13912345678");

  const ApiReply created =
      disp.post("/api/v1/incidents", {{"call", call_id}, {"summary", "小区门口打架, 两人受伤"}, {"type_code", "0201"}});
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string id = created.body["incident"]["id"];
  const std::string base = "/api/v1/incidents/" + id;

  // The location puts it in station A, without anyone choosing.
  const ApiReply located = disp.post(base + "/locations", {{"source", "caller_text"}, {"text", "云昌路12号"},
                                                           {"lat", city_->point_a.lat}, {"lon", city_->point_a.lon},
                                                           {"uncertainty_m", 30}});
  ASSERT_EQ(located.status, 200) << located.text;
  EXPECT_EQ(located.body["incident"]["station"], city_->station_a);
  EXPECT_EQ(disp.post(base + "/locations/0/confirm", json::object()).status, 200);
  EXPECT_EQ(disp.post(base + "/priority", {{"priority", 1}, {"reason", "有人持刀"}}).body["incident"]["priority"], 1);
  EXPECT_EQ(disp.post(base + "/type", {{"type_code", "0207"}}).status, 200);
  EXPECT_EQ(disp.post(base + "/type", {{"type_code", "0201"}}).status, 200);
  EXPECT_EQ(disp.post(base + "/accept", json::object()).status, 200);
  EXPECT_EQ(disp.post(base + "/cautions", {{"kind", "armed"}, {"count", 1}, {"detail", "持刀"}}).status, 200);
  EXPECT_EQ(disp.post(base + "/notes", {{"text", "报警人在门口等候"}}).status, 200);
  EXPECT_EQ(disp.post(base + "/persons", {{"role", "suspect"}, {"fields", {{"name", "张三"}, {"id_number", "110101199001011234"}}}})
                .status,
            200);
  EXPECT_EQ(disp.post(base + "/vehicles", {{"role", "involved"}, {"fields", {{"plate", "沪A12345"}}}}).status, 200);
  EXPECT_EQ(disp.post(base + "/verifications", {{"kind", "person"}, {"index", 0}, {"field", "name"}}).status, 200);

  // Persons' details are withheld unless read with a reason, which is recorded.
  const ApiReply plain = disp.get(base);
  ASSERT_EQ(plain.status, 200);
  EXPECT_FALSE(plain.body["incident"]["persons"][0].contains("fields"));
  EXPECT_TRUE(plain.body["incident"]["persons"][0]["withheld"].get<bool>());
  EXPECT_EQ(plain.body["calls"][0]["id"], call_id);
  const ApiReply involved = disp.get(base + "/involved?reason=%E6%A0%B8%E5%AE%9E%E8%BA%AB%E4%BB%BD");  // 核实身份
  ASSERT_EQ(involved.status, 200) << involved.text;
  EXPECT_EQ(involved.body["persons"][0]["fields"]["name"]["value"], "张三") << involved.text;
  EXPECT_GT(involved.body["audit_seq"].get<int>(), plain.body["seq"].get<int>());

  // Dispatch to unit A-01; its terminal steps through the order.
  const ApiReply issued = disp.post(base + "/orders", {{"target", {{"kind", "unit"}, {"id", "A-01"}, {"name", "云昌01"}}},
                                                      {"instructions", "速到现场"}});
  ASSERT_EQ(issued.status, 201) << issued.text;
  const std::string order = issued.body["orders"][0]["id"];
  const std::string o = "/api/v1/orders/" + order;
  EXPECT_EQ(car.get("/api/v1/orders?status=open").body["items"].size(), 1u);
  EXPECT_EQ(car.get(base).status, 200);
  for (const char* step : {"/acknowledge", "/sign-for", "/en-route", "/arrive"}) {
    const ApiReply r = car.post(o + step, json::object());
    EXPECT_EQ(r.status, 200) << step << ": " << r.text;
  }
  EXPECT_EQ(car.post(o + "/feedback", {{"text", "已控制嫌疑人"}}).status, 200);
  EXPECT_EQ(car.post(o + "/complete", json::object()).status, 200);
  EXPECT_EQ(car.get(o).body["order"]["status"], "done");

  // The station officer handles and closes it; the centre terminates and archives it.
  EXPECT_EQ(officer.post(base + "/disposition", {{"code", "20"}}).status, 200);
  EXPECT_EQ(officer.post(base + "/close-scene", json::object()).status, 200);
  EXPECT_EQ(disp.post(base + "/terminate", json::object()).status, 200);
  const ApiReply archived = disp.post(base + "/archive", json::object());
  EXPECT_EQ(archived.status, 200);
  EXPECT_EQ(archived.body["incident"]["status"], "archived");
}

TEST_F(ApiEndpoints, MergesLinksTransfersCancellationsAndStationOrders) {
  const ApiClient disp = city_->login("disp");
  const ApiClient officer = city_->login("officer_a");
  const std::string first = located_incident(disp, city_->point_a, "商店被盗");
  const std::string second = located_incident(disp, city_->point_a, "商店被盗 (重复)");
  const std::string third = located_incident(disp, city_->point_b, "同一嫌疑人");
  const std::string fourth = located_incident(disp, city_->point_b, "着火");
  const std::string fifth = located_incident(disp, city_->point_b, "报警人称已解决");

  EXPECT_EQ(disp.post("/api/v1/incidents/" + first + "/links", {{"other", third}, {"reason", "同一嫌疑人"}}).status, 200);
  EXPECT_EQ(disp.post("/api/v1/incidents/" + second + "/merge", {{"into", first}, {"reason", "重复报警"}}).status, 200);
  EXPECT_EQ(disp.post("/api/v1/incidents/" + fourth + "/transfer", {{"to_agency", "119"}, {"reason", "火情"}}).status, 200);
  EXPECT_EQ(disp.post("/api/v1/incidents/" + fifth + "/cancel", {{"reason", "报警人称已解决"}}).status, 200);
  EXPECT_EQ(disp.post("/api/v1/incidents/" + third + "/station", {{"station", city_->station_a}, {"reason", "并案侦查"}})
                .body["incident"]["station"],
            city_->station_a);

  // A duplicate call joins an incident; a misdial is dismissed.
  const ApiReply again = disp.post("/api/v1/calls", {{"caller_number", "13700000000"}, {"summary", "又有人报同一件事"}});
  EXPECT_EQ(disp.post("/api/v1/calls/" + again.body["call"]["id"].get<std::string>() + "/merge", {{"incident", first}})
                .body["call"]["duplicate"],
            true);
  const ApiReply misdial = disp.post("/api/v1/calls", {{"caller_number", "13600000000"}});
  EXPECT_EQ(disp.post("/api/v1/calls/" + misdial.body["call"]["id"].get<std::string>() + "/dismiss", {{"reason", "误拨"}})
                .status,
            200);

  // An order to the station, split by its officer to two units; one returned and reissued,
  // one cancelled.
  EXPECT_EQ(disp.post("/api/v1/incidents/" + first + "/accept", json::object()).status, 200);
  const ApiReply station_order = disp.post("/api/v1/incidents/" + first + "/orders",
                                           {{"target", {{"kind", "station"}, {"id", city_->station_a}}}});
  ASSERT_EQ(station_order.status, 201) << station_order.text;
  const std::string so = "/api/v1/orders/" + station_order.body["orders"][0]["id"].get<std::string>();
  EXPECT_EQ(officer.post(so + "/sign-for", json::object()).status, 200);
  const ApiReply split = officer.post(so + "/split", {{"targets", {{{"kind", "unit"}, {"id", "A-02"}}, {{"kind", "officer"}, {"id", "031234"}}}},
                                                      {"instructions", "一组到现场, 一人调监控"}});
  ASSERT_EQ(split.status, 201) << split.text;
  ASSERT_EQ(split.body["orders"].size(), 2u);
  const std::string child1 = "/api/v1/orders/" + split.body["orders"][0]["id"].get<std::string>();
  const std::string child2 = "/api/v1/orders/" + split.body["orders"][1]["id"].get<std::string>();
  EXPECT_EQ(officer.post(child1 + "/return", {{"reason", "车辆故障"}}).status, 200);
  EXPECT_EQ(officer.post(child2 + "/cancel", {{"reason", "监控已调取"}}).status, 200);
}

TEST_F(ApiEndpoints, SearchesByTimeTypeStatusAreaStationAndText) {
  const ApiClient disp = city_->login("disp");
  const std::string a = located_incident(disp, city_->point_a, "超市门口盗窃电动车");
  const std::string b = located_incident(disp, city_->point_b, "Bicycle stolen at the market");
  const ApiReply typed = disp.post("/api/v1/incidents/" + b + "/type", {{"type_code", "010503"}});
  ASSERT_EQ(typed.status, 200) << typed.text;

  const auto ids = [](const ApiReply& r) {
    std::vector<std::string> out;
    for (const auto& item : r.body["items"]) out.push_back(item["id"]);
    return out;
  };
  const auto has = [](const std::vector<std::string>& v, const std::string& id) {
    return std::find(v.begin(), v.end(), id) != v.end();
  };
  auto r = disp.get("/api/v1/incidents?q=%E7%94%B5%E5%8A%A8%E8%BD%A6");  // 电动车
  ASSERT_EQ(r.status, 200) << r.text;
  EXPECT_TRUE(has(ids(r), a));
  EXPECT_FALSE(has(ids(r), b));
  r = disp.get("/api/v1/incidents?q=BICYCLE");
  EXPECT_TRUE(has(ids(r), b));
  r = disp.get("/api/v1/incidents?type=0105");
  EXPECT_TRUE(has(ids(r), b)) << r.text;
  EXPECT_FALSE(has(ids(r), a));
  r = disp.get("/api/v1/incidents?station=" + city_->station_a);
  EXPECT_TRUE(has(ids(r), a));
  EXPECT_FALSE(has(ids(r), b));
  r = disp.get("/api/v1/incidents?status=open&station=" + city_->city_code);
  EXPECT_TRUE(has(ids(r), a) && has(ids(r), b));
  const LatLon p = city_->point_a;
  char bbox[160];
  std::snprintf(bbox, sizeof bbox, "/api/v1/incidents?bbox=%.6f,%.6f,%.6f,%.6f", p.lat - 0.001, p.lon - 0.001,
                p.lat + 0.001, p.lon + 0.001);
  r = disp.get(bbox);
  EXPECT_TRUE(has(ids(r), a));
  EXPECT_FALSE(has(ids(r), b));
  char polygon[200];
  std::snprintf(polygon, sizeof polygon, "/api/v1/incidents?polygon=%.6f,%.6f;%.6f,%.6f;%.6f,%.6f", p.lat - 0.001,
                p.lon - 0.001, p.lat + 0.002, p.lon, p.lat - 0.001, p.lon + 0.001);
  r = disp.get(polygon);
  EXPECT_TRUE(has(ids(r), a));
  r = disp.get("/api/v1/incidents?from=2000-01-01&to=2000-01-02");
  EXPECT_EQ(r.body["total"], 0);

  // Pages: every incident once, newest first, across pages.
  std::vector<std::string> seen;
  std::string target = "/api/v1/incidents?limit=2";
  for (int guard = 0; guard < 100; ++guard) {
    r = disp.get(target);
    ASSERT_EQ(r.status, 200) << r.text;
    for (const auto& id : ids(r)) seen.push_back(id);
    if (r.body["next"].is_null()) break;
    target = "/api/v1/incidents?limit=2&cursor=" + r.body["next"].get<std::string>();
  }
  EXPECT_EQ(seen.size(), r.body["total"].get<std::size_t>());
  std::vector<std::string> unique = seen;
  std::sort(unique.begin(), unique.end());
  EXPECT_EQ(std::unique(unique.begin(), unique.end()), unique.end());
}

TEST_F(ApiEndpoints, StateSnapshotReferenceDataAccountsAndMetrics) {
  const ApiClient disp = city_->login("disp");
  const ApiClient admin = city_->login("admin");
  located_incident(disp, city_->point_a, "snapshot");
  const ApiReply state = disp.get("/api/v1/state");
  ASSERT_EQ(state.status, 200);
  EXPECT_GT(state.body["seq"].get<int>(), 0);
  EXPECT_FALSE(state.body["snapshot"]["incidents"].empty());
  // The deadlines the timer escalates, per priority 1..4, for the console's countdowns.
  const cad::DeadlinePolicy defaults;
  EXPECT_EQ(state.body["deadline_policy"]["sign_for_s"], nlohmann::json(defaults.sign_for_s));
  EXPECT_EQ(state.body["deadline_policy"]["pending_s"], nlohmann::json(defaults.pending_s));

  const ApiReply taxonomy = disp.get("/api/v1/taxonomy");
  EXPECT_GT(taxonomy.body["types"].size(), 100u);
  const ApiReply org = disp.get("/api/v1/org");
  EXPECT_EQ(org.body["type"], "FeatureCollection");
  EXPECT_EQ(disp.get("/api/v1/auth/me").body["role"], "dispatcher");

  // Accounts: only an admin manages them.
  EXPECT_EQ(disp.get("/api/v1/users").status, 403);
  EXPECT_GE(admin.get("/api/v1/users").body["items"].size(), 7u);
  const ApiReply made = admin.post("/api/v1/users", {{"username", "newbie"}, {"password", "another-pass-9"},
                                                     {"role", "call_taker"}, {"scope", city_->city_code}});
  ASSERT_EQ(made.status, 201) << made.text;
  EXPECT_EQ(admin.post("/api/v1/users/newbie", {{"role", "dispatcher"}, {"scope", city_->city_code}}).body["user"]["role"],
            "dispatcher");
  EXPECT_EQ(admin.post("/api/v1/users/newbie/password", {{"password", "changed-pass-7"}}).status, 200);
  ApiClient newbie(city_->port());
  ApiReply login = newbie.send("POST", "/api/v1/auth/login",
                               json{{"username", "newbie"}, {"password", "changed-pass-7"}, {"kind", "bearer"}}.dump());
  ASSERT_EQ(login.status, 200) << login.text;
  newbie.bearer = login.body["token"];
  EXPECT_EQ(newbie.get("/api/v1/state").status, 200);
  EXPECT_EQ(admin.post("/api/v1/users/newbie/disable", {{"reason", "调岗"}}).status, 200);
  EXPECT_EQ(newbie.get("/api/v1/state").status, 401) << "a disabled user's sessions stop at once";
  EXPECT_EQ(admin.post("/api/v1/users/newbie/enable", json::object()).status, 200);
  EXPECT_EQ(newbie.get("/api/v1/state").status, 200);
  EXPECT_EQ(newbie.post("/api/v1/auth/logout", json::object()).status, 200);
  EXPECT_EQ(newbie.get("/api/v1/state").status, 401) << "logged out";

  const ApiReply metrics = admin.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  for (const char* name : {"shouwang_http_requests_total", "shouwang_http_request_duration_seconds_bucket",
                           "shouwang_log_commit_seconds_count", "shouwang_log_seq", "shouwang_stream_subscribers"}) {
    EXPECT_NE(metrics.text.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(disp.get("/metrics").status, 403);
}

}  // namespace
}  // namespace shouwang::test
