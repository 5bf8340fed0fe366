#pragma once
// Small text helpers shared by the project's line-oriented file readers.

#include <string>
#include <string_view>

namespace shouwang {

// `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1));
}

}  // namespace shouwang
