#pragma once
// The log's tables in PostgreSQL (the same logical schema as the SQLite back end) and the
// checks made before a database is used as an event log.
//
//   meta      (key text PRIMARY KEY, value text)      -- schema_version
//   events    (seq bigint PRIMARY KEY, time_us bigint, actor_user, actor_role,
//              actor_workstation, type, entities, payload text, hash bytea)
//   snapshots (seq bigint PRIMARY KEY, state bytea)
//
// `entities` joins the ids with U+001F (detail::join_entities); `payload` is text, not
// jsonb, because the chain hash covers the payload exactly as it was given.

#include <cstdint>

#include <shouwang/base/result.h>

#include "store/postgres/pg_connection.h"

namespace shouwang::store::postgres {

inline constexpr int kSchemaVersion = 1;

// Every writer of the log holds this transaction-level advisory lock while it appends (and
// while it creates the tables): the ASCII bytes of "shouwang" read as a bigint.
inline constexpr const char* kLockLogSql = "SELECT pg_advisory_xact_lock(8316288232366436967)";

// Checks that the server makes commits durable (fsync on) and stores text as UTF-8,
// creates the tables if missing (under the log's lock, so that two processes opening a
// fresh database at once do not collide) or, without `create_if_missing`, refuses a
// database without them (kNotFound), and checks the schema version: another version is
// kInvalidArgument.
Status prepare_database(Connection& connection, bool create_if_missing);

}  // namespace shouwang::store::postgres
