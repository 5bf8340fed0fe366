// shouwang-bench stream-watch --port P --token T [--subscribers N] [--seconds S] [--json]:
// N consoles watching a running `shouwang serve` on 127.0.0.1 while something else (the
// wrk load of bench/api_load.sh) drives it. Each subscriber reads GET /api/v1/state's seq,
// then follows /api/v1/stream from there for S seconds. Reported: changes received per
// subscriber, gaps in the message numbers, closes with their reasons, and the latency of
// each change from the time of its newest event (stamped when the command was decided,
// before the durable append) to the frame's arrival — an upper bound of commit → delivery.
// The clients are one epoll thread; they share the machine with the server and the load.

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>

#include "bench_stats.h"
#include "benchmarks.h"
#include "ws_bench_client.h"

namespace shouwang::bench {
namespace {

struct WatchSettings {
  int port = 0;
  std::string token;
  int subscribers = 100;
  double seconds = 60;
  bool json = false;
};

struct Watcher {
  int fd = -1;
  std::string pending;
  std::uint64_t next_n = 1;
  std::uint64_t changes = 0;
  std::uint64_t gaps = 0;
  std::string closed;  // the close reason, empty while open
};

std::int64_t now_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The newest event time in a change frame, in µs since the epoch; 0 when there is none.
// Events come in seq order, and "time" is a member of events only (records carry
// "times" objects and history "at"), so the last "time" is the newest.
std::int64_t newest_event_micros(std::string_view payload) {
  constexpr std::string_view kKey = "\"time\":\"";
  const auto at = payload.rfind(kKey);
  if (at == std::string_view::npos) return 0;
  const auto start = at + kKey.size();
  const auto end = payload.find('"', start);
  if (end == std::string_view::npos) return 0;
  auto t = UtcTime::parse_iso8601(std::string(payload.substr(start, end - start)));
  return t ? t->micros() : 0;
}

void read_frames(Watcher& w, std::vector<double>& latencies_ms) {
  const std::int64_t arrived = now_micros();
  consume_server_frames(w.pending, [&](const ServerFrame& frame) {
    if (frame.opcode == 0x8) {
      const std::string_view p = frame.payload;
      const int code = p.size() >= 2 ? (static_cast<unsigned char>(p[0]) << 8) | static_cast<unsigned char>(p[1]) : 1005;
      w.closed = std::to_string(code) + " " + std::string(p.size() > 2 ? p.substr(2) : std::string_view());
      return;
    }
    if (frame.opcode == 0x9) {  // the server's keep-alive ping: a console answers it
      send_pong(w.fd, frame.payload);
      return;
    }
    if (frame.opcode != 0x1) return;
    const std::uint64_t n = json_number_after(frame.payload, "n");
    if (n != w.next_n) ++w.gaps;
    w.next_n = n + 1;
    if (frame.payload.find("\"type\":\"change\"") == std::string_view::npos) return;
    ++w.changes;
    if (const std::int64_t t = newest_event_micros(frame.payload); t > 0) {
      latencies_ms.push_back(static_cast<double>(arrived - t) / 1000.0);
    }
  });
}

int usage(const std::string& message) {
  std::cerr << "shouwang-bench stream-watch: " << message
            << "\nusage: shouwang-bench stream-watch --port P --token T [--subscribers N] [--seconds S] [--json]\n";
  return 2;
}

}  // namespace

int run_stream_watch(const std::vector<std::string>& args) {
  WatchSettings s;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const bool has_value = i + 1 < args.size();
      if (args[i] == "--json") {
        s.json = true;
      } else if (args[i] == "--port" && has_value) {
        s.port = std::stoi(args[++i]);
      } else if (args[i] == "--token" && has_value) {
        s.token = args[++i];
      } else if (args[i] == "--subscribers" && has_value) {
        s.subscribers = std::stoi(args[++i]);
      } else if (args[i] == "--seconds" && has_value) {
        s.seconds = std::stod(args[++i]);
      } else {
        return usage("unknown argument '" + args[i] + "'");
      }
    }
  } catch (const std::exception&) {
    return usage("a flag's value is not a number");
  }
  if (s.port <= 0 || s.token.empty()) return usage("--port and --token are required");
  if (s.subscribers < 1 || s.seconds <= 0) return usage("nothing to watch");
  const std::vector<std::string> auth = {"Authorization: Bearer " + s.token};

  const int epoll = ::epoll_create1(0);
  std::vector<Watcher> watchers(static_cast<std::size_t>(s.subscribers));
  for (std::size_t i = 0; i < watchers.size(); ++i) {
    auto state = http_get(s.port, "/api/v1/state", auth);
    if (!state) {
      std::cerr << "shouwang-bench stream-watch: " << state.error().message << "\n";
      return 1;
    }
    const std::uint64_t seq = json_number_after(*state, "seq");
    auto fd = connect_websocket(s.port, "/api/v1/stream?from=" + std::to_string(seq), auth);
    if (!fd) {
      std::cerr << "shouwang-bench stream-watch: " << fd.error().message << "\n";
      return 1;
    }
    watchers[i].fd = *fd;
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = i;
    ::epoll_ctl(epoll, EPOLL_CTL_ADD, *fd, &event);
  }
  std::cerr << "stream-watch: " << watchers.size() << " subscribers following\n";

  std::vector<double> latencies_ms;
  const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s.seconds));
  epoll_event events[128];
  char buffer[1 << 16];
  while (Clock::now() < end) {
    const int n = ::epoll_wait(epoll, events, 128, 50);
    for (int e = 0; e < n; ++e) {
      Watcher& w = watchers[events[e].data.u64];
      const auto got = ::recv(w.fd, buffer, sizeof buffer, MSG_DONTWAIT);
      if (got == 0 && w.closed.empty()) w.closed = "connection ended without a close frame";
      if (got <= 0) {
        ::epoll_ctl(epoll, EPOLL_CTL_DEL, w.fd, nullptr);
        continue;
      }
      w.pending.append(buffer, static_cast<std::size_t>(got));
      read_frames(w, latencies_ms);
    }
  }
  for (const Watcher& w : watchers) ::close(w.fd);
  ::close(epoll);

  std::uint64_t min_changes = UINT64_MAX, max_changes = 0, gaps = 0;
  std::map<std::string, int> closes;
  for (const Watcher& w : watchers) {
    min_changes = std::min(min_changes, w.changes);
    max_changes = std::max(max_changes, w.changes);
    gaps += w.gaps;
    if (!w.closed.empty()) ++closes[w.closed];
  }
  const double p50 = quantile(latencies_ms, 0.5), p90 = quantile(latencies_ms, 0.9), p99 = quantile(latencies_ms, 0.99);
  const double max = latencies_ms.empty() ? 0 : *std::max_element(latencies_ms.begin(), latencies_ms.end());
  if (s.json) {
    std::printf("{\"subscribers\":%d,\"seconds\":%.1f,\"frames\":%zu,\"changes_min\":%llu,\"changes_max\":%llu,"
                "\"gaps\":%llu,\"closed\":%zu,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
                s.subscribers, s.seconds, latencies_ms.size(), static_cast<unsigned long long>(min_changes),
                static_cast<unsigned long long>(max_changes), static_cast<unsigned long long>(gaps), closes.size(), p50,
                p90, p99, max);
  } else {
    std::printf("stream: %d subscribers for %.0f s: %zu change frames (per subscriber %llu..%llu), %llu gaps\n",
                s.subscribers, s.seconds, latencies_ms.size(), static_cast<unsigned long long>(min_changes),
                static_cast<unsigned long long>(max_changes), static_cast<unsigned long long>(gaps));
    std::printf("stream latency, newest event → arrival: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", p50, p90,
                p99, max);
    for (const auto& [reason, count] : closes) std::printf("closed: %d × %s\n", count, reason.c_str());
  }
  return closes.empty() && gaps == 0 ? 0 : 1;
}

}  // namespace shouwang::bench
