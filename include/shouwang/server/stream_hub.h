#pragma once
// The live stream's fan-out, independent of any transport. Each durable commit of the
// event log becomes one Change; the hub renders it once per scope key among the current
// subscribers (the renderer decides what a scope may see) and queues the result to every
// subscriber of that scope. Consoles load GET /api/v1/state → {seq, snapshot} and then
// subscribe from that seq; the hub keeps the latest changes so that a reconnecting console
// resumes where it stopped.
//
//   writer thread ── publish(change) ──► render per scope ──► Subscription queues
//                                                                  │ next()
//   transport (WebSocket session) ◄────────────────────────────────┘
//
// publish() never waits for a socket: a subscriber whose queue grows past the limits is
// dropped (its queue replaced by a final {"type":"dropped"} message) and the others go on.
//
// Thread safety: publish() is called by one thread at a time (the log's writer), in seq
// order; subscribe(), tick() and stats() may be called from any thread. The renderer is
// called concurrently from the publishing and the subscribing threads and must only read
// the change.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/stream_stats.h>
#include <shouwang/server/stream_subscription.h>

namespace shouwang::server {

// One commit of the event log. `data` is opaque to the hub: only the renderer knows what
// it points to (typically the commit's events and the new state of the entities it touched).
struct Change {
  std::uint64_t seq = 0;  // the seq of the last event of the commit
  std::shared_ptr<const void> data;
};

// The JSON object text ("{...}") of `change` for subscribers of `scope_key`, or nullopt
// when nothing in it is visible to them. The hub adds "type", "n" and "seq" in front of the
// object's fields, so the object must not hold those names. Text that is not an object,
// or an exception, counts as a failed render: the subscribers of that scope are dropped
// (reason "render_failed") rather than silently missing a change.
using Renderer = std::function<std::optional<std::string>(const Change& change, const std::string& scope_key)>;

// The JSON object text of an ephemeral message for subscribers of `scope_key`, or nullopt
// when they are not to get it. Same rules as Renderer (no "type", "n", "seq" fields).
using EphemeralRenderer = std::function<std::optional<std::string>(const std::string& scope_key)>;

struct StreamOptions {
  std::size_t backlog_changes = 10000;      // changes kept for resuming subscribers
  std::size_t max_queue_bytes = 8 << 20;    // per subscriber, beyond it: dropped
  std::size_t max_queue_messages = 20000;   // per subscriber, beyond it: dropped
  std::chrono::milliseconds heartbeat{5000};
  // Rendered texts kept with the backlog so that resuming subscribers of a scope already
  // rendered cost no render; the oldest are forgotten beyond this many bytes.
  std::size_t backlog_render_bytes = 32 << 20;
};

class StreamHub {
 public:
  // `start_seq` is the seq of the state the server starts from (nothing is published yet):
  // subscribers may resume from it. `clock` must outlive the hub and its subscriptions.
  StreamHub(StreamOptions options, Renderer renderer, std::uint64_t start_seq = 0,
            const Clock& clock = SystemClock::instance());
  // Stops the heartbeat thread and closes every subscription (kCloseGoingAway).
  ~StreamHub();
  StreamHub(const StreamHub&) = delete;
  StreamHub& operator=(const StreamHub&) = delete;

  // Queues `change` to the subscribers that may see it and keeps it in the backlog.
  // A seq not above the last published one is refused (kInvalidArgument) and not sent.
  Status publish(Change change);

  // A message outside the log's sequence, such as a batch of live unit positions: rendered
  // once per scope key, queued to the current subscribers as {"type": TYPE, "n", "seq"
  // (the last change the subscriber has), ...}, and never kept for resuming ones (a
  // replaying subscriber skips it; the next batch supersedes it). A render that fails or
  // is not an object is skipped and counted (ephemeral_failures). Any thread may call it.
  void broadcast(const std::string& type, const EphemeralRenderer& render);

  // A subscriber of `scope_key` that has seen everything up to `from_seq`. It receives
  // exactly the changes with seq > from_seq visible to its scope, in order, then the live
  // ones. When from_seq is older than the backlog or newer than the last published seq,
  // the subscription holds one {"type":"resync"} message and is closed: the client reloads
  // the state. `identity` names the subscriber in logs and drop reports.
  std::shared_ptr<Subscription> subscribe(const std::string& scope_key, std::uint64_t from_seq,
                                          const std::string& identity);

  // Queues a heartbeat to every subscriber whose last one is a heartbeat interval old.
  // Called by the heartbeat thread, or by tests with a ManualClock.
  void tick();
  // Runs tick() on a hub thread about ten times per heartbeat interval, until destruction.
  void start_heartbeats();

  // Closes every subscription with `code` and `reason` (e.g. 1001 at shutdown).
  void close_all(const std::string& reason, std::uint16_t code = kCloseGoingAway);

  [[nodiscard]] StreamStats stats() const;
  [[nodiscard]] std::uint64_t last_seq() const;

 private:
  std::shared_ptr<detail::StreamCore> core_;
  std::thread heartbeat_thread_;
  std::mutex heartbeat_mutex_;
  std::condition_variable heartbeat_cv_;
  bool stopping_ = false;
};

}  // namespace shouwang::server
