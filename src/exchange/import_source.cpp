#include <shouwang/exchange/import_source.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include <zip.h>

#include "exchange/sha256.h"

namespace shouwang::exchange {
namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), s.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

Result<std::string> read_plain(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Errc::kIoError, "cannot open " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Error(Errc::kIoError, "cannot read " + path.string());
  return std::move(buffer).str();
}

// The one CSV entry of a zip archive.
Result<std::pair<std::string, std::string>> read_zip(const std::filesystem::path& path) {
  int code = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string message = path.string() + " is not a readable zip archive: " + zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error(Errc::kInvalidArgument, message);
  }
  std::vector<zip_uint64_t> csv_entries;
  std::string names;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* raw = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (raw == nullptr) continue;
    const std::string_view name(raw);
    if (name.ends_with('/') || name.starts_with("__MACOSX/") || !ends_with_ci(name, ".csv")) continue;
    csv_entries.push_back(static_cast<zip_uint64_t>(i));
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  if (csv_entries.size() != 1) {
    return Error(Errc::kInvalidArgument, path.string() + " must hold exactly one .csv file; it holds " +
                                             std::to_string(csv_entries.size()) +
                                             (names.empty() ? std::string() : " (" + names + ")"));
  }
  const zip_uint64_t index = csv_entries.front();
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
  std::string text(static_cast<std::size_t>(stat.size), '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const zip_int64_t got = zip_fread(file.get(), text.data() + done, text.size() - done);
    if (got < 0) {
      return Error(Errc::kIoError, "cannot read " + std::string(stat.name) + " in " + path.string() + ": " +
                                       zip_file_strerror(file.get()));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  if (done != text.size()) {
    return Error(Errc::kIoError, std::string(stat.name) + " in " + path.string() + " is shorter than its header says");
  }
  return std::pair{std::string(stat.name), std::move(text)};
}

}  // namespace

Result<ImportSource> read_import_source(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error(Errc::kNotFound, "no file " + path.string());
  }
  ImportSource source;
  source.file_name = path.filename().string();
  if (ends_with_ci(source.file_name, ".zip")) {
    auto entry = read_zip(path);
    if (!entry) return entry.error();
    source.entry_name = std::move(entry->first);
    source.text = std::move(entry->second);
  } else {
    auto text = read_plain(path);
    if (!text) return text.error();
    source.text = std::move(text).value();
  }
  source.sha256 = detail::sha256_hex(source.text);
  return source;
}

}  // namespace shouwang::exchange
