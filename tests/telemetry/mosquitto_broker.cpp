#include "telemetry/mosquitto_broker.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "store/child_process.h"

namespace shouwang::server::telemetry::testing {
namespace {

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  return address;
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool ok = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

bool MosquittoBroker::available() { return ::access(kBinary, X_OK) == 0; }

MosquittoBroker::MosquittoBroker(BrokerSetup setup) : dir_("mosquitto"), setup_(std::move(setup)), port_(shouwang::test::free_loopback_port()) {
  setup_.listen_address = "127.0.0.1";
  setup_.port = port_;
  if (::geteuid() == 0) setup_.run_as_user = "root";
}

MosquittoBroker::~MosquittoBroker() { stop(); }

Status MosquittoBroker::start() {
  if (running()) return {};
  if (port_ == 0) return Error(Errc::kIoError, "no free port on 127.0.0.1");
  auto files = write_broker_files(dir_.path(), setup_);
  if (!files) return files.error();
  const std::string started_log = log();  // what earlier runs logged
  test::SpawnOptions options;
  options.output_path = (dir_.path() / "mosquitto.log").string();
  options.parent_death_signal = SIGTERM;
  auto pid = test::spawn({kBinary, "-c", files->config.string()}, options);
  if (!pid) return pid.error();
  pid_ = *pid;
  const std::size_t log_start = started_log.size();
  const bool up = wait_until(
      [&] {
        int code = 0;
        if (test::has_exited(pid_, &code)) {
          pid_ = -1;
          return true;  // ended: reported below
        }
        // The port opens before the broker has finished starting; "running" is logged after.
        return accepts_connections(port_) && log().find(" running", log_start) != std::string::npos;
      },
      kStartTimeout);
  if (pid_ < 0) return Error(Errc::kIoError, "mosquitto exited while starting; its log:\n" + log());
  if (!up) {
    stop();
    return Error(Errc::kUnavailable, "mosquitto did not accept connections on port " + std::to_string(port_) +
                                         " within " + std::to_string(kStartTimeout.count()) + " s; its log:\n" +
                                         log());
  }
  return {};
}

// Mosquitto installs its signal handlers a moment before it sets its `run` flag, so a
// SIGTERM in between is forgotten: it is repeated until the broker ends, and after
// kStopTimeout the broker is killed.
void MosquittoBroker::stop() {
  if (!running()) return;
  const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
  while (!test::has_exited(pid_, nullptr)) {
    ::kill(pid_, std::chrono::steady_clock::now() < deadline ? SIGTERM : SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  pid_ = -1;
}

Status MosquittoBroker::restart() {
  stop();
  return start();
}

std::string MosquittoBroker::log() const {
  std::ifstream in(dir_.path() / "mosquitto.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace shouwang::server::telemetry::testing
