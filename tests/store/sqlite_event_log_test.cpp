// The SQLite back end: the shared contract, and what only a file can suffer (flipped bytes).

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include <shouwang/store/sqlite_event_log.h>

#include "event_log_contract.h"

namespace shouwang::store::testing {
namespace {

namespace fs = std::filesystem;

fs::path fresh_path(const std::string& name) {
  static std::atomic<int> counter{0};
  const fs::path dir = fs::temp_directory_path() / ("shouwang-store-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / (name + "-" + std::to_string(counter++) + ".db");
}

void run_sql(const fs::path& path, const std::string& sql, const std::string& text = {}) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  if (!text.empty()) sqlite3_bind_text(stmt, 1, text.c_str(), -1, SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE) << sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

class SqliteHarness final : public StoreHarness {
 public:
  SqliteHarness() : path_(fresh_path("contract")) {}
  ~SqliteHarness() override {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ec);
  }
  [[nodiscard]] std::string url() const override { return "sqlite:" + path_.string(); }
  void tamper_payload(std::uint64_t seq, const std::string& payload) override {
    run_sql(path_, "UPDATE events SET payload = ? WHERE seq = " + std::to_string(seq), payload);
  }
  void delete_record(std::uint64_t seq) override { run_sql(path_, "DELETE FROM events WHERE seq = " + std::to_string(seq)); }

 private:
  fs::path path_;
};

INSTANTIATE_TEST_SUITE_P(Sqlite, EventLogContract,
                         ::testing::Values(HarnessFactory{"sqlite", [] { return std::make_unique<SqliteHarness>(); }}),
                         harness_name);

// Flips one byte of `path` at the first occurrence of `marker`.
bool flip_byte_in(const fs::path& path, const std::string& marker) {
  std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const auto at = bytes.find(marker);
  if (at == std::string::npos) return false;
  file.seekp(static_cast<std::streamoff>(at + marker.size() - 1));
  file.put(static_cast<char>(bytes[at + marker.size() - 1] ^ 0x04));
  return true;
}

TEST(SqliteEventLog, AFlippedByteInARecordIsFoundByVerifyAndAtStartUp) {
  const fs::path path = fresh_path("flip");
  {
    auto log = open_sqlite_event_log(path.string());
    ASSERT_TRUE(log.ok()) << log.error().message;
    for (int n = 0; n < 50; ++n) ASSERT_TRUE((*log)->append({sample_draft(7, n)}).ok());
  }  // closing checkpoints the WAL into the main file
  ASSERT_FALSE(fs::exists(path.string() + "-wal") && fs::file_size(path.string() + "-wal") > 0);
  ASSERT_TRUE(flip_byte_in(path, R"({"writer":7,"n":23,)"));

  auto refused = open_sqlite_event_log(path.string());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kCorrupt);
  EXPECT_NE(refused.error().message.find("record 24"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find(path.string()), std::string::npos) << refused.error().message;

  auto opened = open_sqlite_event_log(path.string(), {.verify_on_open = false});
  ASSERT_TRUE(opened.ok());
  auto report = (*opened)->verify();
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->first_broken.has_value());
  EXPECT_EQ(*report->first_broken, 24u);
}

TEST(SqliteEventLog, AFileThatIsNotADatabaseIsAClearError) {
  const fs::path path = fresh_path("garbage");
  std::ofstream(path) << std::string(8192, 'x');
  auto log = open_sqlite_event_log(path.string());
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.error().code, Errc::kCorrupt);
  EXPECT_NE(log.error().message.find(path.string()), std::string::npos) << log.error().message;
}

TEST(SqliteEventLog, AFlippedByteInAPageHeaderIsAClearError) {
  const fs::path path = fresh_path("header");
  {
    auto log = open_sqlite_event_log(path.string());
    ASSERT_TRUE(log.ok());
    for (int n = 0; n < 400; ++n) ASSERT_TRUE((*log)->append({sample_draft(8, n)}).ok());
  }
  // Every page after the first starts with a b-tree page header; its first byte is the page
  // type (2, 5, 10 or 13). Corrupting the type of a table's pages breaks reading it.
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    const std::size_t page = 4096, pages = fs::file_size(path) / page;
    for (std::size_t p = 1; p < pages; ++p) {
      file.seekg(static_cast<std::streamoff>(p * page));
      const int type = file.get();
      if (type == 13) {  // a table leaf page: events live in these
        file.seekp(static_cast<std::streamoff>(p * page));
        file.put(static_cast<char>(0x7f));
      }
    }
  }
  auto log = open_sqlite_event_log(path.string());
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.error().code, Errc::kCorrupt) << log.error().message;
  EXPECT_NE(log.error().message.find(path.string()), std::string::npos) << log.error().message;
}

TEST(EventLogUrl, UnknownSchemesAndEmptyPathsAreRefused) {
  auto unknown = open_event_log("mysql://x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, Errc::kInvalidArgument);
  EXPECT_EQ(unknown.error().field, "db");
  EXPECT_FALSE(open_event_log("sqlite:").ok());
}

}  // namespace
}  // namespace shouwang::store::testing
