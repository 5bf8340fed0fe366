#pragma once
// One subscriber of the live stream: the outgoing queue between the StreamHub (which fills
// it) and a transport (which empties it into a socket). Messages are JSON text frames:
//
//   {"type":"change","n":K,"seq":S,...fields rendered for the subscriber's scope...}
//   {"type":"heartbeat","n":K,"seq":S,"t":"2026-11-22T14:59:16.123456Z"}
//   {"type":"resync","reason":"...","seq":S}     (last message; then the stream closes)
//   {"type":"dropped","reason":"..."}            (last message; then the stream closes)
//
// `n` counts the change and heartbeat messages of this subscriber, 1, 2, 3 … without gaps:
// a client that sees a gap in n has lost a message and reloads the state. Gaps in `seq`
// are normal (commits invisible to the scope are left out). A heartbeat's seq is the last
// commit this subscriber has been brought up to, visible to it or not.
//
// Thread safety: every member function may be called from any thread.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include <shouwang/base/clock.h>

namespace shouwang::server {

namespace detail {
struct StreamCore;
struct SubscriptionState;
}  // namespace detail

// WebSocket close codes the stream uses (RFC 6455 §7.4.1).
inline constexpr std::uint16_t kCloseNormal = 1000;         // resync, closed by the application
inline constexpr std::uint16_t kCloseGoingAway = 1001;      // the server is shutting down
inline constexpr std::uint16_t kCloseTryAgainLater = 1013;  // dropped: reload the state, reconnect

// One outgoing text frame: `head` (built for this subscriber) followed by `tail` (shared by
// the subscribers of one scope, may be null). A transport writes both as one frame.
struct StreamFrame {
  std::string head;
  std::shared_ptr<const std::string> tail;
  bool live = false;  // a change pushed by publish(): its delivery latency is recorded
  UtcTime published;  // when publish() was called (live changes)

  [[nodiscard]] std::size_t size() const { return head.size() + (tail ? tail->size() : 0); }
  [[nodiscard]] std::string text() const { return tail ? head + *tail : head; }
};

// The end of the stream: the transport closes the connection with this code and reason.
struct StreamClose {
  std::uint16_t code = kCloseNormal;
  std::string reason;
};

class Subscription {
 public:
  // Nothing to send now (the notify callback fires when there is), a frame, or the end.
  using Next = std::variant<std::monostate, StreamFrame, StreamClose>;

  // Only the hub creates subscriptions.
  class Key {
    Key() = default;
    friend struct detail::StreamCore;
  };
  Subscription(Key, std::unique_ptr<detail::SubscriptionState> state);
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  // Takes the oldest queued frame. Once closed and drained it returns the StreamClose on
  // every call. Returning monostate arms the notify callback for the next message.
  Next next();
  // The transport reports that `frame` (from next()) has been written completely.
  void sent(const StreamFrame& frame);
  // `notify` is called (from the publishing thread, without locks held) when a message
  // or the end is queued after next() returned monostate. It must not block: post a
  // wake-up to the transport's executor.
  void set_notify(std::function<void()> notify);

  // Ends the stream now: queued frames are discarded and the transport closes with
  // `code` and `reason`. The hub forgets the subscription. Idempotent (the first close wins).
  void close(std::string reason, std::uint16_t code = kCloseNormal);
  // Ends the stream because the server cut it off (`kind`: "write_timeout", ...): counted
  // among the drops, the queue replaced by a final {"type":"dropped"} message, closed with
  // kCloseTryAgainLater.
  void drop(std::string_view kind, std::string_view detail);
  // A text message from the client. {"type":"ping"} is answered with a heartbeat; anything
  // else is ignored.
  void handle_client_text(std::string_view text);

  // Empty while the stream is open; the close reason once it is closed.
  [[nodiscard]] std::string closed_reason() const;
  [[nodiscard]] bool closed() const;
  [[nodiscard]] const std::string& scope_key() const;
  // The identity given at subscribe(), for logs ("user wang@ws-12").
  [[nodiscard]] const std::string& identity() const;
  // Bytes and messages waiting in the queue now.
  [[nodiscard]] std::size_t queued_bytes() const;
  [[nodiscard]] std::size_t queued_messages() const;

 private:
  friend struct detail::StreamCore;
  std::unique_ptr<detail::SubscriptionState> state_;
};

}  // namespace shouwang::server
