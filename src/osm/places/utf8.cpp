#include "osm/places/utf8.h"

#include <cstdint>

namespace shouwang::osm::places {
namespace {

// Decodes one sequence at text[pos]; returns its length, or 0 when it is invalid.
std::size_t decode_one(std::string_view text, std::size_t pos, char32_t& cp) {
  const auto byte = [&text](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
  const std::uint8_t b0 = byte(pos);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return 0;  // a continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (pos + len > text.size())
    return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const std::uint8_t b = byte(pos + i);
    if ((b & 0xC0u) != 0x80u)
      return 0;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

}  // namespace

std::optional<std::u32string> decode_utf8(std::string_view text, Utf8Error* error) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_one(text, pos, cp);
    if (len == 0) {
      if (error != nullptr)
        error->offset = pos;
      return std::nullopt;
    }
    out.push_back(cp);
    pos += len;
  }
  return out;
}

std::u32string decode_utf8_lenient(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_one(text, pos, cp);
    if (len == 0) {
      out.push_back(U'\uFFFD');
      ++pos;
      continue;
    }
    out.push_back(cp);
    pos += len;
  }
  return out;
}

void append_utf8(char32_t cp, std::string& out) {
  const auto put = [&out](std::uint32_t b) { out.push_back(static_cast<char>(b)); };
  const auto c = static_cast<std::uint32_t>(cp);
  if (c < 0x80) {
    put(c);
  } else if (c < 0x800) {
    put(0xC0 | (c >> 6));
    put(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    put(0xE0 | (c >> 12));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  } else {
    put(0xF0 | (c >> 18));
    put(0x80 | ((c >> 12) & 0x3F));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char32_t cp : text)
    append_utf8(cp, out);
  return out;
}

}  // namespace shouwang::osm::places
