#pragma once
// The running command centre: the composition root that `shouwang serve` starts. It opens
// and verifies the event log, rebuilds the domain state and the accounts from it, loads the
// taxonomy and the organisation tree, and wires the command service, access policy,
// authenticator, live stream, metrics and logs behind one HTTP server.
//
// stop() is graceful: new commands are refused (503), commands already queued are
// committed and answered, the stream's subscribers get a close frame, and a snapshot is
// written so the next start replays only what follows.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/result.h>
#include <shouwang/server/authenticator.h>
#include <shouwang/server/deadline_watch.h>
#include <shouwang/server/warning_watch.h>
#include <shouwang/server/circle_watch.h>
#include <shouwang/server/http_server.h>
#include <shouwang/server/stream_hub.h>
#include <shouwang/server/unit_telemetry.h>

namespace shouwang::server {

struct AppOptions {
  std::string db_url;                          // sqlite:FILE or postgresql://...
  bool verify_log = true;                      // refuse a log whose hash chain fails
  std::optional<std::filesystem::path> data;   // a city data directory (city.osm.pbf, ...)
  std::optional<std::filesystem::path> org;    // the organisation tree as GeoJSON
  std::string centre;                          // division code; default: the city's
  std::int32_t utc_offset_minutes = 480;
  std::filesystem::path taxonomy;              // directory of incident_types.tsv, dispositions.tsv
  std::filesystem::path web;                   // the built console
  std::filesystem::path logs;                  // access.jsonl, audit.jsonl; empty: no files
  ServerOptions http;
  AuthOptions auth;
  StreamOptions stream;
  // Unit positions: MQTT when `telemetry.mqtt` is set, HTTP always; tracks in
  // DATA/tracks.db unless `telemetry.tracks` names another file.
  UnitTelemetryOptions telemetry;
  // Deadlines per priority and GPS arrival detection (the timers run on `clock`).
  DeadlineWatchOptions deadlines;
  // The daily early-warning scan that raises directives for the stations.
  WarningWatchOptions warnings;
  // The live quick-response circles and their coverage-gap alarms (with a road network).
  CircleWatchOptions circles;
  const Clock* clock = nullptr;                // default: the system clock
};

// What start-up found, for the operator's console output.
struct AppSummary {
  std::string city;
  std::string centre;
  std::uint64_t log_seq = 0;
  std::uint64_t snapshot_seq = 0;
  std::uint64_t replayed = 0;
  double rebuild_ms = 0;
  double history_ms = 0;  // building the statistics history from the state
  std::size_t incidents = 0;
  std::size_t users = 0;
  std::size_t org_units = 0;
  std::string org_source;
  std::size_t places = 0;  // in the place index; 0 without one
};

class ServerApp {
 public:
  // Everything up to listening: kCorrupt for a log that fails verification (unless
  // verify_log is off), kInvalidArgument naming the option for bad paths or codes.
  static Result<std::unique_ptr<ServerApp>> open(AppOptions options);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  Status start();
  [[nodiscard]] int port() const;
  [[nodiscard]] const AppSummary& summary() const;
  // Every registered route (the API document is checked against this list).
  [[nodiscard]] std::vector<RouteInfo> routes() const;
  void stop();

 private:
  struct Parts;
  explicit ServerApp(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace shouwang::server
