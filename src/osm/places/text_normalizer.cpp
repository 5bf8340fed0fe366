#include "osm/places/text_normalizer.h"

namespace shouwang::osm::places {
namespace {

// Base letters for U+00C0..U+00FF, U+0100..U+017F and U+01CD..U+01DC; '-' keeps the
// character as it is (æ, ß, þ, Œ ...).
constexpr std::string_view kLatin1 =
    "aaaaaa-ceeeeiiiidnooooo-ouuuuy--"
    "aaaaaa-ceeeeiiiidnooooo-ouuuuy-y";
constexpr std::string_view kLatinExtendedA =
    "aaaaaacccccccc"                                           // 0100..010D
    "dddd"                                                     // 010E..0111
    "eeeeeeeeee"                                               // 0112..011B
    "gggggggg"                                                 // 011C..0123
    "hhhh"                                                     // 0124..0127
    "iiiiiiiiii"                                               // 0128..0131
    "--jjkkk"                                                  // 0132..0138
    "llllllllll"                                               // 0139..0142
    "nnnnnnnnn"                                                // 0143..014B
    "oooooo--"                                                 // 014C..0153
    "rrrrrr"                                                   // 0154..0159
    "ssssssss"                                                 // 015A..0161
    "tttttt"                                                   // 0162..0167
    "uuuuuuuuuuuu"                                             // 0168..0173
    "wwyyy"                                                    // 0174..0178
    "zzzzzzs";                                                 // 0179..017F
constexpr std::string_view kPinyinCaron = "aaiioouuuuuuuuuu";  // 01CD..01DC

static_assert(kLatin1.size() == 0x40);
static_assert(kLatinExtendedA.size() == 0x80);
static_assert(kPinyinCaron.size() == 0x10);

FoldedChar keep(char32_t c) {
  return {c, CharClass::kKeep};
}
FoldedChar drop(char32_t c) {
  return {c, CharClass::kDrop};
}
FoldedChar separator(char32_t c) {
  return {c, CharClass::kSeparator};
}

FoldedChar from_table(std::string_view table, char32_t c, char32_t first) {
  const char base = table[c - first];
  return keep(base == '-' ? c : static_cast<char32_t>(base));
}

bool is_apostrophe(char32_t c) {
  return c == U'\'' || c == U'`' || c == 0x00B4 || c == 0x02BC || c == 0x2018 || c == 0x2019 ||
         c == 0x201B || c == 0x2032;
}

bool is_cjk_punctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) || c == 0x3030 ||
         c == 0x303D || c == 0x30FB || (c >= 0xFE10 && c <= 0xFE19) ||
         (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF5F && c <= 0xFF65);
}

}  // namespace

bool is_cjk(char32_t c) {
  if (c < 0x2E80)
    return false;
  if (c <= 0x9FFF)
    return !is_cjk_punctuation(c);
  return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

FoldedChar fold_char(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;  // full-width ASCII
  if (c == 0x3000)
    c = U' ';  // ideographic space
  if (c < 0x80) {
    if (c >= U'A' && c <= U'Z')
      return keep(c + (U'a' - U'A'));
    if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'))
      return keep(c);
    if (is_apostrophe(c))
      return drop(c);
    return separator(c);
  }
  if (is_apostrophe(c) || (c >= 0x0300 && c <= 0x036F) || c == 0xFEFF || c == 0x200B ||
      c == 0x200C || c == 0x200D) {
    return drop(c);  // combining marks, byte-order mark, zero-width characters
  }
  if (c < 0xC0 || c == 0xD7 || c == 0xF7)
    return separator(c);  // C1 controls, NBSP, symbols
  if (c <= 0xFF)
    return from_table(kLatin1, c, 0xC0);
  if (c <= 0x17F)
    return from_table(kLatinExtendedA, c, 0x100);
  if (c >= 0x1CD && c <= 0x1DC)
    return from_table(kPinyinCaron, c, 0x1CD);
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x2BFF) || is_cjk_punctuation(c) ||
      c == 0xFFFD) {
    return separator(c);  // general punctuation, arrows and symbols, CJK punctuation
  }
  return keep(c);
}

std::u32string normalize_text(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char32_t raw : text) {
    const FoldedChar f = fold_char(raw);
    if (f.cls == CharClass::kDrop)
      continue;
    if (f.cls == CharClass::kSeparator) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !(is_cjk(out.back()) && is_cjk(f.c)))
      out.push_back(U' ');
    pending_space = false;
    out.push_back(f.c);
  }
  return out;
}

std::u32string normalize_house_number(std::u32string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (const char32_t raw : text) {
    const FoldedChar f = fold_char(raw);
    if (f.cls == CharClass::kKeep ||
        (f.cls == CharClass::kSeparator && (f.c == U'-' || f.c == U'/'))) {
      out.push_back(f.c);
    }
  }
  while (!out.empty() && (out.back() == U'号' || out.back() == U'號'))
    out.pop_back();
  return out;
}

}  // namespace shouwang::osm::places
