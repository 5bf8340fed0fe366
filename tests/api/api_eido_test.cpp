// EIDO over the API against a running `shouwang serve`: an incident exported by one seat
// (a sensitive read with a reason, recorded) and imported again as a new incident equal in
// what it says; who may export and import; malformed documents refused with the pointer of
// the offending member and nothing recorded.

#include <gtest/gtest.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

class ApiEido : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new ServedCity("eido");
    city_->start();
  }
  static void TearDownTestSuite() {
    city_->stop();
    delete city_;
  }
  static ServedCity* city_;

  // An incident at station A with a location, a note, a person and an order.
  static std::string rich_incident(const ApiClient& disp) {
    const ApiReply created = disp.post("/api/v1/incidents", {{"summary", "商场门口两人斗殴"}, {"type_code", "0201"}});
    EXPECT_EQ(created.status, 201) << created.text;
    const std::string id = created.body["incident"]["id"];
    const std::string base = "/api/v1/incidents/" + id;
    EXPECT_EQ(disp.post(base + "/locations", {{"source", "caller_text"}, {"text", "商场正门"}, {"lat", city_->point_a.lat},
                                              {"lon", city_->point_a.lon}, {"uncertainty_m", 30}})
                  .status,
              200);
    EXPECT_EQ(disp.post(base + "/notes", {{"text", "一人头部受伤"}}).status, 200);
    EXPECT_EQ(disp.post(base + "/persons", {{"role", "suspect"}, {"fields", {{"name", "李四"}, {"id_number", "110101199001011234"}}}})
                  .status,
              200);
    EXPECT_EQ(disp.post(base + "/accept", json::object()).status, 200);
    EXPECT_EQ(disp.post(base + "/orders", {{"target", {{"kind", "unit"}, {"id", "A-01"}}}, {"instructions", "立即出警"}}).status, 201);
    return id;
  }

  static std::uint64_t seq(const ApiClient& client) { return client.get("/api/v1/state").body["seq"].get<std::uint64_t>(); }
};
ServedCity* ApiEido::city_ = nullptr;

TEST_F(ApiEido, AnExportedIncidentImportsAsANewEqualIncident) {
  const ApiClient disp = city_->login("disp");
  const std::string id = rich_incident(disp);

  const ApiReply exported = disp.get("/api/v1/incidents/" + id + "/eido?reason=%E7%A7%BB%E4%BA%A4");
  ASSERT_EQ(exported.status, 200) << exported.text;
  const json& document = exported.body;
  EXPECT_TRUE(document.contains("$id"));
  ASSERT_TRUE(document.contains("incidentComponent")) << exported.text;
  EXPECT_NE(exported.text.find("李四"), std::string::npos);  // the details travel in full
  ASSERT_TRUE(exported.headers.count("x-audit-seq"));
  const std::uint64_t audit_seq = std::stoull(exported.headers.at("x-audit-seq"));
  EXPECT_GT(audit_seq, 0u);

  const ApiReply imported = disp.send("POST", "/api/v1/eido", exported.text, {"Content-Type: application/json"});
  ASSERT_EQ(imported.status, 201) << imported.text;
  ASSERT_EQ(imported.body["incidents"].size(), 1u);
  const std::string copy = imported.body["incidents"][0];
  EXPECT_NE(copy, id);
  EXPECT_GT(imported.body["events"].get<int>(), 5);
  EXPECT_GT(imported.body["seq"].get<std::uint64_t>(), audit_seq);

  const json original = disp.get("/api/v1/incidents/" + id).body["incident"];
  const json again = disp.get("/api/v1/incidents/" + copy).body["incident"];
  for (const char* member : {"summary", "type_code", "priority", "status", "station", "common_type"}) {
    EXPECT_EQ(again[member], original[member]) << member;
  }
  EXPECT_EQ(again["notes"].size(), original["notes"].size());
  EXPECT_EQ(again["persons"].size(), original["persons"].size());
  EXPECT_EQ(again["orders"].size(), original["orders"].size());
  EXPECT_EQ(again["location"].dump(), original["location"].dump());
  // The import's answer maps the document's incident to the new one.
  EXPECT_EQ(imported.body["ids"].value(id, ""), copy) << imported.text;
}

TEST_F(ApiEido, ExportNeedsAReasonAndTheScopeAndIsRecorded) {
  const ApiClient disp = city_->login("disp");
  const std::string id = rich_incident(disp);
  const std::string target = "/api/v1/incidents/" + id + "/eido";
  // Logins are events too: every session is opened before counting.
  const ApiClient officer_a = city_->login("officer_a");
  const ApiClient officer_b = city_->login("officer_b");
  const ApiClient admin = city_->login("admin");

  const std::uint64_t before = seq(disp);
  const ApiReply no_reason = disp.get(target);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.body.value("field", ""), "reason");
  EXPECT_EQ(seq(disp), before);

  const ApiReply other_station = officer_b.get(target + "?reason=check");
  EXPECT_EQ(other_station.status, 403) << other_station.text;
  EXPECT_EQ(admin.get(target + "?reason=check").status, 403);
  EXPECT_EQ(disp.get("/api/v1/incidents/996300-20200101-999999/eido?reason=check").status, 404);
  EXPECT_EQ(seq(disp), before);  // refused reads record nothing

  const ApiReply own_station = officer_a.get(target + "?reason=handover");
  ASSERT_EQ(own_station.status, 200) << own_station.text;
  EXPECT_EQ(seq(disp), before + 1);  // the audit event
  EXPECT_EQ(std::stoull(own_station.headers.at("x-audit-seq")), before + 1);
}

TEST_F(ApiEido, OnlyCityWideSeatsThatOpenIncidentsImport) {
  const ApiClient disp = city_->login("disp");
  const std::string id = rich_incident(disp);
  const std::string document = disp.get("/api/v1/incidents/" + id + "/eido?reason=copy").text;
  std::vector<std::pair<std::string, ApiClient>> seats;
  for (const char* user : {"analyst", "officer_a", "car_a", "admin"}) seats.emplace_back(user, city_->login(user));
  const std::uint64_t before = seq(disp);
  for (const auto& [user, client] : seats) {
    const ApiReply refused = client.send("POST", "/api/v1/eido", document, {"Content-Type: application/json"});
    EXPECT_EQ(refused.status, 403) << user << ": " << refused.text;
    EXPECT_EQ(refused.body.value("code", ""), "permission_denied") << user;
  }
  EXPECT_EQ(seq(disp), before);
}

TEST_F(ApiEido, MalformedDocumentsAreRefusedWithThePointerAndRecordNothing) {
  const ApiClient disp = city_->login("disp");
  const std::string id = rich_incident(disp);
  json good = json::parse(disp.get("/api/v1/incidents/" + id + "/eido?reason=copy").text);
  const std::uint64_t before = seq(disp);

  const auto post = [&](const std::string& body) {
    return disp.send("POST", "/api/v1/eido", body, {"Content-Type: application/json"});
  };
  EXPECT_EQ(post("{not json").status, 400);
  EXPECT_EQ(post("[]").status, 400);
  EXPECT_EQ(post("42").status, 400);
  EXPECT_EQ(post("[1]").body.value("field", ""), "/0");

  json no_incident = good;
  no_incident.erase("incidentComponent");
  const ApiReply missing = post(no_incident.dump());
  EXPECT_EQ(missing.status, 400) << missing.text;
  EXPECT_NE(missing.body.value("field", "").find("incidentComponent"), std::string::npos) << missing.text;

  // A batch with one bad document records none of them.
  json bad_type = good;
  bad_type["incidentComponent"]["incidentTypeCommonRegistryText"] = 17;
  const ApiReply batch = post(json::array({good, bad_type}).dump());
  EXPECT_EQ(batch.status, 400) << batch.text;
  EXPECT_FALSE(batch.body.value("field", "").empty()) << batch.text;
  EXPECT_EQ(seq(disp), before);

  // The good one alone still imports.
  EXPECT_EQ(post(good.dump()).status, 201);
}

}  // namespace
}  // namespace shouwang::test
