#include "telemetry/mqtt_publisher.h"

#include <mosquitto.h>

#include <functional>
#include <mutex>
#include <stdexcept>

namespace shouwang::server::telemetry::testing {

MqttPublisher::MqttPublisher(const std::string& client_id) {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
  client_ = mosquitto_new(client_id.c_str(), true, this);
  if (client_ == nullptr) throw std::runtime_error("mosquitto_new failed");
  mosquitto_connect_callback_set(client_, [](mosquitto*, void* self, int code) {
    static_cast<MqttPublisher*>(self)->connack_ = code;
  });
  mosquitto_publish_callback_set(client_, [](mosquitto*, void* self, int mid) {
    static_cast<MqttPublisher*>(self)->acknowledged_.insert(mid);
  });
}

MqttPublisher::~MqttPublisher() {
  disconnect();
  mosquitto_destroy(client_);
}

Status MqttPublisher::pump_until(const char* what, const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + timeout_;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return Error(Errc::kUnavailable, std::string("no ") + what + " from the broker in time");
    }
    const int rc = mosquitto_loop(client_, 50, 1);
    if (rc != MOSQ_ERR_SUCCESS && !done()) {
      return Error(Errc::kUnavailable, std::string("waiting for ") + what + ": " + mosquitto_strerror(rc));
    }
  }
  return {};
}

Result<int> MqttPublisher::connect(int port, const std::string& username, const std::string& password) {
  connack_ = -1;
  mosquitto_username_pw_set(client_, username.c_str(), password.c_str());
  const int rc = mosquitto_connect(client_, "127.0.0.1", port, 30);
  if (rc != MOSQ_ERR_SUCCESS) return Error(Errc::kUnavailable, std::string("connect: ") + mosquitto_strerror(rc));
  if (auto ok = pump_until("CONNACK", [this] { return connack_ >= 0; }); !ok) return ok.error();
  return connack_;
}

Status MqttPublisher::publish(const std::string& topic, const std::string& payload) {
  int mid = 0;
  const int rc = mosquitto_publish(client_, &mid, topic.c_str(), static_cast<int>(payload.size()), payload.data(),
                                   /*qos=*/1, /*retain=*/false);
  if (rc != MOSQ_ERR_SUCCESS) return Error(Errc::kUnavailable, std::string("publish: ") + mosquitto_strerror(rc));
  return pump_until("PUBACK", [this, mid] { return acknowledged_.count(mid) > 0; });
}

void MqttPublisher::disconnect() {
  if (mosquitto_disconnect(client_) == MOSQ_ERR_SUCCESS) {
    (void)mosquitto_loop(client_, 10, 1);  // sends the DISCONNECT
  }
}

}  // namespace shouwang::server::telemetry::testing
