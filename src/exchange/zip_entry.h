#pragma once
// Files inside a .zip archive, found by their extension (folders and macOS resource
// forks are ignored): an export zipped for mail, a shapefile's parts.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <shouwang/base/result.h>

namespace shouwang::exchange::detail {

struct ZipEntry {
  std::string name;  // the entry's path inside the archive
  std::string bytes;
};

// The one entry whose name ends with `extension` (".csv", compared without case).
// kInvalidArgument when the file is not a zip or holds none or several such entries,
// kIoError when it cannot be read.
Result<ZipEntry> read_only_zip_entry(const std::filesystem::path& path, std::string_view extension);

// The same, but nothing (not an error) when the archive holds no such entry.
Result<std::optional<ZipEntry>> read_optional_zip_entry(const std::filesystem::path& path,
                                                        std::string_view extension);

// Whether `name` ends with `suffix`, `suffix` given in lower case.
bool ends_with_ci(std::string_view name, std::string_view suffix);

// A whole plain file's bytes; kIoError when it cannot be read.
Result<std::string> read_whole_file(const std::filesystem::path& path);

}  // namespace shouwang::exchange::detail
