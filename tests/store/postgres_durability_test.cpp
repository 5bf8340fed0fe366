// The kill -9 experiment (durability_check.h) on the PostgreSQL back end, against a real
// server the test starts: a writer process killed at random moments loses no acknowledged
// append and leaves none in part, and the log opens with its chain verified every time.

#include <cstdio>

#include <gtest/gtest.h>

#include <shouwang/base/random.h>

#include "durability_check.h"
#include "shared_pg_server.h"

namespace shouwang::store::testing {
namespace {

TEST(Durability, PostgresKeepsEveryAcknowledgedAppendAcrossTwentyFiveKills) {
  test::PgServer* server = test::shared_pg_server();
  ASSERT_NE(server, nullptr);
  const std::string database = test::fresh_pg_database();
  ASSERT_FALSE(database.empty());
  const DurabilityReport report =
      kill_and_check(server->url(database), SHOUWANG_CRASH_WRITER, 25, 8, Rng(2027));
  std::printf(
      "postgres: %d kills, %zu acknowledged appends, %llu records, %zu appends written but not yet "
      "acknowledged\n",
      report.kills, report.acknowledged, static_cast<unsigned long long>(report.records),
      report.unacknowledged);
  EXPECT_EQ(report.kills, 25);
  EXPECT_GT(report.acknowledged, 100u);
}

}  // namespace
}  // namespace shouwang::store::testing
