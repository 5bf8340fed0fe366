#include <shouwang/server/telemetry/broker_secrets.h>

#include <openssl/rand.h>

#include <array>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "server/telemetry/file_replace.h"

namespace shouwang::server::telemetry {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms kOwnerOnly = fs::perms::owner_read | fs::perms::owner_write;

Result<std::ifstream> open_existing(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return Error(Errc::kNotFound, path.string() + " does not exist");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kIoError, "cannot read " + path.string());
  return in;
}

}  // namespace

Result<std::string> read_secret_file(const fs::path& path) {
  auto in = open_existing(path);
  if (!in) return in.error();
  std::string line;
  std::getline(*in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) return Error(Errc::kInvalidArgument, path.string() + ": the first line holds no password");
  return line;
}

Status write_secret_file(const fs::path& path, const std::string& secret) {
  return replace_file(path, secret + "\n", kOwnerOnly);
}

Result<std::map<std::string, std::string>> read_unit_secrets(const fs::path& path) {
  std::map<std::string, std::string> out;
  auto in = open_existing(path);
  if (!in) {
    if (in.error().code == Errc::kNotFound) return out;
    return in.error();
  }
  std::string line;
  for (int number = 1; std::getline(*in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      return Error(Errc::kCorrupt, path.string() + ":" + std::to_string(number) + ": expected unit<TAB>password");
    }
    out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

Status write_unit_secrets(const fs::path& path, const std::map<std::string, std::string>& secrets) {
  std::string text = "# unit<TAB>password: each unit terminal's MQTT account (username = the unit's code)\n";
  for (const auto& [unit, password] : secrets) text += unit + "\t" + password + "\n";
  return replace_file(path, text, kOwnerOnly);
}

std::string random_password() {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::array<unsigned char, 18> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("OpenSSL's random generator failed");
  }
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned value = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(value >> shift) & 63];
  }
  return out;
}

}  // namespace shouwang::server::telemetry
