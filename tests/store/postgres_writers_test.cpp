// Several writers on one PostgreSQL log: two EventLog instances (as two server nodes would
// be), a foreign writer that holds the log's lock and appends behind the instance's back,
// and a server restart under a live log.

#include <atomic>
#include <chrono>
#include <future>
#include <libpq-fe.h>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include <shouwang/store/hash_chain.h>

#include "event_log_contract.h"
#include "shared_pg_server.h"

namespace shouwang::store::testing {
namespace {

using test::fresh_pg_database;
using test::shared_pg_server;

std::unique_ptr<EventLog> open_log(const std::string& url) {
  auto log = open_event_log(url);
  EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().message);
  return log.ok() ? std::move(log).value() : nullptr;
}

// Writer w's n-th append: one or two drafts.
std::vector<EventDraft> drafts_of(int writer, int n) {
  std::vector<EventDraft> drafts{sample_draft(writer, n, 0)};
  if (n % 2 == 1)
    drafts.push_back(sample_draft(writer, n, 1));
  return drafts;
}

TEST(PostgresWriters, TwoLogsOnOneDatabaseShareOneGaplessChain) {
  test::PgServer* server = shared_pg_server();
  ASSERT_NE(server, nullptr);
  const std::string url = server->url(fresh_pg_database());
  auto first = open_log(url);
  auto second = open_log(url);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);

  constexpr int kWritersPerLog = 8, kAppends = 30;
  struct Ack {
    int writer, n;
    Appended at;
  };
  std::vector<std::vector<Ack>> acks(2 * kWritersPerLog);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 2 * kWritersPerLog; ++w) {
    EventLog* log = w < kWritersPerLog ? first.get() : second.get();
    threads.emplace_back([&, log, w] {
      for (int n = 0; n < kAppends; ++n) {
        auto done = log->append(drafts_of(w, n));
        if (done.ok()) {
          acks[static_cast<std::size_t>(w)].push_back({w, n, *done});
        } else {
          ++failures;
          ADD_FAILURE() << done.error().message;
        }
      }
    });
  }
  for (auto& t : threads)
    t.join();
  ASSERT_EQ(failures.load(), 0);

  auto all = first->read(1, 100'000);
  ASSERT_TRUE(all.ok());
  const std::size_t expected = 2 * kWritersPerLog * (kAppends + kAppends / 2);
  ASSERT_EQ(all->size(), expected);
  for (std::size_t i = 0; i < all->size(); ++i)
    ASSERT_EQ((*all)[i].seq, i + 1) << "a gap or a duplicate";
  std::set<std::uint64_t> given;
  for (const auto& writer_acks : acks) {
    for (const Ack& a : writer_acks) {
      const auto drafts = drafts_of(a.writer, a.n);
      ASSERT_EQ(a.at.last - a.at.first + 1, drafts.size());
      for (std::uint64_t s = a.at.first; s <= a.at.last; ++s) {
        ASSERT_TRUE(given.insert(s).second) << "sequence number " << s << " given twice";
        EXPECT_EQ((*all)[s - 1].body, drafts[s - a.at.first]);
      }
    }
  }
  EXPECT_EQ(given.size(), expected);
  for (EventLog* log : {first.get(), second.get()}) {
    auto report = log->verify();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_TRUE(report->ok()) << report->problem;
    EXPECT_EQ(report->records, expected);
  }
  EXPECT_EQ(std::max(first->last_seq(), second->last_seq()), expected);
}

// A raw libpq session for the test to act as another writer with.
class RawSession {
 public:
  explicit RawSession(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
  ~RawSession() { PQfinish(conn_); }
  RawSession(const RawSession&) = delete;
  RawSession& operator=(const RawSession&) = delete;
  bool run(const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const std::string& p : params)
      values.push_back(p.c_str());
    PGresult* result = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                    values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    EXPECT_TRUE(ok) << sql << ": " << PQresultErrorMessage(result);
    PQclear(result);
    return ok;
  }

 private:
  PGconn* conn_;
};

TEST(PostgresWriters, AnAppendWaitsForTheLogLockAndChainsOnWhatTheHolderWrote) {
  test::PgServer* server = shared_pg_server();
  ASSERT_NE(server, nullptr);
  const std::string url = server->url(fresh_pg_database());
  auto log = open_log(url);
  ASSERT_NE(log, nullptr);
  ASSERT_TRUE(log->append({sample_draft(1, 1), sample_draft(1, 2)}).ok());
  const Sha256 head = log->read(2, 1)->front().hash;

  // Another writer takes the log's lock and appends record 3 the way the log would.
  RawSession other(url);
  ASSERT_TRUE(other.run("BEGIN"));
  ASSERT_TRUE(other.run("SELECT pg_advisory_xact_lock(8316288232366436967)"));
  EventDraft foreign = sample_draft(9, 3);
  foreign.entities = {"from-another-node"};
  const Sha256 foreign_hash = chain_hash(head, 3, foreign);
  ASSERT_TRUE(
      other.run("INSERT INTO events (seq, time_us, actor_user, actor_role, actor_workstation, "
                "type, entities, "
                "payload, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                {"3", std::to_string(foreign.time.micros()), foreign.actor.user, foreign.actor.role,
                 foreign.actor.workstation, foreign.type, foreign.entities.front(), foreign.payload,
                 "\\x" + to_hex(foreign_hash)}));

  auto pending = std::async(std::launch::async, [&] { return log->append({sample_draft(1, 4)}); });
  // It cannot finish while the lock is held, however long it is given.
  EXPECT_EQ(pending.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
  ASSERT_TRUE(other.run("COMMIT"));
  auto done = pending.get();
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->first, 4u);  // after the other writer's record, not on the stale head 2

  auto report = log->verify();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problem;
  EXPECT_EQ(report->records, 4u);
  EXPECT_EQ(log->read(3, 1)->front().body, foreign);
}

TEST(PostgresWriters, ALiveLogReconnectsAfterTheServerRestarts) {
  test::PgServer* server = shared_pg_server();
  ASSERT_NE(server, nullptr);
  const std::string url = server->url(fresh_pg_database());
  auto log = open_log(url);
  ASSERT_NE(log, nullptr);
  ASSERT_TRUE(log->append({sample_draft(1, 1)}).ok());
  ASSERT_TRUE(log->put_snapshot({1, "one"}).ok());

  auto restarted = server->restart();
  ASSERT_TRUE(restarted.ok()) << restarted.error().message;

  auto next = log->append({sample_draft(1, 2)});
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->first, 2u);
  auto events = log->read(1, 10);
  ASSERT_TRUE(events.ok()) << events.error().message;
  EXPECT_EQ(events->size(), 2u);
  auto snapshot = log->latest_snapshot();
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().message;
  ASSERT_TRUE(snapshot->has_value());
  EXPECT_EQ((*snapshot)->state, "one");
}

}  // namespace
}  // namespace shouwang::store::testing
