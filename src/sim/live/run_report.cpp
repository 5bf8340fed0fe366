#include "sim/live/run_report.h"

#include <cstdio>

namespace shouwang::sim::live {
namespace {

unsigned long long u(std::uint64_t v) {
  return static_cast<unsigned long long>(v);
}

}  // namespace

std::string status_line(const RunFigures& f, double fixes_per_s) {
  char text[512];
  const int n = std::snprintf(
      text, sizeof text,
      "[%6.0f s] units %zu patrolling, %zu parked, %zu en route, %zu on scene | fixes %llu "
      "(%.0f/s), %llu unacked, "
      "%llu dropped%s | orders %llu signed for (%llu late), %llu arrived, %llu done, %llu returned",
      f.wall_s, f.fleet.patrolling, f.fleet.parked, f.fleet.en_route, f.fleet.on_scene,
      u(f.fleet.fixes), fixes_per_s, u(f.mqtt.published - f.mqtt.acknowledged),
      u(f.fleet.fixes_dropped), f.mqtt.connected ? "" : " (broker down)",
      u(f.fleet.orders.signed_for), u(f.fleet.orders.signed_late), u(f.fleet.orders.arrived),
      u(f.fleet.orders.completed), u(f.fleet.orders.returned));
  std::string line(text, static_cast<std::size_t>(std::max(n, 0)));
  if (f.calls) {
    std::snprintf(
        text, sizeof text, " | calls %llu, dispatched %llu, no unit %llu, closed %llu, open %zu",
        u(f.desk.calls), u(f.desk.dispatched), u(f.desk.no_unit), u(f.desk.closed), f.desk.open);
    line += text;
  }
  std::snprintf(text, sizeof text, " | API errors %llu",
                u(f.fleet.api_errors + (f.calls ? f.desk.api_errors : 0)));
  return line + text;
}

std::string summary_text(const RunFigures& f, std::size_t units, std::size_t shifts_ended) {
  char text[1024];
  std::string out = "summary:\n";
  std::snprintf(text, sizeof text, "  %.0f s with %zu units; shifts ended: %zu of %zu\n", f.wall_s,
                units, shifts_ended, units);
  out += text;
  std::snprintf(
      text, sizeof text,
      "  fixes: %llu published (%.1f per unit and second), %llu acknowledged by the broker, %llu "
      "dropped; "
      "%llu broker connection(s) lost\n",
      u(f.fleet.fixes),
      units > 0 && f.moving_s > 0
          ? static_cast<double>(f.fleet.fixes) / static_cast<double>(units) / f.moving_s
          : 0.0,
      u(f.mqtt.acknowledged), u(f.fleet.fixes_dropped), u(f.mqtt.losses));
  out += text;
  std::snprintf(text, sizeof text,
                "  orders: %llu signed for (%llu after the deadline), %llu arrived, %llu "
                "completed, %llu returned, "
                "%llu ended by the server or given up\n",
                u(f.fleet.orders.signed_for), u(f.fleet.orders.signed_late),
                u(f.fleet.orders.arrived), u(f.fleet.orders.completed), u(f.fleet.orders.returned),
                u(f.fleet.orders.dropped));
  out += text;
  if (f.calls) {
    std::snprintf(text, sizeof text,
                  "  calls: %llu received, %llu incidents, %llu dispatched, %llu times no unit "
                  "free, %llu left pending, "
                  "%llu closed, %zu still open\n",
                  u(f.desk.calls), u(f.desk.incidents), u(f.desk.dispatched), u(f.desk.no_unit),
                  u(f.desk.left_pending), u(f.desk.closed), f.desk.open);
    out += text;
  }
  std::snprintf(text, sizeof text, "  API: %llu order requests, %llu errors\n", u(f.fleet.requests),
                u(f.fleet.api_errors + (f.calls ? f.desk.api_errors : 0)));
  return out + text;
}

}  // namespace shouwang::sim::live
