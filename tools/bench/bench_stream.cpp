// shouwang-bench stream [--json] [--subscribers N] [--rate R[,R2…]] [--seconds S] [--bytes B]
//                       [--audience all|stations]:
// the live stream end to end. A StreamHub behind a real HttpServer on 127.0.0.1 serves N
// WebSocket subscribers; a writer thread publishes changes of about B bytes on an
// open-loop schedule of R per second for S seconds. Audience "all": every subscriber sees
// every change (the worst case). Audience "stations": a tenth of the subscribers are
// city-wide, the others watch one of 30 stations, and each change belongs to one station
// (what a city's consoles look like). Latency is measured two ways: by the clients, from
// publish() to the frame's arrival (one sample per delivered change), and by the hub's own
// histogram, from publish() to the completed write. The clients are one epoll thread in
// this process, sharing the machine's cores with the server; the server's CPU time is the
// process's minus the client and writer threads'.

#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <shouwang/server/http_server.h>
#include <shouwang/server/stream_hub.h>

#include "bench_stats.h"
#include "benchmarks.h"
#include "ws_bench_client.h"

namespace shouwang::bench {
namespace {

struct Settings {
  bool json = false;
  int subscribers = 100;
  std::vector<double> rates = {2000};
  double seconds = 10;
  std::size_t bytes = 400;
  bool stations = false;  // --audience stations
};

constexpr int kStations = 30;

double thread_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double process_cpu_s() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct Figures {
  double rate = 0;
  std::uint64_t published = 0;
  std::uint64_t expected = 0;  // frames due: each change times the subscribers that see it
  std::uint64_t received = 0;
  double frames_per_s = 0;
  double client_p50_ms = 0, client_p99_ms = 0, client_max_ms = 0;
  double hub_p50_ms = 0, hub_p99_ms = 0;
  std::uint64_t drops = 0;
  double server_cpu_percent = 0;  // of one core
  double client_cpu_percent = 0;
  double peak_rss_mb = 0;
};

// One subscriber connection of the benchmark client: blocking handshake, then frames
// parsed from a non-blocking socket by the epoll loop.
struct Connection {
  int fd = -1;
  std::string pending;
};

// Records the latency of each change frame in `c.pending` (published_ns is indexed by
// seq); returns false on a close frame.
bool consume_frames(Connection& c, const std::vector<std::atomic<std::int64_t>>& published_ns,
                    std::vector<double>& latencies_ms, std::atomic<std::uint64_t>& received) {
  bool open = true;
  const std::int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
  consume_server_frames(c.pending, [&](const ServerFrame& frame) {
    if (frame.opcode == 0x8) open = false;
    if (frame.payload.find("\"type\":\"change\"") == std::string_view::npos) return;
    const std::uint64_t seq = json_number_after(frame.payload, "seq");
    if (seq > 0 && seq < published_ns.size()) {
      latencies_ms.push_back(static_cast<double>(now_ns - published_ns[seq].load(std::memory_order_acquire)) / 1e6);
      received.fetch_add(1, std::memory_order_relaxed);
    }
  });
  return open;
}

// The scope of subscriber i and the station of change k (audience "stations").
std::string scope_of(const Settings& settings, std::size_t i) {
  if (!settings.stations || i % 10 == 0) return "city";
  return "station:" + std::to_string(i % kStations);
}

Result<Figures> run_rate(const Settings& settings, double rate) {
  const auto total = static_cast<std::uint64_t>(rate * settings.seconds);
  std::vector<std::atomic<std::int64_t>> published_ns(total + 1);
  const std::string padding(settings.bytes > 60 ? settings.bytes - 60 : 1, 'x');
  server::StreamOptions stream_options;
  server::StreamHub hub(stream_options, [&](const server::Change& change, const std::string& scope) {
    const std::string station = "station:" + std::to_string(change.seq % kStations);
    if (scope != "city" && scope != station) return std::optional<std::string>();
    return std::optional<std::string>("{\"incident\":\"310100-20261122-" + std::to_string(change.seq) +
                                      "\",\"status\":\"dispatched\",\"note\":\"" + padding + "\"}");
  });
  server::Router router;
  router.add_websocket("/api/v1/stream", [&hub](const server::HttpRequest& request) -> server::WebSocketAnswer {
    const auto at = request.query.find("scope=");
    return hub.subscribe(at == std::string::npos ? "city" : request.query.substr(at + 6), 0, "bench");
  });
  server::ServerOptions server_options;
  server_options.port = 0;
  server::HttpServer server(server_options, router);
  if (auto started = server.start(); !started) return started.error();

  std::vector<Connection> connections(static_cast<std::size_t>(settings.subscribers));
  std::uint64_t city_wide = 0;
  std::vector<std::uint64_t> per_station(kStations, 0);
  const int epoll = ::epoll_create1(0);
  for (std::size_t i = 0; i < connections.size(); ++i) {
    const std::string scope = scope_of(settings, i);
    if (scope == "city") {
      ++city_wide;
    } else {
      ++per_station[i % kStations];
    }
    auto fd = connect_websocket(server.port(), "/api/v1/stream?from=0&scope=" + scope);
    if (!fd) return fd.error();
    connections[i].fd = *fd;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = i;
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, *fd, &event);
  }
  std::uint64_t expected = 0;
  for (std::uint64_t k = 1; k <= total; ++k) expected += city_wide + per_station[k % kStations];
  while (hub.stats().subscribers < connections.size()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  std::atomic<bool> stop_reading{false};
  std::atomic<std::uint64_t> received{0};
  std::vector<double> latencies_ms;
  latencies_ms.reserve(expected);
  double reader_cpu_s = 0;
  std::thread reader([&] {
    const double cpu0 = thread_cpu_s();
    epoll_event events[128];
    char buffer[1 << 16];
    while (!stop_reading.load()) {
      const int n = ::epoll_wait(epoll, events, 128, 50);
      for (int e = 0; e < n; ++e) {
        Connection& c = connections[events[e].data.u64];
        const auto got = ::recv(c.fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (got <= 0) continue;
        c.pending.append(buffer, static_cast<std::size_t>(got));
        consume_frames(c, published_ns, latencies_ms, received);
      }
    }
    reader_cpu_s = thread_cpu_s() - cpu0;
  });

  // Open loop: change k is due at k / rate seconds after the start.
  const double process_cpu0 = process_cpu_s();
  const double writer_cpu0 = thread_cpu_s();
  const auto t0 = Clock::now() + std::chrono::milliseconds(20);
  for (std::uint64_t k = 1; k <= total; ++k) {
    const auto due = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(static_cast<double>(k) / rate));
    std::this_thread::sleep_until(due);
    published_ns[k].store(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count(),
                          std::memory_order_release);
    if (auto ok = hub.publish(server::Change{k, nullptr}); !ok) return ok.error();
  }
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (received.load() < expected && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const double elapsed_s = micros_since(t0) / 1e6;
  const double writer_cpu_s = thread_cpu_s() - writer_cpu0;
  stop_reading = true;
  reader.join();
  const double server_cpu_s = process_cpu_s() - process_cpu0 - reader_cpu_s - writer_cpu_s;

  Figures f;
  f.rate = rate;
  f.published = total;
  f.expected = expected;
  f.received = received.load();
  f.frames_per_s = static_cast<double>(f.received) / elapsed_s;
  f.client_p50_ms = quantile(latencies_ms, 0.5);
  f.client_p99_ms = quantile(latencies_ms, 0.99);
  f.client_max_ms = latencies_ms.empty() ? 0 : *std::max_element(latencies_ms.begin(), latencies_ms.end());
  const server::StreamStats stats = hub.stats();
  f.hub_p50_ms = stats.delivery.quantile_ms(0.5);
  f.hub_p99_ms = stats.delivery.quantile_ms(0.99);
  for (const auto& [reason, n] : stats.drops) f.drops += n;
  f.server_cpu_percent = 100.0 * server_cpu_s / elapsed_s;
  f.client_cpu_percent = 100.0 * reader_cpu_s / elapsed_s;
  f.peak_rss_mb = peak_rss_mb();
  server.stop();
  for (const Connection& c : connections) ::close(c.fd);
  ::close(epoll);
  return f;
}

int usage(const std::string& message) {
  std::cerr << "shouwang-bench stream: " << message
            << "\nusage: shouwang-bench stream [--json] [--subscribers N] [--rate R[,R2...]] [--seconds S] [--bytes B]"
               " [--audience all|stations]\n";
  return 2;
}

}  // namespace

int run_stream_bench(const std::vector<std::string>& args) {
  Settings s;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const bool has_value = i + 1 < args.size();
      if (args[i] == "--json") {
        s.json = true;
      } else if (args[i] == "--subscribers" && has_value) {
        s.subscribers = std::stoi(args[++i]);
      } else if (args[i] == "--rate" && has_value) {
        s.rates.clear();
        const std::string list = args[++i];
        for (std::size_t start = 0; start < list.size();) {
          const auto comma = std::min(list.find(',', start), list.size());
          s.rates.push_back(std::stod(list.substr(start, comma - start)));
          start = comma + 1;
        }
      } else if (args[i] == "--seconds" && has_value) {
        s.seconds = std::stod(args[++i]);
      } else if (args[i] == "--bytes" && has_value) {
        s.bytes = std::stoul(args[++i]);
      } else if (args[i] == "--audience" && has_value && (args[i + 1] == "all" || args[i + 1] == "stations")) {
        s.stations = args[++i] == "stations";
      } else {
        return usage("unknown argument '" + args[i] + "'");
      }
    }
  } catch (const std::exception&) {
    return usage("a flag's value is not a number");
  }
  if (s.subscribers < 1 || s.seconds <= 0 || s.rates.empty()) return usage("nothing to measure");

  std::vector<Figures> results;
  for (const double rate : s.rates) {
    auto figures = run_rate(s, rate);
    if (!figures) {
      std::cerr << "shouwang-bench stream: " << figures.error().message << "\n";
      return 1;
    }
    results.push_back(*figures);
  }
  if (s.json) {
    std::printf("{\"subscribers\":%d,\"audience\":\"%s\",\"seconds\":%.1f,\"bytes\":%zu,\"runs\":[", s.subscribers,
                s.stations ? "stations" : "all", s.seconds, s.bytes);
    for (std::size_t i = 0; i < results.size(); ++i) {
      const Figures& f = results[i];
      std::printf("%s{\"rate\":%.0f,\"published\":%llu,\"expected\":%llu,\"received\":%llu,\"frames_per_s\":%.0f,"
                  "\"client_p50_ms\":%.3f,\"client_p99_ms\":%.3f,\"client_max_ms\":%.3f,\"hub_p50_ms\":%.3f,"
                  "\"hub_p99_ms\":%.3f,\"drops\":%llu,\"server_cpu_percent\":%.0f,\"client_cpu_percent\":%.0f,\"peak_rss_mb\":%.1f}",
                  i ? "," : "", f.rate, static_cast<unsigned long long>(f.published),
                  static_cast<unsigned long long>(f.expected), static_cast<unsigned long long>(f.received), f.frames_per_s,
                  f.client_p50_ms, f.client_p99_ms, f.client_max_ms, f.hub_p50_ms, f.hub_p99_ms,
                  static_cast<unsigned long long>(f.drops), f.server_cpu_percent, f.client_cpu_percent, f.peak_rss_mb);
    }
    std::printf("]}\n");
  } else {
    std::printf("live stream: %d WebSocket subscribers on 127.0.0.1 (audience: %s), changes of ~%zu bytes, %.0f s per rate\n",
                s.subscribers, s.stations ? "stations" : "all", s.bytes, s.seconds);
    std::printf("%10s %15s %10s %9s %9s %9s %9s %9s %6s %8s %8s %7s\n", "changes/s", "frames (k)", "frames/s", "p50 ms",
                "p99 ms", "max ms", "hub p50", "hub p99", "drops", "srv CPU", "cli CPU", "RSS MB");
    for (const Figures& f : results) {
      std::printf("%10.0f %7llu/%-7llu %10.0f %9.2f %9.2f %9.2f %9.2f %9.2f %6llu %7.0f%% %7.0f%% %7.1f\n", f.rate,
                  static_cast<unsigned long long>(f.received / 1000), static_cast<unsigned long long>(f.expected / 1000),
                  f.frames_per_s, f.client_p50_ms, f.client_p99_ms, f.client_max_ms, f.hub_p50_ms, f.hub_p99_ms,
                  static_cast<unsigned long long>(f.drops), f.server_cpu_percent, f.client_cpu_percent, f.peak_rss_mb);
    }
    std::printf("(frames received/due in thousands; p50/p99/max: publish → client receipt; hub: publish → write "
                "completed, bucket estimates; CPU: server threads and client thread, of one core)\n");
  }
  return 0;
}

}  // namespace shouwang::bench
