#pragma once
// Small text helpers shared by the project's file readers and writers.

#include <string>
#include <string_view>

#include <shouwang/base/json_text.h>

namespace shouwang {

// `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1));
}

// `utf8` as a JSON string literal (append_json_string in json_text.h, the one escaper).
inline std::string json_quoted(std::string_view utf8) {
  std::string out;
  append_json_string(out, utf8);
  return out;
}

// Text inside HTML or XML: & < > " ' replaced with character references.
std::string escape_markup(std::string_view text);

}  // namespace shouwang
