#include <shouwang/server/telemetry/broker_files.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <stdexcept>
#include <system_error>

#include <shouwang/server/telemetry/unit_code.h>

#include "server/telemetry/file_replace.h"

namespace shouwang::server::telemetry {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSaltBytes = 12;  // what mosquitto_passwd uses
constexpr std::size_t kHashBytes = 64;  // SHA-512
constexpr int kMaxPacketBytes = 8192;   // a 4 KiB payload, its topic and headers fit

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

Error invalid(const std::string& field, const std::string& message) {
  return Error(Errc::kInvalidArgument, message, field);
}

// Mosquitto splits a password-file line at the first ':' and reads it up to the line end.
Status check_account(const BrokerAccount& account, const std::string& where) {
  if (account.password.empty()) return invalid(where + ".password", "a broker account needs a password");
  if (account.password.find_first_of(std::string("\n\r\0", 3)) != std::string::npos) {
    return invalid(where + ".password", "a broker password cannot hold line breaks or NUL");
  }
  return {};
}

Status check_account_name(const std::string& name, const std::string& where) {
  if (name.empty()) return invalid(where, "a broker account needs a name");
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f || c == ':' || c == '+' || c == '#' || c == '/') {
      return invalid(where,
                     "a broker account name cannot hold spaces, control characters, ':', '+', "
                     "'#' or '/'");
    }
  }
  return {};
}

Status check_setup(const BrokerSetup& setup) {
  if (setup.port < 1 || setup.port > 65535) return invalid("port", "the broker port must be 1 to 65535");
  if (setup.listen_address.empty() || setup.listen_address.find_first_of(" \t\r\n") != std::string::npos) {
    return invalid("listen_address", "the broker listen address must be one host address");
  }
  if (setup.pbkdf2_iterations < 1) return invalid("pbkdf2_iterations", "at least one PBKDF2 iteration is needed");
  if (setup.run_as_user.find_first_of(" \t\r\n") != std::string::npos) {
    return invalid("run_as_user", "the broker's user name cannot hold white space");
  }
  if (auto ok = check_account_name(setup.server.username, "server.username"); !ok) return ok;
  if (auto ok = check_account(setup.server, "server"); !ok) return ok;
  std::set<std::string, std::less<>> seen{setup.server.username};
  for (std::size_t i = 0; i < setup.gateways.size(); ++i) {
    const std::string where = "gateways[" + std::to_string(i) + "]";
    const BrokerAccount& gateway = setup.gateways[i];
    if (auto ok = check_account_name(gateway.username, where + ".username"); !ok) return ok;
    if (is_valid_unit_code(gateway.username)) {
      return invalid(where + ".username", "a gateway's name must not be a unit code: '" + gateway.username + "'");
    }
    if (!seen.insert(gateway.username).second) {
      return invalid(where + ".username", "the account '" + gateway.username + "' is given twice");
    }
    if (auto ok = check_account(gateway, where); !ok) return ok;
  }
  for (std::size_t i = 0; i < setup.units.size(); ++i) {
    const std::string where = "units[" + std::to_string(i) + "]";
    const BrokerAccount& unit = setup.units[i];
    if (!is_valid_unit_code(unit.username)) {
      return invalid(where + ".username", "'" + unit.username + "' is not a unit code");
    }
    if (!seen.insert(unit.username).second) {
      return invalid(where + ".username", "the account '" + unit.username + "' is given twice");
    }
    if (auto ok = check_account(unit, where); !ok) return ok;
  }
  return {};
}

std::string config_text(const BrokerSetup& setup, const BrokerFiles& files) {
  std::string text = "# Written by shouwang for unit telemetry; rewritten when units change.\n";
  text += "per_listener_settings false\n";
  text += "listener " + std::to_string(setup.port) + " " + setup.listen_address + "\n";
  text += "allow_anonymous false\n";
  text += "password_file " + fs::absolute(files.passwords).string() + "\n";
  text += "acl_file " + fs::absolute(files.acl).string() + "\n";
  text += "persistence false\n";
  text += "max_packet_size " + std::to_string(kMaxPacketBytes) + "\n";
  if (!setup.run_as_user.empty()) text += "user " + setup.run_as_user + "\n";
  return text;
}

}  // namespace

std::string mosquitto_password_hash(std::string_view password, std::string_view salt, int iterations) {
  std::array<unsigned char, kHashBytes> hash{};
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                        reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                        iterations, EVP_sha512(), static_cast<int>(hash.size()), hash.data()) != 1) {
    throw std::runtime_error("OpenSSL could not compute PBKDF2-HMAC-SHA512");
  }
  return "$7$" + std::to_string(iterations) + "$" +
         base64(reinterpret_cast<const unsigned char*>(salt.data()), salt.size()) + "$" +
         base64(hash.data(), hash.size());
}

std::string mosquitto_password_hash(std::string_view password, int iterations) {
  std::array<unsigned char, kSaltBytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("OpenSSL's random generator failed");
  }
  return mosquitto_password_hash(
      password, std::string_view(reinterpret_cast<const char*>(salt.data()), salt.size()), iterations);
}

std::string mosquitto_acl(std::string_view server_username, const std::vector<std::string>& gateways) {
  std::string text = "# Written by shouwang for unit telemetry; rewritten when units change.\n";
  text += "# A unit (username = its code) may publish only its own position.\n";
  text += "pattern write shouwang/units/%u/position\n\n";
  text += "# The server reads every unit's position.\n";
  text += "user ";
  text += server_username;
  text += "\ntopic read ";
  text += kPositionTopicFilter;
  text += "\n";
  for (const std::string& gateway : gateways) {
    text += "\n# A gateway publishes the positions of the units it relays.\nuser " + gateway + "\ntopic write ";
    text += kPositionTopicFilter;
    text += "\n";
  }
  return text;
}

Result<BrokerFiles> write_broker_files(const fs::path& dir, const BrokerSetup& setup) {
  if (auto ok = check_setup(setup); !ok) return ok.error();
  if (fs::absolute(dir).string().find_first_of(" \t\r\n") != std::string::npos) {
    return invalid("dir", "Mosquitto cannot read file paths with white space: " + dir.string());
  }
  const BrokerFiles files{dir / "mosquitto.conf", dir / "passwd", dir / "acl"};
  std::string passwords;
  auto add = [&](const BrokerAccount& account) {
    passwords += account.username + ":" + mosquitto_password_hash(account.password, setup.pbkdf2_iterations) + "\n";
  };
  add(setup.server);
  std::vector<std::string> gateway_names;
  for (const BrokerAccount& gateway : setup.gateways) {
    add(gateway);
    gateway_names.push_back(gateway.username);
  }
  for (const BrokerAccount& unit : setup.units) add(unit);
  constexpr fs::perms kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;
  constexpr fs::perms kReadable = kOwnerOnly | fs::perms::group_read | fs::perms::others_read;
  if (auto ok = replace_file(files.passwords, passwords, kOwnerOnly); !ok) return ok.error();
  if (auto ok = replace_file(files.acl, mosquitto_acl(setup.server.username, gateway_names), kOwnerOnly); !ok) return ok.error();
  if (auto ok = replace_file(files.config, config_text(setup, files), kReadable); !ok) return ok.error();
  return files;
}

}  // namespace shouwang::server::telemetry
