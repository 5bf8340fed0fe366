#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <pthread.h>

#include <shouwang/cad/rebuild.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/server/city_routes.h>
#include <shouwang/server/core_routes.h>
#include <shouwang/server/http_server.h>
#include <shouwang/server/router.h>
#include <shouwang/server/static_files.h>
#include <shouwang/store/event_log.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"host", true, "address to listen on (default 127.0.0.1)"},
    {"port", true, "TCP port, 0 for any free port (default 8080)"},
    {"web", true, "directory of the built console (default: the build's web/dist)"},
    {"data", true, "city data directory holding city.osm.pbf (as `make demo` makes it)"},
    {"threads", true, "I/O threads (default 2)"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (default sqlite:DATA/events.db)"},
    {"unverified-log", false, "serve even if the event log's hash chain does not verify (say why in the log book)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang serve [--host H] [--port P] [--web DIR] [--data DIR] [--threads N] [--db URL] [--unverified-log]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang serve: " << message << "\n" << kUsage;
  return kExitUsage;
}

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  server::ServerOptions options;
  options.host = args->get("host").value_or("127.0.0.1");
  const auto port = args->get_port("port", 8080);
  if (!port) return usage_error(port.error().message);
  options.port = *port;
  const auto threads = args->get_u64("threads", 2);
  if (!threads) return usage_error(threads.error().message);
  if (*threads < 1 || *threads > 64) return usage_error("--threads must be from 1 to 64");
  options.threads = static_cast<int>(*threads);

  const std::filesystem::path web = args->get("web").value_or(SHOUWANG_DEFAULT_WEB_DIR);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(web / "index.html", ec)) {
    return usage_error("no console at " + web.string() + " (index.html missing): build it with `make web` or pass --web");
  }
  std::optional<osm::CitySummary> city;
  if (const auto data = args->get("data")) {
    if (!std::filesystem::is_directory(*data, ec)) return usage_error("--data " + *data + " is not a directory");
    const auto summary = osm::read_city_summary((std::filesystem::path(*data) / "city.osm.pbf").string());
    if (!summary) return usage_error("--data " + *data + ": " + summary.error().message);
    city = *summary;
    std::printf("city: %s (%s), code %s\n", city->name.c_str(), city->name_en.c_str(), city->code.c_str());
  }

  // The event log is the source of truth: it is verified and the domain state rebuilt from
  // it before anything is served. A log that fails verification is refused unless the
  // operator says otherwise.
  if (!args->has("db") && !args->has("data")) {
    return usage_error("name where the event log lives: --data DIR (it is kept in DIR/events.db) or --db URL");
  }
  const std::string db_url = args->has("db") ? *args->get("db")
                                             : "sqlite:" + (std::filesystem::path(*args->get("data")) / "events.db").string();
  const bool unverified = args->has("unverified-log");
  auto log = store::open_event_log(db_url, {.verify_on_open = !unverified});
  if (!log) {
    std::cerr << "shouwang serve: " << log.error().message << "\n";
    if (log.error().code == Errc::kCorrupt) {
      std::cerr << "shouwang serve: not serving from a log that does not verify; `shouwang audit verify --db "
                << db_url << "` shows where it breaks, and --unverified-log starts anyway\n";
    }
    return kExitFailure;
  }
  if (unverified) std::fprintf(stderr, "WARNING: serving without verifying the event log's hash chain\n");
  const auto rebuild_start = std::chrono::steady_clock::now();
  auto rebuilt = cad::rebuild_state(**log);
  if (!rebuilt) {
    std::cerr << "shouwang serve: cannot rebuild the state from " << db_url << ": " << rebuilt.error().message << "\n";
    return kExitFailure;
  }
  std::printf("event log: %llu events; state rebuilt from the snapshot at %llu and %llu events after it in %.0f ms\n",
              static_cast<unsigned long long>(rebuilt->seq), static_cast<unsigned long long>(rebuilt->snapshot_seq),
              static_cast<unsigned long long>(rebuilt->events_replayed),
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - rebuild_start).count());

  server::Router router;
  server::add_core_routes(router);
  server::add_city_routes(router, city);
  const server::StaticFiles console(web);
  router.set_fallback([&console](const server::HttpRequest& request) { return console.serve(request); });

  // Signals are taken synchronously by this thread; the server threads never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::HttpServer http(options, router);
  if (Status started = http.start(); !started) {
    std::cerr << "shouwang serve: " << started.error().message << "\n";
    return kExitFailure;
  }
  std::printf("listening on http://%s:%d\n", options.host.c_str(), http.port());
  std::printf("console: http://%s:%d/  health: http://%s:%d/healthz\n", options.host.c_str(), http.port(),
              options.host.c_str(), http.port());
  std::fflush(stdout);

  int received = 0;
  sigwait(&signals, &received);
  std::printf("stopping (signal %d)\n", received);
  std::fflush(stdout);
  http.stop();
  // A snapshot at shutdown lets the next start replay only what comes after it.
  if (rebuilt->seq > rebuilt->snapshot_seq) {
    if (Status saved = cad::save_snapshot(**log, rebuilt->state, rebuilt->seq); !saved) {
      std::cerr << "shouwang serve: the shutdown snapshot was not saved: " << saved.error().message << "\n";
    }
  }
  return kExitOk;
}

}  // namespace shouwang::cli
