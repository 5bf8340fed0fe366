// Start-up replay against real stores: a day of random commands goes through decide() and
// into the event log exactly as the server will do it; a snapshot is taken part way; the
// state rebuilt from a reopened log (snapshot + tail, or the whole log) must equal the live
// state — on SQLite and on PostgreSQL.

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/state_codec.h>

#include "cad_fixture.h"
#include "random_commands.h"
#include "store/shared_pg_server.h"

namespace shouwang::cad::testing {
namespace {

namespace fs = std::filesystem;

// Runs `commands` random commands through decide → append → apply, snapshotting after
// command `snapshot_at`; returns the live state's serialisation.
std::string run_day(store::EventLog& log, int commands, int snapshot_at, std::uint64_t seed) {
  const Decider decider(test_centre(), shipped_taxonomy());
  RandomCommands random(seed, shipped_taxonomy());
  State state;
  for (int i = 0; i < commands; ++i) {
    const UtcTime now = at(i * 37.0);
    auto events = decider.decide(state, random.next(state, now), actor("dispatcher" + std::to_string(i % 5)), now);
    if (events.ok()) {
      auto appended = log.append(*events);
      EXPECT_TRUE(appended.ok()) << appended.error().message;
      for (const auto& e : *events) EXPECT_TRUE(apply(state, e).ok());
    }
    if (i == snapshot_at) {
      EXPECT_TRUE(save_snapshot(log, state, log.last_seq()).ok());
    }
  }
  return serialize_state(state);
}

void check_rebuild(const std::string& url) {
  std::string live;
  std::uint64_t events = 0;
  {
    auto log = store::open_event_log(url);
    ASSERT_TRUE(log.ok()) << log.error().message;
    live = run_day(**log, 800, 500, 78);
    events = (*log)->last_seq();
  }
  ASSERT_GT(events, 300u);
  auto log = store::open_event_log(url);  // verifies the chain on the way in
  ASSERT_TRUE(log.ok()) << log.error().message;
  auto rebuilt = rebuild_state(**log);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().message;
  EXPECT_EQ(rebuilt->seq, events);
  EXPECT_GT(rebuilt->snapshot_seq, 0u);
  EXPECT_EQ(rebuilt->snapshot_seq + rebuilt->events_replayed, events);
  EXPECT_EQ(serialize_state(rebuilt->state), live);

  // Without the snapshot: the whole log gives the same state.
  State full;
  Status applied;
  ASSERT_TRUE((*log)->scan(1, [&](const store::EventView& e) {
                     applied = apply(full, e);
                     return applied.ok();
                   }).ok());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(serialize_state(full), live);
}

TEST(Rebuild, SnapshotPlusTailEqualsTheLiveStateOnSqlite) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-rebuild-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  check_rebuild("sqlite:" + (dir / "events.db").string());
  fs::remove_all(dir);
}

TEST(Rebuild, SnapshotPlusTailEqualsTheLiveStateOnPostgres) {
  const std::string database = shouwang::test::fresh_pg_database();
  ASSERT_FALSE(database.empty());
  check_rebuild(shouwang::test::shared_pg_server()->url(database));
}

TEST(Rebuild, AnEmptyLogGivesAnEmptyState) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-rebuild-empty-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto log = store::open_event_log("sqlite:" + (dir / "events.db").string());
  ASSERT_TRUE(log.ok());
  auto rebuilt = rebuild_state(**log);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(rebuilt->seq, 0u);
  EXPECT_EQ(serialize_state(rebuilt->state), serialize_state(State{}));
  fs::remove_all(dir);
}

TEST(Rebuild, ASnapshotOfAnotherFormatIsAClearError) {
  const fs::path dir = fs::temp_directory_path() / ("shouwang-rebuild-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto log = store::open_event_log("sqlite:" + (dir / "events.db").string());
  ASSERT_TRUE(log.ok());
  run_day(**log, 50, 1000, 5);
  ASSERT_TRUE((*log)->put_snapshot({(*log)->last_seq(), R"({"format":99})"}).ok());
  auto rebuilt = rebuild_state(**log);
  ASSERT_FALSE(rebuilt.ok());
  EXPECT_EQ(rebuilt.error().code, Errc::kCorrupt);
  EXPECT_NE(rebuilt.error().message.find("snapshot at event"), std::string::npos) << rebuilt.error().message;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace shouwang::cad::testing
