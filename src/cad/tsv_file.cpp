#include "cad/tsv_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <shouwang/base/text.h>

namespace shouwang::cad {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    fields.push_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos)
      break;
    start = tab + 1;
  }
  return fields;
}

std::string join(std::span<const std::string_view> items) {
  std::string out;
  for (const auto item : items) {
    if (!out.empty())
      out += "<TAB>";
    out += item;
  }
  return out;
}

}  // namespace

Error TsvSource::error(std::size_t line, std::string_view field, std::string_view what) const {
  return Error(Errc::kInvalidArgument,
               name_ + " line " + std::to_string(line) + ", field " + std::string(field) + ": " +
                   std::string(what),
               std::string(field));
}

Result<std::vector<TsvRow>> read_tsv(std::string_view text, const TsvSource& source,
                                     std::span<const std::string_view> columns) {
  std::vector<TsvRow> rows;
  bool header_seen = false;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? end : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    const std::string trimmed = trim(line);
    if (trimmed.empty() || trimmed.front() == '#')
      continue;
    auto fields = split_tabs(line);
    if (!header_seen) {
      header_seen = true;
      const bool matches = fields.size() == columns.size() &&
                           std::equal(fields.begin(), fields.end(), columns.begin());
      if (!matches) {
        return source.error(line_number, "header", "expected the column names " + join(columns));
      }
      continue;
    }
    if (fields.size() != columns.size()) {
      const std::string_view field =
          fields.size() < columns.size() ? columns[fields.size()] : columns.back();
      return source.error(line_number, field,
                          "expected " + std::to_string(columns.size()) +
                              " tab-separated columns, found " + std::to_string(fields.size()));
    }
    rows.push_back({line_number, std::move(fields)});
  }
  if (!header_seen)
    return source.error(line_number, "header", "the file has no header line");
  return rows;
}

Result<std::string> read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error(Errc::kIoError, "cannot read " + path.string(), "path");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad())
    return Error(Errc::kIoError, "error while reading " + path.string(), "path");
  return content.str();
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  if (trim(text).empty() || trim(text) == "-")
    return items;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    items.push_back(
        trim(text.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos)
      break;
    start = comma + 1;
  }
  return items;
}

}  // namespace shouwang::cad
