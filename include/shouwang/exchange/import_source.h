#pragma once
// The CSV text of an import: a plain .csv file, or a .zip archive holding exactly one
// .csv entry (other entries, folders and macOS resource forks are ignored). The whole
// text is held in memory; historical exports of a few hundred thousand rows are tens of
// megabytes.

#include <filesystem>
#include <string>

#include <shouwang/base/result.h>

namespace shouwang::exchange {

struct ImportSource {
  std::string file_name;   // the file's name without its directory: the import's workstation
  std::string entry_name;  // the CSV entry inside a .zip; empty for a plain file
  std::string text;        // the CSV bytes
  std::string sha256;      // of `text` (lower-case hex): identifies the rows, zipped or not
};

// kNotFound when the file does not exist, kIoError when it cannot be read,
// kInvalidArgument for a .zip without exactly one CSV entry or one that is not a zip.
Result<ImportSource> read_import_source(const std::filesystem::path& path);

}  // namespace shouwang::exchange
