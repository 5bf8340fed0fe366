#pragma once
// Chinese place and street names with their Hanyu Pinyin English forms, drawn without
// repetition from a seeded generator. Every name exists in both languages:
// 人民路 / Renmin Road, 新华东路 / Xinhua Road East, 科技三路 / Keji 3rd Road.

#include <string>
#include <unordered_set>
#include <vector>

#include <shouwang/base/random.h>

namespace shouwang::osm::citygen {

struct BilingualName {
  std::string zh;
  std::string en;
  [[nodiscard]] bool empty() const { return zh.empty(); }
};

// A two-character name stem: 人民 / Renmin.
struct NameStem {
  std::string zh;
  std::string en;
};

// Street-type suffixes.
enum class StreetKind { kRoad, kStreet, kAvenue, kLane, kWay };

// Compass sections of a long road.
enum class Section { kNone, kEast, kWest, kSouth, kNorth };

class NameBook {
 public:
  explicit NameBook(Rng rng);

  // A stem not handed out before, unique in Chinese and in English (兴 and 星 are both
  // "xing"). Common words and two-character compounds come in one shuffled pool, then
  // three-character compounds, then numbered stems (经120 / Jing 120); it never fails.
  NameStem fresh_stem();

  static BilingualName street(const NameStem& stem, StreetKind kind, Section section = Section::kNone);
  // Numbered streets of one development area: 科技一路 / Keji 1st Road.
  static BilingualName numbered(const NameStem& stem, int n, StreetKind kind);

  // Helpers for other named things ("XX派出所", "XX Police Station").
  static BilingualName with_suffix(const NameStem& stem, const char* zh_suffix, const char* en_suffix);

  // Chinese numeral for 1..99 (一, 十二, 九十九) and its pinyin (yi, shi'er ...).
  static std::string chinese_number(int n);
  static std::string pinyin_number(int n);

 private:
  Rng rng_;
  bool claim(const NameStem& stem);

  std::vector<NameStem> pool_;
  std::unordered_set<std::string> used_;     // Chinese stems handed out
  std::unordered_set<std::string> used_en_;  // and their English forms
  std::size_t next_ = 0;
  int numbered_ = 0;
};

// Joins pinyin syllables into one capitalised word, with the apostrophe the standard
// requires before a syllable that starts with a, o or e: {"xi", "an"} -> "Xi'an".
std::string join_pinyin(const std::vector<std::string>& syllables);

// 1st, 2nd, 3rd, 11th, 22nd ...
std::string ordinal_en(int n);

}  // namespace shouwang::osm::citygen
