#pragma once
// The inside of a Subscription: its queue, numbering and close state. The hub fills it
// (publish, subscribe, tick) and the transport empties it through Subscription. One mutex
// guards it; it is never held while calling out (notify, the hub's registry, counters).
// Lock order: StreamCore::mutex → SubscriptionState::mutex_.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/server/stream_subscription.h>

#include "server/stream/stream_counters.h"

namespace shouwang::server::detail {

// One change rendered for one scope key.
struct Rendered {
  enum class Kind : std::uint8_t { kInvisible, kVisible, kFailed };
  Kind kind = Kind::kInvisible;
  // kVisible: the object's text after its opening brace (`"a":1}`, or `}` for an empty
  // object), shared by every subscriber of the scope. kFailed: what went wrong.
  std::shared_ptr<const std::string> text;
};

struct Queued {
  enum class Kind : std::uint8_t { kChange, kEphemeral, kHeartbeat, kFinal };
  Kind kind = Kind::kChange;
  bool live = false;  // pushed by publish(), not replayed from the backlog
  std::uint64_t n = 0;
  std::uint64_t seq = 0;
  UtcTime at;  // change: when it was published; heartbeat: its time
  std::shared_ptr<const std::string> text;  // change, ephemeral: the rendered tail; final: the message
  std::shared_ptr<const std::string> type{};  // ephemeral: the message's type

  [[nodiscard]] std::size_t cost() const;  // bytes counted against the queue limit
};

class SubscriptionState {
 public:
  struct Limits {
    std::size_t max_bytes = 0;
    std::size_t max_messages = 0;
    std::int64_t heartbeat_us = 0;
  };

  SubscriptionState(std::string scope_key, std::string identity, std::uint64_t from_seq, Limits limits,
                    const Clock& clock, std::shared_ptr<StreamCounters> counters, std::weak_ptr<StreamCore> core);

  // Hub side. While replaying (between begin_replay and end_replay) live changes wait in
  // a side list, so backlog and live changes reach the queue in seq order.
  void begin_replay();
  void offer_replayed(std::uint64_t seq, const Rendered& rendered);
  void end_replay();
  void offer(std::uint64_t seq, const Rendered& rendered, UtcTime published);
  // A message outside the log's sequence (live positions): queued now unless the stream is
  // replaying or closing, when it is skipped (the next one supersedes it).
  void offer_ephemeral(const std::shared_ptr<const std::string>& type, const std::shared_ptr<const std::string>& tail,
                       UtcTime published);
  // Queues a heartbeat when one is due at `now` (or at once when `forced`).
  void heartbeat(UtcTime now, bool forced);
  // Replaces the queue with `message` and ends the stream (resync).
  void finish(std::string message, std::uint16_t code, std::string reason);
  // Replaces the queue with a {"type":"dropped"} message, counts the drop, ends the stream.
  void drop(std::string_view kind, std::string_view detail);
  void close(std::string reason, std::uint16_t code);

  // Transport side.
  Subscription::Next next();
  void sent(const StreamFrame& frame);
  void set_notify(std::function<void()> notify);
  void handle_client_text(std::string_view text);

  [[nodiscard]] std::string closed_reason() const;
  [[nodiscard]] bool closed() const;
  [[nodiscard]] std::size_t queued_bytes() const;
  [[nodiscard]] std::size_t queued_messages() const;

  const std::string scope_key;
  const std::string identity;

 private:
  // What to do once the mutex is released.
  struct After {
    bool notify = false;
    bool unregister = false;
    std::string drop_kind, drop_detail;
  };
  void run(After after);
  // Appends to the queue (numbering changes and heartbeats); drops when over the limits.
  void push_locked(Queued item, After& after);
  void apply_locked(std::uint64_t seq, const Rendered& rendered, bool live, UtcTime published, After& after);
  void end_locked(std::string message, std::uint16_t code, std::string reason, After& after);
  void drop_locked(std::string_view kind, std::string_view detail, After& after);
  void wake_locked(After& after);

  const Limits limits_;
  const Clock& clock_;
  const std::shared_ptr<StreamCounters> counters_;
  const std::weak_ptr<StreamCore> core_;

  mutable std::mutex mutex_;
  std::deque<Queued> queue_;
  std::size_t queued_bytes_ = 0;
  std::uint64_t next_n_ = 1;
  std::uint64_t fed_seq_;  // the last commit this subscriber has been brought up to
  UtcTime next_heartbeat_;
  bool replaying_ = false;
  struct Pending {
    std::uint64_t seq;
    Rendered rendered;
    UtcTime published;
  };
  std::vector<Pending> pending_;
  bool closing_ = false;
  StreamClose close_;
  bool want_notify_ = false;
  std::shared_ptr<const std::function<void()>> notify_;
};

}  // namespace shouwang::server::detail
