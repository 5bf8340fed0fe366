// An acknowledged append survives kill -9: a writer process appends from many threads and
// is killed at random moments, over and over; after each kill the log must open (its
// chain verifying), hold every acknowledged append exactly, and hold no append in part.

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>


#include <shouwang/base/random.h>
#include <shouwang/store/event_log.h>

#include "durability_check.h"

namespace shouwang::store::testing {
namespace {

namespace fs = std::filesystem;

TEST(Durability, SqliteKeepsEveryAcknowledgedAppendAcrossTwentyFiveKills) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-durability-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string url = "sqlite:" + (dir / "events.db").string();
  const DurabilityReport report = kill_and_check(url, SHOUWANG_CRASH_WRITER, 25, 8, Rng(2026));
  std::printf("sqlite: %d kills, %zu acknowledged appends, %llu records, %zu appends written but not yet acknowledged\n",
              report.kills, report.acknowledged, static_cast<unsigned long long>(report.records), report.unacknowledged);
  EXPECT_EQ(report.kills, 25);
  EXPECT_GT(report.acknowledged, 100u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::store::testing
