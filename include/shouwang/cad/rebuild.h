#pragma once
// Start-up: the projection rebuilt from the event log — the latest snapshot, then every
// event after it applied in order. The same log always gives the same state (apply is
// deterministic), so a rebuilt state equals the one the server had before it stopped.

#include <cstdint>

#include <shouwang/base/result.h>
#include <shouwang/cad/state.h>
#include <shouwang/store/event_log.h>

namespace shouwang::cad {

struct Rebuilt {
  State state;
  std::uint64_t seq = 0;              // the last event applied (0 for an empty log)
  std::uint64_t snapshot_seq = 0;     // where the snapshot left off (0 without one)
  std::uint64_t events_replayed = 0;  // read after the snapshot (events of other parts included)
};

// kCorrupt naming the snapshot or the event when either does not fit (a snapshot of
// another format, an event apply() refuses); the log's own errors pass through.
Result<Rebuilt> rebuild_state(const store::EventLog& log);

// Stores the state as of `seq` as the log's snapshot, so the next start replays only
// what follows.
Status save_snapshot(store::EventLog& log, const State& state, std::uint64_t seq);

}  // namespace shouwang::cad
