#pragma once
// The keys of the place index's inverted index, and which keys a name or a query has.
//
// A key is an n-gram of one to three code points in 63 bits (21 bits each, first
// character highest, unused places zero; a space marks the start of a word).
//
// For a normalised name (text_normalizer.h), split into words at spaces:
//
//   CJK character c            -> unigram c          人民路: 人 民 路
//   pair with a CJK character  -> bigram             人民路: 人民 民路
//   non-CJK run r (a word, or  -> " "r0, " "r0r1     Renmin: " r" " re"
//     a run after CJK text)       and all trigrams           ren enm nmi min
//
// A query's keys are the subset that any name containing it must have: a single CJK
// character its unigram, CJK text its bigrams, a Latin run of three or more its trigrams,
// and a shorter Latin run at the start of a word its word-start keys (so "re" finds words
// that start with re, and "enmin" still finds Renmin through its trigrams).

#include <cstdint>
#include <string_view>
#include <vector>

namespace shouwang::osm::places {

using GramKey = std::uint64_t;

GramKey gram_key(char32_t a, char32_t b = 0, char32_t c = 0);

// Appends the keys of one normalised name (duplicates possible).
void add_name_keys(std::u32string_view name, std::vector<GramKey>& out);

// The keys every name that contains the normalised `query` (as a phrase, or word by word)
// has; sorted, without duplicates. Empty only for an empty query.
std::vector<GramKey> query_keys(std::u32string_view query);

}  // namespace shouwang::osm::places
