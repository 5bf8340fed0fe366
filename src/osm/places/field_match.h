#pragma once
// Checking a candidate: how well one normalised field matches a phrase. The inverted index
// only narrows the candidates down; this decides.

#include <optional>
#include <string_view>

#include <shouwang/osm/place_index.h>

#include "osm/places/search_query.h"

namespace shouwang::osm::places {

// Exact, prefix, word prefix (the phrase starts at a word of the field: after a space, or
// where Latin text follows CJK text), substring, or every word somewhere (for a phrase of
// several words); nullopt when the field does not contain the phrase. A word that
// Phrase::word_start_only marks must start a word of the field. Both are normalised UTF-8;
// the field need not be valid UTF-8 (a damaged one just fails to match).
std::optional<MatchKind> match_field(std::string_view field, const Phrase& phrase);

// Whether byte offset `pos` of a normalised field starts a word.
bool starts_word(std::string_view field, std::size_t pos);

}  // namespace shouwang::osm::places
