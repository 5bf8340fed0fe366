#include <shouwang/cad/code_text.h>

#include <algorithm>

namespace shouwang::cad {

bool is_code(std::string_view text) {
  if (text.empty() || text.size() > kMaxCodeLength)
    return false;
  return std::all_of(text.begin(), text.end(), [](char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           ch == '-' || ch == '_';
  });
}

}  // namespace shouwang::cad
