#include <gtest/gtest.h>

#include <set>

#include "osm/citygen/street_names.h"

namespace shouwang::osm::citygen {
namespace {

TEST(StreetNames, PinyinJoinsWithApostropheBeforeVowelSyllables) {
  EXPECT_EQ(join_pinyin({"ren", "min"}), "Renmin");
  EXPECT_EQ(join_pinyin({"xi", "an"}), "Xi'an");
  EXPECT_EQ(join_pinyin({"chang", "e"}), "Chang'e");
  EXPECT_EQ(join_pinyin({"xin", "min", "yuan"}), "Xinminyuan");
}

TEST(StreetNames, ChineseNumeralsAndOrdinals) {
  EXPECT_EQ(NameBook::chinese_number(1), "一");
  EXPECT_EQ(NameBook::chinese_number(10), "十");
  EXPECT_EQ(NameBook::chinese_number(11), "十一");
  EXPECT_EQ(NameBook::chinese_number(20), "二十");
  EXPECT_EQ(NameBook::chinese_number(99), "九十九");
  EXPECT_EQ(ordinal_en(1), "1st");
  EXPECT_EQ(ordinal_en(2), "2nd");
  EXPECT_EQ(ordinal_en(3), "3rd");
  EXPECT_EQ(ordinal_en(11), "11th");
  EXPECT_EQ(ordinal_en(22), "22nd");
}

TEST(StreetNames, StreetsSectionsNumberedAndLanes) {
  const NameStem stem{"人民", "Renmin"};
  const auto road = NameBook::street(stem, StreetKind::kRoad);
  EXPECT_EQ(road.zh, "人民路");
  EXPECT_EQ(road.en, "Renmin Road");
  const auto east = NameBook::street(stem, StreetKind::kRoad, Section::kEast);
  EXPECT_EQ(east.zh, "人民东路");
  EXPECT_EQ(east.en, "Renmin Road East");
  const auto avenue = NameBook::street({"科技", "Keji"}, StreetKind::kAvenue);
  EXPECT_EQ(avenue.zh, "科技大道");
  const auto numbered = NameBook::numbered({"科技", "Keji"}, 3, StreetKind::kRoad);
  EXPECT_EQ(numbered.zh, "科技三路");
  EXPECT_EQ(numbered.en, "Keji 3rd Road");
}

TEST(StreetNames, StemsAreUniqueAndDeterministic) {
  NameBook a(Rng(5)), b(Rng(5)), c(Rng(6));
  std::set<std::string> seen, seen_en;
  bool differs = false;
  for (int i = 0; i < 6000; ++i) {
    const NameStem s = a.fresh_stem();
    EXPECT_FALSE(s.en.empty());
    EXPECT_TRUE(seen.insert(s.zh).second) << "repeated stem " << s.zh;
    EXPECT_TRUE(seen_en.insert(s.en).second) << "repeated English stem " << s.en;
    EXPECT_EQ(s.zh, b.fresh_stem().zh);
    differs = differs || s.zh != c.fresh_stem().zh;
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace shouwang::osm::citygen
