#pragma once
// The one normalisation that index and query share, so that what a user types compares
// equal to what a map says:
//   - ASCII letters are lower-cased, Latin letters with accents (é, ü, pinyin ā ǎ à) lose
//     them, combining marks are dropped;
//   - full-width ASCII (Ｒｅｎｍｉｎ １２) becomes ASCII;
//   - apostrophes are dropped (Xi'an -> xian);
//   - every other punctuation, symbol or space is a separator: runs of separators become
//     one space, none at either end, and none between two CJK characters (Chinese has no
//     spaces, so "人民 路" is 人民路).
// CJK characters (Han, kana, Hangul) are kept as they are.

#include <string>
#include <string_view>

namespace shouwang::osm::places {

// Han ideographs (with 〇 and 々), kana, bopomofo and Hangul: scripts written without
// spaces, indexed by single characters and pairs.
bool is_cjk(char32_t c);

enum class CharClass : unsigned char { kKeep, kDrop, kSeparator };

struct FoldedChar {
  char32_t c = 0;  // the folded character (for a separator: its ASCII form when it has one)
  CharClass cls = CharClass::kKeep;
};

// Case, accent and width folding of one character, and its class.
FoldedChar fold_char(char32_t c);

// The normalised form of a name or query (see above).
std::u32string normalize_text(std::u32string_view text);

// House numbers compare in this form: folded like names, but without any spaces, with '-'
// and '/' kept, and without a trailing 号 (12号 -> 12, 12-1号 -> 12-1, 12 A -> 12a).
std::u32string normalize_house_number(std::u32string_view text);

}  // namespace shouwang::osm::places
