#pragma once
// Where the fleet's position fixes go: MqttGateway in a run, a recorder in tests.

#include <string_view>

namespace shouwang::sim {

class FixPublisher {
 public:
  virtual ~FixPublisher() = default;
  // Sends one fix payload on `topic`; false when it was dropped. Called from the
  // simulation thread for every fix, so it must be cheap.
  virtual bool publish(std::string_view topic, std::string_view payload) = 0;
};

}  // namespace shouwang::sim
