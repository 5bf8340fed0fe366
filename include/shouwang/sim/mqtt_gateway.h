#pragma once
// MqttGateway: one MQTT client that publishes the position fixes of every simulated unit,
// as a telemetry gateway does for a fleet of terminals (one broker account, the right to
// publish every unit's shouwang/units/{unit}/position). QoS 1: the broker acknowledges
// each fix, and the gateway counts what is still unacknowledged (its backlog).
//
// Threads: libmosquitto's network thread (mosquitto_loop_start) runs the connection and
// reconnects after a loss; publish() may be called from any thread at the same time.
// Fixes published while the connection is down, or while the backlog is above
// max_backlog, are dropped and counted, never queued without bound: a terminal's fix is
// worth little once it is old.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include <shouwang/base/result.h>
#include <shouwang/sim/fix_publisher.h>

struct mosquitto;

namespace shouwang::sim {

struct MqttGatewayOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string username = "shouwang.simulator";
  std::string password;  // empty: none is sent
  std::string client_id = "shouwang-simulator";
  std::chrono::seconds keepalive{30};
  std::chrono::seconds connect_timeout{10};
  int max_inflight = 1000;             // QoS 1 messages on the wire before their PUBACK
  std::uint64_t max_backlog = 20'000;  // unacknowledged fixes before new ones are dropped
};

struct MqttGatewayStats {
  std::uint64_t published = 0;     // handed to the client library
  std::uint64_t acknowledged = 0;  // PUBACK received
  std::uint64_t dropped = 0;       // not connected, or over max_backlog
  std::uint64_t connects = 0;
  std::uint64_t losses = 0;  // connections that broke
  bool connected = false;
};

class MqttGateway final : public FixPublisher {
 public:
  explicit MqttGateway(MqttGatewayOptions options);
  ~MqttGateway() override;  // stop()
  MqttGateway(const MqttGateway&) = delete;
  MqttGateway& operator=(const MqttGateway&) = delete;

  // Connects and waits for the broker's answer: kUnavailable when the broker cannot be
  // reached or does not answer within connect_timeout, kUnauthenticated when it refuses the
  // account (the message says which), kInternal when libmosquitto cannot start. Then the
  // network thread runs.
  Status start();
  // Publishes `payload` on `topic` at QoS 1; false when it was dropped.
  bool publish(std::string_view topic, std::string_view payload) override;
  // Waits up to `drain` for the backlog to be acknowledged, disconnects and joins the
  // network thread. Safe to call twice.
  void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));

  [[nodiscard]] MqttGatewayStats stats() const;

 private:
  static void on_connect(mosquitto* client, void* self, int code);
  static void on_disconnect(mosquitto* client, void* self, int code);
  static void on_publish(mosquitto* client, void* self, int mid);

  MqttGatewayOptions options_;
  mosquitto* client_ = nullptr;
  bool running_ = false;
  std::mutex mutex_;
  std::condition_variable answered_;
  int connack_ = -1;  // the first CONNACK's code, under mutex_
  std::atomic<std::uint64_t> published_{0};
  std::atomic<std::uint64_t> acknowledged_{0};
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> connects_{0};
  std::atomic<std::uint64_t> losses_{0};
  std::atomic<bool> connected_{false};
};

}  // namespace shouwang::sim
