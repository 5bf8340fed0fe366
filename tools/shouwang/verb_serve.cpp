#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <pthread.h>

#include <shouwang/osm/city_summary.h>
#include <shouwang/server/city_routes.h>
#include <shouwang/server/core_routes.h>
#include <shouwang/server/http_server.h>
#include <shouwang/server/router.h>
#include <shouwang/server/static_files.h>

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
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang serve [--host H] [--port P] [--web DIR] [--data DIR] [--threads N]\n";

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
  return kExitOk;
}

}  // namespace shouwang::cli
