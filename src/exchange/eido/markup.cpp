#include "exchange/eido/markup.h"

#include <charconv>
#include <cstdint>
#include <optional>
#include <system_error>

namespace shouwang::exchange::eido {
namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The code point of a numeric reference body ("#65", "#x41"), if it names a character.
std::optional<std::uint32_t> numeric_reference(std::string_view body) {
  if (body.size() < 2 || body[0] != '#')
    return std::nullopt;
  int base = 10;
  std::string_view digits = body.substr(1);
  if (digits[0] == 'x' || digits[0] == 'X') {
    base = 16;
    digits = digits.substr(1);
  }
  if (digits.empty() || digits.size() > 8)
    return std::nullopt;
  std::uint32_t cp = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, base);
  if (error != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return std::nullopt;
  return cp;
}

}  // namespace

std::string unescape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '&') {
      out += text[i++];
      continue;
    }
    const auto semicolon = text.find(';', i + 1);
    if (semicolon == std::string_view::npos || semicolon - i > 12) {
      out += text[i++];
      continue;
    }
    const std::string_view body = text.substr(i + 1, semicolon - i - 1);
    if (body == "amp") {
      out += '&';
    } else if (body == "lt") {
      out += '<';
    } else if (body == "gt") {
      out += '>';
    } else if (body == "quot") {
      out += '"';
    } else if (body == "apos") {
      out += '\'';
    } else if (const auto cp = numeric_reference(body)) {
      append_utf8(out, *cp);
    } else {
      out += text[i++];
      continue;
    }
    i = semicolon + 1;
  }
  return out;
}

std::string format_number(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc())
    return "0";
  return std::string(buffer, end);
}

}  // namespace shouwang::exchange::eido
