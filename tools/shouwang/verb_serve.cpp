#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <sstream>

#include <shouwang/cad/deadlines.h>
#include <shouwang/server/server_app.h>
#include <shouwang/server/telemetry/broker_secrets.h>
#include <shouwang/server/telemetry/mqtt_intake.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"host", true, "address to listen on (default 127.0.0.1)"},
    {"port", true, "TCP port, 0 for any free port (default 8080)"},
    {"web", true, "directory of the built console (default: the build's web/dist)"},
    {"data", true, "city data directory holding city.osm.pbf (as `make demo` makes it)"},
    {"threads", true, "HTTP threads (default 16; requests wait on commits there)"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (default sqlite:DATA/events.db)"},
    {"centre", true, "the centre's 6-digit division code (default: the city's)"},
    {"utc-offset", true, "the centre's offset from UTC in minutes, e.g. -420 (default 480, China Standard Time)"},
    {"org", true, "the organisation tree as GeoJSON (default: the city's boundaries)"},
    {"taxonomy", true, "directory of incident_types.tsv and dispositions.tsv (default: the shipped one)"},
    {"logs", true, "directory for access.jsonl and audit.jsonl (default: DATA/logs, none without --data)"},
    {"session-lifetime", true, "seconds a login lasts, for consoles and machines alike (default 14 h / 30 days)"},
    {"mqtt", true, "take unit positions from the MQTT broker at HOST:PORT (an address, e.g. 127.0.0.1:1883)"},
    {"mqtt-user", true, "the server's broker account (default shouwang.server)"},
    {"mqtt-password-file", true, "file holding that account's password (default DATA/mqtt/server.secret)"},
    {"mqtt-client-id", true, "the server's MQTT client id, one per server at a broker (default shouwang-server)"},
    {"deadlines", true, "seconds per priority 1-4, e.g. 'sign_for=60,120,180,300;arrival=600,900,1800,3600' "
                        "(also feedback=, pending=; the rest keep their defaults)"},
    {"warning-period", true, "seconds between the early-warning watch's looks for a new day to scan (default 60)"},
    {"circle-period", true, "seconds between refreshes of the live quick-response circles (default 5)"},
    {"gap-grace", true, "seconds a key site may be without a unit in its circle before a gap opens (default 20)"},
    {"gap-hold", true,
     "seconds a site must have been covered for its losing the unit to raise a gap (default 120; a patrol car "
     "driving past does not make a circle)"},
    {"unverified-log", false, "serve even if the event log's hash chain does not verify (say why in the log book)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang serve (--data DIR | --db URL --centre CODE) [--utc-offset MINUTES] [--host H] [--port P]\n"
    "                      [--web DIR] [--threads N] [--org FILE] [--taxonomy DIR] [--logs DIR] [--unverified-log]\n"
    "                      [--mqtt HOST:PORT [--mqtt-user NAME] [--mqtt-password-file FILE]]\n";

// --deadlines: "KIND=S1,S2,S3,S4" parts separated by ';', over the default policy.
Result<cad::DeadlinePolicy> deadline_policy(const std::string& text) {
  cad::DeadlinePolicy policy;
  std::stringstream parts(text);
  for (std::string part; std::getline(parts, part, ';');) {
    if (part.empty()) continue;
    const auto eq = part.find('=');
    const std::string kind = part.substr(0, eq);
    std::array<std::int64_t, 4>* values = kind == "sign_for"   ? &policy.sign_for_s
                                          : kind == "arrival"  ? &policy.arrival_s
                                          : kind == "feedback" ? &policy.feedback_s
                                          : kind == "pending"  ? &policy.pending_s
                                                               : nullptr;
    if (eq == std::string::npos || values == nullptr) {
      return Error(Errc::kInvalidArgument, "--deadlines: '" + part + "' is not sign_for=, arrival=, feedback= or pending=");
    }
    std::stringstream numbers(part.substr(eq + 1));
    std::size_t i = 0;
    for (std::string number; std::getline(numbers, number, ',');) {
      char* end = nullptr;
      const long long seconds = std::strtoll(number.c_str(), &end, 10);
      if (i == 4 || number.empty() || *end != '\0') {
        return Error(Errc::kInvalidArgument, "--deadlines: " + kind + " takes four whole numbers of seconds");
      }
      (*values)[i++] = seconds;
    }
    if (i != 4) return Error(Errc::kInvalidArgument, "--deadlines: " + kind + " takes four whole numbers of seconds");
  }
  if (Status ok = cad::validate(policy); !ok) return Error(Errc::kInvalidArgument, "--deadlines: " + ok.error().message);
  return policy;
}

// The broker connection from --mqtt and its companions.
Result<server::telemetry::MqttOptions> mqtt_options(const Args& args, const std::optional<std::filesystem::path>& data) {
  server::telemetry::MqttOptions mqtt;
  const std::string where = *args.get("mqtt");
  const auto colon = where.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Error(Errc::kInvalidArgument, "--mqtt is HOST:PORT, e.g. 127.0.0.1:1883");
  }
  mqtt.host = where.substr(0, colon);
  const std::string port = where.substr(colon + 1);
  char* end = nullptr;
  const long number = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || *end != '\0' || number < 1 || number > 65535) {
    return Error(Errc::kInvalidArgument, "--mqtt: the port must be 1 to 65535, not '" + port + "'");
  }
  mqtt.port = static_cast<int>(number);
  if (const auto user = args.get("mqtt-user")) mqtt.username = *user;
  if (const auto id = args.get("mqtt-client-id")) mqtt.client_id = *id;
  std::filesystem::path secret;
  if (const auto file = args.get("mqtt-password-file")) {
    secret = *file;
  } else if (data) {
    secret = *data / "mqtt" / "server.secret";
  } else {
    return Error(Errc::kInvalidArgument, "--mqtt needs --mqtt-password-file (or --data with DATA/mqtt/server.secret)");
  }
  auto password = server::telemetry::read_secret_file(secret);
  if (!password) return Error(Errc::kInvalidArgument, "--mqtt-password-file: " + password.error().message);
  mqtt.password = std::move(*password);
  return mqtt;
}

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
  server::AppOptions options;
  options.http.host = args->get("host").value_or("127.0.0.1");
  const auto port = args->get_port("port", 8080);
  if (!port) return usage_error(port.error().message);
  options.http.port = *port;
  const auto threads = args->get_u64("threads", 16);
  if (!threads) return usage_error(threads.error().message);
  if (*threads < 1 || *threads > 256) return usage_error("--threads must be from 1 to 256");
  options.http.threads = static_cast<int>(*threads);

  options.web = args->get("web").value_or(SHOUWANG_DEFAULT_WEB_DIR);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.web / "index.html", ec)) {
    return usage_error("no console at " + options.web.string() + " (index.html missing): build it with `make web` or pass --web");
  }
  if (!args->has("db") && !args->has("data")) {
    return usage_error("name where the event log lives: --data DIR (it is kept in DIR/events.db) or --db URL");
  }
  if (const auto data = args->get("data")) {
    if (!std::filesystem::is_directory(*data, ec)) return usage_error("--data " + *data + " is not a directory");
    options.data = *data;
    options.logs = std::filesystem::path(*data) / "logs";
  }
  options.db_url = args->has("db") ? *args->get("db") : "sqlite:" + (*options.data / "events.db").string();
  if (const auto org = args->get("org")) options.org = *org;
  options.centre = args->get("centre").value_or("");
  const auto utc_offset = args->get_utc_offset("utc-offset", options.utc_offset_minutes);
  if (!utc_offset) return usage_error(utc_offset.error().message);
  options.utc_offset_minutes = *utc_offset;
  options.taxonomy = args->get("taxonomy").value_or(SHOUWANG_DEFAULT_TAXONOMY_DIR);
  if (const auto logs = args->get("logs")) options.logs = *logs;
  options.verify_log = !args->has("unverified-log");
  if (args->has("session-lifetime")) {
    const auto seconds = args->get_u64("session-lifetime", 0);
    if (!seconds || *seconds < 1) return usage_error("--session-lifetime is a whole number of seconds, at least 1");
    options.auth.cookie_lifetime = options.auth.bearer_lifetime = std::chrono::seconds(*seconds);
  }

  if (const auto deadlines = args->get("deadlines")) {
    auto policy = deadline_policy(*deadlines);
    if (!policy) return usage_error(policy.error().message);
    options.deadlines.policy = *policy;
  }
  if (args->has("warning-period")) {
    const auto seconds = args->get_u64("warning-period", 60);
    if (!seconds || *seconds < 1 || *seconds > 86'400)
      return usage_error("--warning-period is a whole number of seconds from 1 to 86400");
    options.warnings.period = std::chrono::seconds(*seconds);
  }
  if (args->has("circle-period")) {
    const auto seconds = args->get_u64("circle-period", 5);
    if (!seconds || *seconds < 1 || *seconds > 3'600)
      return usage_error("--circle-period is a whole number of seconds from 1 to 3600");
    options.circles.period = std::chrono::seconds(*seconds);
  }
  if (args->has("gap-grace")) {
    const auto seconds = args->get_u64("gap-grace", 20);
    if (!seconds || *seconds > 3'600) return usage_error("--gap-grace is a whole number of seconds from 0 to 3600");
    options.circles.grace = std::chrono::seconds(*seconds);
  }
  if (args->has("gap-hold")) {
    const auto seconds = args->get_u64("gap-hold", 120);
    if (!seconds || *seconds > 86'400) return usage_error("--gap-hold is a whole number of seconds from 0 to 86400");
    options.circles.hold = std::chrono::seconds(*seconds);
  }
  if (const auto mqtt = args->get("mqtt")) {
    auto broker = mqtt_options(*args, options.data);
    if (!broker) return usage_error(broker.error().message);
    options.telemetry.mqtt = std::move(*broker);
  } else if (args->has("mqtt-user") || args->has("mqtt-password-file") || args->has("mqtt-client-id")) {
    return usage_error("--mqtt-user, --mqtt-password-file and --mqtt-client-id go with --mqtt HOST:PORT");
  }

  // The event log is the source of truth: it is verified and the state rebuilt from it
  // before anything is served.
  auto app = server::ServerApp::open(std::move(options));
  if (!app) {
    std::cerr << "shouwang serve: " << app.error().message << "\n";
    if (app.error().code == Errc::kCorrupt) {
      std::cerr << "shouwang serve: not serving from a log that does not verify; `shouwang audit verify --db URL` "
                   "shows where it breaks, and --unverified-log starts anyway\n";
    }
    // A flag that names something unusable is a usage error; a log or disk failure is not.
    const std::string& field = app.error().field;
    const bool usage = app.error().code == Errc::kInvalidArgument || field == "data" || field == "centre" ||
                       field == "org" || field == "taxonomy";
    return usage ? kExitUsage : kExitFailure;
  }
  if (args->has("unverified-log")) std::fprintf(stderr, "WARNING: serving without verifying the event log's hash chain\n");
  const auto& s = (*app)->summary();
  if (!s.city.empty()) std::printf("city: %s, centre %s\n", s.city.c_str(), s.centre.c_str());
  std::printf("organisation: %zu units from %s\n", s.org_units, s.org_source.c_str());
  std::printf("event log: %llu events; state rebuilt from the snapshot at %llu and %llu events after it in %.0f ms\n",
              static_cast<unsigned long long>(s.log_seq), static_cast<unsigned long long>(s.snapshot_seq),
              static_cast<unsigned long long>(s.replayed), s.rebuild_ms);
  std::printf("%zu incidents (statistics history built in %.0f ms), %zu user accounts\n", s.incidents, s.history_ms,
              s.users);
  if (s.places > 0)
    std::printf("place search: %zu streets, addresses and places\n", s.places);
  if (s.users == 0) std::printf("no user accounts yet: add one with `shouwang user add NAME --role admin ...`\n");

  // Signals are taken synchronously by this thread; the server threads never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (Status started = (*app)->start(); !started) {
    std::cerr << "shouwang serve: " << started.error().message << "\n";
    return kExitFailure;
  }
  const int bound = (*app)->port();
  const std::string host = args->get("host").value_or("127.0.0.1");
  std::printf("listening on http://%s:%d\n", host.c_str(), bound);
  std::printf("console: http://%s:%d/  health: http://%s:%d/healthz\n", host.c_str(), bound, host.c_str(), bound);
  std::fflush(stdout);

  int received = 0;
  sigwait(&signals, &received);
  std::printf("stopping (signal %d): finishing the commands in flight\n", received);
  std::fflush(stdout);
  (*app)->stop();
  std::printf("stopped\n");
  return kExitOk;
}

}  // namespace shouwang::cli
