#pragma once
// Figures of the live stream for /metrics: a plain snapshot (StreamHub::stats) and its
// Prometheus text form. The hub counts with atomics; taking a snapshot never blocks a
// publish.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace shouwang::server {

// Commit → delivery latency (from StreamHub::publish to the completed write of the frame)
// in fixed Prometheus-style buckets.
struct LatencyHistogram {
  // Upper bounds of the buckets in milliseconds; one more bucket (+Inf) follows them.
  static constexpr std::array<double, 10> kBoundsMs = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000};

  std::array<std::uint64_t, kBoundsMs.size() + 1> buckets{};  // per bucket (not cumulative)
  std::uint64_t count = 0;
  double sum_ms = 0;

  // An estimate of the q-quantile (0 ≤ q ≤ 1): linear inside the bucket that holds it; the
  // +Inf bucket answers its lower bound (1000 ms). 0 without samples.
  [[nodiscard]] double quantile_ms(double q) const;
};

struct StreamStats {
  std::size_t subscribers = 0;      // connected now
  std::uint64_t subscriptions = 0;  // accepted since start (refused resumes not counted)
  std::uint64_t published = 0;      // changes published
  std::uint64_t last_seq = 0;       // seq of the last published change
  std::size_t backlog = 0;          // changes kept for resuming
  std::uint64_t renders = 0;        // renderer calls
  std::uint64_t messages_sent = 0;  // frames whose write completed
  std::uint64_t resyncs = 0;        // subscribers told to reload the state
  std::uint64_t ephemeral = 0;      // ephemeral messages (live positions) queued, per subscriber
  std::uint64_t ephemeral_failures = 0;  // ephemeral renders that failed (skipped)
  // Subscribers cut off by the server, by reason: "slow_consumer" (queue over the limits),
  // "write_timeout" (a frame not taken in time), "idle_timeout" (nothing heard from the
  // client), "render_failed".
  std::map<std::string, std::uint64_t> drops;
  // The latest drops as "identity: reason", oldest first, at most kRecentDrops.
  std::vector<std::string> recent_drops;
  LatencyHistogram delivery;

  static constexpr std::size_t kRecentDrops = 16;
};

// The stats in the Prometheus text exposition format, metric names prefixed with
// `shouwang_stream_` (the latency histogram is `shouwang_stream_delivery_seconds`).
std::string to_prometheus(const StreamStats& stats);

}  // namespace shouwang::server
