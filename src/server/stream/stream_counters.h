#pragma once
// The hub's counters, shared by the hub and its subscriptions (a subscription may outlive
// the hub while its transport finishes). Lock-free except for the rare drop records.

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include <shouwang/server/stream_stats.h>

namespace shouwang::server::detail {

struct StreamCounters {
  std::atomic<std::uint64_t> subscriptions{0};
  std::atomic<std::uint64_t> published{0};
  std::atomic<std::uint64_t> renders{0};
  std::atomic<std::uint64_t> messages_sent{0};
  std::atomic<std::uint64_t> resyncs{0};
  std::atomic<std::uint64_t> ephemeral{0};           // ephemeral messages queued (one per subscriber)
  std::atomic<std::uint64_t> ephemeral_failures{0};  // ephemeral renders that failed
  std::array<std::atomic<std::uint64_t>, LatencyHistogram::kBoundsMs.size() + 1> latency_buckets{};
  std::atomic<std::uint64_t> latency_count{0};
  std::atomic<std::uint64_t> latency_sum_us{0};

  void record_latency(std::int64_t micros);
  void record_drop(const std::string& kind, const std::string& identity, const std::string& detail);
  // Fills the counters' part of `out` (not subscribers, last_seq, backlog).
  void snapshot(StreamStats& out) const;

 private:
  mutable std::mutex drops_mutex_;
  std::map<std::string, std::uint64_t> drops_;
  std::deque<std::string> recent_drops_;
};

}  // namespace shouwang::server::detail
