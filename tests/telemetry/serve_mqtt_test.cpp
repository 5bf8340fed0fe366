// Unit telemetry end to end: a real Mosquitto broker and a real `shouwang serve --mqtt` on
// a generated city. A terminal's fix over MQTT reaches the consoles that may see the unit
// as a "positions" message, moves the unit on the road network for recommendations and is
// kept in its track; absurd fixes are counted and change nothing; the HTTP fallback answers
// each verdict; `shouwang mqtt-setup` writes a broker configuration that really works.

#include <chrono>
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include <shouwang/base/clock.h>
#include <shouwang/server/telemetry/broker_secrets.h>

#include "api/served_city.h"
#include "server/stream/ws_client.h"
#include "store/child_process.h"
#include "telemetry/mosquitto_broker.h"
#include "telemetry/mqtt_publisher.h"

namespace shouwang::test {
namespace {

using nlohmann::json;
using server::telemetry::BrokerSetup;
using server::telemetry::testing::MosquittoBroker;
using server::telemetry::testing::MqttPublisher;

const char* const kServerPassword = "server-secret-1";
const char* const kUnitPassword = "a01-secret-1";
const char* const kGatewayPassword = "gateway-secret-1";

BrokerSetup broker_setup() {
  BrokerSetup setup;
  setup.server = {"shouwang.server", kServerPassword};
  setup.units = {{"A-01", kUnitPassword}};
  setup.gateways = {{"shouwang.simulator", kGatewayPassword}};
  return setup;
}

std::string payload(LatLon p, UtcTime t, double speed = 0) {
  return json{{"lat", p.lat}, {"lon", p.lon}, {"t", t.to_iso8601()}, {"speed", speed}, {"heading", 90},
              {"accuracy", 5}}.dump();
}

// A console's stream, subscribed from the state it holds.
std::unique_ptr<WsClient> subscribe(const ApiClient& client) {
  const std::uint64_t from = client.get("/api/v1/state").body["seq"];
  auto ws = std::make_unique<WsClient>(client.port_);
  const WsHandshake hs =
      ws->handshake("/api/v1/stream?from=" + std::to_string(from), {{"Authorization", "Bearer " + client.bearer}});
  EXPECT_EQ(hs.status, 101) << hs.body;
  return ws;
}

// The next position of `unit` in the stream's "positions" messages within `timeout`.
std::optional<json> next_position(WsClient& ws, const std::string& unit, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    const WsMessage m = ws.receive(std::max(left, std::chrono::milliseconds(1)));
    if (m.kind != WsMessage::Kind::kText) return std::nullopt;
    const json message = json::parse(m.payload);
    if (message["type"] != "positions") continue;
    for (const auto& fix : message["positions"]) {
      if (fix["unit"] == unit) return fix;
    }
  }
  return std::nullopt;
}

double metric(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + name.size() + 2));
}

class ServeMqtt : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(MosquittoBroker::available()) << MosquittoBroker::kBinary << " is not installed";
    ASSERT_TRUE(broker_.start().ok()) << broker_.log();
    secret_ = std::filesystem::temp_directory_path() / ("shouwang-server-secret-" + std::to_string(::getpid()));
    ASSERT_TRUE(server::telemetry::write_secret_file(secret_, kServerPassword).ok());
    city_ = std::make_unique<ServedCity>(
        "serve-mqtt", std::vector<std::string>{"--mqtt", "127.0.0.1:" + std::to_string(broker_.port()),
                                               "--mqtt-password-file", secret_.string()});
    city_->run_tool({"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir()});
    city_->start();
    // A-01 belongs to station A; its home post is at station B's point, far from A's.
    const ApiClient admin = city_->login("admin");
    const json profile = {{"name", "巡逻车"}, {"type", "patrol_car"}, {"station", city_->station_a},
                          {"capabilities", {"patrol", "traffic"}},
                          {"home_post", {{"lat", city_->point_b.lat}, {"lon", city_->point_b.lon}}}};
    ASSERT_EQ(admin.post("/api/v1/units", {{"unit", "A-01"}, {"profile", profile}}).status, 201);
    ASSERT_EQ(city_->login("car_a").post("/api/v1/units/A-01/shift/start", {{"crew", {"012345"}}}).status, 200);
  }
  void TearDown() override {
    if (city_) city_->stop();
    std::filesystem::remove(secret_);
  }

  MosquittoBroker broker_{broker_setup()};
  std::filesystem::path secret_;
  std::unique_ptr<ServedCity> city_;
};

TEST_F(ServeMqtt, AFixOverMqttReachesTheConsolesThatMaySeeTheUnitAndPlacesIt) {
  auto dispatcher = subscribe(city_->login("disp"));
  auto other_station = subscribe(city_->login("officer_b"));
  // 400 m east of station A's point is a road (the API's unit tests place a unit there).
  const LatLon on_road = destination(city_->point_a, 90.0, Meters(400));
  MqttPublisher terminal("terminal-A-01");
  ASSERT_EQ(terminal.connect(broker_.port(), "A-01", kUnitPassword).value_or(-1), 0);

  // The server subscribes once it is connected: publish until the first fix comes through.
  std::optional<json> seen;
  double ms = 0;
  for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
    const auto sent = std::chrono::steady_clock::now();
    ASSERT_TRUE(terminal.publish("shouwang/units/A-01/position",
                                 payload(on_road, SystemClock::instance().now(), 3.0)).ok());
    seen = next_position(*dispatcher, "A-01", std::chrono::milliseconds(500));
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent).count();
  }
  ASSERT_TRUE(seen) << "no position of A-01 reached the dispatcher's console";
  std::printf("[telemetry] MQTT publish to the console's positions message: %.1f ms\n", ms);
  EXPECT_NEAR((*seen)["lat"].get<double>(), on_road.lat, 1e-6);
  EXPECT_NEAR((*seen)["lon"].get<double>(), on_road.lon, 1e-6);
  EXPECT_EQ((*seen)["accuracy"], 5.0);
  // Station B's officer does not see station A's unit move.
  EXPECT_FALSE(next_position(*other_station, "A-01", std::chrono::milliseconds(400)));

  // The recommendation now starts from the live fix, not the home post at station B.
  const ApiClient taker = city_->login("taker");
  const ApiReply created = taker.post("/api/v1/incidents", {{"summary", "两车相撞"}, {"type_code", "0301"}});
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string id = created.body["incident"]["id"];
  ASSERT_EQ(taker.post("/api/v1/incidents/" + id + "/locations",
                       {{"source", "handset_gnss"}, {"text", "路口"}, {"lat", city_->point_a.lat},
                        {"lon", city_->point_a.lon}, {"uncertainty_m", 15}}).status, 200);
  ASSERT_EQ(taker.post("/api/v1/incidents/" + id + "/locations/0/confirm", json::object()).status, 200);
  const ApiReply advice = city_->login("disp").get("/api/v1/incidents/" + id + "/recommendation");
  ASSERT_EQ(advice.status, 200) << advice.text;
  const json& ranked = advice.body["recommendation"]["ranked"];
  ASSERT_EQ(ranked.size(), 1u) << advice.text;
  EXPECT_EQ(ranked[0]["origin"], "live_position") << ranked[0].dump();
  EXPECT_NEAR(ranked[0]["origin_position"]["lat"].get<double>(), on_road.lat, 1e-6) << ranked[0].dump();
  EXPECT_LT(ranked[0]["distance_m"].get<double>(), 450.0) << ranked[0].dump();

  // A gateway may publish for the unit; a fix 50 km away a second later is refused and
  // counted, and the live position stays.
  MqttPublisher gateway("gateway-1");
  ASSERT_EQ(gateway.connect(broker_.port(), "shouwang.simulator", kGatewayPassword).value_or(-1), 0);
  const LatLon far = destination(on_road, 0.0, Meters(50000));
  ASSERT_TRUE(gateway.publish("shouwang/units/A-01/position",
                              payload(far, SystemClock::instance().now().plus_micros(1'000'000))).ok());
  const ApiClient admin = city_->login("admin");
  std::string metrics;
  for (int i = 0; i < 50; ++i) {
    metrics = admin.get("/metrics").text;
    if (metrics.find("verdict=\"off_map\"} 1") != std::string::npos ||
        metrics.find("verdict=\"too_fast\"} 1") != std::string::npos)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(metrics.find("verdict=\"off_map\"} 1") != std::string::npos ||
              metrics.find("verdict=\"too_fast\"} 1") != std::string::npos)
      << metrics;
  const ApiReply live = city_->login("disp").get("/api/v1/positions");
  ASSERT_EQ(live.status, 200) << live.text;
  ASSERT_EQ(live.body["items"].size(), 1u);
  EXPECT_NEAR(live.body["items"][0]["lat"].get<double>(), on_road.lat, 1e-6);
  EXPECT_EQ(city_->login("officer_b").get("/api/v1/positions").body["items"].size(), 0u);

  // The first fix is in the unit's track.
  const ApiReply track = city_->login("disp").get("/api/v1/units/A-01/track");
  ASSERT_EQ(track.status, 200) << track.text;
  ASSERT_GE(track.body["items"].size(), 1u);
  EXPECT_NEAR(track.body["items"][0]["lat"].get<double>(), on_road.lat, 1e-6);
  EXPECT_GE(metric(metrics, "shouwang_telemetry_mqtt_connected"), 1.0) << metrics;
}

TEST_F(ServeMqtt, TheHttpFallbackAnswersEachVerdict) {
  const ApiClient car = city_->login("car_a");
  const UtcTime now = SystemClock::instance().now();
  const ApiReply first = car.send("POST", "/api/v1/units/A-01/position", payload(city_->point_a, now));
  ASSERT_EQ(first.status, 200) << first.text;
  EXPECT_EQ(first.body["verdict"], "accepted");
  const ApiReply again = car.send("POST", "/api/v1/units/A-01/position", payload(city_->point_a, now));
  EXPECT_EQ(again.status, 200) << again.text;
  EXPECT_EQ(again.body["verdict"], "duplicate");
  EXPECT_EQ(again.body["accepted"], false);
  const ApiReply older = car.send("POST", "/api/v1/units/A-01/position", payload(city_->point_a, now.plus_micros(-5'000'000)));
  EXPECT_EQ(older.body["verdict"], "out_of_order") << older.text;
  const ApiReply broken = car.send("POST", "/api/v1/units/A-01/position", R"({"lat": 31.2, "t": "2026-11-22T08:00:00Z"})");
  EXPECT_EQ(broken.status, 400) << broken.text;
  EXPECT_EQ(broken.body["field"], "lon");
  const ApiReply ahead = car.send("POST", "/api/v1/units/A-01/position",
                                  payload(city_->point_a, now.plus_micros(3600LL * 1'000'000)));
  EXPECT_EQ(ahead.status, 400) << ahead.text;
  EXPECT_EQ(ahead.body["field"], "t");
  // Only the unit's own terminal reports it.
  EXPECT_EQ(city_->login("disp").send("POST", "/api/v1/units/A-01/position", payload(city_->point_a, now)).status, 403);
  EXPECT_EQ(car.send("POST", "/api/v1/units/B-01/position", payload(city_->point_a, now)).status, 403);
  // The live position is the accepted one.
  const ApiReply live = city_->login("disp").get("/api/v1/positions");
  ASSERT_EQ(live.body["items"].size(), 1u) << live.text;
  EXPECT_EQ(live.body["items"][0]["t"], now.to_iso8601());
}

TEST_F(ServeMqtt, MqttSetupWritesABrokerConfigurationThatAdmitsTheRoster) {
  const std::string out = city_->dir() + "/broker";
  // A free port for the second broker: bind 0, read, close.
  const int port = MosquittoBroker(broker_setup()).port();
  city_->run_tool({"mqtt-setup", "--data", city_->dir(), "--out", out, "--port", std::to_string(port), "--gateways",
                   "shouwang.simulator"});
  auto units = server::telemetry::read_unit_secrets(out + "/units.tsv");
  ASSERT_TRUE(units.ok());
  ASSERT_EQ(units->count("A-01"), 1u);
  const std::string password = units->at("A-01");
  // Rerunning keeps the terminal's password.
  city_->run_tool({"mqtt-setup", "--data", city_->dir(), "--out", out, "--port", std::to_string(port)});
  EXPECT_EQ(server::telemetry::read_unit_secrets(out + "/units.tsv")->at("A-01"), password);
  const auto gateway = server::telemetry::read_secret_file(out + "/gateway-shouwang.simulator.secret");
  ASSERT_TRUE(gateway.ok());

  SpawnOptions options;
  options.output_path = out + "/broker.log";
  options.parent_death_signal = SIGKILL;
  auto broker = spawn({MosquittoBroker::kBinary, "-c", out + "/mosquitto.conf"}, options);
  ASSERT_TRUE(broker.ok()) << broker.error().message;
  MqttPublisher terminal("setup-check");
  Result<int> accepted = Error(Errc::kUnavailable, "not tried");
  for (int i = 0; i < 100; ++i) {
    accepted = terminal.connect(port, "A-01", password);
    if (accepted.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(accepted.ok()) << accepted.error().message;
  EXPECT_EQ(*accepted, 0);
  terminal.disconnect();
  MqttPublisher impostor("setup-check-2");
  EXPECT_EQ(impostor.connect(port, "A-01", "wrong-password").value_or(-1), 5);
  // The gateway named on the first run kept its account on the second.
  MqttPublisher relay("setup-check-3");
  EXPECT_EQ(relay.connect(port, "shouwang.simulator", *gateway).value_or(-1), 0);
  ::kill(*broker, SIGTERM);
  EXPECT_EQ(wait_for_exit(*broker), 0);
}

}  // namespace
}  // namespace shouwang::test
