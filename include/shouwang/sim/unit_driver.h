#pragma once
// UnitDriver: one simulated unit, its movement and its terminal. Pure simulation: it
// never touches the network. The fleet asks it where the unit is (advance), tells it what
// the server says about its orders (on_order) and what the API answered (on_answer), and
// makes the requests it asks for (next_request), one at a time.
//
// Movement: the unit patrols its station's area leg by leg, parking now and then; given an
// order it works it like a crew with a terminal:
//
//   issued ─ receipt (automatic) ─ sign for (after a human delay) ─ en route (turnout)
//     ─ drive the fastest route ─ arrive ─ on scene (type-dependent) ─ feedback ─ complete
//     ─ back on patrol
//
// The server's word wins: an order that is cancelled, returned or closed on the way is
// dropped and the unit goes back to patrol; an order found further along (signed for by a
// dispatcher, arrival detected from GPS) continues from there; a 409 makes the driver
// fetch the order before going on. Orders that come while one is being worked wait their
// turn. Winding down (the end of the run) returns orders not yet en route and gives
// feedback on and completes the others, so that every shift can end.
//
// Times are simulated seconds. Not thread-safe: owned by the simulation thread.

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/random.h>
#include <shouwang/sim/fleet_plan.h>
#include <shouwang/sim/gps_noise.h>
#include <shouwang/sim/order_feed.h>
#include <shouwang/sim/route_planner.h>
#include <shouwang/sim/timed_path.h>

namespace shouwang::sim {

enum class OrderAction : std::uint8_t {
  kAcknowledge,  // POST /api/v1/orders/{order}/acknowledge
  kSignFor,      // .../sign-for
  kEnRoute,      // .../en-route
  kArrive,       // .../arrive {"source":"terminal"}
  kFeedback,     // .../feedback {"text": ...}
  kComplete,     // .../complete
  kReturn,       // .../return {"reason": ...}
  kRefresh,      // GET /api/v1/orders/{order}
};

// The last part of the command's route ("sign-for"); empty for kRefresh.
std::string_view action_path(OrderAction action);

struct TerminalRequest {
  OrderAction action = OrderAction::kRefresh;
  std::string order;
  std::string body;  // JSON text; empty for none
};

// What the API said to the last request: the HTTP status (0 when the server could not be
// reached) and the order as the answer holds it, when it does.
struct TerminalAnswer {
  int status = 0;
  std::optional<OrderNews> order;
};

enum class UnitActivity : std::uint8_t { kPatrolling, kParked, kEnRoute, kOnScene };

struct DriverCounts {
  std::uint64_t signed_for = 0;
  std::uint64_t signed_late = 0;  // after the sign-for deadline
  std::uint64_t arrived = 0;
  std::uint64_t completed = 0;
  std::uint64_t returned = 0;
  std::uint64_t dropped = 0;  // given up: closed by the server, refused, or unreachable
};

class UnitDriver {
 public:
  UnitDriver(UnitPlan plan, Rng rng, GpsNoiseOptions gps = {});

  [[nodiscard]] const UnitPlan& plan() const { return plan_; }

  // Puts the unit at its home post at `now_s` and plans its first patrol leg.
  void begin(double now_s, RoutePlanner& planner);
  // Moves the unit to `now_s` (not before the previous call) and returns where it is.
  PathSample advance(double now_s, RoutePlanner& planner);

  // The server's latest word on an order; ignored unless it targets this unit. `incident`
  // is what is known of its incident (nullptr: nothing yet).
  void on_order(const OrderNews& order, const IncidentNews* incident, double now_s,
                RoutePlanner& planner);
  // News of an incident this unit may be working (its position, type or priority).
  void on_incident(const IncidentNews& incident);
  // The request due at `now_s`, if any; none while one is waiting for its answer.
  std::optional<TerminalRequest> next_request(double now_s);
  // The answer to the request next_request returned last.
  void on_answer(const TerminalAnswer& answer, double now_s, RoutePlanner& planner);

  // From now on new orders are returned and open ones brought to an end.
  void wind_down(double now_s);
  [[nodiscard]] bool has_orders() const { return !tasks_.empty(); }
  [[nodiscard]] UnitActivity activity(double now_s) const;
  [[nodiscard]] const DriverCounts& counts() const { return counts_; }

  // The unit's GPS receiver and random stream, for the fixes the fleet publishes.
  GpsNoise& gps() { return gps_; }
  Rng& rng() { return rng_; }

 private:
  enum class Stage : std::uint8_t {
    kAcknowledge,
    kSignFor,
    kEnRoute,
    kDrive,  // waiting for the path to end
    kArrive,
    kOnScene,  // waiting for the work to end
    kFeedback,
    kComplete,
    kReturn,
    kRefresh,
  };
  struct Task {
    OrderNews order;
    std::string type_code;
    int priority = 3;
    std::optional<LatLon> scene;
    Stage stage = Stage::kAcknowledge;
    Stage after_refresh = Stage::kAcknowledge;  // what was next when the refresh was asked
    double issued_s = 0.0;                      // when the unit learnt of it
    double due_s = 0.0;
    bool in_flight = false;
    bool abandoned = false;       // closed by the server while a request was in flight
    bool server_arrived = false;  // the server recorded the arrival already
    int failures = 0;
  };
  enum class Mode : std::uint8_t { kPatrol, kToScene, kAtScene };

  [[nodiscard]] static Stage stage_for(std::string_view status, bool& arrived);
  void sync(Task& task, double now_s, RoutePlanner& planner);
  void wind_down(Task& task, double now_s);
  void finish_front(double now_s, RoutePlanner& planner);
  void start_drive(Task& task, double now_s, RoutePlanner& planner);
  void resume_patrol(double now_s, RoutePlanner& planner);
  void set_path(TimedPath path, double now_s);
  [[nodiscard]] TimedPath rest_of_path(double now_s) const;

  UnitPlan plan_;
  Rng rng_;
  GpsNoise gps_;
  TimedPath path_;
  double path_start_s_ = 0.0;
  std::size_t cursor_ = 0;
  double parked_until_s_ = 0.0;
  double next_plan_s_ = 0.0;  // when to try again after a leg could not be planned
  Mode mode_ = Mode::kPatrol;
  std::deque<Task> tasks_;
  bool winding_down_ = false;
  DriverCounts counts_;
};

}  // namespace shouwang::sim
