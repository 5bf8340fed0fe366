#pragma once
// The lines a simulation run prints: the status every few seconds and the summary at the
// end, from the counters of its parts.

#include <cstdint>
#include <string>

#include <shouwang/sim/dispatch_desk.h>
#include <shouwang/sim/fleet.h>
#include <shouwang/sim/mqtt_gateway.h>

namespace shouwang::sim::live {

struct RunFigures {
  double wall_s = 0.0;
  double moving_s = 0.0;  // of which the units moved and reported (before the shifts ended)
  FleetStatus fleet;
  MqttGatewayStats mqtt;
  bool calls = false;
  DeskCounts desk;
};

// "[  10 s] units 180 patrolling, 12 parked, 6 en route, 2 on scene | fixes 1998 (200/s) ..."
// `fixes_per_s` is the rate since the previous line.
std::string status_line(const RunFigures& f, double fixes_per_s);

// Several lines, each ending in a newline.
std::string summary_text(const RunFigures& f, std::size_t units, std::size_t shifts_ended);

}  // namespace shouwang::sim::live
