#pragma once
// StreamListener: how the simulator learns what happens to its units' orders. It loads the
// state (GET /api/v1/state), then follows the live stream (GET /api/v1/stream?from=SEQ,
// WebSocket, bearer token; docs/api/README.md "State and stream") and hands every state
// and every change message to a handler. When the stream ends — resync, dropped, a gap in
// `n`, a broken connection — it loads the state again and resubscribes, so the handler may
// see the same records twice and must treat records as the latest word, not as events.
//
// Threads: one thread of its own runs the connection and calls the handler, one message at
// a time. stop() closes the stream and joins the thread; no handler call runs after it.
// Boost.Beast stays out of this header.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/base/result.h>
#include <shouwang/sim/api_connection.h>

namespace shouwang::sim {

// `snapshot` is true for a state answer ({seq, scope, snapshot: {...}}), false for a
// change message of the stream ({type: "change", seq, orders, incidents, ...}).
using StreamHandler = std::function<void(const nlohmann::json& message, bool snapshot)>;

struct StreamStats {
  std::uint64_t messages = 0;  // change messages handed over
  std::uint64_t reloads = 0;   // state loads after the first
  bool connected = false;
  std::string last_problem;  // why the stream last ended, for people
};

class StreamListener {
 public:
  StreamListener(ApiEndpoint endpoint, std::string token, StreamHandler handler);
  ~StreamListener();  // stop()
  StreamListener(const StreamListener&) = delete;
  StreamListener& operator=(const StreamListener&) = delete;

  // Loads the state and opens the stream on the calling thread, so that a server that
  // cannot be reached or refuses the token is reported here (kUnavailable,
  // kUnauthenticated); then the listener's thread carries on.
  Status start();
  void stop();

  [[nodiscard]] StreamStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shouwang::sim
