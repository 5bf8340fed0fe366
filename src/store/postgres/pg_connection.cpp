#include "store/postgres/pg_connection.h"

#include <algorithm>
#include <utility>

#include "store/postgres/sqlstate.h"

namespace shouwang::store::postgres {
namespace {

// libpq's messages span lines ("...failed: Connection refused\n\tIs the server running");
// an Error message is one line.
std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
  std::string out;
  for (const char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' '))
      continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

// synchronous_commit: a commit returns once it is durable, whatever the server's default.
// lock_timeout: bounds how long an append waits for the log's lock held by another process.
// client_min_messages: keeps notices ("relation already exists, skipping") off stderr.
constexpr const char* kSessionSetup =
    "SET synchronous_commit = on; SET lock_timeout = '30s'; SET bytea_output = 'hex'; "
    "SET client_min_messages = warning";

}  // namespace

Result<Connection> Connection::open(const std::string& conninfo) {
  Connection c;
  c.info_ = describe_conninfo(conninfo);
  // The string's own settings override those before it (connect_timeout, the application
  // name), and the client encoding after it is forced: stored text must be UTF-8.
  const char* const keywords[] = {"connect_timeout", "fallback_application_name", "dbname",
                                  "client_encoding", nullptr};
  const char* const values[] = {"10", "shouwang", conninfo.c_str(), "UTF8", nullptr};
  c.conn_ = PQconnectdbParams(keywords, values, 1);
  if (c.conn_ == nullptr)
    return Error(Errc::kInternal, "libpq could not allocate a connection");
  if (PQstatus(c.conn_) != CONNECTION_OK) {
    return Error(Errc::kUnavailable, "cannot connect to the event log database " +
                                         c.info_.description + ": " +
                                         scrub(one_line(PQerrorMessage(c.conn_)), c.info_.secrets));
  }
  if (auto ok = c.set_up_session(); !ok)
    return ok.error();
  return c;
}

Connection::~Connection() {
  if (conn_ != nullptr)
    PQfinish(conn_);
}

Connection::Connection(Connection&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)), info_(std::move(other.info_)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
  if (this != &other) {
    if (conn_ != nullptr)
      PQfinish(conn_);
    conn_ = std::exchange(other.conn_, nullptr);
    info_ = std::move(other.info_);
  }
  return *this;
}

Status Connection::set_up_session() {
  auto ok = exec(kSessionSetup);
  if (!ok)
    return ok.error();
  return {};
}

Status Connection::ensure_open() {
  if (conn_ == nullptr)
    return Error(Errc::kInternal, "the event log's database connection was never opened");
  if (PQstatus(conn_) == CONNECTION_OK)
    return {};
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Error(Errc::kUnavailable, "lost the connection to the event log database " +
                                         info_.description + " and cannot reconnect: " +
                                         scrub(one_line(PQerrorMessage(conn_)), info_.secrets));
  }
  return set_up_session();
}

Result<PgResult> Connection::exec(const std::string& sql, ExecStatusType expected,
                                  const std::string& doing) {
  PgResult result(PQexec(conn_, sql.c_str()));
  if (result == nullptr || PQresultStatus(result.get()) != expected) {
    return error(doing.empty() ? "running " + sql.substr(0, sql.find_first_of(" ;(")) : doing,
                 result.get());
  }
  return result;
}

Result<PgResult> Connection::exec_params(const char* sql, const QueryParams& params,
                                         ExecStatusType expected) {
  PgResult result(PQexecParams(conn_, sql, params.size(), params.types(), params.values(),
                               params.lengths(), params.formats(), 1));
  if (result == nullptr || PQresultStatus(result.get()) != expected) {
    const std::string_view text(sql);
    return error("running " + std::string(text.substr(0, text.find_first_of("(,"))), result.get());
  }
  return result;
}

Status Connection::copy_in(const std::string& copy_sql, const std::string& data) {
  auto started = exec(copy_sql, PGRES_COPY_IN, "starting COPY");
  if (!started)
    return started.error();
  // PQputCopyData takes an int length: send large batches in pieces.
  constexpr std::size_t kPiece = 1 << 20;
  for (std::size_t at = 0; at < data.size(); at += kPiece) {
    const std::size_t n = std::min(kPiece, data.size() - at);
    if (PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) != 1)
      return error("sending COPY data");
  }
  if (PQputCopyEnd(conn_, nullptr) != 1)
    return error("ending COPY data");
  PgResult finished(PQgetResult(conn_));
  Status status;
  if (finished == nullptr || PQresultStatus(finished.get()) != PGRES_COMMAND_OK) {
    status = error("copying rows", finished.get());
  }
  while (PGresult* rest = PQgetResult(conn_))
    PQclear(rest);
  return status;
}

void Connection::rollback() {
  if (broken() || PQtransactionStatus(conn_) == PQTRANS_IDLE)
    return;
  PQclear(PQexec(conn_, "ROLLBACK"));
}

Error Connection::error(const std::string& doing, const PGresult* result) const {
  const std::string where = "event log database " + info_.description + ": " + doing + ": ";
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (sqlstate == nullptr) {
    // No server error: the connection itself failed (or libpq did). Retrying may help.
    const char* message = conn_ != nullptr ? PQerrorMessage(conn_) : "no connection";
    std::string text = one_line(message);
    if (text.empty() && result != nullptr)
      text = std::string("unexpected ") + PQresStatus(PQresultStatus(result));
    return Error(broken() ? Errc::kUnavailable : Errc::kIoError,
                 scrub(where + text, info_.secrets));
  }
  std::string text = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  if (const char* detail = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
    text += "; " + std::string(detail);
  if (const char* hint = PQresultErrorField(result, PG_DIAG_MESSAGE_HINT))
    text += "; hint: " + std::string(hint);
  text += " (SQLSTATE " + std::string(sqlstate) + ")";
  return Error(errc_for_sqlstate(sqlstate), scrub(where + one_line(text), info_.secrets));
}

}  // namespace shouwang::store::postgres
