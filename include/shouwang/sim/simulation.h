#pragma once
// Simulation: one run of `shouwang simulate`, the composition of the parts: the roads of a
// data directory, the server's organisation, the fleet put on duty through the API, the
// MQTT gateway for its fixes, the stream that brings its orders, and the desk that turns
// calls into dispatched incidents. prepare() does everything that can fail before the run
// (and says what failed); run() drives the units until it is told to stop or its
// duration is over, then winds down: orders returned or finished, shifts ended.
//
// Threads: run() is the simulation thread. Besides it run the API workers, the stream's
// thread and the MQTT network thread, which hand their results to it.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/sim/api_connection.h>
#include <shouwang/sim/mqtt_gateway.h>

namespace shouwang::sim {

struct SimulationOptions {
  std::filesystem::path data_dir;  // road_graph.swg, contraction.swc, snap_index.sws (+
                                   // city.osm.pbf for the call model)
  std::filesystem::path taxonomy_dir;
  std::size_t units = 0;
  ApiEndpoint api;
  std::string user;
  std::string password;
  MqttGatewayOptions mqtt;
  std::uint64_t seed = 1;
  bool calls = true;
  double calls_per_hour = 0.0;  // 0: the call model's own rate
  std::int32_t utc_offset_minutes = 480;
  double speedup = 1.0;
  std::optional<double> duration_s;  // wall seconds; none: until stopped
  int api_threads = 4;
  std::chrono::seconds status_every{10};
};

class Simulation {
 public:
  // Loads, logs in, puts the fleet on duty and connects; progress lines go to `out`.
  static Result<std::unique_ptr<Simulation>> prepare(SimulationOptions options, const Clock& clock,
                                                     std::ostream& out);
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs until `stop_requested` returns true (asked about ten times a second) or the
  // duration passes, winds down and prints the summary. An error only when the shifts
  // could not be ended.
  Status run(const std::function<bool()>& stop_requested);

  struct State;

 private:
  explicit Simulation(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace shouwang::sim
