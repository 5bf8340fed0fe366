#include "osm/places/field_match.h"

#include <cstdint>

#include "osm/places/text_normalizer.h"

namespace shouwang::osm::places {
namespace {

bool is_continuation(char byte) {
  return (static_cast<std::uint8_t>(byte) & 0xC0u) == 0x80u;
}

// The code point starting at byte `pos` (0 when that is not a well-formed start).
char32_t code_point_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size())
    return 0;
  const auto b0 = static_cast<std::uint8_t>(s[pos]);
  std::size_t len = 0;
  char32_t cp = 0;
  if (b0 < 0x80)
    return b0;
  if ((b0 & 0xE0u) == 0xC0u) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0u) == 0xE0u) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8u) == 0xF0u) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (pos + len > s.size())
    return 0;
  for (std::size_t i = 1; i < len; ++i) {
    if (!is_continuation(s[pos + i]))
      return 0;
    cp = (cp << 6) | (static_cast<std::uint8_t>(s[pos + i]) & 0x3Fu);
  }
  return cp;
}

// The code point ending just before byte `pos`.
char32_t code_point_before(std::string_view s, std::size_t pos) {
  std::size_t start = pos;
  do {
    if (start == 0)
      return 0;
    --start;
  } while (is_continuation(s[start]) && pos - start < 4);
  return code_point_at(s, start);
}

// Whether `word` occurs in `field`, at a word start when `at_word_start`.
bool contains(std::string_view field, std::string_view word, bool at_word_start) {
  for (std::size_t pos = field.find(word); pos != std::string_view::npos;
       pos = field.find(word, pos + 1)) {
    if (!at_word_start || starts_word(field, pos))
      return true;
  }
  return false;
}

}  // namespace

bool starts_word(std::string_view field, std::size_t pos) {
  if (pos == 0)
    return true;
  if (field[pos - 1] == ' ')
    return true;
  return !is_cjk(code_point_at(field, pos)) && is_cjk(code_point_before(field, pos));
}

std::optional<MatchKind> match_field(std::string_view field, const Phrase& phrase) {
  const std::string_view text = phrase.text;
  if (text.empty())
    return std::nullopt;
  if (field == text)
    return MatchKind::kExact;
  if (field.starts_with(text))
    return MatchKind::kPrefix;
  bool inside = false;
  for (std::size_t pos = field.find(text, 1); pos != std::string_view::npos;
       pos = field.find(text, pos + 1)) {
    if (is_continuation(field[pos]))
      continue;
    if (starts_word(field, pos))
      return MatchKind::kWordPrefix;
    if (!phrase.word_start_only.front())
      inside = true;
  }
  if (inside)
    return MatchKind::kSubstring;
  if (phrase.words.size() < 2)
    return std::nullopt;
  for (std::size_t w = 0; w < phrase.words.size(); ++w) {
    if (!contains(field, phrase.words[w], phrase.word_start_only[w]))
      return std::nullopt;
  }
  return MatchKind::kAllWords;
}

}  // namespace shouwang::osm::places
