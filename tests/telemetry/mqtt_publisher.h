#pragma once
// Test helper: a patrol unit's terminal as an MQTT client (libmosquitto, driven
// synchronously on the calling thread: no network thread of its own). Each call waits for
// the broker's answer with a deadline.

#include <chrono>
#include <functional>
#include <set>
#include <string>

#include <shouwang/base/result.h>

struct mosquitto;

namespace shouwang::server::telemetry::testing {

class MqttPublisher {
 public:
  explicit MqttPublisher(const std::string& client_id);
  ~MqttPublisher();
  MqttPublisher(const MqttPublisher&) = delete;
  MqttPublisher& operator=(const MqttPublisher&) = delete;

  // Connects and waits for the CONNACK: the broker's code (0 accepted, 5 not authorised),
  // or an error when the broker did not answer.
  Result<int> connect(int port, const std::string& username, const std::string& password);
  // Publishes at QoS 1 and waits for the broker's PUBACK. A broker that denies the topic
  // by its ACL acknowledges too (MQTT 3.1.1 has no way to say no) and drops the message.
  Status publish(const std::string& topic, const std::string& payload);
  void disconnect();

 private:
  Status pump_until(const char* what, const std::function<bool()>& done);

  mosquitto* client_;
  int connack_ = -1;
  std::set<int> acknowledged_;
  std::chrono::seconds timeout_{10};
};

}  // namespace shouwang::server::telemetry::testing
