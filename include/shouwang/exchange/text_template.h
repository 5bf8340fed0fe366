#pragma once
// Text made from a row's columns, as an import mapping writes it: "{Inc Type Desc} at
// {Address}" puts the values of the two columns into the text. "{{" and "}}" stand for
// literal braces. A template is parsed once; rendering needs the row's fields and, for each
// column the template names, that column's index in the row.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::exchange {

class TextTemplate {
 public:
  TextTemplate() = default;
  // kInvalidArgument for an unclosed "{", a lone "}" or an empty column name.
  static Result<TextTemplate> parse(std::string_view text);

  // The columns it names, each once, in order of first use.
  [[nodiscard]] const std::vector<std::string>& columns() const { return columns_; }
  [[nodiscard]] bool empty() const { return pieces_.empty(); }

  // The text for one row: `field_of_column[k]` is the index in `fields` of columns()[k].
  // Leading and trailing spaces of the result are removed.
  [[nodiscard]] std::string render(const std::vector<std::string>& fields,
                                   std::span<const std::size_t> field_of_column) const;

  // True when every column it names is empty (or only spaces) in the row.
  [[nodiscard]] bool all_columns_empty(const std::vector<std::string>& fields,
                                       std::span<const std::size_t> field_of_column) const;

 private:
  struct Piece {
    std::string literal;     // text before the column, or the whole piece when column is npos
    std::size_t column = 0;  // index into columns_, or npos for a literal only
  };
  std::vector<Piece> pieces_;
  std::vector<std::string> columns_;
};

}  // namespace shouwang::exchange
