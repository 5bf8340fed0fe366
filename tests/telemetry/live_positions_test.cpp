#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include <shouwang/server/telemetry/live_positions.h>

namespace shouwang::server::telemetry {
namespace {

PositionFix fix_of(const std::string& unit, int second) {
  PositionFix fix;
  fix.unit = unit;
  fix.position = {31.2 + second * 1e-5, 121.4};
  fix.t = UtcTime::from_seconds(1795392000 + second);
  fix.received_at = fix.t.plus_micros(250000);
  if (second % 2 == 0) fix.speed_mps = 7.5;
  fix.heading_deg = 90.0;
  return fix;
}

TEST(LivePositions, TheLatestFixIsTheLivePosition) {
  LivePositions live;
  EXPECT_FALSE(live.latest("A-01"));
  live.update(fix_of("A-01", 0));
  live.update(fix_of("A-01", 1));
  const auto latest = live.latest("A-01");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->unit, "A-01");
  EXPECT_EQ(latest->t, fix_of("A-01", 1).t);
  EXPECT_EQ(latest->position, fix_of("A-01", 1).position);
  EXPECT_EQ(latest->received_at, fix_of("A-01", 1).received_at);
  EXPECT_FALSE(latest->speed_mps);  // absent stays absent
  EXPECT_EQ(latest->heading_deg, 90.0);
  EXPECT_FALSE(latest->accuracy_m);
}

TEST(LivePositions, RecentKeepsTheNewestFixesOldestFirst) {
  LivePositions live(5);
  for (int s = 0; s < 3; ++s) live.update(fix_of("A-01", s));
  auto recent = live.recent("A-01");
  ASSERT_EQ(recent.size(), 3u);
  EXPECT_EQ(recent.front().t, fix_of("A-01", 0).t);
  for (int s = 3; s < 13; ++s) live.update(fix_of("A-01", s));
  recent = live.recent("A-01");
  ASSERT_EQ(recent.size(), 5u);
  for (int k = 0; k < 5; ++k) EXPECT_EQ(recent[k].t, fix_of("A-01", 8 + k).t) << k;
  EXPECT_EQ(recent[0].speed_mps, 7.5);  // second 8
  EXPECT_FALSE(recent[1].speed_mps);     // second 9
  EXPECT_EQ(live.latest("A-01")->t, fix_of("A-01", 12).t);
  EXPECT_TRUE(live.recent("B-02").empty());
}

TEST(LivePositions, SnapshotHasEveryUnitsLatestFixInCodeOrder) {
  LivePositions live;
  live.update(fix_of("C-03", 4));
  live.update(fix_of("A-01", 1));
  live.update(fix_of("A-01", 2));
  live.update(fix_of("B-02", 3));
  const auto all = live.snapshot();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].unit, "A-01");
  EXPECT_EQ(all[0].t, fix_of("A-01", 2).t);
  EXPECT_EQ(all[1].unit, "B-02");
  EXPECT_EQ(all[2].unit, "C-03");
  live.forget("B-02");
  EXPECT_EQ(live.units(), 2u);
  EXPECT_FALSE(live.latest("B-02"));
}

TEST(LivePositions, MemoryPerUnitIsSmallAndMeasured) {
  EXPECT_LE(LivePositions::kSlotBytes, 48u);
  const std::size_t per_unit = LivePositions::bytes_per_unit(LivePositions::kDefaultRecent);
  EXPECT_LT(per_unit, 6u * 1024);
  EXPECT_GT(per_unit, LivePositions::kDefaultRecent * LivePositions::kSlotBytes);

  LivePositions live;
  const std::size_t empty = live.memory_bytes();
  for (int u = 0; u < 500; ++u) {
    for (int s = 0; s < 200; ++s) live.update(fix_of("U-" + std::to_string(u), s));
  }
  const std::size_t full = live.memory_bytes() - empty;
  EXPECT_EQ(full, 500 * per_unit);  // short codes, full rings: exactly the estimate
  // A unit with one fix holds a small ring only.
  LivePositions sparse;
  sparse.update(fix_of("A-01", 0));
  EXPECT_LT(sparse.memory_bytes() - empty, 600u);
}

TEST(LivePositions, ReadersAndAWriterRunConcurrently) {
  LivePositions live(16);
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done.load()) {
      for (const PositionFix& f : live.snapshot()) ASSERT_FALSE(f.unit.empty());
      const auto recent = live.recent("A-01");
      for (std::size_t k = 1; k < recent.size(); ++k) ASSERT_LT(recent[k - 1].t, recent[k].t);
    }
  });
  for (int s = 0; s < 20000; ++s) live.update(fix_of(s % 3 == 0 ? "B-02" : "A-01", s));
  done = true;
  reader.join();
  EXPECT_EQ(live.recent("A-01").size(), 16u);
}

}  // namespace
}  // namespace shouwang::server::telemetry
