// shouwang user add|list|disable|enable|passwd: account administration from the command
// line, for the first administrator and for when the server is down. It appends to the
// same event log the server uses (stop the server first: one writer at a time); while the
// server runs, administrators use the API instead.

#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

#include <shouwang/osm/jurisdictions.h>
#include <shouwang/server/accounts.h>
#include <shouwang/server/credentials.h>
#include <shouwang/store/event_log.h>

#include "cli_args.h"
#include "verbs.h"

namespace shouwang::cli {
namespace {

const std::vector<FlagSpec> kFlags = {
    {"data", true, "city data directory (the log is DATA/events.db; scopes are checked against its map)"},
    {"db", true, "event log: sqlite:FILE or postgresql://..."},
    {"role", true, "call_taker, dispatcher, commander, station_officer, analyst, admin or unit_terminal"},
    {"scope", true, "org code the user works for: the city, a sub-bureau or a station"},
    {"unit", true, "unit callsign (unit_terminal accounts)"},
    {"name", true, "display name"},
    {"reason", true, "why the account is disabled"},
    {"password-stdin", false, "read the password from the first line of standard input"},
    {"help", false, "show this help"},
};

constexpr const char* kUsage =
    "usage: shouwang user add NAME --role ROLE --scope CODE [--unit CALLSIGN] [--name TEXT] --password-stdin (--data DIR | --db URL)\n"
    "       shouwang user list (--data DIR | --db URL)\n"
    "       shouwang user disable NAME --reason TEXT (--data DIR | --db URL)\n"
    "       shouwang user enable NAME (--data DIR | --db URL)\n"
    "       shouwang user passwd NAME --password-stdin (--data DIR | --db URL)\n";

int usage_error(const std::string& message) {
  std::cerr << "shouwang user: " << message << "\n" << kUsage;
  return kExitUsage;
}

int failure(const std::string& message) {
  std::cerr << "shouwang user: " << message << "\n";
  return kExitFailure;
}

Result<std::string> read_password() {
  std::string line;
  if (!std::getline(std::cin, line)) return Error(Errc::kInvalidArgument, "no password on standard input", "password");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (Status ok = server::check_password_rules(line); !ok) return ok.error();
  return server::hash_password(line);
}

store::Actor cli_actor() {
  const char* who = std::getenv("USER");
  return {std::string("cli:") + (who != nullptr ? who : "root"), "admin", "shouwang user"};
}

}  // namespace

int run_user(const std::vector<std::string>& argv) {
  const auto args = Args::parse(argv, kFlags, 2);
  if (!args) return usage_error(args.error().message);
  if (args->has("help")) {
    std::cout << kUsage << usage_lines(kFlags);
    return kExitOk;
  }
  if (args->positional().empty()) return usage_error("say what to do: add, list, disable, enable or passwd");
  const std::string action = args->positional()[0];
  const std::string name = args->positional().size() > 1 ? args->positional()[1] : "";
  if (action != "list" && name.empty()) return usage_error(action + " needs a user name");
  if (!args->has("db") && !args->has("data")) return usage_error("name the event log: --data DIR or --db URL");
  const std::string db = args->has("db") ? *args->get("db") : "sqlite:" + *args->get("data") + "/events.db";

  auto log = store::open_event_log(db, {.verify_on_open = true, .create_if_missing = action == "add"});
  if (!log) return failure(log.error().message);
  server::AccountBook book;
  Status applied;
  auto scanned = (*log)->scan(1, [&](const store::EventView& e) {
    applied = book.apply(e);
    return applied.ok();
  });
  if (!scanned) return failure(scanned.error().message);
  if (!applied) return failure(applied.error().message);

  if (action == "list") {
    std::printf("%-20s %-16s %-16s %-12s %s\n", "user", "role", "scope", "unit", "state");
    for (const auto& u : book.users()) {
      std::printf("%-20s %-16s %-16s %-12s %s\n", u.username.c_str(), std::string(server::to_string(u.role)).c_str(),
                  u.scope.c_str(), u.unit.c_str(), u.disabled ? "disabled" : "active");
    }
    return kExitOk;
  }

  const UtcTime now = SystemClock::instance().now();
  Result<store::EventDraft> draft = Error(Errc::kInvalidArgument, "unknown action '" + action + "'");
  if (action == "add") {
    server::UserProfile profile;
    profile.username = name;
    const auto role = server::parse_role(args->get("role").value_or(""));
    if (!role) return usage_error("--role is one of call_taker, dispatcher, commander, station_officer, analyst, admin, unit_terminal");
    profile.role = *role;
    profile.scope = args->get("scope").value_or("");
    profile.unit = args->get("unit").value_or("");
    profile.display_name = args->get("name").value_or(name);
    if (const auto data = args->get("data")) {
      // The scope must be a unit of the city's organisation when the map shows it.
      if (auto org = osm::read_jurisdictions(*data + "/city.osm.pbf"); org && org->find(profile.scope) == nullptr) {
        return usage_error("--scope " + profile.scope + " is not a unit of the city's organisation (see `shouwang org --data " +
                           *data + "`)");
      }
    }
    if (!args->has("password-stdin")) return usage_error("add reads the password with --password-stdin");
    auto hash = read_password();
    if (!hash) return usage_error(hash.error().message);
    draft = book.decide_create_user(profile, *hash, cli_actor(), now);
  } else if (action == "disable") {
    draft = book.decide_disable(name, args->get("reason").value_or(""), cli_actor(), now);
  } else if (action == "enable") {
    draft = book.decide_enable(name, cli_actor(), now);
  } else if (action == "passwd") {
    if (!args->has("password-stdin")) return usage_error("passwd reads the password with --password-stdin");
    auto hash = read_password();
    if (!hash) return usage_error(hash.error().message);
    draft = book.decide_set_password(name, *hash, cli_actor(), now);
  }
  if (!draft) {
    const bool usage = draft.error().code == Errc::kInvalidArgument;
    std::cerr << "shouwang user: " << draft.error().message
              << (draft.error().field.empty() ? "" : " (" + draft.error().field + ")") << "\n";
    return usage ? kExitUsage : kExitFailure;
  }
  auto appended = (*log)->append({*draft});
  if (!appended) return failure("not recorded: " + appended.error().message);
  std::printf("%s %s: recorded as event %llu\n", action.c_str(), name.c_str(),
              static_cast<unsigned long long>(appended->last));
  return kExitOk;
}

}  // namespace shouwang::cli
