#include <shouwang/store/sqlite_event_log.h>

#include <cstring>
#include <functional>
#include <mutex>

#include <shouwang/store/hash_chain.h>

#include "store/draft_rules.h"
#include "store/group_commit.h"
#include "store/sqlite/sqlite_db.h"

namespace shouwang::store {
namespace {

using sqlite::Database;
using sqlite::Statement;

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  time_us INTEGER NOT NULL,
  actor_user TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  actor_workstation TEXT NOT NULL,
  type TEXT NOT NULL,
  entities TEXT NOT NULL,
  payload TEXT NOT NULL,
  hash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, state BLOB NOT NULL);
)sql";

constexpr const char* kSelectEvents =
    "SELECT seq, time_us, actor_user, actor_role, actor_workstation, type, entities, payload, hash "
    "FROM events WHERE seq >= ? ORDER BY seq LIMIT ?";

constexpr const char* kScanEvents =
    "SELECT seq, time_us, actor_user, actor_role, actor_workstation, type, entities, payload, hash "
    "FROM events WHERE seq >= ? ORDER BY seq";

Result<Database> open_connection(const std::string& path, bool create = true) {
  auto db = Database::open(path, create);
  if (!db) return db.error();
  // WAL: readers never block the writer; FULL: a commit is fsynced before it returns.
  if (auto ok = db->exec("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"); !ok) {
    return ok.error();
  }
  return db;
}

Event event_from_row(const Statement& row) {
  Event e;
  e.seq = static_cast<std::uint64_t>(row.column_int(0));
  e.body.time = UtcTime::from_micros(row.column_int(1));
  e.body.actor.user = row.column_text(2);
  e.body.actor.role = row.column_text(3);
  e.body.actor.workstation = row.column_text(4);
  e.body.type = row.column_text(5);
  e.body.entities = detail::split_entities(row.column_text(6));
  e.body.payload = row.column_text(7);
  const std::string_view hash = row.column_blob(8);
  if (hash.size() == e.hash.size()) std::memcpy(e.hash.data(), hash.data(), hash.size());  // else: verify reports it
  return e;
}

class SqliteEventLog final : public EventLog {
 public:
  static Result<std::unique_ptr<EventLog>> open(const std::string& path, const OpenOptions& options) {
    auto log = std::unique_ptr<SqliteEventLog>(new SqliteEventLog());
    if (auto ok = log->init(path, options); !ok) return ok.error();
    return std::unique_ptr<EventLog>(std::move(log));
  }

  ~SqliteEventLog() override { committer_.reset(); }

  Result<Appended> append(std::vector<EventDraft> drafts) override {
    if (auto ok = detail::check_drafts(drafts); !ok) return ok.error();
    return committer_->submit(std::move(drafts));
  }

  [[nodiscard]] Result<std::vector<Event>> read(std::uint64_t from, std::size_t max) const override {
    std::lock_guard lock(read_mutex_);
    std::vector<Event> out;
    out.reserve(std::min<std::size_t>(max, 65536));
    select_.reset();
    select_.bind(1, static_cast<std::int64_t>(from));
    select_.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(max, INT64_MAX)));
    int rc;
    while ((rc = select_.step()) == SQLITE_ROW) out.push_back(event_from_row(select_));
    if (rc != SQLITE_DONE) {
      auto error = select_.error("reading events from " + std::to_string(from));
      select_.reset();
      return error;
    }
    select_.reset();
    return out;
  }

  [[nodiscard]] std::uint64_t last_seq() const override {
    std::lock_guard lock(head_mutex_);
    return head_seq_;
  }

  [[nodiscard]] Status scan(std::uint64_t from, const std::function<bool(const EventView&)>& visit) const override {
    std::lock_guard lock(read_mutex_);
    Statement& cursor = scan_;
    cursor.reset();
    cursor.bind(1, static_cast<std::int64_t>(from));
    std::vector<std::string_view> ids;
    EventView view;
    int rc;
    while ((rc = cursor.step()) == SQLITE_ROW) {
      view.seq = static_cast<std::uint64_t>(cursor.column_int(0));
      view.time = UtcTime::from_micros(cursor.column_int(1));
      view.actor_user = cursor.column_text(2);
      view.actor_role = cursor.column_text(3);
      view.actor_workstation = cursor.column_text(4);
      view.type = cursor.column_text(5);
      detail::split_entities(cursor.column_text(6), ids);
      view.entities = ids;
      view.payload = cursor.column_text(7);
      const std::string_view hash = cursor.column_blob(8);
      view.hash = {};
      if (hash.size() == view.hash.size()) std::memcpy(view.hash.data(), hash.data(), hash.size());
      if (!visit(view)) break;
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      auto error = cursor.error("reading events from " + std::to_string(from));
      cursor.reset();
      return error;
    }
    cursor.reset();
    return {};
  }

  Status put_snapshot(const Snapshot& snapshot) override {
    std::lock_guard lock(snapshot_mutex_);
    auto insert = snapshot_db_.prepare("INSERT OR REPLACE INTO snapshots (seq, state) VALUES (?, ?)");
    if (!insert) return insert.error();
    insert->bind(1, static_cast<std::int64_t>(snapshot.seq));
    insert->bind_blob(2, snapshot.state.data(), snapshot.state.size());
    if (insert->step() != SQLITE_DONE) return insert->error("writing the snapshot at " + std::to_string(snapshot.seq));
    // Older snapshots are never read again.
    return snapshot_db_.exec("DELETE FROM snapshots WHERE seq < " + std::to_string(snapshot.seq));
  }

  [[nodiscard]] Result<std::optional<Snapshot>> latest_snapshot() const override {
    std::lock_guard lock(snapshot_mutex_);
    auto select = snapshot_db_.prepare("SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1");
    if (!select) return select.error();
    const int rc = select->step();
    if (rc == SQLITE_DONE) return std::optional<Snapshot>();
    if (rc != SQLITE_ROW) return select->error("reading the latest snapshot");
    return std::optional<Snapshot>(Snapshot{static_cast<std::uint64_t>(select->column_int(0)),
                                            std::string(select->column_blob(1))});
  }

 private:
  SqliteEventLog() = default;

  Status init(const std::string& path, const OpenOptions& options) {
    auto writer = open_connection(path, options.create_if_missing);
    if (!writer) return writer.error();
    writer_ = std::move(writer).value();
    if (auto ok = writer_.exec(kSchema); !ok) return ok.error();
    if (auto ok = check_schema_version(); !ok) return ok.error();
    auto reader = open_connection(path);
    if (!reader) return reader.error();
    reader_ = std::move(reader).value();
    // Replay reads the whole log in order: map it rather than copy it page by page through
    // read(2), and keep a larger page cache for the batches in between.
    if (auto ok = reader_.exec("PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536;"); !ok) return ok.error();
    auto snapshots = open_connection(path);
    if (!snapshots) return snapshots.error();
    snapshot_db_ = std::move(snapshots).value();

    auto insert = writer_.prepare(
        "INSERT INTO events (seq, time_us, actor_user, actor_role, actor_workstation, type, entities, payload, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert) return insert.error();
    insert_ = std::move(insert).value();
    auto select = reader_.prepare(kSelectEvents);
    if (!select) return select.error();
    select_ = std::move(select).value();
    auto scan = reader_.prepare(kScanEvents);
    if (!scan) return scan.error();
    scan_ = std::move(scan).value();

    if (auto ok = load_head(); !ok) return ok.error();
    if (options.verify_on_open) {
      auto report = verify();
      if (!report) return report.error();
      if (!report->ok()) {
        return Error(Errc::kCorrupt, "the event log " + path + " fails verification at record " +
                                         std::to_string(*report->first_broken) + ": " + report->problem +
                                         "; refusing to serve from it (inspect it with shouwang audit verify)");
      }
      if (report->last_seq != head_seq_) {
        return Error(Errc::kCorrupt, "the event log " + path + " verifies up to record " +
                                         std::to_string(report->last_seq) + " but holds records up to " +
                                         std::to_string(head_seq_));
      }
    }
    committer_ = std::make_unique<detail::GroupCommitter>(
        [this](std::span<detail::AppendRequest* const> batch) { return commit(batch); }, options.max_batch_events);
    return {};
  }

  Status check_schema_version() {
    auto select = writer_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!select) return select.error();
    const int rc = select->step();
    if (rc == SQLITE_DONE) {
      return writer_.exec("INSERT INTO meta (key, value) VALUES ('schema_version', '" + std::to_string(kSchemaVersion) +
                          "')");
    }
    if (rc != SQLITE_ROW) return select->error("reading the schema version");
    const std::string version(select->column_text(0));
    if (version != std::to_string(kSchemaVersion)) {
      return Error(Errc::kInvalidArgument, "the event log " + writer_.path() + " has schema version " + version +
                                               "; this build reads version " + std::to_string(kSchemaVersion));
    }
    return {};
  }

  Status load_head() {
    auto select = writer_.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
    if (!select) return select.error();
    const int rc = select->step();
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return select->error("reading the last record");
    head_seq_ = static_cast<std::uint64_t>(select->column_int(0));
    const std::string_view hash = select->column_blob(1);
    if (hash.size() != head_hash_.size()) {
      return Error(Errc::kCorrupt, "the event log " + writer_.path() + ": record " + std::to_string(head_seq_) +
                                       " has a hash of " + std::to_string(hash.size()) + " bytes");
    }
    std::memcpy(head_hash_.data(), hash.data(), hash.size());
    return {};
  }

  // On the committer thread: one transaction for the whole batch.
  Status commit(std::span<detail::AppendRequest* const> batch) {
    std::uint64_t seq = head_seq_;
    Sha256 hash = head_hash_;
    if (auto ok = writer_.exec("BEGIN IMMEDIATE"); !ok) return ok.error();
    for (detail::AppendRequest* request : batch) {
      request->assigned.first = seq + 1;
      for (const EventDraft& d : request->drafts) {
        ++seq;
        hash = chain_hash(hash, seq, d);
        insert_.reset();
        insert_.bind(1, static_cast<std::int64_t>(seq));
        insert_.bind(2, d.time.micros());
        insert_.bind_text(3, d.actor.user);
        insert_.bind_text(4, d.actor.role);
        insert_.bind_text(5, d.actor.workstation);
        insert_.bind_text(6, d.type);
        insert_.bind_text(7, detail::join_entities(d.entities));
        insert_.bind_text(8, d.payload);
        insert_.bind_blob(9, hash.data(), hash.size());
        if (insert_.step() != SQLITE_DONE) {
          auto error = insert_.error("appending record " + std::to_string(seq));
          insert_.reset();
          (void)writer_.exec("ROLLBACK");
          return error;
        }
      }
      request->assigned.last = seq;
    }
    insert_.reset();
    if (auto ok = writer_.exec("COMMIT"); !ok) {
      (void)writer_.exec("ROLLBACK");
      return ok.error();
    }
    std::lock_guard lock(head_mutex_);
    head_seq_ = seq;
    head_hash_ = hash;
    return {};
  }

  Database writer_;
  Database reader_;
  mutable Database snapshot_db_;
  Statement insert_;
  mutable Statement select_;
  mutable Statement scan_;
  mutable std::mutex read_mutex_;
  mutable std::mutex snapshot_mutex_;
  mutable std::mutex head_mutex_;
  std::uint64_t head_seq_ = 0;
  Sha256 head_hash_ = kGenesisHash;
  std::unique_ptr<detail::GroupCommitter> committer_;
};

}  // namespace

Result<std::unique_ptr<EventLog>> open_sqlite_event_log(const std::string& path, const OpenOptions& options) {
  return SqliteEventLog::open(path, options);
}

}  // namespace shouwang::store
