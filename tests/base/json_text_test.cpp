// JsonText: what it writes parses back to what was written.

#include <cmath>
#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <shouwang/base/json_text.h>

namespace shouwang {
namespace {

using nlohmann::json;

TEST(JsonText, WritesNestedDocumentsWithCommasInTheirPlaces) {
  JsonText w;
  w.begin_object();
  w.key("unit").string("S9-01-P109");
  w.key("rank").number(std::int64_t{3});
  w.key("eta_s").number(std::int64_t{-0});
  w.key("position")
      .begin_object()
      .key("lat")
      .number(26.0206675)
      .key("lon")
      .number(112.5148938)
      .end_object();
  w.key("own").boolean(true).key("fix_age_s").null();
  w.key("empty").begin_array().end_array();
  w.key("nested")
      .begin_array()
      .begin_object()
      .end_object()
      .begin_array()
      .number(1.5)
      .end_array()
      .string("x")
      .end_array();
  w.end_object();
  const std::string text = w.take();
  const json parsed = json::parse(text);
  EXPECT_EQ(parsed, (json{{"unit", "S9-01-P109"},
                          {"rank", 3},
                          {"eta_s", 0},
                          {"position", {{"lat", 26.0206675}, {"lon", 112.5148938}}},
                          {"own", true},
                          {"fix_age_s", nullptr},
                          {"empty", json::array()},
                          {"nested", json::array({json::object(), json::array({1.5}), "x"})}}))
      << text;
  EXPECT_TRUE(w.take().empty());
}

TEST(JsonText, EscapesStringsAndKeepsUtf8) {
  const std::string awkward = "他说\"快来\"\\ 路口\n\t\x01 end";
  JsonText w;
  w.begin_array().string(awkward).end_array();
  const std::string text = w.take();
  EXPECT_EQ(json::parse(text)[0].get<std::string>(), awkward) << text;
  EXPECT_NE(text.find("\\u0001"), std::string::npos);
  EXPECT_NE(text.find("他说"), std::string::npos);
}

TEST(JsonText, DoublesRoundTripAndNonFiniteOnesAreNull) {
  JsonText w;
  w.begin_array();
  for (const double x : {0.1, 1e-7, 121.50000000000001, -33.8688, 1e21})
    w.number(x);
  w.number(std::numeric_limits<double>::infinity()).number(std::nan(""));
  w.end_array();
  const json parsed = json::parse(w.take());
  EXPECT_EQ(parsed[0].get<double>(), 0.1);
  EXPECT_EQ(parsed[1].get<double>(), 1e-7);
  EXPECT_EQ(parsed[2].get<double>(), 121.50000000000001);
  EXPECT_EQ(parsed[3].get<double>(), -33.8688);
  EXPECT_EQ(parsed[4].get<double>(), 1e21);
  EXPECT_TRUE(parsed[5].is_null());
  EXPECT_TRUE(parsed[6].is_null());
}

}  // namespace
}  // namespace shouwang
