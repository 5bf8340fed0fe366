#pragma once
// The server's own figures for /metrics, in the Prometheus text exposition format:
// requests by route and status with their latencies, event-log appends (commit latency and
// events per commit), and gauges read when scraped (log sequence, stream subscribers,
// live sessions). Recording is lock-free on the hot path except for a route's first
// request.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace shouwang::server {

// Cumulative-bucket histogram of seconds, as Prometheus expects.
class SecondsHistogram {
 public:
  static constexpr std::array<double, 14> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,    0.25,  0.5,    1,     2.5,   5,     10};
  void observe(double seconds);
  // `name`_bucket{labels,le=...}, `name`_sum, `name`_count lines; `labels` is `a="b",c="d"` or empty.
  void render(std::string& out, const std::string& name, const std::string& labels) const;

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

class Metrics {
 public:
  void observe_request(const std::string& method, const std::string& route, int status, double seconds);
  void observe_append(double seconds, std::size_t events);
  // A gauge whose value is read at each scrape.
  void add_gauge(std::string name, std::string help, std::function<double()> read);
  // Text added verbatim at the end (another component's own exposition, e.g. the stream's).
  void add_section(std::function<std::string()> render);

  [[nodiscard]] std::string render() const;

 private:
  struct RouteFigures {
    std::map<int, std::atomic<std::uint64_t>> by_status;
    SecondsHistogram latency;
  };
  mutable std::mutex mutex_;  // guards the maps' shape, not the counters
  std::map<std::pair<std::string, std::string>, std::unique_ptr<RouteFigures>> routes_;
  SecondsHistogram append_latency_;
  std::atomic<std::uint64_t> appends_{0};
  std::atomic<std::uint64_t> appended_events_{0};
  struct Gauge {
    std::string name;
    std::string help;
    std::function<double()> read;
  };
  std::vector<Gauge> gauges_;
  std::vector<std::function<std::string()>> sections_;
};

}  // namespace shouwang::server
