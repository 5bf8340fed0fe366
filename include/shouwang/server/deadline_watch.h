#pragma once
// The server's timers: every `period` the watch looks at the state with the injected clock
// and records, as the system, what has become true without anyone saying so.
//
// - Missed deadlines (cad/deadlines.h): each due deadline not yet recorded is recorded
//   once with `record_missed_deadline`; for a missed sign-for the next unit the
//   recommendation would send (the late unit is busy with the order, so it is not among
//   them) is offered with it. The event reaches the consoles of the incident's scope on
//   the stream: the supervisor's seat sees it at once.
// - Arrivals seen by GPS: a unit whose order is signed for or en route, whose live fix is
//   fresh, within `arrival_radius` of the incident's location and slow (or reports no
//   speed), is recorded as arrived with source "gps".
//
// Deadlines live in the state's own times and the missed ones in the log, so a restart
// loses no timer: the first pass after it records whatever fell due while it was down.
//
// tick() is one pass (tests call it with a ManualClock); start() runs it on a thread.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/deadlines.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/periodic.h>
#include <shouwang/server/unit_locator.h>

namespace shouwang::server {

// A unit's latest fix as the watch needs it.
struct WatchedFix {
  LatLon position;
  UtcTime t;
  std::optional<double> speed_mps;
};
using LiveFixSource = std::function<std::optional<WatchedFix>(std::string_view unit)>;

struct DeadlineWatchOptions {
  cad::DeadlinePolicy policy{};
  std::chrono::milliseconds period{1000};
  Meters arrival_radius{80};
  double arrival_max_speed_mps = 3.0;  // about walking pace: the car has stopped
  Seconds arrival_max_fix_age{30};
};

struct WatchPass {
  std::vector<cad::Deadline> missed;  // recorded in this pass
  std::vector<OrderId> arrived;       // recorded from GPS in this pass
  std::size_t refused = 0;            // records the domain refused (raced by a person)
};

struct DeadlineWatchStats {
  std::uint64_t passes = 0;
  std::uint64_t missed_sign_for = 0;
  std::uint64_t missed_arrival = 0;
  std::uint64_t missed_feedback = 0;
  std::uint64_t missed_pending = 0;
  std::uint64_t offered_units = 0;
  std::uint64_t gps_arrivals = 0;
  std::uint64_t refused = 0;
};

class DeadlineWatch {
 public:
  // `locator` (offers for missed sign-fors) and `live` (GPS arrivals) may be null/empty.
  DeadlineWatch(CommandService& commands, const cad::Taxonomy& taxonomy, UnitLocator* locator, LiveFixSource live,
                const Clock& clock, DeadlineWatchOptions options = {});
  ~DeadlineWatch();
  DeadlineWatch(const DeadlineWatch&) = delete;
  DeadlineWatch& operator=(const DeadlineWatch&) = delete;

  WatchPass tick();
  void start();
  void stop();

  [[nodiscard]] DeadlineWatchStats stats() const;
  [[nodiscard]] std::string prometheus() const;

 private:
  struct Plan;
  Plan plan(const cad::State& state, UtcTime now);

  CommandService& commands_;
  const cad::Taxonomy& taxonomy_;
  UnitLocator* locator_;
  LiveFixSource live_;
  const Clock& clock_;
  const DeadlineWatchOptions options_;

  mutable std::mutex mutex_;  // guards stats_
  DeadlineWatchStats stats_;
  Periodic periodic_;
};

}  // namespace shouwang::server
