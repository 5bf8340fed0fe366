#pragma once
// Small text helpers shared by the project's file readers and writers.

#include <cstdio>
#include <string>
#include <string_view>

namespace shouwang {

// `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string trim(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return std::string(s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1));
}

// Appends `utf8` as a JSON string literal. The text is UTF-8 already; only quotes,
// backslashes and control characters need escapes.
inline void append_json_string(std::string& out, std::string_view utf8) {
  out += '"';
  for (const char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += '"';
}

inline std::string json_quoted(std::string_view utf8) {
  std::string out;
  append_json_string(out, utf8);
  return out;
}

}  // namespace shouwang
