// Bad input against a running server: each gets a clear 4xx with {code, message, field}
// and leaves the state exactly as it was (the log's sequence number does not move).

#include <chrono>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

class ApiBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    city_ = new ServedCity("bad-input", {"--session-lifetime", "4"});
    city_->start();
  }
  static void TearDownTestSuite() {
    city_->stop();
    delete city_;
  }
  static ServedCity* city_;

  static int seq(const ApiClient& client) { return client.get("/api/v1/state").body["seq"].get<int>(); }

  // Runs `attempt`, checks status, code and field, and that nothing was recorded.
  static void refused(const ApiClient& observer, const std::function<ApiReply()>& attempt, int status,
                      const std::string& code, const std::string& field = "") {
    const int before = seq(observer);
    const ApiReply reply = attempt();
    EXPECT_EQ(reply.status, status) << reply.text;
    ASSERT_TRUE(reply.body.is_object()) << reply.text;
    EXPECT_EQ(reply.body.value("code", ""), code) << reply.text;
    EXPECT_FALSE(reply.body.value("message", "").empty()) << reply.text;
    if (!field.empty()) {
      EXPECT_EQ(reply.body.value("field", ""), field) << reply.text;
    }
    EXPECT_EQ(seq(observer), before) << "the state changed: " << reply.text;
  }
};
ServedCity* ApiBadInput::city_ = nullptr;

TEST_F(ApiBadInput, MalformedBodiesWrongTypesAndOversizedRequests) {
  const ApiClient disp = city_->login("disp");
  refused(disp, [&] { return disp.send("POST", "/api/v1/calls", "{\"caller_number\": "); }, 400, "invalid_argument");
  refused(disp, [&] { return disp.send("POST", "/api/v1/calls", "[1,2,3]"); }, 400, "invalid_argument");
  refused(disp, [&] { return disp.post("/api/v1/calls", {{"caller_number", 13800000000}}); }, 400, "invalid_argument",
          "caller_number");
  refused(disp, [&] { return disp.post("/api/v1/calls", {{"caller_numbr", "138"}}); }, 400, "invalid_argument",
          "caller_numbr");
  refused(disp, [&] { return disp.post("/api/v1/incidents", {{"summary", "x"}, {"priority", "high"}}); }, 400,
          "invalid_argument", "priority");
  refused(disp, [&] { return disp.post("/api/v1/incidents", {{"summary", "x"}, {"priority", 9}}); }, 400, "out_of_range",
          "priority");
  refused(disp, [&] { return disp.send("POST", "/api/v1/calls", std::string(2 << 20, 'x')); }, 413, "payload_too_large");
  refused(disp, [&] { return disp.get("/api/v1/incidents?limit=100000"); }, 400, "invalid_argument", "limit");
  refused(disp, [&] { return disp.get("/api/v1/incidents?bbox=1,2,3"); }, 400, "invalid_argument", "bbox");
  refused(disp, [&] { return disp.get("/api/v1/incidents?sort=asc"); }, 400, "invalid_argument", "sort");
}

TEST_F(ApiBadInput, UnknownIdsAndInvalidTransitions) {
  const ApiClient disp = city_->login("disp");
  const std::string day = disp.post("/api/v1/calls", json::object()).body["call"]["id"].get<std::string>().substr(0, 15);
  refused(disp, [&] { return disp.get("/api/v1/incidents/" + day + "-999999"); }, 404, "not_found", "incident");
  refused(disp, [&] { return disp.get("/api/v1/incidents/not-an-id"); }, 400, "invalid_argument", "incident");
  refused(disp, [&] { return disp.post("/api/v1/incidents/" + day + "-999999/notes", {{"text", "x"}}); }, 404, "not_found",
          "incident");
  refused(disp, [&] { return disp.post("/api/v1/orders/" + day + "-D999999/sign-for", json::object()); }, 404,
          "not_found", "order");
  const std::string id = disp.post("/api/v1/incidents", {{"summary", "untyped"}}).body["incident"]["id"];
  // Accepting needs a type; terminating needs a closed scene.
  refused(disp, [&] { return disp.post("/api/v1/incidents/" + id + "/accept", json::object()); }, 400,
          "invalid_argument", "type_code");
  refused(disp, [&] { return disp.post("/api/v1/incidents/" + id + "/terminate", json::object()); }, 409,
          "invalid_transition");
  refused(disp, [&] { return disp.post("/api/v1/incidents/" + id + "/station", {{"station", "no-such-station"}}); }, 404,
          "not_found", "station");
  refused(disp, [&] { return disp.post("/api/v1/incidents/" + id + "/notes", {{"incident", id}, {"text", "x"}}); }, 400,
          "invalid_argument", "incident");
}

TEST_F(ApiBadInput, ScopesAndRolesAreEnforcedOnReadsAndWrites) {
  const ApiClient disp = city_->login("disp");
  const ApiClient officer_b = city_->login("officer_b");
  const ApiClient analyst = city_->login("analyst");
  const ApiClient car = city_->login("car_a");
  const std::string id = disp.post("/api/v1/incidents", {{"summary", "in A"}, {"type_code", "0201"}}).body["incident"]["id"];
  ASSERT_EQ(disp.post("/api/v1/incidents/" + id + "/locations",
                      {{"source", "caller_text"}, {"text", "A"}, {"lat", city_->point_a.lat}, {"lon", city_->point_a.lon},
                       {"uncertainty_m", 10}})
                .status,
            200);
  // Station B's officer may neither read nor touch station A's incident.
  refused(disp, [&] { return officer_b.get("/api/v1/incidents/" + id); }, 403, "permission_denied");
  refused(disp, [&] { return officer_b.post("/api/v1/incidents/" + id + "/notes", {{"text", "x"}}); }, 403,
          "permission_denied");
  refused(disp, [&] { return officer_b.get("/api/v1/incidents/" + id + "/involved?reason=check"); }, 403,
          "permission_denied");
  EXPECT_EQ(officer_b.get("/api/v1/incidents?q=in%20A").body["total"], 0);
  // Roles: an analyst changes nothing; a station officer opens no incidents; a terminal
  // sees no order that is not its own.
  refused(disp, [&] { return analyst.post("/api/v1/incidents/" + id + "/notes", {{"text", "x"}}); }, 403,
          "permission_denied");
  refused(disp, [&] { return officer_b.post("/api/v1/incidents", {{"summary", "x"}}); }, 403, "permission_denied");
  refused(disp, [&] { return car.get("/api/v1/incidents/" + id); }, 403, "permission_denied");
  // Sensitive reads need a reason.
  refused(disp, [&] { return disp.get("/api/v1/incidents/" + id + "/involved"); }, 400, "invalid_argument", "reason");
}

TEST_F(ApiBadInput, ForgedExpiredAndLoggedOutTokensAndMissingCsrf) {
  const ApiClient disp = city_->login("disp");
  ApiClient forged(city_->port());
  forged.bearer = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  refused(disp, [&] { return forged.post("/api/v1/calls", json::object()); }, 401, "unauthenticated");
  ApiClient wrong_scheme(city_->port());
  refused(disp, [&] { return wrong_scheme.send("GET", "/api/v1/state", "", {"Authorization: Basic ZGlzcDp4"}, false); },
          401, "unauthenticated");

  // A console's cookie session: changes need the CSRF token.
  const ApiClient console = city_->login("disp", /*cookie=*/true);
  ASSERT_FALSE(console.cookie.empty());
  ASSERT_FALSE(console.csrf.empty());
  ApiClient no_csrf = console;
  no_csrf.csrf.clear();
  refused(disp, [&] { return no_csrf.post("/api/v1/calls", json::object()); }, 403, "permission_denied", "X-CSRF-Token");
  ApiClient bad_csrf = console;
  bad_csrf.csrf = "x" + console.csrf.substr(1);
  refused(disp, [&] { return bad_csrf.post("/api/v1/calls", json::object()); }, 403, "permission_denied");
  EXPECT_EQ(console.post("/api/v1/calls", json::object()).status, 201) << "with the token it works";
  EXPECT_EQ(no_csrf.get("/api/v1/state").status, 200) << "reads need no CSRF token";
  // A reloaded console learns its session's token again from /auth/me; a bearer session has none.
  EXPECT_EQ(no_csrf.get("/api/v1/auth/me").body.value("csrf_token", ""), console.csrf);
  EXPECT_FALSE(disp.get("/api/v1/auth/me").body.contains("csrf_token"));
  // A cookie token is not a bearer token.
  ApiClient stolen(city_->port());
  stolen.bearer = console.cookie.substr(console.cookie.find('=') + 1);
  refused(disp, [&] { return stolen.get("/api/v1/state"); }, 401, "unauthenticated");

  // Sessions of this server last 4 s.
  const ApiClient brief = city_->login("taker");
  EXPECT_EQ(brief.get("/api/v1/state").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(4500));
  const ApiClient fresh = city_->login("disp");
  refused(fresh, [&] { return brief.post("/api/v1/calls", json::object()); }, 401, "unauthenticated");
}

TEST_F(ApiBadInput, LoginFailuresAreRateLimited) {
  ApiClient anonymous(city_->port());
  const auto attempt = [&](const std::string& password) {
    return anonymous.send("POST", "/api/v1/auth/login",
                          json{{"username", "analyst"}, {"password", password}, {"kind", "bearer"}}.dump(), {}, false);
  };
  EXPECT_EQ(attempt("wrong").body.value("code", ""), "unauthenticated");
  EXPECT_EQ(anonymous.send("POST", "/api/v1/auth/login", R"({"username":"nobody","password":"x"})").status, 401);
  EXPECT_EQ(anonymous.send("POST", "/api/v1/auth/login", R"({"username":"analyst"})").status, 400);
  for (int i = 0; i < 4; ++i) attempt("wrong");
  const ApiReply limited = attempt(kPassword);
  EXPECT_EQ(limited.status, 429) << "even the right password waits once the limit is reached";
  EXPECT_EQ(limited.body.value("code", ""), "resource_exhausted");
}

}  // namespace
}  // namespace shouwang::test
