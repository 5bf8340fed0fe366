#include <shouwang/server/telemetry/mqtt_intake.h>

#include <mosquitto.h>

#include <algorithm>
#include <atomic>
#include <mutex>

#include <shouwang/server/telemetry/unit_code.h>

namespace shouwang::server::telemetry {
namespace {

constexpr int kQos = 1;

void init_library() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });  // never cleaned up: process-wide
}

Status check_options(const MqttOptions& o) {
  auto invalid = [](const char* field, const char* message) { return Error(Errc::kInvalidArgument, message, field); };
  if (o.host.empty()) return invalid("host", "the MQTT broker host is missing");
  if (o.port < 1 || o.port > 65535) return invalid("port", "the MQTT broker port must be 1 to 65535");
  if (o.client_id.empty() || o.client_id.size() > 23) {
    return invalid("client_id", "an MQTT client id has 1 to 23 characters");
  }
  if (o.keepalive.count() < 5) return invalid("keepalive", "the MQTT keepalive is at least 5 s");
  if (o.reconnect_min.count() < 1 || o.reconnect_max < o.reconnect_min) {
    return invalid("reconnect_min", "reconnect delays must be at least 1 s, the maximum not below the minimum");
  }
  return {};
}

}  // namespace

std::string_view mqtt_state_name(MqttState state) {
  switch (state) {
    case MqttState::kStopped: return "stopped";
    case MqttState::kConnecting: return "connecting";
    case MqttState::kConnected: return "connected";
  }
  return "unknown";
}

struct MqttIntake::Impl {
  MqttOptions options;
  MqttMessageHandler handler;
  const Clock& clock;

  std::mutex control;  // serialises start() and stop()
  mosquitto* client = nullptr;

  std::atomic<MqttState> state{MqttState::kStopped};
  std::atomic<std::uint64_t> messages{0};
  std::atomic<std::uint64_t> bad_topics{0};
  std::atomic<std::uint64_t> handler_errors{0};
  std::atomic<std::uint64_t> connects{0};
  std::atomic<std::uint64_t> refusals{0};
  std::atomic<std::uint64_t> connection_losses{0};
  std::atomic<std::uint64_t> subscriptions{0};
  mutable std::mutex error_mutex;
  std::string last_error;

  Impl(MqttOptions o, MqttMessageHandler h, const Clock& c) : options(std::move(o)), handler(std::move(h)), clock(c) {}

  void set_error(std::string text) {
    const std::lock_guard lock(error_mutex);
    last_error = std::move(text);
  }

  static Impl& of(void* self) { return *static_cast<Impl*>(self); }

  // The callbacks run on the network thread.
  static void on_connect(mosquitto* client, void* self, int code) {
    Impl& impl = of(self);
    if (code != 0) {
      // The reason first: whoever sees the count sees why.
      impl.set_error(std::string("the broker refused the connection: ") + mosquitto_connack_string(code));
      impl.refusals.fetch_add(1, std::memory_order_release);
      return;
    }
    impl.connects.fetch_add(1, std::memory_order_relaxed);
    MqttState expected = MqttState::kConnecting;
    if (!impl.state.compare_exchange_strong(expected, MqttState::kConnected)) return;  // stopping
    const std::string filter(kPositionTopicFilter);
    const int rc = mosquitto_subscribe(client, nullptr, filter.c_str(), kQos);
    if (rc != MOSQ_ERR_SUCCESS) impl.set_error(std::string("cannot subscribe: ") + mosquitto_strerror(rc));
  }

  // Also called when a connection attempt fails or is refused: only the end of an
  // accepted connection is a loss.
  static void on_disconnect(mosquitto*, void* self, int code) {
    Impl& impl = of(self);
    MqttState expected = MqttState::kConnected;
    if (!impl.state.compare_exchange_strong(expected, MqttState::kConnecting)) return;
    if (code != 0) {
      impl.set_error(std::string("the connection to the broker broke: ") + mosquitto_strerror(code));
      impl.connection_losses.fetch_add(1, std::memory_order_release);
    }
  }

  static void on_subscribe(mosquitto*, void* self, int, int count, const int* granted) {
    Impl& impl = of(self);
    if (count >= 1 && granted[0] <= 2) {
      impl.subscriptions.fetch_add(1, std::memory_order_relaxed);
    } else {
      impl.set_error("the broker refused the subscription to " + std::string(kPositionTopicFilter));
    }
  }

  static void on_message(mosquitto*, void* self, const mosquitto_message* message) {
    Impl& impl = of(self);
    const UtcTime received_at = impl.clock.now();
    const auto unit = message->topic != nullptr ? unit_of_position_topic(message->topic) : std::nullopt;
    if (!unit) {
      impl.bad_topics.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    impl.messages.fetch_add(1, std::memory_order_relaxed);
    const std::string_view payload(static_cast<const char*>(message->payload),
                                   static_cast<std::size_t>(std::max(0, message->payloadlen)));
    try {
      impl.handler(*unit, payload, received_at);
    } catch (...) {
      impl.handler_errors.fetch_add(1, std::memory_order_relaxed);
    }
  }
};

MqttIntake::MqttIntake(MqttOptions options, MqttMessageHandler handler, const Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), clock)) {}

MqttIntake::~MqttIntake() { stop(); }

Status MqttIntake::start() {
  const std::lock_guard lock(impl_->control);
  if (impl_->client != nullptr) return Error(Errc::kConflict, "the MQTT intake is already running");
  if (auto ok = check_options(impl_->options); !ok) return ok;
  init_library();
  const MqttOptions& o = impl_->options;
  mosquitto* client = mosquitto_new(o.client_id.c_str(), /*clean_session=*/true, impl_.get());
  if (client == nullptr) return Error(Errc::kInternal, "libmosquitto cannot create a client");
  auto fail = [client](const char* doing, int rc) {
    mosquitto_destroy(client);
    return Error(Errc::kInternal, std::string("MQTT intake: ") + doing + ": " + mosquitto_strerror(rc));
  };
  int rc = mosquitto_username_pw_set(client, o.username.c_str(), o.password.c_str());
  if (rc != MOSQ_ERR_SUCCESS) return fail("setting the credentials", rc);
  mosquitto_connect_callback_set(client, &Impl::on_connect);
  mosquitto_disconnect_callback_set(client, &Impl::on_disconnect);
  mosquitto_subscribe_callback_set(client, &Impl::on_subscribe);
  mosquitto_message_callback_set(client, &Impl::on_message);
  rc = mosquitto_reconnect_delay_set(client, static_cast<unsigned>(o.reconnect_min.count()),
                                     static_cast<unsigned>(o.reconnect_max.count()), /*exponential=*/true);
  if (rc != MOSQ_ERR_SUCCESS) return fail("setting the reconnect delay", rc);
  impl_->state.store(MqttState::kConnecting);
  // The thread first, then the connection: libmosquitto 2.0's network thread never starts
  // when a connection attempt made before it failed (a broker not up yet), while an attempt
  // made once it runs is left to it and retried like a lost connection.
  rc = mosquitto_loop_start(client);
  if (rc != MOSQ_ERR_SUCCESS) {
    impl_->state.store(MqttState::kStopped);
    return fail("starting the network thread", rc);
  }
  rc = mosquitto_connect_async(client, o.host.c_str(), o.port, static_cast<int>(o.keepalive.count()));
  if (rc != MOSQ_ERR_SUCCESS) {  // not seen with 2.0.11; the thread would wait in vain
    impl_->state.store(MqttState::kStopped);
    mosquitto_disconnect(client);
    mosquitto_loop_stop(client, /*force=*/false);
    mosquitto_destroy(client);
    return Error(Errc::kUnavailable, std::string("MQTT intake: cannot start connecting: ") + mosquitto_strerror(rc));
  }
  impl_->client = client;
  return {};
}

void MqttIntake::stop() {
  const std::lock_guard lock(impl_->control);
  if (impl_->client == nullptr) return;
  impl_->state.store(MqttState::kStopped);
  mosquitto_disconnect(impl_->client);
  mosquitto_loop_stop(impl_->client, /*force=*/false);
  mosquitto_destroy(impl_->client);
  impl_->client = nullptr;
  impl_->state.store(MqttState::kStopped);  // a callback may have run since the first store
}

MqttStats MqttIntake::stats() const {
  MqttStats s;
  s.state = impl_->state.load();
  s.messages = impl_->messages.load(std::memory_order_relaxed);
  s.bad_topics = impl_->bad_topics.load(std::memory_order_relaxed);
  s.handler_errors = impl_->handler_errors.load(std::memory_order_relaxed);
  s.connects = impl_->connects.load(std::memory_order_relaxed);
  s.refusals = impl_->refusals.load(std::memory_order_acquire);
  s.connection_losses = impl_->connection_losses.load(std::memory_order_acquire);
  s.subscriptions = impl_->subscriptions.load(std::memory_order_relaxed);
  // After the counts (acquire): a refusal or loss counted here has its reason below.
  const std::lock_guard lock(impl_->error_mutex);
  s.last_error = impl_->last_error;
  return s;
}

}  // namespace shouwang::server::telemetry
