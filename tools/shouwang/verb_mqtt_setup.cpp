// shouwang mqtt-setup: the Mosquitto broker's files for unit telemetry, from the roster in
// the event log: one account per unit terminal (it may publish only its own position), the
// server's account (reads every position), and gateway accounts (publish any unit's). See
// include/shouwang/server/telemetry/broker_files.h and broker_secrets.h.

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <shouwang/cad/rebuild.h>
#include <shouwang/server/telemetry/broker_files.h>
#include <shouwang/server/telemetry/broker_secrets.h>
#include <shouwang/server/telemetry/unit_code.h>
#include <shouwang/store/event_log.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

namespace fs = std::filesystem;
namespace tel = server::telemetry;

const std::vector<FlagSpec> kFlags = {
    {"data", true, "city data directory (the event log is DATA/events.db, the files go to DATA/mqtt)"},
    {"db", true, "event log: sqlite:FILE or postgresql://... (default sqlite:DATA/events.db)"},
    {"out", true, "directory for the broker's files (default DATA/mqtt)"},
    {"listen", true, "address the broker listens on (default 127.0.0.1)"},
    {"port", true, "the broker's port (default 1883)"},
    {"gateways", true, "comma-separated gateway accounts that may publish every unit's position, e.g. shouwang.simulator "
                       "(gateways named before are kept)"},
    {"run-as", true, "the user the broker runs as, who must own the files (default: the user running this)"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang mqtt-setup (--data DIR | --db URL --out DIR) [--listen ADDR] [--port P] [--gateways A,B]\n"
    "                           [--run-as USER]\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang mqtt-setup: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang mqtt-setup: " << message << "\n";
  return kExitFailure;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// The password in `file`, or a new one written there.
Result<std::string> kept_or_new(const fs::path& file) {
  auto kept = tel::read_secret_file(file);
  if (kept) return kept;
  if (kept.error().code != Errc::kNotFound) return kept.error();
  std::string fresh = tel::random_password();
  if (Status ok = tel::write_secret_file(file, fresh); !ok) return ok.error();
  return fresh;
}

std::string effective_user() {
  const passwd* entry = getpwuid(geteuid());
  return entry != nullptr ? entry->pw_name : "";
}

}  // namespace

int run_mqtt_setup(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (!args->has("data") && !(args->has("db") && args->has("out"))) {
    return usage_error("name the event log and where the files go: --data DIR, or --db URL with --out DIR");
  }
  const std::string db = args->has("db") ? *args->get("db") : "sqlite:" + *args->get("data") + "/events.db";
  const fs::path out = args->has("out") ? fs::path(*args->get("out")) : fs::path(*args->get("data")) / "mqtt";
  tel::BrokerSetup setup;
  setup.listen_address = args->get("listen").value_or("127.0.0.1");
  const auto port = args->get_port("port", 1883);
  if (!port || *port == 0) return usage_error("--port must be 1 to 65535");
  setup.port = *port;
  setup.run_as_user = args->get("run-as").value_or(effective_user());

  // The roster: every unit not retired gets an account.
  auto log = store::open_event_log(db, {.verify_on_open = true, .create_if_missing = false});
  if (!log) return failure(log.error().message);
  auto rebuilt = cad::rebuild_state(**log);
  if (!rebuilt) return failure(rebuilt.error().message);

  std::error_code ec;
  fs::create_directories(out, ec);
  fs::permissions(out, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return failure("cannot make " + out.string() + " private: " + ec.message());

  auto server_password = kept_or_new(out / "server.secret");
  if (!server_password) return failure(server_password.error().message);
  setup.server.password = *server_password;
  // Gateways named before keep their accounts.
  std::set<std::string> gateways;
  for (const std::string& name : split_commas(args->get("gateways").value_or(""))) gateways.insert(name);
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.starts_with("gateway-") && file.ends_with(".secret")) {
      gateways.insert(file.substr(8, file.size() - 8 - 7));
    }
  }
  for (const std::string& name : gateways) {
    auto password = kept_or_new(out / ("gateway-" + name + ".secret"));
    if (!password) return failure(password.error().message);
    setup.gateways.push_back({name, *password});
  }
  auto known = tel::read_unit_secrets(out / "units.tsv");
  if (!known) return failure(known.error().message);
  std::map<std::string, std::string> units;
  std::size_t skipped = 0;
  for (const auto& [id, unit] : rebuilt->state.units) {
    if (unit.retired) continue;
    if (!tel::is_valid_unit_code(id)) {  // a callsign MQTT topics cannot carry
      ++skipped;
      std::fprintf(stderr, "shouwang mqtt-setup: unit %s gets no account: not a valid unit code for MQTT topics\n",
                   id.c_str());
      continue;
    }
    const auto it = known->find(id);
    units[id] = it != known->end() ? it->second : tel::random_password();
  }
  for (const auto& [id, password] : units) setup.units.push_back({id, password});
  auto files = tel::write_broker_files(out, setup);
  if (!files) {
    return failure(files.error().message + (files.error().field.empty() ? "" : " (" + files.error().field + ")"));
  }
  if (Status ok = tel::write_unit_secrets(out / "units.tsv", units); !ok) return failure(ok.error().message);

  std::printf("broker files in %s: %zu unit accounts, %zu gateways, the server's account %s\n", out.string().c_str(),
              units.size(), setup.gateways.size(), setup.server.username.c_str());
  if (skipped > 0) std::printf("%zu units without an account (see above)\n", skipped);
  std::printf("start the broker:   mosquitto -c %s\n", fs::absolute(files->config).string().c_str());
  std::printf("a running broker rereads the accounts on SIGHUP; terminals' passwords are in %s\n",
              (out / "units.tsv").string().c_str());
  std::printf("the server connects with: shouwang serve ... --mqtt %s:%d --mqtt-password-file %s\n",
              setup.listen_address.c_str(), setup.port, (out / "server.secret").string().c_str());
  return kExitOk;
}

}  // namespace shouwang::cli
