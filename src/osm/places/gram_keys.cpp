#include "osm/places/gram_keys.h"

#include <algorithm>

#include "osm/places/text_normalizer.h"

namespace shouwang::osm::places {
namespace {

// Calls f(word) for every space-separated word of a normalised text.
template <typename F>
void for_each_word(std::u32string_view text, F&& f) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(U' ', start);
    if (end == std::u32string_view::npos)
      end = text.size();
    if (end > start)
      f(text.substr(start, end - start));
    start = end + 1;
  }
}

// Calls f(run, starts_word) for every maximal run of non-CJK characters in a word.
template <typename F>
void for_each_latin_run(std::u32string_view word, F&& f) {
  std::size_t i = 0;
  while (i < word.size()) {
    if (is_cjk(word[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < word.size() && !is_cjk(word[j]))
      ++j;
    f(word.substr(i, j - i), i == 0);
    i = j;
  }
}

void add_cjk_keys(std::u32string_view word, std::vector<GramKey>& out) {
  for (std::size_t i = 0; i + 1 < word.size(); ++i) {
    if (is_cjk(word[i]) || is_cjk(word[i + 1]))
      out.push_back(gram_key(word[i], word[i + 1]));
  }
}

void add_trigrams(std::u32string_view run, std::vector<GramKey>& out) {
  for (std::size_t i = 0; i + 2 < run.size(); ++i)
    out.push_back(gram_key(run[i], run[i + 1], run[i + 2]));
}

void add_word_start(std::u32string_view run, std::vector<GramKey>& out) {
  out.push_back(gram_key(U' ', run[0]));
  if (run.size() >= 2)
    out.push_back(gram_key(U' ', run[0], run[1]));
}

}  // namespace

GramKey gram_key(char32_t a, char32_t b, char32_t c) {
  return (GramKey{a} << 42) | (GramKey{b} << 21) | GramKey{c};
}

void add_name_keys(std::u32string_view name, std::vector<GramKey>& out) {
  for_each_word(name, [&out](std::u32string_view word) {
    for (const char32_t c : word) {
      if (is_cjk(c))
        out.push_back(gram_key(c));
    }
    add_cjk_keys(word, out);
    for_each_latin_run(word, [&out](std::u32string_view run, bool) {
      add_word_start(run, out);
      add_trigrams(run, out);
    });
  });
}

std::vector<GramKey> query_keys(std::u32string_view query) {
  std::vector<GramKey> keys;
  for_each_word(query, [&keys](std::u32string_view word) {
    if (word.size() == 1 && is_cjk(word[0]))
      keys.push_back(gram_key(word[0]));
    add_cjk_keys(word, keys);
    for_each_latin_run(word, [&keys](std::u32string_view run, bool starts_word) {
      if (run.size() >= 3) {
        add_trigrams(run, keys);
      } else if (starts_word) {
        add_word_start(run, keys);
      }
    });
  });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace shouwang::osm::places
