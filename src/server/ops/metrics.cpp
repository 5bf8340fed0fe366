#include <shouwang/server/metrics.h>

#include <cmath>
#include <cstdio>

namespace shouwang::server {
namespace {

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

std::string with(const std::string& labels, const std::string& more) {
  return labels.empty() ? more : labels + "," + more;
}

}  // namespace

void SecondsHistogram::observe(double seconds) {
  std::size_t k = 0;
  while (k < kBounds.size() && seconds > kBounds[k]) ++k;
  buckets_[k].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(std::llround(std::max(0.0, seconds) * 1e6)),
                        std::memory_order_relaxed);
}

void SecondsHistogram::render(std::string& out, const std::string& name, const std::string& labels) const {
  std::uint64_t cumulative = 0;
  for (std::size_t k = 0; k <= kBounds.size(); ++k) {
    cumulative += buckets_[k].load(std::memory_order_relaxed);
    const std::string le = k < kBounds.size() ? number(kBounds[k]) : "+Inf";
    out += name + "_bucket{" + with(labels, "le=\"" + le + "\"") + "} " + std::to_string(cumulative) + "\n";
  }
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out += name + "_sum" + braces + " " + number(static_cast<double>(sum_micros_.load()) / 1e6) + "\n";
  out += name + "_count" + braces + " " + std::to_string(count_.load()) + "\n";
}

void Metrics::observe_request(const std::string& method, const std::string& route, int status, double seconds) {
  RouteFigures* figures = nullptr;
  std::atomic<std::uint64_t>* counter = nullptr;
  {
    std::lock_guard lock(mutex_);
    auto& slot = routes_[{method, route}];
    if (!slot) slot = std::make_unique<RouteFigures>();
    figures = slot.get();
    counter = &figures->by_status[status];
  }
  counter->fetch_add(1, std::memory_order_relaxed);
  figures->latency.observe(seconds);
}

void Metrics::observe_append(double seconds, std::size_t events) {
  append_latency_.observe(seconds);
  appends_.fetch_add(1, std::memory_order_relaxed);
  appended_events_.fetch_add(events, std::memory_order_relaxed);
}

void Metrics::add_gauge(std::string name, std::string help, std::function<double()> read) {
  std::lock_guard lock(mutex_);
  gauges_.push_back({std::move(name), std::move(help), std::move(read)});
}

void Metrics::add_section(std::function<std::string()> render) {
  std::lock_guard lock(mutex_);
  sections_.push_back(std::move(render));
}

std::string Metrics::render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  out += "# HELP shouwang_http_requests_total HTTP requests answered, by method, route and status.\n";
  out += "# TYPE shouwang_http_requests_total counter\n";
  for (const auto& [key, figures] : routes_) {
    for (const auto& [status, count] : figures->by_status) {
      out += "shouwang_http_requests_total{method=\"" + key.first + "\",route=\"" + key.second + "\",status=\"" +
             std::to_string(status) + "\"} " + std::to_string(count.load()) + "\n";
    }
  }
  out += "# HELP shouwang_http_request_duration_seconds Time in the handler, by method and route.\n";
  out += "# TYPE shouwang_http_request_duration_seconds histogram\n";
  for (const auto& [key, figures] : routes_) {
    figures->latency.render(out, "shouwang_http_request_duration_seconds",
                            "method=\"" + key.first + "\",route=\"" + key.second + "\"");
  }
  out += "# HELP shouwang_log_commit_seconds Time to append one batch durably to the event log.\n";
  out += "# TYPE shouwang_log_commit_seconds histogram\n";
  append_latency_.render(out, "shouwang_log_commit_seconds", "");
  out += "# HELP shouwang_log_appended_events_total Events appended since start.\n";
  out += "# TYPE shouwang_log_appended_events_total counter\n";
  out += "shouwang_log_appended_events_total " + std::to_string(appended_events_.load()) + "\n";
  for (const auto& gauge : gauges_) {
    out += "# HELP " + gauge.name + " " + gauge.help + "\n# TYPE " + gauge.name + " gauge\n";
    out += gauge.name + " " + number(gauge.read()) + "\n";
  }
  for (const auto& section : sections_) out += section();
  return out;
}

}  // namespace shouwang::server
