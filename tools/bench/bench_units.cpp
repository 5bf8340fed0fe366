// shouwang-bench units --port P --token T --broker-port B --broker-password-file F
//                      [--server-pid PID] [--baseline-rss-kb K] [--seconds S] [--warmup S]
//                      [--units N] [--json]
//
// Unit telemetry under load, measured from outside a running `shouwang serve --mqtt` while
// `shouwang simulate` drives the units (bench/units_load.sh starts all three and this tool
// before the simulator):
//
// - position → console latency: a console follows /api/v1/stream; for every fix in a
//   "positions" message, its arrival time minus the fix's own time (stamped by the
//   simulator as it published), over S seconds after a warm-up;
// - no fix lost: a second MQTT subscriber counts what the broker delivered; once the
//   simulator has stopped, the server's count of MQTT messages must equal it;
// - the recommendation API: GET /api/v1/incidents/{id}/recommendation every 50 ms during
//   the window, on one kept-alive connection as a console's, on an incident opened in the
//   middle of the city, with every unit on duty;
// - memory: the server's resident memory beyond its baseline (before any unit), per unit.

#include <mosquitto.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>

#include "bench_stats.h"
#include "benchmarks.h"
#include "ws_bench_client.h"

namespace shouwang::bench {
namespace {

using nlohmann::json;

struct UnitsSettings {
  int port = 0;
  std::string token;
  int broker_port = 0;
  std::string broker_user = "shouwang.server";
  std::string broker_password;
  int server_pid = 0;
  double baseline_rss_kb = 0;
  double seconds = 300;
  double warmup = 20;
  int units = 2000;
  bool json = false;
};

std::int64_t now_micros() { return SystemClock::instance().now().micros(); }

// What the broker delivered to a subscriber of every position topic.
class BrokerCounter {
 public:
  Status start(const UnitsSettings& s) {
    mosquitto_lib_init();
    client_ = mosquitto_new("shouwang-bench-counter", true, this);
    if (client_ == nullptr) return Error(Errc::kInternal, "libmosquitto could not make a client");
    mosquitto_username_pw_set(client_, s.broker_user.c_str(), s.broker_password.c_str());
    mosquitto_connect_callback_set(client_, [](mosquitto* m, void*, int rc) {
      if (rc == 0) mosquitto_subscribe(m, nullptr, "shouwang/units/+/position", 1);
    });
    mosquitto_message_callback_set(client_, [](mosquitto*, void* self, const mosquitto_message* message) {
      auto& counter = *static_cast<BrokerCounter*>(self);
      counter.total.fetch_add(1, std::memory_order_relaxed);
      std::lock_guard lock(counter.mutex);
      counter.units.insert(message->topic);
    });
    if (mosquitto_connect(client_, "127.0.0.1", s.broker_port, 30) != MOSQ_ERR_SUCCESS) {
      return Error(Errc::kUnavailable, "cannot reach the broker on port " + std::to_string(s.broker_port));
    }
    if (mosquitto_loop_start(client_) != MOSQ_ERR_SUCCESS) return Error(Errc::kInternal, "no MQTT thread");
    return {};
  }
  ~BrokerCounter() {
    if (client_ == nullptr) return;
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, false);
    mosquitto_destroy(client_);
    mosquitto_lib_cleanup();
  }
  std::atomic<std::uint64_t> total{0};
  std::mutex mutex;
  std::set<std::string> units;

 private:
  mosquitto* client_ = nullptr;
};

// A console following the stream: the latency of every fix in the window.
class PositionWatcher {
 public:
  Status start(const UnitsSettings& s) {
    auto fd = connect_websocket(s.port, "/api/v1/stream", {"Authorization: Bearer " + s.token});
    if (!fd) return fd.error();
    fd_ = *fd;
    thread_ = std::thread([this] { run(); });
    return {};
  }
  void stop() {
    stopping_ = true;
    if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  void open_window() { measuring_ = true; }
  void close_window() { measuring_ = false; }

  std::atomic<std::uint64_t> messages{0};
  std::atomic<std::uint64_t> fixes{0};
  std::mutex mutex;
  std::vector<double> latencies_ms;  // in the window
  std::set<std::string> units;

 private:
  void run() {
    std::string pending;
    char buffer[1 << 16];
    while (!stopping_) {
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      const std::int64_t arrived = now_micros();
      pending.append(buffer, static_cast<std::size_t>(n));
      consume_server_frames(pending, [&](const ServerFrame& frame) {
        if (frame.opcode == 0x9) (void)send_pong(fd_, frame.payload);
        if (frame.opcode != 0x1 || frame.payload.find("\"type\":\"positions\"") == std::string_view::npos) return;
        messages.fetch_add(1, std::memory_order_relaxed);
        const json message = json::parse(frame.payload, nullptr, false);
        if (!message.is_object()) return;
        std::lock_guard lock(mutex);
        for (const auto& fix : message["positions"]) {
          fixes.fetch_add(1, std::memory_order_relaxed);
          units.insert(fix.value("unit", ""));
          const auto t = UtcTime::parse_iso8601(fix.value("t", ""));
          if (t && measuring_) latencies_ms.push_back(static_cast<double>(arrived - t->micros()) / 1000.0);
        }
      });
    }
  }
  int fd_ = -1;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> measuring_{false};
};

double rss_kb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6));
  }
  return 0;
}

// The value of a Prometheus sample line `name` (with its labels) in `text`; -1 when absent.
double sample(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return -1;
  return std::stod(text.substr(at + name.size() + 2));
}

Result<std::string> open_incident(const UnitsSettings& s, double lat, double lon) {
  const std::vector<std::string> auth = {"Authorization: Bearer " + s.token};
  auto created = http_post(s.port, "/api/v1/incidents", json{{"summary", "基准测试警情"}, {"type_code", "0105"}}.dump(), auth);
  if (!created) return created.error();
  const std::string id = json::parse(*created)["incident"]["id"];
  auto located = http_post(s.port, "/api/v1/incidents/" + id + "/locations",
                           json{{"source", "handset_gnss"}, {"text", "市中心"}, {"lat", lat}, {"lon", lon},
                                {"uncertainty_m", 10}}.dump(), auth);
  if (!located) return located.error();
  auto confirmed = http_post(s.port, "/api/v1/incidents/" + id + "/locations/0/confirm", "{}", auth);
  if (!confirmed) return confirmed.error();
  return id;
}

Result<UnitsSettings> parse(const std::vector<std::string>& args) {
  UnitsSettings s;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> std::string { return i + 1 < args.size() ? args[++i] : std::string(); };
    if (a == "--port") s.port = std::stoi(value());
    else if (a == "--token") s.token = value();
    else if (a == "--broker-port") s.broker_port = std::stoi(value());
    else if (a == "--broker-user") s.broker_user = value();
    else if (a == "--broker-password-file") {
      std::ifstream in(value());
      std::getline(in, s.broker_password);
    } else if (a == "--server-pid") s.server_pid = std::stoi(value());
    else if (a == "--baseline-rss-kb") s.baseline_rss_kb = std::stod(value());
    else if (a == "--seconds") s.seconds = std::stod(value());
    else if (a == "--warmup") s.warmup = std::stod(value());
    else if (a == "--units") s.units = std::stoi(value());
    else if (a == "--json") s.json = true;
    else return Error(Errc::kInvalidArgument, "unknown flag " + a);
  }
  if (s.port == 0 || s.token.empty() || s.broker_port == 0 || s.broker_password.empty()) {
    return Error(Errc::kInvalidArgument, "--port, --token, --broker-port and --broker-password-file are needed");
  }
  return s;
}

}  // namespace

int run_units_bench(const std::vector<std::string>& args) {
  auto settings = parse(args);
  if (!settings) {
    std::cerr << "shouwang-bench units: " << settings.error().message << "\n";
    return 2;
  }
  const UnitsSettings& s = *settings;
  const std::vector<std::string> auth = {"Authorization: Bearer " + s.token};
  BrokerCounter counter;
  PositionWatcher watcher;
  if (Status ok = counter.start(s); !ok) {
    std::cerr << "shouwang-bench units: " << ok.error().message << "\n";
    return 1;
  }
  if (Status ok = watcher.start(s); !ok) {
    std::cerr << "shouwang-bench units: " << ok.error().message << "\n";
    return 1;
  }
  std::fprintf(stderr, "[units] waiting for %d units to report\n", s.units);
  const auto waited = Clock::now();
  while (true) {
    std::size_t seen;
    {
      std::lock_guard lock(watcher.mutex);
      seen = watcher.units.size();
    }
    if (seen >= static_cast<std::size_t>(s.units)) break;
    if (micros_since(waited) > 600e6) {
      std::cerr << "shouwang-bench units: only " << seen << " units reported within 10 minutes\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(s.warmup));

  // The incident for the recommendation: the middle of the units' positions.
  auto city = http_get(s.port, "/api/v1/city");
  double lat = 0, lon = 0;
  if (city) {
    const json c = json::parse(*city, nullptr, false);
    if (c.is_object() && c.contains("centre") && c["centre"].size() == 2) {  // [lon, lat]
      lon = c["centre"][0].get<double>();
      lat = c["centre"][1].get<double>();
    }
  }
  auto incident = open_incident(s, lat, lon);
  if (!incident) {
    std::cerr << "shouwang-bench units: cannot open the incident: " << incident.error().message << "\n";
    return 1;
  }

  std::fprintf(stderr, "[units] measuring for %.0f s\n", s.seconds);
  watcher.open_window();
  std::vector<double> recommend_ms;
  std::size_t ranked = 0, considered = 0;
  double peak_rss = 0;
  const auto window = Clock::now();
  KeepAliveClient console(s.port);
  while (micros_since(window) < s.seconds * 1e6) {
    const auto t0 = Clock::now();
    auto advice = console.get("/api/v1/incidents/" + *incident + "/recommendation", auth);
    const double ms = micros_since(t0) / 1000.0;
    if (advice) {
      recommend_ms.push_back(ms);
      const json r = json::parse(*advice, nullptr, false);
      if (r.is_object()) {
        // The answer shows the best twenty; the ranking covered the whole roster.
        ranked = r["recommendation"].value("ranked_total", std::size_t{0});
        considered = ranked;
        for (const auto& [code, n] : r["recommendation"]["excluded_counts"].items()) considered += n.get<std::size_t>();
      }
    }
    if (s.server_pid > 0) peak_rss = std::max(peak_rss, rss_kb(s.server_pid));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  watcher.close_window();

  // The simulator stops on its own; then every count must settle.
  std::fprintf(stderr, "[units] waiting for the load to stop\n");
  std::uint64_t last = counter.total.load();
  for (int quiet = 0; quiet < 5;) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    const std::uint64_t now = counter.total.load();
    quiet = now == last ? quiet + 1 : 0;
    last = now;
  }
  const auto metrics = http_get(s.port, "/metrics", auth);
  const std::string text = metrics ? "\n" + *metrics : std::string();
  const double server_messages = sample(text, "shouwang_telemetry_mqtt_messages_total");
  const std::uint64_t delivered = counter.total.load();
  watcher.stop();

  std::vector<double> latencies;
  {
    std::lock_guard lock(watcher.mutex);
    latencies = watcher.latencies_ms;
  }
  const double rss_now = s.server_pid > 0 ? rss_kb(s.server_pid) : 0;
  const double per_unit_kb = s.baseline_rss_kb > 0 ? (peak_rss - s.baseline_rss_kb) / s.units : 0;
  json verdicts = json::object();
  for (const char* v : {"accepted", "reanchored", "duplicate", "out_of_order", "late", "future", "too_fast", "off_map",
                        "malformed", "unknown_unit"}) {
    verdicts[v] = sample(text, std::string("shouwang_telemetry_fixes_total{verdict=\"") + v + "\"}");
  }
  const json result = {
      {"units", s.units},
      {"seconds", s.seconds},
      {"fixes_in_window", latencies.size()},
      {"fixes_per_second", static_cast<double>(latencies.size()) / s.seconds},
      {"position_to_console_ms",
       {{"p50", quantile(latencies, 0.5)}, {"p90", quantile(latencies, 0.9)}, {"p99", quantile(latencies, 0.99)},
        {"max", latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end())}}},
      {"broker_delivered", delivered},
      {"server_received", server_messages},
      {"lost", static_cast<double>(delivered) - server_messages},
      {"verdicts", verdicts},
      {"recommendation_ms",
       {{"requests", recommend_ms.size()}, {"units_considered", considered}, {"ranked", ranked},
        {"p50", quantile(recommend_ms, 0.5)}, {"p99", quantile(recommend_ms, 0.99)}}},
      {"server_rss_mb", {{"baseline", s.baseline_rss_kb / 1024.0}, {"peak", peak_rss / 1024.0}, {"end", rss_now / 1024.0}}},
      {"memory_per_unit_kb", per_unit_kb}};
  if (s.json) {
    std::cout << result.dump(2) << "\n";
    return 0;
  }
  std::printf("%-40s %s\n", "units at 1 Hz", std::to_string(s.units).c_str());
  std::printf("%-40s %.0f s, %zu fixes (%.0f/s)\n", "window", s.seconds, latencies.size(),
              static_cast<double>(latencies.size()) / s.seconds);
  std::printf("%-40s p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n", "position -> console (ms)", quantile(latencies, 0.5),
              quantile(latencies, 0.9), quantile(latencies, 0.99),
              latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end()));
  std::printf("%-40s broker %llu, server %.0f, lost %.0f\n", "fixes (whole run)",
              static_cast<unsigned long long>(delivered), server_messages, static_cast<double>(delivered) - server_messages);
  std::printf("%-40s %zu requests over %zu units: p50 %.2f  p99 %.2f\n", "recommendation API (ms)", recommend_ms.size(),
              considered, quantile(recommend_ms, 0.5), quantile(recommend_ms, 0.99));
  std::printf("%-40s baseline %.0f MB, peak %.0f MB: %.1f KB per unit\n", "server memory", s.baseline_rss_kb / 1024.0,
              peak_rss / 1024.0, per_unit_kb);
  return 0;
}

}  // namespace shouwang::bench
