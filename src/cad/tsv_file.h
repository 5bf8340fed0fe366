#pragma once
// The tab-separated code-table files under data/taxonomy/: '#' starts a comment line,
// blank lines are skipped, the first other line is the header naming the columns, and
// every row has exactly the header's columns.

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::cad {

struct TsvRow {
  std::size_t line = 0;  // 1-based line number in the file
  std::vector<std::string> fields;
};

// Locates problems in one file: "<source> line <n>, field <f>: <what>".
class TsvSource {
 public:
  explicit TsvSource(std::string_view name) : name_(name) {}
  [[nodiscard]] Error error(std::size_t line, std::string_view field, std::string_view what) const;
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// The data rows of `text`, after checking the header against `columns` and every row's
// column count. Errors are kInvalidArgument located by `source`.
Result<std::vector<TsvRow>> read_tsv(std::string_view text, const TsvSource& source,
                                     std::span<const std::string_view> columns);

// The whole file; kIoError naming it when it cannot be read.
Result<std::string> read_text_file(const std::filesystem::path& path);

// "a,b,c" → {"a", "b", "c"}; "-" or "" → {}. Items are trimmed.
std::vector<std::string> split_list(std::string_view text);

}  // namespace shouwang::cad
