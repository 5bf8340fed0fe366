#pragma once
// The Mosquitto broker's files for unit telemetry: who may connect (a password file),
// what each may do (an ACL file) and a minimal mosquitto.conf naming both.
//
// - The server's own account may read every unit's position topic and nothing else.
// - A gateway account (a vehicle-fleet gateway relaying many terminals, or the simulator)
//   may publish every unit's position topic and nothing else.
// - Each unit's account (username = its code) may only publish its own position topic
//   ("pattern write shouwang/units/%u/position"), so a terminal cannot pose as another.
// - The password file is in Mosquitto 2.0's own format, computed here (no mosquitto_passwd
//   at run time): "user:$7$ITERATIONS$base64(salt)$base64(PBKDF2-HMAC-SHA512)", with a
//   fresh 12-byte salt per account and a 64-byte hash.
//
// Files are written whole and renamed into place; the password and ACL files are readable
// by their owner only (0600). Mosquitto reads them after dropping root privileges, so the
// broker must run as the files' owner: `run_as_user` (the conf's `user`) says as whom
// when it is started as root. A running broker reloads them on SIGHUP, so rewriting the
// files and signalling it changes the accounts without a restart.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::server::telemetry {

struct BrokerAccount {
  std::string username;
  std::string password;
};

struct BrokerSetup {
  std::string listen_address = "127.0.0.1";
  int port = 1883;
  // Reads every unit's position. Its name must not be a unit code; the default is not one.
  BrokerAccount server{"shouwang.server", ""};
  std::vector<BrokerAccount> units;  // username: a unit code (unit_code.h), each once
  // Publish any unit's position. Their names follow the server account's rules and must
  // not be unit codes.
  std::vector<BrokerAccount> gateways;
  std::string run_as_user;           // empty: Mosquitto's default (the `mosquitto` user)
  int pbkdf2_iterations = 1000;
};

struct BrokerFiles {
  std::filesystem::path config;     // DIR/mosquitto.conf
  std::filesystem::path passwords;  // DIR/passwd
  std::filesystem::path acl;        // DIR/acl
};

// Writes the three files into `dir` (which must exist). kInvalidArgument names the bad
// account ("units[3].username", "server.password", ...) or setting; kIoError when a file
// cannot be written.
Result<BrokerFiles> write_broker_files(const std::filesystem::path& dir, const BrokerSetup& setup);

// One password-file hash for `password` with the given raw salt bytes:
// "$7$ITERATIONS$SALT$HASH". Deterministic, for tests against mosquitto_passwd's output.
std::string mosquitto_password_hash(std::string_view password, std::string_view salt, int iterations);

// The same with a fresh random 12-byte salt.
std::string mosquitto_password_hash(std::string_view password, int iterations);

// The ACL file's text for the server account `server_username` and the gateway accounts.
std::string mosquitto_acl(std::string_view server_username, const std::vector<std::string>& gateways = {});

}  // namespace shouwang::server::telemetry
