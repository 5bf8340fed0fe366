#pragma once
// MqttIntake: the server's MQTT client for unit telemetry. It connects to the broker with
// the server's account, subscribes to shouwang/units/+/position at QoS 1 (again after every
// reconnection: sessions are clean) and hands every message whose topic names a valid unit
// code to the handler. Messages on other topics are counted (bad_topics) and dropped.
//
// Threads: libmosquitto's network thread (mosquitto_loop_start) runs the connection and
// calls the handler, one message at a time in arrival order; the handler should be quick
// (TelemetryIntake::accept is) and must not call stop(). An exception from the handler is
// counted (handler_errors), never thrown into libmosquitto. After a lost connection or a
// refused one (wrong password) the thread reconnects by itself, waiting reconnect_min,
// doubling up to reconnect_max. stop() disconnects and joins the thread: no handler call
// runs after it returns. stats() may be called from any thread at any time.
//
// libmosquitto's thread gives up on errors it deems fatal, a host name that does not
// resolve among them: give the broker's address, not a name that may fail to resolve.
//
// libmosquitto stays out of this header (pimpl).

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>

namespace shouwang::server::telemetry {

struct MqttOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string username = "shouwang.server";
  std::string password;
  std::string client_id = "shouwang-server";  // one per server process at a broker
  std::chrono::seconds keepalive{30};
  std::chrono::seconds reconnect_min{1};
  std::chrono::seconds reconnect_max{30};
};

// Called on the network thread for each position message.
using MqttMessageHandler =
    std::function<void(std::string_view unit, std::string_view payload, UtcTime received_at)>;

enum class MqttState : std::uint8_t {
  kStopped,     // before start() and after stop()
  kConnecting,  // connecting or waiting to reconnect
  kConnected,   // connected (the subscription follows at once)
};

// "stopped", "connecting", "connected".
[[nodiscard]] std::string_view mqtt_state_name(MqttState state);

struct MqttStats {
  MqttState state = MqttState::kStopped;
  std::uint64_t messages = 0;           // handed to the handler
  std::uint64_t bad_topics = 0;         // dropped: not a position topic of a valid unit code
  std::uint64_t handler_errors = 0;     // the handler threw
  std::uint64_t connects = 0;           // accepted connections (CONNACK 0)
  std::uint64_t refusals = 0;           // refused connections (bad credentials ...)
  std::uint64_t connection_losses = 0;  // connections that broke
  std::uint64_t subscriptions = 0;      // subscriptions the broker granted
  std::string last_error;               // the latest refusal or loss, for people
};

class MqttIntake {
 public:
  // `clock` stamps received_at and must outlive the intake.
  MqttIntake(MqttOptions options, MqttMessageHandler handler, const Clock& clock);
  ~MqttIntake();  // stop()
  MqttIntake(const MqttIntake&) = delete;
  MqttIntake& operator=(const MqttIntake&) = delete;

  // Starts the network thread and returns; the thread connects, so a broker that is not up
  // yet is retried like a lost one. kInvalidArgument for bad options, kInternal or
  // kUnavailable when libmosquitto cannot start, kConflict when already started.
  Status start();
  // Disconnects and joins the network thread. Safe to call when stopped, and twice.
  void stop();

  [[nodiscard]] MqttStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::server::telemetry
