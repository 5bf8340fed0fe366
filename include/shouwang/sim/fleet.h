#pragma once
// Fleet: every simulated unit of a run, driven from the simulation thread. Each call of
// tick() moves one slot of the units (unit i is in slot i % slots) to the present,
// publishes one GPS fix for each and sends the order requests that have come due, so with
// ten slots ticked every 100 ms each unit reports once a second and the fixes are spread
// evenly over the second instead of leaving in one burst.
//
// The per-fix work is an interpolation on a precomputed path, the noise model and one
// formatted payload in a fixed buffer: no allocation but the client library's own copy.
//
// Simulated time runs `speedup` times faster than the wall clock; fixes are stamped with
// the wall clock and report the speed the positions show on it (the simulated speed times
// `speedup`). Not thread-safe: simulation thread only (API answers reach it through
// ApiPool::drain on that thread).

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/sim/api_pool.h>
#include <shouwang/sim/fix_payload.h>
#include <shouwang/sim/fix_publisher.h>
#include <shouwang/sim/fleet_plan.h>
#include <shouwang/sim/order_feed.h>
#include <shouwang/sim/patrol_areas.h>
#include <shouwang/sim/road_network.h>
#include <shouwang/sim/route_planner.h>
#include <shouwang/sim/unit_driver.h>

namespace shouwang::sim {

struct FleetStatus {
  std::size_t patrolling = 0;
  std::size_t parked = 0;
  std::size_t en_route = 0;
  std::size_t on_scene = 0;
  std::uint64_t fixes = 0;          // published
  std::uint64_t fixes_dropped = 0;  // refused by the publisher
  std::uint64_t requests = 0;       // order requests sent
  std::uint64_t api_errors = 0;     // order requests answered with an error, or not at all
  DriverCounts orders;              // summed over the units
};

class Fleet {
 public:
  // `api` may be null (no requests are sent; for tests of movement alone).
  Fleet(const RoadNetwork& network, const PatrolAreas& areas, std::vector<UnitPlan> plans,
        std::uint64_t seed, FixPublisher& publisher, ApiPool* api, double speedup);

  [[nodiscard]] std::size_t size() const { return drivers_.size(); }
  [[nodiscard]] const UnitDriver& unit(std::size_t i) const { return drivers_[i]; }
  // The unit with this callsign; size() when there is none.
  [[nodiscard]] std::size_t find(const std::string& callsign) const;

  // Puts every unit at its home post.
  void begin(double now_s);
  // Moves slot `slot` of `slots` to `now_s`, publishes its fixes stamped `wall`, sends
  // its due requests.
  void tick(std::size_t slot, std::size_t slots, double now_s, UtcTime wall);
  // What the server says about orders and incidents.
  void on_news(const FeedNews& news, double now_s);

  void wind_down(double now_s);
  // Whether any unit still works an order.
  [[nodiscard]] bool busy() const;
  [[nodiscard]] FleetStatus status(double now_s) const;

 private:
  void send(std::size_t unit, const TerminalRequest& request);

  RoutePlanner planner_;
  FixPublisher& publisher_;
  ApiPool* api_;
  double speedup_;
  std::vector<UnitDriver> drivers_;
  std::vector<std::string> topics_;
  std::vector<UtcTime> last_fix_;
  std::unordered_map<std::string, std::size_t> by_callsign_;
  std::unordered_map<std::string, IncidentNews> incidents_;
  std::array<char, kFixPayloadCapacity> payload_{};
  double now_s_ = 0.0;
  std::uint64_t fixes_ = 0;
  std::uint64_t fixes_dropped_ = 0;
  std::uint64_t requests_ = 0;
  std::uint64_t api_errors_ = 0;
};

}  // namespace shouwang::sim
