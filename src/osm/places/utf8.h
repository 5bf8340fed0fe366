#pragma once
// Strict UTF-8 decoding and encoding for place names and queries. "Strict" follows RFC 3629:
// no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no stray or
// missing continuation bytes.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace shouwang::osm::places {

// Where decoding stopped: the byte offset of the first invalid sequence.
struct Utf8Error {
  std::size_t offset = 0;
};

// The code points of `text`, or the offset of its first invalid sequence.
std::optional<std::u32string> decode_utf8(std::string_view text, Utf8Error* error = nullptr);

// The same, replacing every invalid sequence by U+FFFD (for names read from files, where
// one bad byte must not lose the place).
std::u32string decode_utf8_lenient(std::string_view text);

// Appends the UTF-8 form of `cp` (a valid scalar value) to `out`.
void append_utf8(char32_t cp, std::string& out);

std::string encode_utf8(std::u32string_view text);

}  // namespace shouwang::osm::places
