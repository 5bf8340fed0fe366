#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include <shouwang/server/telemetry/track_store.h>

#include "telemetry/telemetry_testing.h"

namespace shouwang::server::telemetry {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

constexpr LatLon kHome{31.2304, 121.4737};
const UtcTime kStart = UtcTime::from_seconds(1795392000);

PositionFix fix_at(int second, LatLon position, std::optional<double> heading = std::nullopt,
                   const std::string& unit = "A-01") {
  PositionFix fix;
  fix.unit = unit;
  fix.position = position;
  fix.t = kStart.plus_micros(std::int64_t{second} * 1'000'000);
  fix.received_at = fix.t;
  fix.heading_deg = heading;
  fix.speed_mps = 3.5;
  return fix;
}

std::unique_ptr<TrackStore> open_store(const fs::path& path, TrackStoreOptions options = {}) {
  auto store = TrackStore::open(path.string(), options);
  EXPECT_TRUE(store.ok()) << store.error().to_string();
  return store.ok() ? std::move(*store) : nullptr;
}

std::vector<int> seconds_of(const std::vector<TrackPoint>& points) {
  std::vector<int> out;
  for (const TrackPoint& p : points) out.push_back(static_cast<int>(p.t.seconds_since(kStart)));
  return out;
}

std::vector<int> kept_seconds(TrackStore& store, const std::string& unit = "A-01") {
  auto points = store.track(unit, kStart, kStart.plus_micros(3'600'000'000));
  EXPECT_TRUE(points.ok()) << points.error().to_string();
  return points.ok() ? seconds_of(*points) : std::vector<int>{};
}

TEST(TrackStore, AUnitStandingStillIsKeptEvery15Seconds) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  for (int s = 0; s <= 61; ++s) store->add(fix_at(s, kHome));
  EXPECT_EQ(kept_seconds(*store), (std::vector<int>{0, 15, 30, 45, 60}));
  EXPECT_EQ(store->stats().kept, 5u);
  EXPECT_EQ(store->stats().skipped, 57u);
}

TEST(TrackStore, AMovingUnitIsKeptEvery100Metres) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  for (int s = 0; s <= 10; ++s) store->add(fix_at(s, destination(kHome, 90, Meters(30.0 * s))));
  // 30 m/s: 90 m after 3 s is not enough, 120 m after 4 s is.
  EXPECT_EQ(kept_seconds(*store), (std::vector<int>{0, 4, 8}));
}

TEST(TrackStore, ATurnOfMoreThan30DegreesIsKept) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  const std::vector<double> headings = {0, 20, 35, 50, 66, 350, 15, 25, 340};
  for (int s = 0; s < static_cast<int>(headings.size()); ++s) store->add(fix_at(s, kHome, headings[s]));
  // 0 kept; 20 no; 35 yes; 50 no (15 from 35); 66 yes (31); 350 yes (76); 15 no (25 across
  // north); 25 yes (35); 340 yes (45).
  EXPECT_EQ(kept_seconds(*store), (std::vector<int>{0, 2, 4, 5, 7, 8}));
  // A fix without a heading never counts as a turn.
  store->add(fix_at(9, kHome));
  EXPECT_EQ(kept_seconds(*store).size(), 6u);
}

TEST(TrackStore, TheThresholdsAreOptions) {
  TempDir dir("tracks");
  TrackStoreOptions options;
  options.min_interval = Seconds(5);
  options.min_distance = Meters(1000);
  options.min_heading_change_deg = 90;
  auto store = open_store(dir.path() / "tracks.db", options);
  for (int s = 0; s <= 12; ++s) store->add(fix_at(s, destination(kHome, 90, Meters(30.0 * s)), s % 2 ? 0.0 : 80.0));
  EXPECT_EQ(kept_seconds(*store), (std::vector<int>{0, 5, 10}));
}

TEST(TrackStore, UnitsAreSampledAndReadApart) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  store->add(fix_at(0, kHome));
  store->add(fix_at(1, kHome, std::nullopt, "B-02"));
  store->add(fix_at(16, kHome, std::nullopt, "B-02"));
  EXPECT_EQ(kept_seconds(*store, "A-01"), (std::vector<int>{0}));
  EXPECT_EQ(kept_seconds(*store, "B-02"), (std::vector<int>{1, 16}));
  EXPECT_TRUE(kept_seconds(*store, "C-03").empty());
}

TEST(TrackStore, TrackReturnsTheRangeInTimeOrderWithAllFields) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  for (int s = 0; s <= 150; s += 15) {
    PositionFix fix = fix_at(s, destination(kHome, 0, Meters(10.0 * s)), 45.0);
    fix.accuracy_m = s == 30 ? std::nullopt : std::optional<double>(4.5);
    store->add(fix);
  }
  auto points = store->track("A-01", kStart.plus_micros(30'000'000), kStart.plus_micros(90'000'000));
  ASSERT_TRUE(points.ok()) << points.error().to_string();
  EXPECT_EQ(seconds_of(*points), (std::vector<int>{30, 45, 60, 75, 90}));  // both ends included
  const TrackPoint& p = points->front();
  EXPECT_EQ(p.position, destination(kHome, 0, Meters(300)));
  EXPECT_EQ(p.speed_mps, 3.5);
  EXPECT_EQ(p.heading_deg, 45.0);
  EXPECT_FALSE(p.accuracy_m);
  EXPECT_EQ((*points)[1].accuracy_m, 4.5);
}

TEST(TrackStore, TheWriterCommitsInTheBackgroundInBatches) {
  TempDir dir("tracks");
  TrackStoreOptions options;
  options.flush_interval = Seconds(0.02);
  auto store = open_store(dir.path() / "tracks.db", options);
  for (int s = 0; s < 40 * 15; s += 15) store->add(fix_at(s, kHome));
  ASSERT_TRUE(testing::wait_until([&] { return store->stats().written == 40; }))
      << "written " << store->stats().written;
  EXPECT_EQ(store->stats().pending, 0u);
  EXPECT_LE(store->stats().commits, 40u);
  EXPECT_TRUE(fs::exists(dir.path() / "tracks.db-wal"));  // WAL mode
}

TEST(TrackStore, CloseFlushesAndAReopenedStoreKeepsThePoints) {
  TempDir dir("tracks");
  const fs::path path = dir.path() / "tracks.db";
  {
    TrackStoreOptions slow;
    slow.flush_interval = Seconds(3600);  // only close() writes
    auto store = open_store(path, slow);
    for (int s = 0; s < 100 * 15; s += 15) store->add(fix_at(s, kHome));
    EXPECT_EQ(store->stats().written, 0u);
    EXPECT_EQ(store->stats().pending, 100u);
  }  // the destructor closes
  auto reopened = open_store(path);
  const auto seconds = kept_seconds(*reopened);
  ASSERT_EQ(seconds.size(), 100u);
  EXPECT_EQ(seconds.back(), 99 * 15);
  // After a reopen the unit's next fix is a first one again; adding is ignored once closed.
  EXPECT_TRUE(reopened->add(fix_at(99 * 15 + 1, kHome)));
  ASSERT_TRUE(reopened->close().ok());
  EXPECT_FALSE(reopened->add(fix_at(99 * 15 + 100, kHome)));
  EXPECT_TRUE(reopened->close().ok());
}

TEST(TrackStore, PruneDeletesOlderPoints) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  for (int s = 0; s < 10 * 15; s += 15) {
    store->add(fix_at(s, kHome));
    store->add(fix_at(s, kHome, std::nullopt, "B-02"));
  }
  ASSERT_TRUE(store->flush().ok());
  auto pruned = store->prune(kStart.plus_micros(60'000'000));
  ASSERT_TRUE(pruned.ok()) << pruned.error().to_string();
  EXPECT_EQ(*pruned, 8u);  // 0, 15, 30, 45 of both units
  EXPECT_EQ(kept_seconds(*store).front(), 60);
  EXPECT_EQ(kept_seconds(*store, "B-02").size(), 6u);
}

TEST(TrackStore, AFileThatIsNotATrackStoreIsRefused) {
  TempDir dir("tracks");
  const fs::path garbage = dir.path() / "garbage.db";
  std::ofstream(garbage) << std::string(8192, 'x');
  auto store = TrackStore::open(garbage.string());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, Errc::kCorrupt) << store.error().to_string();

  auto missing_dir = TrackStore::open((dir.path() / "no" / "such" / "tracks.db").string());
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_EQ(missing_dir.error().code, Errc::kIoError);
}

TEST(TrackStore, NonFinitePositionsAreNeverQueued) {
  TempDir dir("tracks");
  auto store = open_store(dir.path() / "tracks.db");
  EXPECT_FALSE(store->add(fix_at(0, {std::nan(""), 121.0})));
  EXPECT_TRUE(store->add(fix_at(1, kHome)));
  EXPECT_EQ(kept_seconds(*store), (std::vector<int>{1}));
  EXPECT_EQ(store->stats().write_failures, 0u);
}

}  // namespace
}  // namespace shouwang::server::telemetry
