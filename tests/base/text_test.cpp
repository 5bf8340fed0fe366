#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <shouwang/base/text.h>

namespace shouwang {
namespace {

TEST(Trim, TakesSpacesTabsAndCarriageReturnsFromBothEnds) {
  EXPECT_EQ(trim(" \t 城关派出所 \r"), "城关派出所");
  EXPECT_EQ(trim(" \t\r"), "");
  EXPECT_EQ(trim("a b"), "a b");
}

TEST(JsonQuoted, EscapesQuotesBackslashesAndControlCharactersOnly) {
  EXPECT_EQ(json_quoted("城关 \"east\" gate"), "\"城关 \\\"east\\\" gate\"");
  EXPECT_EQ(json_quoted("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(json_quoted(std::string("tab\there\nnul\0end", 16)), "\"tab\\there\\nnul\\u0000end\"");
}

TEST(JsonQuoted, ReadsBackAsTheSameTextInAJsonParser) {
  std::string all;
  for (int c = 1; c < 128; ++c) all += static_cast<char>(c);
  all += "警情 ✓";
  std::string document = "{\"v\":";
  append_json_string(document, all);
  document += "}";
  EXPECT_EQ(nlohmann::json::parse(document)["v"].get<std::string>(), all);
}

}  // namespace
}  // namespace shouwang
