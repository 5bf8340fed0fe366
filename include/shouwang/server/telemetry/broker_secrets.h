#pragma once
// The broker accounts' passwords, kept as files beside the broker's own files (written by
// `shouwang mqtt-setup`): each secret file holds one password on its first line and is
// readable by its owner only.
//
//   DIR/server.secret            the server's account (serve --mqtt reads it)
//   DIR/gateway-NAME.secret      a gateway's account (the simulator, a fleet gateway)
//   DIR/units.tsv                "unit<TAB>password" per unit, for provisioning terminals
//
// Rerunning the set-up keeps every password already given, so terminals need not be
// provisioned again when units are added.

#include <filesystem>
#include <map>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang::server::telemetry {

// The first line of `path` without its line break. kNotFound when the file does not exist,
// kInvalidArgument when the line is empty, kIoError when it cannot be read.
Result<std::string> read_secret_file(const std::filesystem::path& path);

// Writes `secret` and a line break to `path` with mode 0600 (through a rename).
Status write_secret_file(const std::filesystem::path& path, const std::string& secret);

// "unit<TAB>password" lines; an absent file is an empty map. kCorrupt naming the line of a
// malformed one.
Result<std::map<std::string, std::string>> read_unit_secrets(const std::filesystem::path& path);
Status write_unit_secrets(const std::filesystem::path& path, const std::map<std::string, std::string>& secrets);

// 24 characters from a 144-bit random value (letters, digits, '-', '_').
std::string random_password();

}  // namespace shouwang::server::telemetry
