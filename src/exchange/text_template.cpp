#include <shouwang/exchange/text_template.h>

#include <algorithm>

#include <shouwang/base/text.h>

namespace shouwang::exchange {

Result<TextTemplate> TextTemplate::parse(std::string_view text) {
  TextTemplate out;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}') {
      if (i + 1 < text.size() && text[i + 1] == '}') {
        literal.push_back('}');
        ++i;
        continue;
      }
      return Error(Errc::kInvalidArgument, "a lone '}' in \"" + std::string(text) + "\" (write }} for a brace)");
    }
    if (c != '{') {
      literal.push_back(c);
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      literal.push_back('{');
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) {
      return Error(Errc::kInvalidArgument, "an unclosed '{' in \"" + std::string(text) + "\"");
    }
    const std::string name = trim(text.substr(i + 1, close - i - 1));
    if (name.find('{') != std::string::npos) {
      return Error(Errc::kInvalidArgument, "an unclosed '{' in \"" + std::string(text) + "\"");
    }
    if (name.empty()) return Error(Errc::kInvalidArgument, "an empty column name {} in \"" + std::string(text) + "\"");
    auto found = std::find(out.columns_.begin(), out.columns_.end(), name);
    if (found == out.columns_.end()) {
      out.columns_.push_back(name);
      found = out.columns_.end() - 1;
    }
    out.pieces_.push_back({std::move(literal), static_cast<std::size_t>(found - out.columns_.begin())});
    literal.clear();
    i = close;
  }
  if (!literal.empty()) out.pieces_.push_back({std::move(literal), std::string::npos});
  return out;
}

std::string TextTemplate::render(const std::vector<std::string>& fields,
                                 std::span<const std::size_t> field_of_column) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    out += piece.literal;
    if (piece.column != std::string::npos) out += trim(fields[field_of_column[piece.column]]);
  }
  return trim(out);
}

bool TextTemplate::all_columns_empty(const std::vector<std::string>& fields,
                                     std::span<const std::size_t> field_of_column) const {
  for (std::size_t k = 0; k < columns_.size(); ++k) {
    if (!trim(fields[field_of_column[k]]).empty()) return false;
  }
  return true;
}

}  // namespace shouwang::exchange
