#pragma once
// What a search query asks for: a phrase to find in names, and, when the query looks like
// an address, a street phrase and a house number.
//
// Address forms (after folding, so full-width digits and 號 work too):
//   <street><number>[号]     人民路12号, 人民路12 (the street ends in a CJK character)
//   <street> <number>[号]    人民路 12, main street 12a
//   <number>[号] <street>    12 Renmin Road, 12-1 main street
// where <number> is digits, optionally followed by -digits or /digits groups and one
// letter (12, 12a, 12-1, 3/5). The whole query is always searched as a name as well, so
// "keji 1" still finds Keji 1st Road while also looking for number 1 on Keji streets.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

#include "osm/places/gram_keys.h"

namespace shouwang::osm::places {

// A normalised phrase and what matching it needs.
struct Phrase {
  std::string text;                // normalised, UTF-8
  std::vector<std::string> words;  // its space-separated words
  // Per word: it starts with a Latin run of one or two characters, which the index knows
  // only at word starts, so it matches only there.
  std::vector<bool> word_start_only;
  std::vector<GramKey> keys;  // query_keys(text)

  [[nodiscard]] bool empty() const { return text.empty(); }
};

Phrase make_phrase(std::u32string_view normalized);

struct ParsedQuery {
  Phrase phrase;                   // the whole query
  std::optional<Phrase> street;    // the street part of an address query
  std::string house_number;        // normalised (normalize_house_number), UTF-8
  std::u32string house_number_cp;  // the same, as code points
};

inline constexpr std::size_t kMaxQueryBytes = 256;

// kInvalidArgument (field "q") when the query is not valid UTF-8 or is longer than
// kMaxQueryBytes; an empty phrase when it holds nothing searchable.
Result<ParsedQuery> parse_query(std::string_view query);

}  // namespace shouwang::osm::places
