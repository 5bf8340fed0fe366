#include "server/telemetry/file_replace.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace shouwang::server::telemetry {

namespace fs = std::filesystem;

Status replace_file(const fs::path& path, const std::string& text, fs::perms mode) {
  const fs::path temporary = path.string() + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return Error(Errc::kIoError, "cannot write " + temporary.string() + ": " + std::strerror(errno));
    std::error_code ec;
    fs::permissions(temporary, mode, fs::perm_options::replace, ec);
    if (ec) return Error(Errc::kIoError, "cannot set the mode of " + temporary.string() + ": " + ec.message());
    out << text;
    out.flush();
    if (!out) return Error(Errc::kIoError, "cannot write " + temporary.string());
  }
  std::error_code ec;
  fs::rename(temporary, path, ec);
  if (ec) return Error(Errc::kIoError, "cannot rename " + temporary.string() + ": " + ec.message());
  return {};
}

}  // namespace shouwang::server::telemetry
