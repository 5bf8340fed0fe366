#include "osm/citygen/street_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace shouwang::osm::citygen {
namespace {

struct Syllable {
  const char* zh;
  const char* py;
};

// Common street-name words of Chinese cities, with pinyin syllables separated by spaces.
constexpr std::array<Syllable, 124> kWords = {{
    {"人民", "ren min"},   {"解放", "jie fang"},   {"中山", "zhong shan"}, {"建设", "jian she"},
    {"和平", "he ping"},   {"文化", "wen hua"},    {"新华", "xin hua"},    {"胜利", "sheng li"},
    {"长江", "chang jiang"}, {"黄河", "huang he"}, {"朝阳", "chao yang"},  {"光明", "guang ming"},
    {"幸福", "xing fu"},   {"团结", "tuan jie"},   {"友谊", "you yi"},     {"复兴", "fu xing"},
    {"民主", "min zhu"},   {"民生", "min sheng"},  {"东风", "dong feng"},  {"红旗", "hong qi"},
    {"青年", "qing nian"}, {"工农", "gong nong"},  {"迎宾", "ying bin"},   {"体育", "ti yu"},
    {"学府", "xue fu"},    {"科技", "ke ji"},      {"创业", "chuang ye"},  {"兴业", "xing ye"},
    {"金融", "jin rong"},  {"商贸", "shang mao"},  {"工业", "gong ye"},    {"滨江", "bin jiang"},
    {"沿河", "yan he"},    {"望江", "wang jiang"}, {"临江", "lin jiang"},  {"江滨", "jiang bin"},
    {"湖滨", "hu bin"},    {"南湖", "nan hu"},     {"北湖", "bei hu"},     {"西湖", "xi hu"},
    {"东湖", "dong hu"},   {"翠湖", "cui hu"},     {"青山", "qing shan"},  {"凤凰", "feng huang"},
    {"龙泉", "long quan"}, {"玉泉", "yu quan"},    {"金沙", "jin sha"},    {"银河", "yin he"},
    {"桂花", "gui hua"},   {"海棠", "hai tang"},   {"紫荆", "zi jing"},    {"梧桐", "wu tong"},
    {"杨柳", "yang liu"},  {"松柏", "song bai"},   {"丹桂", "dan gui"},    {"芙蓉", "fu rong"},
    {"牡丹", "mu dan"},    {"玉兰", "yu lan"},     {"樱花", "ying hua"},   {"银杏", "yin xing"},
    {"北京", "bei jing"},  {"上海", "shang hai"},  {"天津", "tian jin"},   {"重庆", "chong qing"},
    {"南京", "nan jing"},  {"杭州", "hang zhou"},  {"广州", "guang zhou"}, {"成都", "cheng du"},
    {"西安", "xi an"},     {"武汉", "wu han"},     {"长沙", "chang sha"},  {"昆明", "kun ming"},
    {"太原", "tai yuan"},  {"济南", "ji nan"},     {"福州", "fu zhou"},    {"合肥", "he fei"},
    {"泰山", "tai shan"},  {"华山", "hua shan"},   {"衡山", "heng shan"},  {"嵩山", "song shan"},
    {"庐山", "lu shan"},   {"黄山", "huang shan"}, {"峨眉", "e mei"},      {"昆仑", "kun lun"},
    {"珠江", "zhu jiang"}, {"淮河", "huai he"},    {"汉江", "han jiang"},  {"湘江", "xiang jiang"},
    {"闽江", "min jiang"}, {"漓江", "li jiang"},   {"嘉陵", "jia ling"},   {"赣江", "gan jiang"},
    {"育才", "yu cai"},    {"启明", "qi ming"},    {"振兴", "zhen xing"},  {"繁荣", "fan rong"},
    {"富强", "fu qiang"},  {"文明", "wen ming"},   {"和谐", "he xie"},     {"平安", "ping an"},
    {"永安", "yong an"},   {"长宁", "chang ning"}, {"安康", "an kang"},    {"康乐", "kang le"},
    {"福寿", "fu shou"},   {"吉祥", "ji xiang"},   {"如意", "ru yi"},      {"太平", "tai ping"},
    {"中华", "zhong hua"}, {"华夏", "hua xia"},    {"九州", "jiu zhou"},   {"四海", "si hai"},
    {"书院", "shu yuan"},  {"府前", "fu qian"},    {"鼓楼", "gu lou"},     {"钟楼", "zhong lou"},
    {"城隍", "cheng huang"}, {"文庙", "wen miao"}, {"天宁", "tian ning"},  {"广济", "guang ji"},
    {"通济", "tong ji"},   {"仁和", "ren he"},     {"崇文", "chong wen"},  {"宣武", "xuan wu"},
}};

// Characters that combine into plausible two-character stems (新 + 民 -> 新民 / Xinmin).
constexpr std::array<Syllable, 32> kFirst = {{
    {"新", "xin"},  {"兴", "xing"}, {"长", "chang"}, {"永", "yong"}, {"华", "hua"},  {"安", "an"},
    {"和", "he"},   {"平", "ping"}, {"康", "kang"},  {"乐", "le"},   {"福", "fu"},   {"泰", "tai"},
    {"宁", "ning"}, {"明", "ming"}, {"光", "guang"}, {"春", "chun"}, {"秋", "qiu"},  {"金", "jin"},
    {"玉", "yu"},   {"龙", "long"}, {"凤", "feng"},  {"云", "yun"},  {"星", "xing"}, {"月", "yue"},
    {"清", "qing"}, {"秀", "xiu"},  {"锦", "jin"},   {"瑞", "rui"},  {"德", "de"},   {"广", "guang"},
    {"嘉", "jia"},  {"恒", "heng"},
}};

constexpr std::array<Syllable, 32> kSecond = {{
    {"民", "min"},  {"安", "an"},   {"盛", "sheng"}, {"荣", "rong"}, {"丰", "feng"},  {"园", "yuan"},
    {"林", "lin"},  {"湖", "hu"},   {"山", "shan"},  {"江", "jiang"}, {"河", "he"},   {"桥", "qiao"},
    {"塘", "tang"}, {"坊", "fang"}, {"源", "yuan"},  {"泉", "quan"}, {"溪", "xi"},    {"苑", "yuan"},
    {"庄", "zhuang"}, {"阳", "yang"}, {"城", "cheng"}, {"业", "ye"}, {"达", "da"},    {"隆", "long"},
    {"祥", "xiang"}, {"茂", "mao"}, {"华", "hua"},   {"通", "tong"}, {"顺", "shun"},  {"美", "mei"},
    {"景", "jing"}, {"昌", "chang"},
}};

std::vector<std::string> split_words(const char* text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += *p;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

const char* section_zh(Section s) {
  switch (s) {
    case Section::kEast: return "东";
    case Section::kWest: return "西";
    case Section::kSouth: return "南";
    case Section::kNorth: return "北";
    case Section::kNone: break;
  }
  return "";
}

const char* section_en(Section s) {
  switch (s) {
    case Section::kEast: return " East";
    case Section::kWest: return " West";
    case Section::kSouth: return " South";
    case Section::kNorth: return " North";
    case Section::kNone: break;
  }
  return "";
}

}  // namespace

std::string join_pinyin(const std::vector<std::string>& syllables) {
  std::string out;
  for (std::size_t i = 0; i < syllables.size(); ++i) {
    const std::string& s = syllables[i];
    if (s.empty()) continue;
    if (i > 0 && (s[0] == 'a' || s[0] == 'o' || s[0] == 'e')) out += '\'';
    out += s;
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string NameBook::chinese_number(int n) {
  static constexpr std::array<const char*, 10> kDigits = {"", "一", "二", "三", "四",
                                                          "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  const int tens = n / 10;
  const int ones = n % 10;
  std::string out;
  if (tens > 1) out += kDigits[static_cast<std::size_t>(tens)];
  if (tens >= 1) out += "十";
  out += kDigits[static_cast<std::size_t>(ones)];
  return out;
}

std::string NameBook::pinyin_number(int n) {
  static constexpr std::array<const char*, 10> kDigits = {"", "yi", "er", "san", "si",
                                                          "wu", "liu", "qi", "ba", "jiu"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  const int tens = n / 10;
  const int ones = n % 10;
  std::vector<std::string> syl;
  if (tens > 1) syl.emplace_back(kDigits[static_cast<std::size_t>(tens)]);
  if (tens >= 1) syl.emplace_back("shi");
  if (ones > 0) syl.emplace_back(kDigits[static_cast<std::size_t>(ones)]);
  std::string out;
  for (std::size_t i = 0; i < syl.size(); ++i) {
    if (i > 0 && (syl[i][0] == 'a' || syl[i][0] == 'e' || syl[i][0] == 'o')) out += '\'';
    out += syl[i];
  }
  return out;
}

NameBook::NameBook(Rng rng) : rng_(rng) {
  for (const auto& w : kWords) pool_.push_back({w.zh, join_pinyin(split_words(w.py))});
  for (const auto& a : kFirst) {
    for (const auto& b : kSecond) {
      if (std::string_view(a.zh) == std::string_view(b.zh)) continue;
      pool_.push_back({std::string(a.zh) + b.zh, join_pinyin({a.py, b.py})});
    }
  }
  // Fisher–Yates with the project's generator, so the order is the same everywhere.
  for (std::size_t i = pool_.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(rng_.uniform_int(0, static_cast<std::int64_t>(i) - 1));
    std::swap(pool_[i - 1], pool_[j]);
  }
}

bool NameBook::claim(const NameStem& stem) {
  if (used_.count(stem.zh) > 0 || used_en_.count(stem.en) > 0) return false;
  used_.insert(stem.zh);
  used_en_.insert(stem.en);
  return true;
}

NameStem NameBook::fresh_stem() {
  while (next_ < pool_.size()) {
    NameStem stem = pool_[next_++];
    if (claim(stem)) return stem;
  }
  // Three-character stems (新民园 / Xinminyuan) once the two-character list is used up.
  constexpr std::size_t kCombos = kFirst.size() * kSecond.size() * kSecond.size();
  while (numbered_ < static_cast<int>(kCombos)) {
    const auto k = static_cast<std::size_t>(numbered_++);
    const Syllable& a = kFirst[k % kFirst.size()];
    const Syllable& b = kSecond[(k / kFirst.size()) % kSecond.size()];
    const Syllable& c = kSecond[k / (kFirst.size() * kSecond.size())];
    if (std::string_view(b.zh) == std::string_view(c.zh)) continue;
    NameStem stem{std::string(a.zh) + b.zh + c.zh, join_pinyin({a.py, b.py, c.py})};
    if (claim(stem)) return stem;
  }
  // Numbered meridian streets (经120 / Jing 120) as the last resort: never fails.
  const int n = numbered_++ - static_cast<int>(kCombos) + 1;
  return {"经" + std::to_string(n), "Jing " + std::to_string(n)};
}

std::string ordinal_en(int n) {
  const int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

BilingualName NameBook::street(const NameStem& stem, StreetKind kind, Section section) {
  const char* zh = "路";
  const char* en = " Road";
  switch (kind) {
    case StreetKind::kRoad: break;
    case StreetKind::kStreet: zh = "街"; en = " Street"; break;
    case StreetKind::kAvenue: zh = "大道"; en = " Avenue"; break;
    case StreetKind::kLane: zh = "巷"; en = " Lane"; break;
    case StreetKind::kWay: zh = "道"; en = " Way"; break;
  }
  // 人民东路 / Renmin Road East: the section sits before the suffix in Chinese, after it in English.
  return {stem.zh + section_zh(section) + zh, stem.en + en + section_en(section)};
}

BilingualName NameBook::numbered(const NameStem& stem, int n, StreetKind kind) {
  BilingualName base = street(stem, kind);
  const std::size_t zh_suffix = base.zh.size() - stem.zh.size();
  const std::size_t en_suffix = base.en.size() - stem.en.size();
  return {stem.zh + chinese_number(n) + base.zh.substr(base.zh.size() - zh_suffix),
          stem.en + " " + ordinal_en(n) + base.en.substr(base.en.size() - en_suffix)};
}

BilingualName NameBook::with_suffix(const NameStem& stem, const char* zh_suffix, const char* en_suffix) {
  return {stem.zh + zh_suffix, stem.en + en_suffix};
}

}  // namespace shouwang::osm::citygen
