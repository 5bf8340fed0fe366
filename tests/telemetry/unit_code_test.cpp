#include <gtest/gtest.h>

#include <string>

#include <shouwang/server/telemetry/unit_code.h>

namespace shouwang::server::telemetry {
namespace {

TEST(UnitCode, CodesAndTopics) {
  EXPECT_TRUE(is_valid_unit_code("A-01"));
  EXPECT_TRUE(is_valid_unit_code("px_114"));
  EXPECT_TRUE(is_valid_unit_code(std::string(32, 'Z')));
  EXPECT_FALSE(is_valid_unit_code(std::string(33, 'Z')));
  EXPECT_FALSE(is_valid_unit_code(""));
  EXPECT_FALSE(is_valid_unit_code("A 01"));
  EXPECT_FALSE(is_valid_unit_code("A+"));
  EXPECT_FALSE(is_valid_unit_code("巡01"));
  EXPECT_EQ(position_topic("A-01"), "shouwang/units/A-01/position");
  EXPECT_EQ(unit_of_position_topic("shouwang/units/A-01/position"), "A-01");
  EXPECT_FALSE(unit_of_position_topic("shouwang/units//position"));
  EXPECT_FALSE(unit_of_position_topic("shouwang/units/a/b/position"));
  EXPECT_FALSE(unit_of_position_topic("shouwang/units/A-01/position/x"));
  EXPECT_FALSE(unit_of_position_topic("shouwang/units/position"));
  EXPECT_FALSE(unit_of_position_topic("other/units/A-01/position"));
}

}  // namespace
}  // namespace shouwang::server::telemetry
