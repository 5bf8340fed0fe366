#include <algorithm>
#include <array>

#include <shouwang/cad/dispositions.h>

#include "cad/tsv_file.h"

namespace shouwang::cad {
namespace {

constexpr std::array<std::string_view, 4> kColumns{"code", "name_zh", "name_en", "common_code"};

bool is_disposition_code(std::string_view code) {
  return !code.empty() && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<DispositionCodes> DispositionCodes::parse(std::string_view text,
                                                 std::string_view source_name) {
  const TsvSource source(source_name);
  auto rows = read_tsv(text, source, kColumns);
  if (!rows.ok())
    return rows.error();
  DispositionCodes result;
  for (const auto& row : *rows) {
    DispositionCode code{row.fields[0], row.fields[1], row.fields[2], row.fields[3]};
    if (!is_disposition_code(code.code)) {
      return source.error(row.line, "code", "'" + code.code + "' is not a code of 1 to 4 digits");
    }
    if (result.find(code.code) != nullptr) {
      return source.error(row.line, "code", "'" + code.code + "' is defined twice");
    }
    if (code.name_zh.empty())
      return source.error(row.line, "name_zh", "the Chinese name is empty");
    if (code.name_en.empty())
      return source.error(row.line, "name_en", "the English name is empty");
    if (code.common_code.empty()) {
      return source.error(row.line, "common_code", "the common code is empty");
    }
    result.codes_.push_back(std::move(code));
  }
  if (result.codes_.empty())
    return source.error(1, "code", "the file defines no disposition codes");
  return result;
}

Result<DispositionCodes> DispositionCodes::load(const std::filesystem::path& path) {
  auto text = read_text_file(path);
  if (!text.ok())
    return text.error();
  return parse(*text, path.string());
}

const DispositionCode* DispositionCodes::find(std::string_view code) const {
  for (const auto& entry : codes_) {
    if (entry.code == code)
      return &entry;
  }
  return nullptr;
}

}  // namespace shouwang::cad
