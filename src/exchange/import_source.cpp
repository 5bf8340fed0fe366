#include <shouwang/exchange/import_source.h>

#include "exchange/sha256.h"
#include "exchange/zip_entry.h"

namespace shouwang::exchange {

Result<ImportSource> read_import_source(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error(Errc::kNotFound, "no file " + path.string());
  }
  ImportSource source;
  source.file_name = path.filename().string();
  if (detail::ends_with_ci(source.file_name, ".zip")) {
    auto entry = detail::read_only_zip_entry(path, ".csv");
    if (!entry) return entry.error();
    source.entry_name = std::move(entry->name);
    source.text = std::move(entry->bytes);
  } else {
    auto text = detail::read_whole_file(path);
    if (!text) return text.error();
    source.text = std::move(text).value();
  }
  source.sha256 = detail::sha256_hex(source.text);
  return source;
}

}  // namespace shouwang::exchange
