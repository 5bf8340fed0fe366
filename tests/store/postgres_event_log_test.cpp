// The PostgreSQL back end on a real server that the test starts (pg_server.h): the shared
// contract, and what is particular to PostgreSQL: text exactly as given, UTF-8 only, the
// schema version, and open errors that quote the server but never the password.

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include <shouwang/store/hash_chain.h>
#include <shouwang/store/postgres_event_log.h>

#include "event_log_contract.h"
#include "shared_pg_server.h"

namespace shouwang::store::testing {
namespace {

using test::fresh_pg_database;
using test::shared_pg_server;

// A fresh database on the shared server; tampering goes through plain SQL, as an intruder
// with database access would.
class PostgresHarness final : public StoreHarness {
 public:
  PostgresHarness() : database_(fresh_pg_database()) {}
  [[nodiscard]] std::string url() const override {
    test::PgServer* server = shared_pg_server();
    return server != nullptr ? server->url(database_)
                             : "postgresql://postgres@127.0.0.1:1/no_server";
  }
  void tamper_payload(std::uint64_t seq, const std::string& payload) override {
    sql("UPDATE events SET payload = $1 WHERE seq = $2", {payload, std::to_string(seq)});
  }
  void delete_record(std::uint64_t seq) override {
    sql("DELETE FROM events WHERE seq = $1", {std::to_string(seq)});
  }

  // The first column of the first row; a failed statement fails the test.
  std::string sql(const std::string& statement, const std::vector<std::string>& params = {}) {
    test::PgServer* server = shared_pg_server();
    if (server == nullptr)
      return {};
    auto result = server->query(database_, statement, params);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : std::string();
  }

 private:
  std::string database_;
};

INSTANTIATE_TEST_SUITE_P(Postgres, EventLogContract,
                         ::testing::Values(HarnessFactory{
                             "postgres", [] { return std::make_unique<PostgresHarness>(); }}),
                         harness_name);

std::unique_ptr<EventLog> open_log(const std::string& url) {
  auto log = open_event_log(url);
  EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().message);
  return log.ok() ? std::move(log).value() : nullptr;
}

TEST(PostgresEventLog, TextIsStoredByteForByteAsGiven) {
  PostgresHarness store;
  auto log = open_log(store.url());
  ASSERT_NE(log, nullptr);
  EventDraft d = sample_draft(1, 1);
  // Spacing, key order and escapes that a jsonb column would normalise away.
  d.payload = "{ \"b\" : 1,\n\t\"a\":\"\\u00e9 é 接警\" , \"a\": 2 }";
  d.entities = {};
  d.actor.workstation = "";
  ASSERT_TRUE(log->append({d}).ok());
  EventDraft one_entity = sample_draft(1, 2);
  one_entity.entities = {"310100-一号"};
  ASSERT_TRUE(log->append({one_entity}).ok());

  auto events = log->read(1, 10);
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].body, d);
  EXPECT_EQ((*events)[1].body, one_entity);
  EXPECT_EQ(store.sql("SELECT payload FROM events WHERE seq = 1"), d.payload);
  EXPECT_EQ(store.sql("SELECT encode(hash, 'hex') FROM events WHERE seq = 2"),
            to_hex((*events)[1].hash));
}

TEST(PostgresEventLog, TextThatIsNotUtf8IsRefusedBeforeItIsQueued) {
  PostgresHarness store;
  auto log = open_log(store.url());
  ASSERT_NE(log, nullptr);
  EventDraft bad_actor = sample_draft(1, 1);
  bad_actor.actor.user = "\xff\xfe";
  auto refused = log->append({sample_draft(1, 0), bad_actor});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(refused.error().field, "actor");
  EXPECT_NE(refused.error().message.find("event 2 of 2"), std::string::npos)
      << refused.error().message;
  EventDraft bad_entity = sample_draft(1, 2);
  bad_entity.entities.push_back("\xe6\x8e");  // a character cut short
  EXPECT_FALSE(log->append({bad_entity}).ok());
  EventDraft surrogate = sample_draft(1, 3);
  surrogate.type = "incident.\xed\xa0\x80";
  EXPECT_FALSE(log->append({surrogate}).ok());

  EXPECT_EQ(log->last_seq(), 0u);
  auto ok = log->append({sample_draft(1, 4)});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->first, 1u);
}

TEST(PostgresEventLog, ALogOfAnotherSchemaVersionIsRefused) {
  PostgresHarness store;
  {
    auto log = open_log(store.url());
    ASSERT_NE(log, nullptr);
    ASSERT_TRUE(log->append({sample_draft(1, 1)}).ok());
  }
  store.sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
  auto refused = open_event_log(store.url());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kInvalidArgument);
  EXPECT_NE(refused.error().message.find("schema version 99"), std::string::npos)
      << refused.error().message;
}

TEST(PostgresEventLog, InspectingADatabaseWithoutALogCreatesNothing) {
  PostgresHarness store;
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto missing =
        open_event_log(store.url(), {.verify_on_open = false, .create_if_missing = false});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, Errc::kNotFound);
    EXPECT_NE(missing.error().message.find("there is no event log"), std::string::npos)
        << missing.error().message;
  }
  EXPECT_EQ(store.sql("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0");
  ASSERT_NE(open_log(store.url()), nullptr);
  auto inspected =
      open_event_log(store.url(), {.verify_on_open = false, .create_if_missing = false});
  EXPECT_TRUE(inspected.ok()) << inspected.error().message;
}

TEST(PostgresEventLog, BothUrlSchemesOpenTheSameLog) {
  PostgresHarness store;
  const std::string url = store.url();
  ASSERT_TRUE(url.starts_with("postgresql://"));
  {
    auto log = open_log(url);
    ASSERT_NE(log, nullptr);
    ASSERT_TRUE(log->append({sample_draft(1, 1)}).ok());
  }
  auto log = open_log("postgres://" + url.substr(std::string("postgresql://").size()));
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->last_seq(), 1u);
}

TEST(PostgresEventLog, OpenErrorsQuoteTheServerButNeverThePassword) {
  test::PgServer* server = shared_pg_server();
  ASSERT_NE(server, nullptr);
  const std::string port = std::to_string(server->port());
  const std::string secret = "s3cret-Pw";

  auto missing = open_postgres_event_log("postgresql://postgres:" + secret + "@127.0.0.1:" + port +
                                         "/no_such_db");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kUnavailable);
  EXPECT_NE(missing.error().message.find("\"no_such_db\" does not exist"), std::string::npos)
      << missing.error().message;
  EXPECT_NE(missing.error().message.find("postgresql://postgres@127.0.0.1:" + port + "/no_such_db"),
            std::string::npos)
      << missing.error().message;

  // Port 1 on the loopback: nothing listens there.
  for (const std::string& url :
       {"postgresql://postgres:" + secret + "@127.0.0.1:1/shouwang",
        "postgresql://postgres@127.0.0.1:1/shouwang?password=" + secret,
        "postgresql://postgres:" + secret + "@127.0.0.1:not-a-port/shouwang"}) {
    auto refused = open_event_log(url);
    ASSERT_FALSE(refused.ok()) << url;
    EXPECT_EQ(refused.error().code, Errc::kUnavailable) << refused.error().message;
    EXPECT_EQ(refused.error().message.find(secret), std::string::npos) << refused.error().message;
    EXPECT_NE(refused.error().message.find("127.0.0.1"), std::string::npos)
        << refused.error().message;
  }
  EXPECT_EQ(missing.error().message.find(secret), std::string::npos) << missing.error().message;
}

}  // namespace
}  // namespace shouwang::store::testing
