#pragma once
// Thin RAII over one libpq connection, with errors as Result values that carry the
// server's own message and SQLSTATE and name the database without its password. One
// thread uses a connection at a time.

#include <libpq-fe.h>
#include <memory>
#include <string>

#include <shouwang/base/result.h>

#include "store/postgres/conninfo.h"
#include "store/postgres/query_params.h"

namespace shouwang::store::postgres {

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class Connection {
 public:
  // Connects (libpq URL or key=value string) and sets up the session: UTF-8 client
  // encoding, synchronous_commit on (a commit returns once durable), a lock wait bounded
  // so that a stuck writer elsewhere shows up as kUnavailable rather than a hang.
  static Result<Connection> open(const std::string& conninfo);

  Connection() = default;
  ~Connection();
  Connection(Connection&& other) noexcept;
  Connection& operator=(Connection&& other) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Reconnects if the server dropped the connection (a restart, a network failure);
  // kUnavailable if it cannot.
  Status ensure_open();

  // Runs SQL without parameters; it may hold several statements, and the last one's result
  // is returned. Anything but `expected` is an error saying what was being done: `doing`,
  // or else the SQL's first word.
  Result<PgResult> exec(const std::string& sql, ExecStatusType expected = PGRES_COMMAND_OK,
                        const std::string& doing = {});
  // One statement with binary parameters, returning binary results.
  Result<PgResult> exec_params(const char* sql, const QueryParams& params,
                               ExecStatusType expected = PGRES_TUPLES_OK);
  // Runs a `COPY ... FROM STDIN` statement and sends it `data` (in the format it names).
  Status copy_in(const std::string& copy_sql, const std::string& data);

  // Ends the open transaction, if any, discarding it. Best effort: a connection that broke
  // has no transaction left to end.
  void rollback();

  [[nodiscard]] bool broken() const { return conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK; }
  // "postgresql://USER@HOST:PORT/DB"
  [[nodiscard]] const std::string& description() const { return info_.description; }
  [[nodiscard]] PGconn* handle() const { return conn_; }

  // An error naming the database and what was being done, with the server's message from
  // `result` (or the connection's last message when there is no result).
  [[nodiscard]] Error error(const std::string& doing, const PGresult* result = nullptr) const;

 private:
  Status set_up_session();

  PGconn* conn_ = nullptr;
  ConninfoText info_;
};

}  // namespace shouwang::store::postgres
