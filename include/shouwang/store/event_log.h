#pragma once
// The event log: the source of truth of the command platform (design.md §3). Commands are
// turned into events by the domain; the log appends them durably, in order, chained by
// SHA-256; projections are rebuilt from it. Two back ends implement this interface
// (sqlite_event_log.h, postgres_event_log.h) and pass the same test suite.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/store/event.h>

namespace shouwang::store {

// The sequence numbers an append was given: [first, last].
struct Appended {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

struct VerifyReport {
  std::uint64_t records = 0;    // records checked
  std::uint64_t last_seq = 0;   // of the last good record
  // The first broken record and what is wrong with it; empty when the chain holds.
  std::optional<std::uint64_t> first_broken;
  std::string problem;
  [[nodiscard]] bool ok() const { return !first_broken; }
};

// A serialized projection state as of `seq` (every event up to and including it applied).
struct Snapshot {
  std::uint64_t seq = 0;
  std::string state;
};

class EventLog {
 public:
  virtual ~EventLog() = default;

  // Appends the drafts as one atomic unit after every append acknowledged before it, and
  // returns once they are durable (a crash after the return loses nothing). Thread-safe;
  // concurrent appends are committed together in one transaction (group commit). An empty
  // list or a draft whose payload is not a JSON object is kInvalidArgument and appends
  // nothing.
  virtual Result<Appended> append(std::vector<EventDraft> drafts) = 0;

  // Up to `max` events with seq >= from, in order.
  [[nodiscard]] virtual Result<std::vector<Event>> read(std::uint64_t from, std::size_t max) const = 0;

  // Passes every event with seq >= from to `visit`, in order, until `visit` returns false:
  // the way to replay a log, as nothing is copied unless `visit` copies it. The default
  // reads in batches through read(); back ends override it with a cursor.
  [[nodiscard]] virtual Status scan(std::uint64_t from, const std::function<bool(const EventView&)>& visit) const;

  // The highest sequence number appended so far (0 for an empty log).
  [[nodiscard]] virtual std::uint64_t last_seq() const = 0;

  // Recomputes the whole chain from the stored records (by default through scan()).
  [[nodiscard]] virtual Result<VerifyReport> verify() const;

  // Snapshots let start-up skip replaying the whole log; only the latest one is needed.
  virtual Status put_snapshot(const Snapshot& snapshot) = 0;
  [[nodiscard]] virtual Result<std::optional<Snapshot>> latest_snapshot() const = 0;
};

struct OpenOptions {
  // Verify the chain before serving; refuse to open a log that fails it unless this is
  // false (the operator's explicit choice, e.g. to export what is left).
  bool verify_on_open = true;
  // Create the log (its file or its tables) when there is none; false for tools that only
  // inspect an existing log, so a mistyped path is an error rather than a new empty log.
  bool create_if_missing = true;
  // Group commit: a batch closes at this many events even if more appends are waiting.
  std::size_t max_batch_events = 4096;
};

// "sqlite:PATH" (created if missing) or "postgresql://..." / "postgres://...".
Result<std::unique_ptr<EventLog>> open_event_log(const std::string& url, const OpenOptions& options = {});

}  // namespace shouwang::store
