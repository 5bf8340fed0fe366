#pragma once
// TrackStore: units' downsampled tracks for replay, in their own SQLite file (tracks.db in
// the data directory), apart from the event log: tracks are bulky, can be pruned, and a
// lost track point costs no record.
//
// Downsampling (per unit, against the last point kept for it): a fix is kept when it is
// the unit's first, or at least min_interval after the last kept point, or more than
// min_distance from it, or its heading differs from that point's by more than
// min_heading_change (when both have one). Other fixes are dropped. After a reopen each
// unit's first fix is kept again.
//
// Writes are batched by a background writer thread: add() only queues. The writer commits
// whatever is queued once per flush_interval (sooner when batch_size points wait), all in
// one transaction. flush() commits everything queued so far from the caller's thread;
// close() (and the destructor) flushes and stops the writer, so nothing added before it is
// lost. A failed commit is counted (stats().write_failures, last_error) and its points are
// dropped; a queue beyond max_pending drops new points (stats().dropped).
//
// File: SQLite in WAL mode, synchronous=NORMAL (a power cut may lose the last second of
// points, never corrupt the file), application_id 0x53575452 ("SWTR") and user_version 1.
// Table track_points(unit TEXT, t_us INTEGER microseconds since the epoch, lat REAL,
// lon REAL, speed_mps REAL, heading_deg REAL, accuracy_m REAL; NULL when absent), primary
// key (unit, t_us), so a point sent twice is stored once; index on t_us for prune().
//
// Thread safety: every member may be called from any thread. add() for one unit must be
// called in time order (TelemetryIntake does), as downsampling compares with the last point.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/server/telemetry/position_fix.h>

namespace shouwang::server::telemetry {

struct TrackPoint {
  UtcTime t;
  LatLon position;
  std::optional<double> speed_mps;
  std::optional<double> heading_deg;
  std::optional<double> accuracy_m;
};

struct TrackStoreOptions {
  Seconds min_interval{15};
  Meters min_distance{100};
  double min_heading_change_deg = 30;
  Seconds flush_interval{1};
  std::size_t batch_size = 1000;
  std::size_t max_pending = 200000;
};

struct TrackStoreStats {
  std::uint64_t kept = 0;             // fixes queued for writing
  std::uint64_t skipped = 0;          // fixes the downsampling dropped
  std::uint64_t written = 0;          // points committed
  std::uint64_t commits = 0;          // transactions
  std::uint64_t write_failures = 0;   // failed transactions (their points are lost)
  std::uint64_t dropped = 0;          // points lost: queue full or failed commits
  std::size_t pending = 0;            // queued now
  std::string last_error;             // of the last failed commit
};

class TrackStore {
 public:
  // Opens or creates the file. kCorrupt when it is not a track store or has a newer
  // version; kIoError when it cannot be opened.
  static Result<std::unique_ptr<TrackStore>> open(const std::string& path, TrackStoreOptions options = {});

  ~TrackStore();
  TrackStore(const TrackStore&) = delete;
  TrackStore& operator=(const TrackStore&) = delete;

  // Queues `fix` if the downsampling keeps it; whether it did. Ignored after close().
  bool add(const PositionFix& fix);
  // Commits everything queued before the call.
  Status flush();
  // Flushes, then stops the writer. Safe to call twice.
  Status close();

  // The unit's points with from <= t <= to, in time order (queued points are flushed first).
  Result<std::vector<TrackPoint>> track(std::string_view unit, UtcTime from, UtcTime to);
  // Deletes every point with t < older_than; how many.
  Result<std::uint64_t> prune(UtcTime older_than);

  [[nodiscard]] TrackStoreStats stats() const;

 private:
  struct Impl;
  explicit TrackStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::server::telemetry
