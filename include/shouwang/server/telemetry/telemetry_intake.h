#pragma once
// TelemetryIntake: the one entry point for units' position reports, whichever way they
// come (MqttIntake's handler, the HTTP fallback route). For each report it
//
//   1. refuses a unit it was not told exists (unknown_unit),
//   2. parses the payload (malformed: the Error says which field),
//   3. asks the FixFilter for a verdict,
//   4. for an accepted fix: updates LivePositions, queues it for the TrackStore (which
//      downsamples) and calls the listener (snapping, consoles).
//
// Thread safety: accept() may be called from any thread at once. Steps 1-4's state changes
// happen under one lock; the track store and the listener are called after it, under a
// second lock taken before the first is released, so listener calls never overlap and
// come in the order the fixes were accepted (per unit: in rising t). The listener must not
// call accept(). stats() and live() may be read from any thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/telemetry/fix_filter.h>
#include <shouwang/server/telemetry/live_positions.h>
#include <shouwang/server/telemetry/position_fix.h>
#include <shouwang/server/telemetry/track_store.h>
#include <shouwang/server/telemetry/verdict.h>

namespace shouwang::server::telemetry {

struct TelemetryIntakeOptions {
  FixFilterOptions filter;
  std::size_t recent_fixes = LivePositions::kDefaultRecent;
};

// Called for every accepted (or reanchored) fix; see the ordering above.
using FixListener = std::function<void(const PositionFix& fix)>;

struct TelemetryStats {
  VerdictCounts verdicts;  // every report, by verdict
  std::size_t known_units = 0;
  std::size_t live_units = 0;            // units with a live position
  std::uint64_t listener_errors = 0;     // the listener threw (the fix stays accepted)
};

class TelemetryIntake {
 public:
  // `tracks` (may be null: no tracks kept) must outlive the intake.
  explicit TelemetryIntake(TelemetryIntakeOptions options = {}, TrackStore* tracks = nullptr);
  TelemetryIntake(const TelemetryIntake&) = delete;
  TelemetryIntake& operator=(const TelemetryIntake&) = delete;

  // The units that may report (codes). Until it is called, none may. Units no longer in
  // the set lose their live position and their filter state.
  void set_known_units(const std::vector<std::string>& units);
  // Replaces the listener (empty: none).
  void set_listener(FixListener listener);

  // One report as received. `why`, when given, receives the parse error of a malformed
  // payload (for the HTTP fallback's 400 answer).
  Verdict accept(std::string_view unit, std::string_view payload, UtcTime received_at, Error* why = nullptr);
  // The same for a fix already parsed (simulators, tests).
  Verdict accept_fix(const PositionFix& fix);

  [[nodiscard]] const LivePositions& live() const { return live_; }
  [[nodiscard]] TelemetryStats stats() const;

 private:
  Verdict admit(std::string_view unit, Result<PositionFix> parsed, Error* why);

  TrackStore* tracks_;
  LivePositions live_;

  mutable std::mutex state_mutex_;  // guards filter_ and known_
  FixFilter filter_;
  std::set<std::string, std::less<>> known_;

  std::mutex deliver_mutex_;  // orders track store and listener calls; guards listener_
  FixListener listener_;
  std::atomic<std::uint64_t> listener_errors_{0};
};

}  // namespace shouwang::server::telemetry
