// The building blocks of place search: strict UTF-8, normalisation, query forms and the
// promise of the n-gram keys (a name that contains a query has all the query's keys).

#include <algorithm>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>

#include "osm/places/field_match.h"
#include "osm/places/gram_keys.h"
#include "osm/places/search_query.h"
#include "osm/places/text_normalizer.h"
#include "osm/places/utf8.h"

namespace shouwang::osm::places {
namespace {

std::string normalized(std::string_view text) {
  return encode_utf8(normalize_text(decode_utf8_lenient(text)));
}

TEST(PlaceText, DecodesValidUtf8) {
  const auto text = decode_utf8("人民路 12号 é 𠀀");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, U"人民路 12号 é 𠀀");
  EXPECT_EQ(encode_utf8(*text), "人民路 12号 é 𠀀");
}

TEST(PlaceText, RefusesEveryKindOfInvalidUtf8AndSaysWhere) {
  struct Case {
    std::string bytes;
    std::size_t offset;
  };
  const Case cases[] = {
      {"ab\x80", 2},            // stray continuation byte
      {"\xE4\xBA", 0},          // truncated three-byte sequence
      {"x\xE4\xBAy", 1},        // missing continuation
      {"\xC0\xAF", 0},          // overlong '/'
      {"\xE0\x80\xAF", 0},      // overlong, three bytes
      {"\xED\xA0\x80", 0},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"ok\xFF", 2},            // never valid
      {std::string("a\0\xC1", 3), 2},
  };
  for (const Case& c : cases) {
    Utf8Error error;
    EXPECT_FALSE(decode_utf8(c.bytes, &error).has_value()) << c.bytes;
    EXPECT_EQ(error.offset, c.offset) << c.bytes;
  }
  EXPECT_EQ(decode_utf8_lenient("a\xFF"
                                "b"),
            U"a\uFFFDb");
}

TEST(PlaceText, NormalisesCaseAccentsWidthApostrophesAndPunctuation) {
  EXPECT_EQ(normalized("Renmin Road"), "renmin road");
  EXPECT_EQ(normalized("  Xi'an  Road, East "), "xian road east");
  EXPECT_EQ(normalized("Rénmín Lù"), "renmin lu");
  EXPECT_EQ(normalized("Ｒｅｎｍｉｎ　１２"), "renmin 12");
  EXPECT_EQ(normalized("人民 路"), "人民路");  // no spaces inside Chinese
  EXPECT_EQ(normalized("人民路（东段）"), "人民路东段");
  EXPECT_EQ(normalized("人民路 12"), "人民路 12");
  EXPECT_EQ(normalized("São Paulo—Straße"), "sao paulo straße");
  EXPECT_EQ(normalized("，。！"), "");
}

TEST(PlaceText, NormalisesHouseNumbers) {
  EXPECT_EQ(encode_utf8(normalize_house_number(U"12号")), "12");
  EXPECT_EQ(encode_utf8(normalize_house_number(U"１２號")), "12");
  EXPECT_EQ(encode_utf8(normalize_house_number(U"12 A")), "12a");
  EXPECT_EQ(encode_utf8(normalize_house_number(U"12-1号")), "12-1");
}

TEST(PlaceText, ClassifiesCjk) {
  EXPECT_TRUE(is_cjk(U'人'));
  EXPECT_TRUE(is_cjk(U'〇'));
  EXPECT_TRUE(is_cjk(U'の'));
  EXPECT_TRUE(is_cjk(U'한'));
  EXPECT_FALSE(is_cjk(U'a'));
  EXPECT_FALSE(is_cjk(U'，'));
  EXPECT_FALSE(is_cjk(U'、'));
}

struct Form {
  const char* query;
  const char* street;  // nullptr: not an address query
  const char* number;
};

TEST(PlaceText, RecognisesAddressQueries) {
  const Form forms[] = {
      {"人民路12号", "人民路", "12"},
      {"人民路12", "人民路", "12"},
      {"人民路 12", "人民路", "12"},
      {"人民路 １２号", "人民路", "12"},
      {"12 Renmin Road", "renmin road", "12"},
      {"Renmin Road 12", "renmin road", "12"},
      {"12号人民路", "人民路", "12"},
      {"12-1 Main Street", "main street", "12-1"},
      {"Main Street 12a", "main street", "12a"},
      {"g60", nullptr, nullptr},
      {"Keji 1st", nullptr, nullptr},
      {"12", nullptr, nullptr},
      {"road12", nullptr, nullptr},
      {"人民路", nullptr, nullptr},
  };
  for (const Form& f : forms) {
    const auto parsed = parse_query(f.query);
    ASSERT_TRUE(parsed.ok()) << f.query;
    if (f.street == nullptr) {
      EXPECT_FALSE(parsed->street.has_value()) << f.query;
      continue;
    }
    ASSERT_TRUE(parsed->street.has_value()) << f.query;
    EXPECT_EQ(parsed->street->text, f.street) << f.query;
    EXPECT_EQ(parsed->house_number, f.number) << f.query;
    EXPECT_FALSE(parsed->phrase.empty());
  }
}

TEST(PlaceText, RefusesBadQueriesWithClearMessages) {
  const auto bad = parse_query("人民\xE8\xB7");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kInvalidArgument);
  EXPECT_NE(bad.error().message.find("UTF-8"), std::string::npos);
  EXPECT_NE(bad.error().message.find("byte 6"), std::string::npos) << bad.error().message;
  const auto long_query = parse_query(std::string(kMaxQueryBytes + 1, 'a'));
  ASSERT_FALSE(long_query.ok());
  EXPECT_EQ(long_query.error().code, Errc::kInvalidArgument);
}

TEST(PlaceText, GradesFieldMatches) {
  const auto match = [](const char* field, const char* query) {
    return match_field(field, make_phrase(normalize_text(decode_utf8_lenient(query))));
  };
  EXPECT_EQ(match("人民路", "人民路"), MatchKind::kExact);
  EXPECT_EQ(match("人民东路", "人民"), MatchKind::kPrefix);
  EXPECT_EQ(match("新人民路", "人民"), MatchKind::kSubstring);
  EXPECT_EQ(match("renmin road", "road"), MatchKind::kWordPrefix);
  EXPECT_EQ(match("renmin road", "enmin"), MatchKind::kSubstring);
  EXPECT_EQ(match("renmin road", "road renmin"), MatchKind::kAllWords);
  EXPECT_EQ(match("g60上海", "上海"), MatchKind::kSubstring);
  EXPECT_EQ(match("上海g60", "g60"), MatchKind::kWordPrefix);  // Latin after Chinese starts a word
  EXPECT_EQ(match("centre park", "re"), std::nullopt);         // short Latin: word starts only
  EXPECT_EQ(match("centre park", "pa"), MatchKind::kWordPrefix);
  EXPECT_EQ(match("人民路", "民人"), std::nullopt);
}

// The index's promise: a name that contains the query (as a phrase, after normalisation)
// has every key of the query, so intersecting posting lists never loses a match.
TEST(PlaceText, NamesHaveEveryKeyOfTheirSubstrings) {
  const std::u32string alphabet = U"人民路东西南北中山江州abcdefghijklmnor012 ";
  Rng rng(20260101);
  for (int trial = 0; trial < 3000; ++trial) {
    std::u32string raw;
    const auto length = rng.uniform_int(1, 14);
    for (std::int64_t i = 0; i < length; ++i) {
      raw.push_back(alphabet[static_cast<std::size_t>(
          rng.uniform_int(0, static_cast<std::int64_t>(alphabet.size()) - 1))]);
    }
    const std::u32string name = normalize_text(raw);
    if (name.empty())
      continue;
    std::vector<GramKey> name_keys;
    add_name_keys(name, name_keys);
    std::sort(name_keys.begin(), name_keys.end());
    const auto begin =
        static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(name.size()) - 1));
    const auto end = static_cast<std::size_t>(rng.uniform_int(
        static_cast<std::int64_t>(begin) + 1, static_cast<std::int64_t>(name.size())));
    const std::u32string query = normalize_text(name.substr(begin, end - begin));
    if (query.empty())
      continue;
    const Phrase phrase = make_phrase(query);
    const bool matched = match_field(encode_utf8(name), phrase).has_value();
    // Only a short Latin piece from inside a word may fail to match (by design).
    if (!phrase.word_start_only.front()) {
      ASSERT_TRUE(matched) << encode_utf8(name) << " / " << encode_utf8(query);
    }
    if (!matched)
      continue;
    for (const GramKey k : query_keys(query)) {
      ASSERT_TRUE(std::binary_search(name_keys.begin(), name_keys.end(), k))
          << "name '" << encode_utf8(name) << "' lacks a key of its substring '"
          << encode_utf8(query) << "'";
    }
  }
}

}  // namespace
}  // namespace shouwang::osm::places
