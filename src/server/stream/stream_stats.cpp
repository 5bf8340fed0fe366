#include <shouwang/server/stream_stats.h>

#include <algorithm>
#include <cstdio>

#include "server/stream/stream_counters.h"

namespace shouwang::server {

double LatencyHistogram::quantile_ms(double q) const {
  if (count == 0) return 0;
  const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(count);
  double below = 0;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    const auto in_bucket = static_cast<double>(buckets[i]);
    if (in_bucket > 0 && below + in_bucket >= rank) {
      const double lower = i == 0 ? 0 : kBoundsMs[i - 1];
      if (i == kBoundsMs.size()) return lower;
      return lower + (kBoundsMs[i] - lower) * ((rank - below) / in_bucket);
    }
    below += in_bucket;
  }
  return kBoundsMs.back();
}

namespace {

void metric(std::string& out, const char* name, const char* help, double value, const char* type = "counter") {
  char line[256];
  std::snprintf(line, sizeof line, "# HELP shouwang_stream_%s %s\n# TYPE shouwang_stream_%s %s\nshouwang_stream_%s %.17g\n",
                name, help, name, type, name, value);
  out += line;
}

}  // namespace

std::string to_prometheus(const StreamStats& s) {
  std::string out;
  metric(out, "subscribers", "Live stream subscribers connected now.", static_cast<double>(s.subscribers), "gauge");
  metric(out, "subscriptions_total", "Live stream subscriptions accepted.", static_cast<double>(s.subscriptions));
  metric(out, "published_total", "Changes published to the live stream.", static_cast<double>(s.published));
  metric(out, "last_seq", "Seq of the last published change.", static_cast<double>(s.last_seq), "gauge");
  metric(out, "backlog_changes", "Changes kept for resuming subscribers.", static_cast<double>(s.backlog), "gauge");
  metric(out, "renders_total", "Renderer calls.", static_cast<double>(s.renders));
  metric(out, "messages_sent_total", "Stream frames written completely.", static_cast<double>(s.messages_sent));
  metric(out, "resyncs_total", "Subscribers told to reload the state.", static_cast<double>(s.resyncs));
  metric(out, "ephemeral_total", "Ephemeral messages (live positions) queued to subscribers.",
         static_cast<double>(s.ephemeral));
  metric(out, "ephemeral_failures_total", "Ephemeral renders that failed and were skipped.",
         static_cast<double>(s.ephemeral_failures));
  out += "# HELP shouwang_stream_drops_total Subscribers cut off by the server.\n"
         "# TYPE shouwang_stream_drops_total counter\n";
  for (const auto& [reason, n] : s.drops) {
    out += "shouwang_stream_drops_total{reason=\"" + reason + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP shouwang_stream_delivery_seconds Time from publish to the completed write of a change frame.\n"
         "# TYPE shouwang_stream_delivery_seconds histogram\n";
  std::uint64_t cumulative = 0;
  char line[160];
  for (std::size_t i = 0; i < s.delivery.buckets.size(); ++i) {
    cumulative += s.delivery.buckets[i];
    if (i < LatencyHistogram::kBoundsMs.size()) {
      std::snprintf(line, sizeof line, "shouwang_stream_delivery_seconds_bucket{le=\"%g\"} %llu\n",
                    LatencyHistogram::kBoundsMs[i] / 1000.0, static_cast<unsigned long long>(cumulative));
    } else {
      std::snprintf(line, sizeof line, "shouwang_stream_delivery_seconds_bucket{le=\"+Inf\"} %llu\n",
                    static_cast<unsigned long long>(cumulative));
    }
    out += line;
  }
  std::snprintf(line, sizeof line, "shouwang_stream_delivery_seconds_sum %.6f\nshouwang_stream_delivery_seconds_count %llu\n",
                s.delivery.sum_ms / 1000.0, static_cast<unsigned long long>(s.delivery.count));
  out += line;
  return out;
}

namespace detail {

void StreamCounters::record_latency(std::int64_t micros) {
  if (micros < 0) micros = 0;  // a wall clock stepped back: count it as immediate
  const double ms = static_cast<double>(micros) / 1000.0;
  std::size_t bucket = 0;
  while (bucket < LatencyHistogram::kBoundsMs.size() && ms > LatencyHistogram::kBoundsMs[bucket]) ++bucket;
  latency_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
  latency_count.fetch_add(1, std::memory_order_relaxed);
  latency_sum_us.fetch_add(static_cast<std::uint64_t>(micros), std::memory_order_relaxed);
}

void StreamCounters::record_drop(const std::string& kind, const std::string& identity, const std::string& detail) {
  std::lock_guard lock(drops_mutex_);
  ++drops_[kind];
  recent_drops_.push_back(identity + ": " + detail);
  while (recent_drops_.size() > StreamStats::kRecentDrops) recent_drops_.pop_front();
}

void StreamCounters::snapshot(StreamStats& out) const {
  out.subscriptions = subscriptions.load(std::memory_order_relaxed);
  out.published = published.load(std::memory_order_relaxed);
  out.renders = renders.load(std::memory_order_relaxed);
  out.messages_sent = messages_sent.load(std::memory_order_relaxed);
  out.resyncs = resyncs.load(std::memory_order_relaxed);
  out.ephemeral = ephemeral.load(std::memory_order_relaxed);
  out.ephemeral_failures = ephemeral_failures.load(std::memory_order_relaxed);
  for (std::size_t i = 0; i < latency_buckets.size(); ++i) {
    out.delivery.buckets[i] = latency_buckets[i].load(std::memory_order_relaxed);
  }
  out.delivery.count = latency_count.load(std::memory_order_relaxed);
  out.delivery.sum_ms = static_cast<double>(latency_sum_us.load(std::memory_order_relaxed)) / 1000.0;
  std::lock_guard lock(drops_mutex_);
  out.drops = drops_;
  out.recent_drops.assign(recent_drops_.begin(), recent_drops_.end());
}

}  // namespace detail
}  // namespace shouwang::server
