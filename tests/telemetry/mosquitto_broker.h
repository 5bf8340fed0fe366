#pragma once
// Test fixture: a real Mosquitto broker of the test's own. The constructor picks a free
// port on 127.0.0.1 and a fresh temporary directory; start() writes the configuration,
// password and ACL files there with write_broker_files (the code under test), starts
// /usr/sbin/mosquitto -c CONF as a child process and waits until the port accepts
// connections and has logged that it runs (failing with the broker's log after
// kStartTimeout). stop() sends SIGTERM until it ends (SIGKILL after kStopTimeout); the
// destructor stops it and removes the directory. A test process that dies takes the
// broker with it (parent-death signal).
//
// When the test runs as root the broker is told to stay root (`user root`), since the
// files are readable by their owner only.

#include <chrono>
#include <string>
#include <sys/types.h>

#include <shouwang/base/result.h>
#include <shouwang/server/telemetry/broker_files.h>

#include "telemetry/telemetry_testing.h"

namespace shouwang::server::telemetry::testing {

class MosquittoBroker {
 public:
  static constexpr const char* kBinary = "/usr/sbin/mosquitto";
  static constexpr std::chrono::seconds kStartTimeout{15};
  static constexpr std::chrono::seconds kStopTimeout{10};  // then SIGKILL

  // Whether the broker program is installed.
  static bool available();

  // `setup`'s port and listen address are replaced by the fixture's.
  explicit MosquittoBroker(BrokerSetup setup);
  ~MosquittoBroker();
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  Status start();
  // Safe when not running.
  void stop();
  // stop() and start() on the same port: every client's connection breaks.
  Status restart();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] bool running() const { return pid_ > 0; }
  // What the broker has logged so far (for failure messages).
  [[nodiscard]] std::string log() const;

 private:
  TempDir dir_;
  BrokerSetup setup_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace shouwang::server::telemetry::testing
