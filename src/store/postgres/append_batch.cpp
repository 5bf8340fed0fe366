#include "store/postgres/append_batch.h"

#include <charconv>
#include <string>

#include "store/postgres/binary_copy.h"
#include "store/postgres/event_rows.h"
#include "store/postgres/pg_schema.h"

namespace shouwang::store::postgres {
namespace {

// Text format, hash as plain hex: both are independent of the server's output settings.
constexpr const char* kHeadSql =
    "SELECT seq, encode(hash, 'hex') FROM events ORDER BY seq DESC LIMIT 1";

const std::string kLockAndReadHeadSql = std::string("BEGIN; ") + kLockLogSql + "; " + kHeadSql;

const std::string kLockingWhat = "taking the log's lock and reading its last record";

const std::string kCopySql =
    std::string("COPY events (") + kEventColumns + ") FROM STDIN (FORMAT binary)";

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

Result<LogHead> head_from_result(const Connection& connection, const PGresult* result) {
  LogHead head;
  if (PQntuples(result) == 0)
    return head;
  const std::string_view seq_text = PQgetvalue(result, 0, 0);
  const std::string_view hash_hex = PQgetvalue(result, 0, 1);
  std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), head.seq);
  bool hash_ok = hash_hex.size() == 2 * head.hash.size();
  for (std::size_t i = 0; hash_ok && i < head.hash.size(); ++i) {
    const int high = hex_digit(hash_hex[2 * i]);
    const int low = hex_digit(hash_hex[2 * i + 1]);
    hash_ok = high >= 0 && low >= 0;
    head.hash[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  if (!hash_ok) {
    return Error(Errc::kCorrupt, "event log database " + connection.description() + ": record " +
                                     std::to_string(head.seq) + " has a hash of " +
                                     std::to_string(hash_hex.size() / 2) +
                                     " bytes, not 32: refusing to append after it (check the log "
                                     "with shouwang audit verify)");
  }
  return head;
}

// The COPY data for the batch chained on `head`; sets each request's sequence numbers and
// advances `head` to the batch's last record.
std::string encode_batch(std::span<detail::AppendRequest* const> batch, LogHead& head) {
  BinaryCopy copy;
  for (detail::AppendRequest* request : batch) {
    request->assigned.first = head.seq + 1;
    for (const EventDraft& draft : request->drafts) {
      ++head.seq;
      head.hash = chain_hash(head.hash, head.seq, draft);
      add_event_row(copy, head.seq, draft, head.hash);
    }
    request->assigned.last = head.seq;
  }
  return copy.finish();
}

}  // namespace

Result<std::uint64_t> read_last_seq(Connection& connection) {
  auto result = connection.exec("SELECT coalesce(max(seq), 0) FROM events", PGRES_TUPLES_OK,
                                "reading the last record");
  if (!result)
    return result.error();
  std::uint64_t seq = 0;
  const std::string_view text = PQgetvalue(result->get(), 0, 0);
  std::from_chars(text.data(), text.data() + text.size(), seq);
  return seq;
}

Result<LogHead> append_batch(Connection& connection,
                             std::span<detail::AppendRequest* const> batch) {
  if (auto ok = connection.ensure_open(); !ok)
    return ok.error();
  auto locked = connection.exec(kLockAndReadHeadSql, PGRES_TUPLES_OK, kLockingWhat);
  if (!locked && connection.broken()) {
    // A connection the server dropped while idle (a restart) shows only when used. Nothing
    // has been written yet, so one fresh attempt is safe.
    if (auto ok = connection.ensure_open(); !ok)
      return ok.error();
    locked = connection.exec(kLockAndReadHeadSql, PGRES_TUPLES_OK, kLockingWhat);
  }
  if (!locked) {
    connection.rollback();
    return locked.error();
  }
  auto head = head_from_result(connection, locked->get());
  if (!head) {
    connection.rollback();
    return head.error();
  }
  const std::string rows = encode_batch(batch, *head);
  if (auto copied = connection.copy_in(kCopySql, rows); !copied) {
    connection.rollback();
    return copied.error();
  }
  const std::string records = "records " + std::to_string(batch.front()->assigned.first) + " to " +
                              std::to_string(head->seq);
  auto committed = connection.exec("COMMIT", PGRES_COMMAND_OK, "committing " + records);
  if (!committed) {
    if (connection.broken()) {
      return Error(Errc::kUnavailable,
                   committed.error().message +
                       " (the connection broke during COMMIT: whether the records were stored "
                       "is unknown)");
    }
    connection.rollback();
    return committed.error();
  }
  // COMMIT of a transaction that had failed reports success with the tag ROLLBACK.
  if (std::string_view(PQcmdStatus(committed->get())) != "COMMIT") {
    return Error(Errc::kIoError, "event log database " + connection.description() +
                                     ": the server rolled back the transaction of " + records);
  }
  return head;
}

}  // namespace shouwang::store::postgres
