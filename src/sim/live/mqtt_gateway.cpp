#include <cerrno>
#include <cstring>
#include <mosquitto.h>
#include <thread>

#include <shouwang/sim/mqtt_gateway.h>

namespace shouwang::sim {
namespace {

std::once_flag library_ready;

std::string where(const MqttGatewayOptions& o) {
  return o.host + ":" + std::to_string(o.port);
}

}  // namespace

MqttGateway::MqttGateway(MqttGatewayOptions options) : options_(std::move(options)) {}

MqttGateway::~MqttGateway() {
  stop(std::chrono::milliseconds(0));
}

void MqttGateway::on_connect(mosquitto*, void* self, int code) {
  auto* gateway = static_cast<MqttGateway*>(self);
  if (code == 0) {
    gateway->connected_ = true;
    ++gateway->connects_;
  }
  std::lock_guard lock(gateway->mutex_);
  if (gateway->connack_ < 0)
    gateway->connack_ = code;
  gateway->answered_.notify_all();
}

void MqttGateway::on_disconnect(mosquitto*, void* self, int code) {
  auto* gateway = static_cast<MqttGateway*>(self);
  if (gateway->connected_.exchange(false) && code != 0)
    ++gateway->losses_;
}

void MqttGateway::on_publish(mosquitto*, void* self, int) {
  ++static_cast<MqttGateway*>(self)->acknowledged_;
}

Status MqttGateway::start() {
  if (running_)
    return {};
  std::call_once(library_ready, [] { mosquitto_lib_init(); });
  client_ = mosquitto_new(options_.client_id.c_str(), true, this);
  if (client_ == nullptr)
    return Error(Errc::kInternal, "libmosquitto cannot create a client");
  mosquitto_connect_callback_set(client_, &MqttGateway::on_connect);
  mosquitto_disconnect_callback_set(client_, &MqttGateway::on_disconnect);
  mosquitto_publish_callback_set(client_, &MqttGateway::on_publish);
  mosquitto_int_option(client_, MOSQ_OPT_SEND_MAXIMUM, options_.max_inflight);
  mosquitto_reconnect_delay_set(client_, 1, 30, true);
  if (mosquitto_username_pw_set(client_, options_.username.c_str(),
                                options_.password.empty() ? nullptr : options_.password.c_str()) !=
      MOSQ_ERR_SUCCESS) {
    stop(std::chrono::milliseconds(0));
    return Error(Errc::kInvalidArgument, "the MQTT user name or password is not valid UTF-8",
                 "mqtt-user");
  }
  const int rc = mosquitto_connect(client_, options_.host.c_str(), options_.port,
                                   static_cast<int>(options_.keepalive.count()));
  if (rc != MOSQ_ERR_SUCCESS) {
    const std::string why =
        rc == MOSQ_ERR_ERRNO ? std::string(std::strerror(errno)) : mosquitto_strerror(rc);
    stop(std::chrono::milliseconds(0));
    return Error(Errc::kUnavailable,
                 "cannot connect to the MQTT broker at " + where(options_) + ": " + why, "mqtt");
  }
  if (mosquitto_loop_start(client_) != MOSQ_ERR_SUCCESS) {
    stop(std::chrono::milliseconds(0));
    return Error(Errc::kInternal, "libmosquitto cannot start its network thread");
  }
  running_ = true;
  int code = -1;
  {
    std::unique_lock lock(mutex_);
    answered_.wait_for(lock, options_.connect_timeout, [&] { return connack_ >= 0; });
    code = connack_;
  }
  if (code == 0)
    return {};
  stop(std::chrono::milliseconds(0));
  if (code < 0) {
    return Error(Errc::kUnavailable,
                 "the MQTT broker at " + where(options_) + " did not answer within " +
                     std::to_string(options_.connect_timeout.count()) + " s",
                 "mqtt");
  }
  return Error(Errc::kUnauthenticated,
               "the MQTT broker at " + where(options_) + " refused the account '" +
                   options_.username + "': " + mosquitto_connack_string(code),
               "mqtt-user");
}

bool MqttGateway::publish(std::string_view topic, std::string_view payload) {
  if (!running_ || !connected_ ||
      published_.load(std::memory_order_relaxed) - acknowledged_.load(std::memory_order_relaxed) >
          options_.max_backlog) {
    ++dropped_;
    return false;
  }
  // libmosquitto wants a NUL-terminated topic; topics are short.
  char name[256];
  if (topic.size() >= sizeof name) {
    ++dropped_;
    return false;
  }
  topic.copy(name, topic.size());
  name[topic.size()] = '\0';
  const int rc = mosquitto_publish(client_, nullptr, name, static_cast<int>(payload.size()),
                                   payload.data(), 1, false);
  if (rc != MOSQ_ERR_SUCCESS) {
    ++dropped_;
    return false;
  }
  ++published_;
  return true;
}

void MqttGateway::stop(std::chrono::milliseconds drain) {
  if (client_ == nullptr)
    return;
  if (running_) {
    const auto deadline = std::chrono::steady_clock::now() + drain;
    while (connected_ && acknowledged_.load() < published_.load() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    mosquitto_disconnect(client_);
    mosquitto_loop_stop(client_, false);
    running_ = false;
  }
  mosquitto_destroy(client_);
  client_ = nullptr;
  connected_ = false;
}

MqttGatewayStats MqttGateway::stats() const {
  MqttGatewayStats s;
  s.published = published_.load();
  s.acknowledged = acknowledged_.load();
  s.dropped = dropped_.load();
  s.connects = connects_.load();
  s.losses = losses_.load();
  s.connected = connected_.load();
  return s;
}

}  // namespace shouwang::sim
