// shouwang simulate: live units driven like real terminals against a running server (see
// docs/simulator.md). The verb reads the flags and the passwords, takes SIGINT and SIGTERM
// as the order to wind down, and hands everything else to sim::Simulation.

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <unistd.h>

#include <shouwang/sim/simulation.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"data", true,
     "city data directory with road_graph.swg, contraction.swc, snap_index.sws (import-osm)"},
    {"units", true,
     "how many units to drive (registered and put on duty when the roster lacks them)"},
    {"mqtt", true, "the MQTT broker, HOST:PORT"},
    {"api", true, "the server, http://HOST:PORT"},
    {"user", true, "a city-wide dispatcher or commander account"},
    {"password-file", true,
     "file whose first line is the account's password (default: read a line from stdin)"},
    {"mqtt-user", true, "the broker account of the gateway (default shouwang.simulator)"},
    {"mqtt-password-file", true,
     "file whose first line is the broker account's password (default "
     "DATA/mqtt/gateway-USER.secret if it exists)"},
    {"seed", true, "seed of the fleet, its movements and the calls (default 1)"},
    {"calls-per-hour", true, "average calls an hour (default: the city's call model)"},
    {"no-calls", false,
     "take no calls: the units only patrol and answer orders dispatched by others"},
    {"speedup", true,
     "simulated time runs this many times faster than real time, 0.1 to 100 (default 1)"},
    {"duration", true, "stop after this many seconds (default: run until Ctrl-C or SIGTERM)"},
    {"taxonomy", true,
     "directory of incident_types.tsv and dispositions.tsv (default: the shipped one)"},
    {"utc-offset", true,
     "the city's offset from UTC in minutes, for the daily cycle of calls (default 480)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang simulate --data DIR --units N --mqtt HOST:PORT --api http://HOST:PORT --user "
    "NAME\n"
    "                         [--password-file F] [--mqtt-user U] [--mqtt-password-file F] [--seed "
    "S]\n"
    "                         [--calls-per-hour X | --no-calls] [--speedup K] [--duration "
    "SECONDS]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang simulate: " << message << "\n" << kUsage;
  return kExitUsage;
}

// The first line of `path`, without its line break.
Result<std::string> first_line(const std::string& path, const std::string& flag) {
  std::ifstream in(path);
  if (!in)
    return Error(Errc::kNotFound, "--" + flag + " " + path + " cannot be read", flag);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  if (line.empty())
    return Error(Errc::kInvalidArgument, "--" + flag + " " + path + " holds no password", flag);
  return line;
}

Result<std::pair<std::string, int>> host_port(const std::string& text) {
  const auto colon = text.rfind(':');
  const auto bad =
      Error(Errc::kInvalidArgument, "--mqtt must be HOST:PORT, got '" + text + "'", "mqtt");
  if (colon == std::string::npos || colon == 0)
    return bad;
  const std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
    return bad;
  const int value = std::stoi(port);
  if (value < 1 || value > 65535)
    return bad;
  return std::pair{text.substr(0, colon), value};
}

}  // namespace

int run_simulate(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args)
    return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  for (const char* required : {"data", "units", "mqtt", "api", "user"}) {
    if (!args->has(required))
      return usage_error(std::string("--") + required + " is required");
  }
  sim::SimulationOptions options;
  options.data_dir = *args->get("data");
  std::error_code ec;
  if (!std::filesystem::is_directory(options.data_dir, ec)) {
    return usage_error("--data " + options.data_dir.string() + " is not a directory");
  }
  options.taxonomy_dir = args->get("taxonomy").value_or(SHOUWANG_DEFAULT_TAXONOMY_DIR);
  const auto units = args->get_u64("units", 0);
  if (!units)
    return usage_error(units.error().message);
  if (*units < 1 || *units > 100'000)
    return usage_error("--units must be from 1 to 100000");
  options.units = static_cast<std::size_t>(*units);
  const auto mqtt = host_port(*args->get("mqtt"));
  if (!mqtt)
    return usage_error(mqtt.error().message);
  options.mqtt.host = mqtt->first;
  options.mqtt.port = mqtt->second;
  options.mqtt.username = args->get("mqtt-user").value_or("shouwang.simulator");
  if (options.mqtt.username.empty())
    return usage_error("--mqtt-user must not be empty");
  // The password `shouwang mqtt-setup --gateways NAME` made for the account, by default.
  const std::string default_secret =
      (options.data_dir / "mqtt" / ("gateway-" + options.mqtt.username + ".secret")).string();
  if (const auto file = args->get("mqtt-password-file")) {
    auto password = first_line(*file, "mqtt-password-file");
    if (!password)
      return usage_error(password.error().message);
    options.mqtt.password = *password;
  } else if (std::filesystem::is_regular_file(default_secret, ec)) {
    auto password = first_line(default_secret, "mqtt-password-file");
    if (!password)
      return usage_error(password.error().message);
    options.mqtt.password = *password;
  }
  const auto api = sim::parse_api_url(*args->get("api"));
  if (!api)
    return usage_error(api.error().message);
  options.api = *api;
  options.user = *args->get("user");
  const auto seed = args->get_u64("seed", 1);
  if (!seed)
    return usage_error(seed.error().message);
  options.seed = *seed;
  options.mqtt.client_id =
      "shouwang-simulator-" + std::to_string(options.seed) + "-" + std::to_string(::getpid());
  if (args->has("no-calls") && args->has("calls-per-hour")) {
    return usage_error("--calls-per-hour and --no-calls exclude each other");
  }
  options.calls = !args->has("no-calls");
  const auto per_hour = args->get_double("calls-per-hour", 0.0);
  if (!per_hour)
    return usage_error(per_hour.error().message);
  if (args->has("calls-per-hour") && (*per_hour <= 0.0 || *per_hour > 100'000.0)) {
    return usage_error("--calls-per-hour must be above 0 and at most 100000");
  }
  options.calls_per_hour = *per_hour;
  const auto speedup = args->get_double("speedup", 1.0);
  if (!speedup)
    return usage_error(speedup.error().message);
  if (*speedup < 0.1 || *speedup > 100.0)
    return usage_error("--speedup must be from 0.1 to 100");
  options.speedup = *speedup;
  if (args->has("duration")) {
    const auto duration = args->get_double("duration", 0.0);
    if (!duration)
      return usage_error(duration.error().message);
    if (*duration <= 0.0)
      return usage_error("--duration must be a positive number of seconds");
    options.duration_s = *duration;
  }
  const auto utc_offset = args->get_utc_offset("utc-offset", options.utc_offset_minutes);
  if (!utc_offset) return usage_error(utc_offset.error().message);
  options.utc_offset_minutes = *utc_offset;
  if (const auto file = args->get("password-file")) {
    auto password = first_line(*file, "password-file");
    if (!password)
      return usage_error(password.error().message);
    options.password = *password;
  } else {
    if (::isatty(STDIN_FILENO))
      std::cerr << "password for " << options.user << ": " << std::flush;
    std::getline(std::cin, options.password);
    if (options.password.empty())
      return usage_error("no password: give --password-file or a line on stdin");
  }

  // SIGINT and SIGTERM are taken by the simulation thread between ticks; every other
  // thread is started after this and inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const auto stop_requested = [&signals] {
    const timespec now{0, 0};
    return sigtimedwait(&signals, nullptr, &now) > 0;
  };

  auto simulation =
      sim::Simulation::prepare(std::move(options), SystemClock::instance(), std::cout);
  if (!simulation) {
    std::cerr << "shouwang simulate: " << simulation.error().message << "\n";
    const std::string& field = simulation.error().field;
    const bool usage =
        field == "data" || field == "taxonomy" || simulation.error().code == Errc::kInvalidArgument;
    return usage ? kExitUsage : kExitFailure;
  }
  const Status ran = (*simulation)->run(stop_requested);
  if (!ran) {
    std::cerr << "shouwang simulate: " << ran.error().message << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace shouwang::cli
