#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <optional>
#include <span>

#include <shouwang/store/postgres_event_log.h>

#include "store/draft_rules.h"
#include "store/group_commit.h"
#include "store/postgres/append_batch.h"
#include "store/postgres/binary_values.h"
#include "store/postgres/event_rows.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_schema.h"

namespace shouwang::store {
namespace {

using postgres::Connection;
using postgres::PgResult;
using postgres::QueryParams;

const std::string kSelectEvents = std::string("SELECT ") + postgres::kEventColumns +
                                  " FROM events WHERE seq >= $1 ORDER BY seq LIMIT $2";

constexpr const char* kUpsertSnapshot =
    "INSERT INTO snapshots (seq, state) VALUES ($1, $2) ON CONFLICT (seq) DO UPDATE SET state = "
    "EXCLUDED.state";
// Older snapshots are never read again.
constexpr const char* kDeleteOlderSnapshots = "DELETE FROM snapshots WHERE seq < $1";
constexpr const char* kSelectLatestSnapshot =
    "SELECT seq, state FROM snapshots ORDER BY seq DESC LIMIT 1";

// Rows per query when scanning: large enough that a round trip is cheap beside decoding.
constexpr std::size_t kScanPage = 16384;

// The log over two connections: the committer thread owns `writer_`; reads, verification
// and snapshots share `reader_` under a mutex, so they never wait for a commit's fsync.
class PostgresEventLog final : public EventLog {
 public:
  static Result<std::unique_ptr<EventLog>> open(const std::string& conninfo,
                                                const OpenOptions& options) {
    auto log = std::unique_ptr<PostgresEventLog>(new PostgresEventLog());
    if (auto ok = log->init(conninfo, options); !ok)
      return ok.error();
    return std::unique_ptr<EventLog>(std::move(log));
  }

  // Commits what is queued before the connections close.
  ~PostgresEventLog() override { committer_.reset(); }

  Result<Appended> append(std::vector<EventDraft> drafts) override {
    if (auto ok = detail::check_drafts(drafts); !ok)
      return ok.error();
    return committer_->submit(std::move(drafts));
  }

  [[nodiscard]] Result<std::vector<Event>> read(std::uint64_t from,
                                                std::size_t max) const override {
    constexpr auto kMaxBigint =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (max == 0 || from > kMaxBigint)
      return std::vector<Event>();
    QueryParams params;
    params.add_int8(static_cast<std::int64_t>(from));
    params.add_int8(static_cast<std::int64_t>(std::min<std::uint64_t>(max, kMaxBigint)));
    std::lock_guard lock(reader_mutex_);
    auto rows = query(kSelectEvents.c_str(), params);
    if (!rows)
      return rows.error();
    return postgres::events_from_result(rows->get());
  }

  // As this process last saw it: at open and after each of its own commits. Records that
  // other processes append show up in read() and in the next commit's head.
  [[nodiscard]] std::uint64_t last_seq() const override {
    return head_seq_.load(std::memory_order_acquire);
  }

  // Pages through the log by sequence number. Only fetching a page holds the reader
  // connection; `visit` runs without it, so it may call back into the log.
  [[nodiscard]] Status scan(std::uint64_t from,
                            const std::function<bool(const EventView&)>& visit) const override {
    EventView view;
    std::vector<std::string_view> ids;
    while (true) {
      constexpr auto kMaxBigint =
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
      if (from > kMaxBigint)
        return {};
      QueryParams params;
      params.add_int8(static_cast<std::int64_t>(from));
      params.add_int8(static_cast<std::int64_t>(kScanPage));
      Result<PgResult> page = [&] {
        std::lock_guard lock(reader_mutex_);
        return query(kSelectEvents.c_str(), params);
      }();
      if (!page)
        return page.error();
      const int rows = PQntuples(page->get());
      for (int row = 0; row < rows; ++row) {
        if (auto ok = postgres::view_row(page->get(), row, view, ids); !ok)
          return ok;
        if (!visit(view))
          return {};
      }
      if (rows < static_cast<int>(kScanPage))
        return {};
      from = view.seq + 1;
    }
  }

  Status put_snapshot(const Snapshot& snapshot) override {
    QueryParams upsert;
    upsert.add_int8(static_cast<std::int64_t>(snapshot.seq));
    upsert.add_bytea(snapshot.state);
    QueryParams older;
    older.add_int8(static_cast<std::int64_t>(snapshot.seq));
    std::lock_guard lock(reader_mutex_);
    if (auto ok = reader_.ensure_open(); !ok)
      return ok;
    Status written = [&]() -> Status {
      if (auto begun = reader_.exec("BEGIN"); !begun)
        return begun.error();
      if (auto put = reader_.exec_params(kUpsertSnapshot, upsert, PGRES_COMMAND_OK); !put)
        return put.error();
      if (auto gone = reader_.exec_params(kDeleteOlderSnapshots, older, PGRES_COMMAND_OK); !gone)
        return gone.error();
      if (auto committed = reader_.exec("COMMIT"); !committed)
        return committed.error();
      return {};
    }();
    if (!written)
      reader_.rollback();
    return written;
  }

  [[nodiscard]] Result<std::optional<Snapshot>> latest_snapshot() const override {
    std::lock_guard lock(reader_mutex_);
    auto rows = query(kSelectLatestSnapshot, QueryParams());
    if (!rows)
      return rows.error();
    const PGresult* result = rows->get();
    if (PQntuples(result) == 0)
      return std::optional<Snapshot>();
    if (PQgetlength(result, 0, 0) != 8) {
      return Error(Errc::kCorrupt, "event log database " + reader_.description() +
                                       ": a snapshot's seq is not a bigint");
    }
    Snapshot snapshot;
    snapshot.seq = postgres::get_be(PQgetvalue(result, 0, 0), 8);
    snapshot.state.assign(PQgetvalue(result, 0, 1),
                          static_cast<std::size_t>(PQgetlength(result, 0, 1)));
    return std::optional<Snapshot>(std::move(snapshot));
  }

 private:
  PostgresEventLog() = default;

  Status init(const std::string& conninfo, const OpenOptions& options) {
    auto writer = Connection::open(conninfo);
    if (!writer)
      return writer.error();
    writer_ = std::move(writer).value();
    if (auto ok = postgres::prepare_database(writer_, options.create_if_missing); !ok)
      return ok;
    auto reader = Connection::open(conninfo);
    if (!reader)
      return reader.error();
    reader_ = std::move(reader).value();

    auto last = postgres::read_last_seq(writer_);
    if (!last)
      return last.error();
    head_seq_.store(*last, std::memory_order_release);
    if (options.verify_on_open) {
      auto report = verify();
      if (!report)
        return report.error();
      if (!report->ok()) {
        return Error(Errc::kCorrupt,
                     "the event log in " + writer_.description() +
                         " fails verification at record " + std::to_string(*report->first_broken) +
                         ": " + report->problem +
                         "; refusing to serve from it (inspect it with shouwang audit verify)");
      }
      // Other processes may append while this one verifies, so more records than the head
      // read before are fine; fewer mean the chain stops short of records that exist.
      if (report->last_seq < *last) {
        return Error(Errc::kCorrupt, "the event log in " + writer_.description() +
                                         " verifies up to record " +
                                         std::to_string(report->last_seq) +
                                         " but holds records up to " + std::to_string(*last));
      }
    }
    committer_ = std::make_unique<detail::GroupCommitter>(
        [this](std::span<detail::AppendRequest* const> batch) { return commit(batch); },
        options.max_batch_events);
    return {};
  }

  // On the committer thread.
  Status commit(std::span<detail::AppendRequest* const> batch) {
    auto head = postgres::append_batch(writer_, batch);
    if (!head)
      return head.error();
    std::uint64_t seen = head_seq_.load(std::memory_order_acquire);
    while (seen < head->seq &&
           !head_seq_.compare_exchange_weak(seen, head->seq, std::memory_order_acq_rel)) {
    }
    return {};
  }

  // A read-only statement on the reader connection, tried once more on a fresh connection
  // if the server had dropped it. The caller holds reader_mutex_.
  Result<PgResult> query(const char* sql, const QueryParams& params) const {
    if (auto ok = reader_.ensure_open(); !ok)
      return ok.error();
    auto rows = reader_.exec_params(sql, params);
    if (!rows && reader_.broken()) {
      if (auto ok = reader_.ensure_open(); !ok)
        return ok.error();
      rows = reader_.exec_params(sql, params);
    }
    return rows;
  }

  Connection writer_;
  mutable Connection reader_;
  mutable std::mutex reader_mutex_;
  std::atomic<std::uint64_t> head_seq_{0};
  std::unique_ptr<detail::GroupCommitter> committer_;
};

}  // namespace

Result<std::unique_ptr<EventLog>> open_postgres_event_log(const std::string& conninfo_url,
                                                          const OpenOptions& options) {
  return PostgresEventLog::open(conninfo_url, options);
}

}  // namespace shouwang::store
