#include "osm/places/search_query.h"

#include "osm/places/text_normalizer.h"
#include "osm/places/utf8.h"

namespace shouwang::osm::places {
namespace {

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool is_letter(char32_t c) {
  return c >= U'a' && c <= U'z';
}
bool is_number_sign(char32_t c) {
  return c == U'号' || c == U'號';
}

// Matches <number> (see the header) at text[pos...]; returns its end, or npos.
std::size_t match_number(std::u32string_view text, std::size_t pos) {
  std::size_t i = pos;
  if (i >= text.size() || !is_digit(text[i]))
    return std::u32string_view::npos;
  while (i < text.size() && is_digit(text[i]))
    ++i;
  while (i + 1 < text.size() && (text[i] == U'-' || text[i] == U'/') && is_digit(text[i + 1])) {
    i += 1;
    while (i < text.size() && is_digit(text[i]))
      ++i;
  }
  if (i < text.size() && is_letter(text[i]) && (i + 1 == text.size() || !is_letter(text[i + 1])))
    ++i;
  return i;
}

struct AddressForm {
  std::u32string_view street;
  std::u32string_view number;
};

// `text` is folded and trimmed; separators are kept as their ASCII form (space, '-' ...).
std::optional<AddressForm> match_address(std::u32string_view text) {
  // <street>[ ]<number>[号]: the number is the last run of number characters.
  std::size_t end = text.size();
  if (end > 0 && is_number_sign(text[end - 1]))
    --end;
  while (end > 0 && text[end - 1] == U' ')
    --end;  // 人民路 12 号
  std::size_t start = end;
  while (start > 0 && (is_digit(text[start - 1]) || is_letter(text[start - 1]) ||
                       text[start - 1] == U'-' || text[start - 1] == U'/')) {
    --start;
  }
  // The run may begin with letters that belong to the street ("road12" is not an address).
  if (start < end && start > 0 && match_number(text, start) == end) {
    const char32_t before = text[start - 1];
    if (before == U' ' || is_cjk(before))
      return AddressForm{text.substr(0, start), text.substr(start, end - start)};
  }
  // <number>[号] <street>
  const std::size_t number_end = match_number(text, 0);
  if (number_end != std::u32string_view::npos) {
    std::size_t street_start = number_end;
    bool separated = false;
    if (street_start < text.size() && is_number_sign(text[street_start])) {
      ++street_start;
      separated = true;  // 12号人民路
    }
    if (street_start < text.size() && text[street_start] == U' ') {
      ++street_start;
      separated = true;
    }
    if (separated && street_start < text.size()) {
      return AddressForm{text.substr(street_start), text.substr(0, number_end)};
    }
  }
  return std::nullopt;
}

}  // namespace

Phrase make_phrase(std::u32string_view normalized) {
  Phrase phrase;
  phrase.text = encode_utf8(normalized);
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t end = normalized.find(U' ', start);
    if (end == std::u32string_view::npos)
      end = normalized.size();
    const std::u32string_view word = normalized.substr(start, end - start);
    std::size_t latin = 0;
    while (latin < word.size() && !is_cjk(word[latin]))
      ++latin;
    phrase.words.push_back(encode_utf8(word));
    phrase.word_start_only.push_back(latin > 0 && latin < 3);
    start = end + 1;
  }
  phrase.keys = query_keys(normalized);
  return phrase;
}

Result<ParsedQuery> parse_query(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    return Error(Errc::kInvalidArgument,
                 "search text is " + std::to_string(query.size()) + " bytes long; at most " +
                     std::to_string(kMaxQueryBytes) + " are allowed",
                 "q");
  }
  Utf8Error bad;
  const auto decoded = decode_utf8(query, &bad);
  if (!decoded) {
    return Error(Errc::kInvalidArgument,
                 "search text is not valid UTF-8 (bad byte sequence at byte " +
                     std::to_string(bad.offset) + ")",
                 "q");
  }
  ParsedQuery parsed;
  parsed.phrase = make_phrase(normalize_text(*decoded));
  if (parsed.phrase.empty())
    return parsed;

  // Folded text with separators as single spaces, except the '-' and '/' of house numbers.
  std::u32string folded;
  for (const char32_t raw : *decoded) {
    const FoldedChar f = fold_char(raw);
    if (f.cls == CharClass::kDrop)
      continue;
    char32_t c = f.c;
    if (f.cls == CharClass::kSeparator && c != U'-' && c != U'/')
      c = U' ';
    if (c == U' ' && (folded.empty() || folded.back() == U' '))
      continue;
    folded.push_back(c);
  }
  while (!folded.empty() && folded.back() == U' ')
    folded.pop_back();
  if (const auto form = match_address(folded)) {
    Phrase street = make_phrase(normalize_text(form->street));
    std::u32string number = normalize_house_number(form->number);
    if (!street.empty() && !number.empty()) {
      parsed.street = std::move(street);
      parsed.house_number = encode_utf8(number);
      parsed.house_number_cp = std::move(number);
    }
  }
  return parsed;
}

}  // namespace shouwang::osm::places
