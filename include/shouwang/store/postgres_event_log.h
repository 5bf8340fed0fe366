#pragma once
// The scale-out back end: the event log in a PostgreSQL database (libpq), with the same
// logical schema and the same guarantees as the SQLite one. Several processes (several
// `shouwang serve` nodes) may append to one database: every batch takes the log's
// transaction-level advisory lock and re-reads the head (sequence number and hash) inside
// its transaction, so sequence numbers stay gapless and the chain unbroken whoever writes.
//
// A commit returns only once the server has made it durable (synchronous_commit = on is
// set for every session, and a server running with fsync = off is refused).

#include <memory>
#include <string>

#include <shouwang/store/event_log.h>

namespace shouwang::store {

// Opens the log in the database named by `conninfo_url` ("postgresql://USER@HOST:PORT/DB",
// or anything else libpq accepts), creating its tables if missing. The database must use
// the UTF8 (or SQL_ASCII) encoding. With options.verify_on_open, a log whose chain does not
// verify is refused (kCorrupt naming the first broken record). Errors carry the server's
// own message and describe the database without its password; an unreachable server is
// kUnavailable.
Result<std::unique_ptr<EventLog>> open_postgres_event_log(const std::string& conninfo_url,
                                                          const OpenOptions& options = {});

}  // namespace shouwang::store
