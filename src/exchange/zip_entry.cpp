#include "exchange/zip_entry.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include <zip.h>

namespace shouwang::exchange::detail {
namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

Result<std::optional<ZipEntry>> find_entry(const std::filesystem::path& path, std::string_view extension,
                                           bool required) {
  int code = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = path.string() + " is not a readable zip archive: " + zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error(Errc::kInvalidArgument, message);
  }
  std::vector<zip_uint64_t> matches;
  std::string names;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* raw = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (raw == nullptr) continue;
    const std::string_view name(raw);
    if (name.ends_with('/') || name.starts_with("__MACOSX/") || !ends_with_ci(name, extension)) continue;
    matches.push_back(static_cast<zip_uint64_t>(i));
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  if (matches.empty() && !required) return std::optional<ZipEntry>();
  if (matches.size() != 1) {
    return Error(Errc::kInvalidArgument, path.string() + " must hold exactly one " + std::string(extension) +
                                             " file; it holds " + std::to_string(matches.size()) +
                                             (names.empty() ? std::string() : " (" + names + ")"));
  }
  const zip_uint64_t index = matches.front();
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.get(), index, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    return Error(Errc::kIoError, "cannot read the entry list of " + path.string());
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive.get(), index, 0));
  if (!file) {
    return Error(Errc::kIoError, "cannot open " + std::string(stat.name) + " in " + path.string() + ": " +
                                     zip_strerror(archive.get()));
  }
  ZipEntry entry{std::string(stat.name), std::string(static_cast<std::size_t>(stat.size), '\0')};
  std::size_t done = 0;
  while (done < entry.bytes.size()) {
    const zip_int64_t got = zip_fread(file.get(), entry.bytes.data() + done, entry.bytes.size() - done);
    if (got < 0) {
      return Error(Errc::kIoError, "cannot read " + entry.name + " in " + path.string() + ": " +
                                       zip_file_strerror(file.get()));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (done != entry.bytes.size()) {
    return Error(Errc::kIoError, entry.name + " in " + path.string() + " is shorter than its header says");
  }
  return std::optional<ZipEntry>(std::move(entry));
}

}  // namespace

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

Result<ZipEntry> read_only_zip_entry(const std::filesystem::path& path, std::string_view extension) {
  auto found = find_entry(path, extension, true);
  if (!found) return found.error();
  return std::move(**found);
}

Result<std::optional<ZipEntry>> read_optional_zip_entry(const std::filesystem::path& path,
                                                        std::string_view extension) {
  return find_entry(path, extension, false);
}

Result<std::string> read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kIoError, "cannot open " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error(Errc::kIoError, "cannot read " + path.string());
  return std::move(buffer).str();
}

}  // namespace shouwang::exchange::detail
