#pragma once
// The live quick-response circles (cad/key_site.h): every refresh the watch takes the key
// sites in service and in their opening hours, and the units on duty and available where
// the recommendation would start them (their live fix, else their home post), and works out
// by road which unit reaches each site first and whether within the site's promise
// (analytics::CircleCoverageQuery, one search from all units at once).
//
// A site that was covered for at least `hold` (a patrol car driving past does not make a
// circle) and has then had no unit within its promise for `grace` opens a
// coverage gap (cad::OpenCoverageGap), naming the unit that covered it last and the best
// move-up found: among the posts that bring the most uncovered sites back into their
// circles, and the units nearest each, the pair with the largest net gain (sites restored
// by the post minus sites only the unit covers now), the quicker one on a tie. A site
// never covered since the watch started is shown uncovered but raises nothing: the alarm is
// for losing the last unit. A gap closes when a unit covers the site again or its hours end.
// The domain refuses a second gap on a site, so a restart opens nothing twice.
//
// tick() is one refresh (tests call it with a ManualClock); latest() is the last refresh,
// for GET /api/v1/circles.

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/result.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/periodic.h>
#include <shouwang/server/unit_locator.h>

namespace shouwang::analytics {
class CircleCoverageQuery;
}

namespace shouwang::server {

struct CircleWatchOptions {
  std::chrono::milliseconds period{5'000};
  std::chrono::milliseconds grace{20'000};  // uncovered this long before a gap opens
  std::chrono::milliseconds hold{120'000};  // covered this long before losing it counts
  Seconds max_fix_age{120.0};               // as the recommendation's
  Meters snap_limit{500.0};
  std::size_t move_up_posts = 3;  // posts tried for a move-up, those restoring the most
  std::size_t move_up_units = 5;  // units tried per post, the nearest in a straight line
};

// One site's circle at a refresh.
struct SiteCircle {
  std::string site;
  int tier_s = 0;
  bool in_hours = true;
  double time_s = std::numeric_limits<double>::infinity();  // from the first unit to reach it
  std::string unit;                                          // that unit; empty for none
  bool covered = false;                                      // in hours and time_s <= tier_s
};

struct CircleRefresh {
  UtcTime at;
  std::vector<SiteCircle> sites;
  std::size_t units = 0;     // available units placed
  std::size_t in_hours = 0;  // sites needing their circle now
  std::size_t covered = 0;
  std::vector<std::string> opened;  // sites whose gap this refresh opened
  std::vector<std::string> closed;
  double millis = 0;  // the refresh's own time
};

struct CircleWatchStats {
  std::uint64_t refreshes = 0;
  std::uint64_t opened = 0;
  std::uint64_t closed = 0;
  std::uint64_t refused = 0;
  double last_millis = 0;
};

class CircleWatch {
 public:
  // `units` must outlive the watch.
  CircleWatch(CommandService& commands, const UnitLocator& units, const Clock& clock, int utc_offset_minutes,
              CircleWatchOptions options = {});
  ~CircleWatch();
  CircleWatch(const CircleWatch&) = delete;
  CircleWatch& operator=(const CircleWatch&) = delete;

  CircleRefresh tick();
  [[nodiscard]] std::optional<CircleRefresh> latest() const;
  void start();
  void stop();

  [[nodiscard]] CircleWatchStats stats() const;
  [[nodiscard]] std::string prometheus() const;

 private:
  struct Inputs;
  struct Memory;
  void reset_sites(const Inputs& in);
  // The move-up for uncovered site `target`; `placed` are the units' placements (restored
  // before returning), `coverage` their coverage now.
  std::optional<cad::MoveUp> best_move_up(const Inputs& in, const CircleRefresh& refresh, std::size_t target,
                                          std::vector<routing::PostEntries>& placed);
  void record(const cad::Command& command, const std::string& site, CircleRefresh& refresh);

  CommandService& commands_;
  const UnitLocator& units_;
  const Clock& clock_;
  const int utc_offset_minutes_;
  const CircleWatchOptions options_;

  std::mutex tick_mutex_;  // one refresh at a time; guards query_ and memory_
  std::unique_ptr<analytics::CircleCoverageQuery> query_;
  std::unique_ptr<Memory> memory_;

  mutable std::mutex mutex_;  // guards latest_ and stats_
  std::optional<CircleRefresh> latest_;
  CircleWatchStats stats_;
  Periodic periodic_;
};

}  // namespace shouwang::server
