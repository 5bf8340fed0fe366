#pragma once
// Writing a whole file so that readers (the broker, a restarted server) see the old text
// or the new, never a part: a temporary file beside it, its mode set before any byte is
// written, then a rename over the old one.

#include <filesystem>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang::server::telemetry {

// kIoError naming the file when it cannot be written, its mode set or renamed.
Status replace_file(const std::filesystem::path& path, const std::string& text, std::filesystem::perms mode);

}  // namespace shouwang::server::telemetry
