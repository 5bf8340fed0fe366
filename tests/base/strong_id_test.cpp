#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

#include <shouwang/base/ids.h>

namespace shouwang {
namespace {

static_assert(!std::is_convertible_v<NodeId, UnitId>, "ids of different kinds must not mix");
static_assert(!std::is_convertible_v<std::uint32_t, NodeId>, "ids are built explicitly");
static_assert(!std::is_convertible_v<Meters, Seconds>, "quantities of different units must not mix");
static_assert(sizeof(NodeId) == 4 && sizeof(IncidentId) == 8, "ids keep their storage size");

TEST(StrongId, DefaultIsInvalidAndValueRoundTrips) {
  NodeId none;
  EXPECT_FALSE(none.valid());
  NodeId n(42);
  EXPECT_TRUE(n.valid());
  EXPECT_EQ(n.value(), 42u);
  EXPECT_LT(NodeId(1), NodeId(2));
  EXPECT_EQ(IncidentId(7), IncidentId(7));
}

TEST(StrongId, HashesLikeItsValue) {
  std::unordered_set<UnitId> units{UnitId(1), UnitId(2), UnitId(1)};
  EXPECT_EQ(units.size(), 2u);
  EXPECT_TRUE(units.count(UnitId(2)));
}

TEST(Quantity, ArithmeticKeepsTheUnit) {
  Meters a(100.0), b(50.0);
  EXPECT_DOUBLE_EQ((a + b).value(), 150.0);
  EXPECT_DOUBLE_EQ((a - b).value(), 50.0);
  EXPECT_DOUBLE_EQ((a * 2.0).value(), 200.0);
  EXPECT_DOUBLE_EQ(a / b, 2.0);
  a += b;
  EXPECT_DOUBLE_EQ(a.value(), 150.0);
  EXPECT_DOUBLE_EQ(travel_time(Meters(1000.0), kmh(36.0)).value(), 100.0);
}

}  // namespace
}  // namespace shouwang
