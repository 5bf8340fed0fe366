// The straight drive along one segment, on the hand-made block of one_block.h, where every
// answer can be worked out by hand.

#include <cmath>

#include <gtest/gtest.h>

#include <shouwang/routing/straight_drive.h>

#include "routing/one_block.h"
#include "routing/segment_positions.h"

namespace shouwang::routing {
namespace {

const testing::OneBlock& block() {
  static const testing::OneBlock b;
  return b;
}

TEST(StraightDrive, AheadOnTheArcTakesItsPartOfTheArcTime) {
  const auto& b = block();
  const auto drive = straight_drive(b.graph(), b.at(0, 1, 0.2), b.at(0, 1, 0.6));
  ASSERT_TRUE(drive.has_value());
  EXPECT_EQ(drive->arc, b.arc(0, 1));
  EXPECT_NEAR(drive->fraction, 0.4, 1e-12);
  EXPECT_EQ(drive->time_ms, 4'000u);
  // The same on the one-way street.
  EXPECT_EQ(straight_drive_time(b.graph(), b.at(1, 2, 0.3), b.at(1, 2, 0.7)), 4'000u);
}

TEST(StraightDrive, BehindOnATwoWayRoadGoesBackAlongTheReverseArc) {
  const auto& b = block();
  const auto drive = straight_drive(b.graph(), b.at(0, 1, 0.9), b.at(0, 1, 0.6));
  ASSERT_TRUE(drive.has_value());
  EXPECT_EQ(drive->arc, b.arc(1, 0));
  EXPECT_EQ(drive->time_ms, 6'000u);  // 0.3 of the 20 s westbound arc
}

TEST(StraightDrive, BehindOnAOneWayRoadHasNone) {
  const auto& b = block();
  EXPECT_FALSE(straight_drive(b.graph(), b.at(1, 2, 0.7), b.at(1, 2, 0.3)).has_value());
}

TEST(StraightDrive, OtherSegmentsHaveNone) {
  const auto& b = block();
  EXPECT_FALSE(straight_drive(b.graph(), b.at(2, 3, 0.5), b.at(0, 1, 0.6)).has_value());
  EXPECT_FALSE(straight_drive(b.graph(), b.at(0, 1, 1.0), b.at(1, 2, 0.0)).has_value());
}

TEST(StraightDrive, EitherNameOfATwoWayRoadGivesTheSameDrive) {
  const auto& b = block();
  const Snap start = b.at(0, 1, 0.2), end = b.at(0, 1, 0.6);
  const Snap start_back = testing::named_backwards(start), end_back = testing::named_backwards(end);
  EXPECT_EQ(start_back.arc, b.arc(1, 0));
  for (const Snap& from : {start, start_back}) {
    for (const Snap& to : {end, end_back}) {
      EXPECT_EQ(straight_drive_time(b.graph(), from, to), 4'000u);  // east, 0.4 of 10 s
      EXPECT_EQ(straight_drive_time(b.graph(), to, from), 8'000u);  // west, 0.4 of 20 s
    }
  }
}

TEST(StraightDrive, TheSamePlaceIsNoTimeAway) {
  const auto& b = block();
  const Snap here = b.at(1, 2, 0.5);
  EXPECT_EQ(straight_drive_time(b.graph(), here, here), 0u);
  const Snap two_way = b.at(0, 1, 0.5);
  EXPECT_EQ(straight_drive_time(b.graph(), two_way, testing::named_backwards(two_way)), 0u);
}

}  // namespace
}  // namespace shouwang::routing
