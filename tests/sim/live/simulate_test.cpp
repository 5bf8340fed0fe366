// `shouwang simulate` from outside: a real `shouwang serve` on a generated city, a real
// Mosquitto broker, and the simulator as a child process. The test watches the broker
// directly (as the server's MQTT account) and the server through its API.

#include <fstream>
#include <map>
#include <mutex>
#include <signal.h>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include <shouwang/server/telemetry/mqtt_intake.h>
#include <shouwang/server/telemetry/position_fix.h>

#include "api/served_city.h"
#include "store/child_process.h"
#include "telemetry/mosquitto_broker.h"
#include "telemetry/telemetry_testing.h"

namespace shouwang::sim {
namespace {

using nlohmann::json;
using server::telemetry::testing::wait_until;
using shouwang::test::ApiClient;
using shouwang::test::ApiReply;
using shouwang::test::ServedCity;

const std::string kServerPassword = "server-secret-1";
const std::string kGatewayPassword = "gateway-secret-1";
constexpr const char* kPrefix = "S5-";  // the callsigns of seed 5

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every fix the broker delivered to the server's account, by unit.
class FixLog {
 public:
  void add(std::string_view unit, std::string_view payload, UtcTime received) {
    std::lock_guard lock(mutex_);
    fixes_[std::string(unit)].push_back({std::string(payload), received});
  }
  std::map<std::string, std::vector<std::pair<std::string, UtcTime>>> copy() const {
    std::lock_guard lock(mutex_);
    return fixes_;
  }
  std::size_t least_per_unit(std::size_t units) const {
    std::lock_guard lock(mutex_);
    if (fixes_.size() < units)
      return 0;
    std::size_t least = SIZE_MAX;
    for (const auto& [unit, list] : fixes_)
      least = std::min(least, list.size());
    return least;
  }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<std::pair<std::string, UtcTime>>> fixes_;
};

std::vector<json> simulated_units(const ApiClient& client, const std::string& query) {
  std::vector<json> out;
  const ApiReply reply = client.get("/api/v1/units" + query);
  if (reply.status != 200)
    return out;
  for (const json& unit : reply.body["items"]) {
    if (unit.value("id", "").rfind(kPrefix, 0) == 0)
      out.push_back(unit);
  }
  return out;
}

TEST(Simulate, DrivesUnitsThatReportAt1HzAndWorkADispatchedOrder) {
  using server::telemetry::testing::MosquittoBroker;
  if (!MosquittoBroker::available()) {
    GTEST_SKIP() << "the Mosquitto broker (" << MosquittoBroker::kBinary
                 << ") is not installed; install the Debian package mosquitto to run this test";
  }
  ServedCity city("simulate");
  city.run_tool({"import-osm", city.dir() + "/city.osm.pbf", "--out", city.dir()});
  city.start();
  // The server's account reads every position, the simulator's (a gateway) publishes them.
  server::telemetry::BrokerSetup setup;
  setup.server.password = kServerPassword;
  setup.gateways = {{"shouwang.simulator", kGatewayPassword}};
  MosquittoBroker broker(setup);
  const Status up = broker.start();
  ASSERT_TRUE(up.ok()) << up.error().message;

  FixLog log;
  server::telemetry::MqttOptions watch;
  watch.port = broker.port();
  watch.password = kServerPassword;
  watch.client_id = "simulate-test-watch";
  server::telemetry::MqttIntake watcher(
      watch,
      [&](std::string_view unit, std::string_view payload, UtcTime at) {
        log.add(unit, payload, at);
      },
      SystemClock::instance());
  ASSERT_TRUE(watcher.start().ok());
  ASSERT_TRUE(wait_until([&] { return watcher.stats().subscriptions > 0; })) << broker.log();

  std::ofstream(city.dir() + "/password") << shouwang::test::kPassword << "\n";
  std::ofstream(city.dir() + "/gateway.secret") << kGatewayPassword << "\n";
  const std::string out = city.dir() + "/simulate.out";
  shouwang::test::SpawnOptions options;
  options.output_path = out;
  options.parent_death_signal = SIGTERM;
  auto pid = shouwang::test::spawn({SHOUWANG_BIN,
                                    "simulate",
                                    "--data",
                                    city.dir(),
                                    "--units",
                                    "3",
                                    "--mqtt",
                                    "127.0.0.1:" + std::to_string(broker.port()),
                                    "--api",
                                    "http://127.0.0.1:" + std::to_string(city.port()),
                                    "--user",
                                    "disp",
                                    "--password-file",
                                    city.dir() + "/password",
                                    "--mqtt-password-file",
                                    city.dir() + "/gateway.secret",
                                    "--seed",
                                    "5",
                                    "--no-calls",
                                    "--speedup",
                                    "30"},
                                   options);
  ASSERT_TRUE(pid.ok()) << pid.error().message;
  struct Stopper {  // the simulator ends with the test, also when an assertion fails
    pid_t pid;
    ~Stopper() {
      if (pid > 0 && !shouwang::test::has_exited(pid, nullptr)) {
        ::kill(pid, SIGKILL);
        shouwang::test::wait_for_exit(pid);
      }
    }
  } stopper{*pid};

  // The units are on the roster and on duty, at posts in their stations.
  const ApiClient disp = city.login("disp");
  ASSERT_TRUE(wait_until([&] { return simulated_units(disp, "?on_duty=true").size() == 3; },
                         std::chrono::seconds(60)))
      << read_text(out);
  std::set<std::string> stations;
  for (const auto& unit : city.org.units())
    stations.insert(unit.code);
  std::vector<json> units = simulated_units(disp, "?on_duty=true");
  for (const json& unit : units) {
    EXPECT_EQ(stations.count(unit["profile"].value("station", "")), 1u) << unit.dump();
    EXPECT_TRUE(unit["profile"].contains("home_post")) << unit.dump();
    EXPECT_TRUE(unit.contains("shift")) << unit.dump();
    EXPECT_FALSE(unit["profile"]["capabilities"].empty());
  }

  // Fixes reach the broker for every unit.
  ASSERT_TRUE(wait_until([&] { return log.least_per_unit(3) >= 8; }, std::chrono::seconds(60)))
      << read_text(out) << broker.log();

  // An incident at the first unit's post, dispatched with one action: the server picks a
  // simulated unit (the only ones on duty), whose terminal must take it to the end.
  const json& post = units[0]["profile"]["home_post"];
  const LatLon scene{post["lat"].get<double>(), post["lon"].get<double>()};
  const ApiReply created =
      disp.post("/api/v1/incidents", {{"summary", "咨询"}, {"type_code", "0901"}});
  ASSERT_EQ(created.status, 201) << created.text;
  const std::string incident = created.body["incident"]["id"];
  ASSERT_EQ(disp.post("/api/v1/incidents/" + incident + "/locations", {{"source", "handset_gnss"},
                                                                       {"lat", scene.lat},
                                                                       {"lon", scene.lon},
                                                                       {"uncertainty_m", 10}})
                .status,
            200);
  ASSERT_EQ(
      disp.post("/api/v1/incidents/" + incident + "/locations/0/confirm", json::object()).status,
      200);
  ASSERT_EQ(disp.post("/api/v1/incidents/" + incident + "/accept", json::object()).status, 200);
  const ApiReply dispatched =
      disp.post("/api/v1/incidents/" + incident + "/dispatch", json::object());
  ASSERT_EQ(dispatched.status, 201) << dispatched.text;
  const std::string order = dispatched.body["order"]["id"];
  const std::string chosen = dispatched.body["unit"]["id"];
  EXPECT_EQ(chosen.rfind(kPrefix, 0), 0u) << chosen;
  const std::size_t fixes_before = log.copy()[chosen].size();

  json record;
  ASSERT_TRUE(wait_until(
      [&] {
        const ApiReply r = disp.get("/api/v1/orders/" + order);
        if (r.status == 200)
          record = r.body["order"];
        return record.is_object() && record.value("status", "") == "done";
      },
      std::chrono::seconds(300)))
      << record.dump() << "\n"
      << read_text(out);
  EXPECT_TRUE(record["times"].contains("signed_for"));
  EXPECT_TRUE(record["times"].contains("en_route"));
  EXPECT_TRUE(record["times"].contains("arrived"));
  EXPECT_EQ(record.value("arrival_source", ""), "terminal");
  EXPECT_FALSE(record["feedback"].empty());

  // The unit drove there: a fix after the dispatch close to the scene.
  double closest = 1e9;
  const auto fixes = log.copy();
  const auto& own = fixes.at(chosen);
  for (std::size_t i = fixes_before; i < own.size(); ++i) {
    auto fix = server::telemetry::parse_position_fix(chosen, own[i].first, own[i].second);
    if (fix)
      closest = std::min(closest, haversine_distance(fix->position, scene).value());
  }
  EXPECT_LT(closest, 60.0);

  // About one fix a second from each unit, by the terminals' own clocks, every one of them
  // readable by the server's parser.
  for (const auto& [unit, list] : fixes) {
    EXPECT_EQ(unit.rfind(kPrefix, 0), 0u) << unit;
    std::vector<UtcTime> times;
    for (const auto& [payload, received] : list) {
      auto fix = server::telemetry::parse_position_fix(unit, payload, received);
      ASSERT_TRUE(fix.ok()) << payload << ": " << fix.error().message;
      ASSERT_TRUE(fix->accuracy_m.has_value() && fix->speed_mps.has_value() &&
                  fix->heading_deg.has_value());
      times.push_back(fix->t);
    }
    ASSERT_GE(times.size(), 20u) << unit;
    const double span = times.back().seconds_since(times.front());
    const double rate = static_cast<double>(times.size() - 1) / span;
    EXPECT_GT(rate, 0.85) << unit;
    EXPECT_LT(rate, 1.15) << unit;
  }

  // SIGTERM: the simulator winds down and ends every shift.
  ::kill(*pid, SIGTERM);
  const int code = shouwang::test::wait_for_exit(*pid);
  stopper.pid = -1;
  const std::string printed = read_text(out);
  EXPECT_EQ(code, 0) << printed;
  EXPECT_NE(printed.find("shifts ended: 3 of 3"), std::string::npos) << printed;
  EXPECT_TRUE(simulated_units(disp, "?on_duty=true").empty());
  EXPECT_EQ(simulated_units(disp, "?on_duty=false").size(), 3u);
  watcher.stop();
  broker.stop();
  city.stop();
}

}  // namespace
}  // namespace shouwang::sim
