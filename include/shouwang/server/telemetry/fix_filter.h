#pragma once
// FixFilter: decides which of a unit's GPS fixes may move its live position. Pure logic:
// no clock (a fix's received_at is "now"), no threads, no I/O.
//
// Per unit it remembers the last accepted fix and checks each new fix, in this order:
//
//   malformed     a non-finite or out-of-range number (also NaN or inf set by a caller)
//   off_map       outside map_box, or within 1e-4 degrees of lat/lon 0,0 (a receiver
//                 without a fix often reports 0,0)
//   future        t > received_at + max_clock_skew
//   duplicate     same t and position as the last accepted fix
//   out_of_order  t <= the last accepted fix's t
//   late          t < received_at - max_age
//   too_fast      the implied speed from the last accepted fix exceeds max_speed
//   accepted      otherwise (the first fix of a unit is accepted unless one of the above)
//
// The implied speed allows for GPS error: the distance counts only beyond the sum of the
// two fixes' accuracies (assumed_accuracy when a fix has none; each capped at
// max_accuracy_allowance, so a fix claiming kilometres of error excuses no teleport).
// Jitter at standstill therefore stays accepted.
//
// Re-anchoring: a receiver reset or a long tunnel can make a real unit "jump". So that it
// is not frozen at its old position forever, the filter keeps the too_fast fixes that
// follow the last accepted one; when `reanchor_after` of them in a row are consistent
// among themselves (each plausible from the one before by the same speed rule), the
// latest is accepted with the verdict kReanchored and becomes the new anchor. An accepted
// fix or an inconsistent too_fast one restarts the run.
//
//   accepted A ── B (too_fast) ── C (too_fast, plausible from B) ── D (plausible from C)
//                                                                     => D reanchored
//
// Thread safety: none. The owner serialises every call (TelemetryIntake holds its lock);
// the counters are plain integers read under the same lock.
//
// Memory: one small entry per unit ever classified; forget() drops one. The owner decides
// which units are classified at all (TelemetryIntake only passes known units).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/server/telemetry/position_fix.h>
#include <shouwang/server/telemetry/verdict.h>

namespace shouwang::server::telemetry {

// A latitude/longitude box, e.g. the city's road map (osm::CitySummary's corners, widened
// by a margin). It must not cross the antimeridian.
struct MapBox {
  LatLon south_west;
  LatLon north_east;
  [[nodiscard]] bool contains(LatLon p) const {
    return p.lat >= south_west.lat && p.lat <= north_east.lat && p.lon >= south_west.lon &&
           p.lon <= north_east.lon;
  }
};

struct FixFilterOptions {
  Seconds max_age{120};
  Seconds max_clock_skew{30};
  MetersPerSecond max_speed{70};  // about 250 km/h
  Meters assumed_accuracy{10};    // for a fix that reports none
  Meters max_accuracy_allowance{200};
  int reanchor_after = 3;         // 0: never re-anchor
  std::optional<MapBox> map_box;  // none: only 0,0 is off the map
};

class FixFilter {
 public:
  explicit FixFilter(FixFilterOptions options = {});

  // The verdict for `fix`, counted; an accepted or reanchored fix becomes the unit's anchor.
  Verdict classify(const PositionFix& fix);

  // Counts a verdict reached before the filter (a payload that did not parse, an unknown
  // unit), so that every report is in counts().
  void count(Verdict v) { counts_.add(v); }
  [[nodiscard]] const VerdictCounts& counts() const { return counts_; }

  // Drops what the filter remembers of `unit`: its next fix is accepted as a first one.
  void forget(std::string_view unit);
  [[nodiscard]] std::size_t units() const { return units_.size(); }
  [[nodiscard]] const FixFilterOptions& options() const { return options_; }

 private:
  struct Anchor {
    UtcTime t;
    LatLon position;
    double accuracy_m = 0;  // the allowance it brings, already capped
  };
  struct UnitState {
    Anchor last;
    std::vector<Anchor> jumped;  // too_fast fixes since `last`, consistent in a row
  };

  Verdict decide(const PositionFix& fix);
  [[nodiscard]] Anchor anchor_of(const PositionFix& fix) const;
  [[nodiscard]] bool plausible(const Anchor& from, const Anchor& to) const;

  FixFilterOptions options_;
  std::map<std::string, UnitState, std::less<>> units_;
  VerdictCounts counts_;
};

}  // namespace shouwang::server::telemetry
