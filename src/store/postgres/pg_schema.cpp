#include "store/postgres/pg_schema.h"

#include <string>

namespace shouwang::store::postgres {
namespace {

const std::string kCreateTables = std::string("BEGIN; ") + kLockLogSql + "; " + R"sql(
CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  seq bigint PRIMARY KEY,
  time_us bigint NOT NULL,
  actor_user text NOT NULL,
  actor_role text NOT NULL,
  actor_workstation text NOT NULL,
  type text NOT NULL,
  entities text NOT NULL,
  payload text NOT NULL,
  hash bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (seq bigint PRIMARY KEY, state bytea NOT NULL);
)sql" + "INSERT INTO meta (key, value) VALUES ('schema_version', '" +
                                  std::to_string(kSchemaVersion) +
                                  "') ON CONFLICT (key) DO NOTHING; COMMIT";

// All three tables, in the schemas on the search path.
constexpr const char* kTablesExistSql =
    "SELECT to_regclass('events') IS NOT NULL AND to_regclass('meta') IS NOT NULL AND "
    "to_regclass('snapshots') IS NOT NULL";

Status check_server(Connection& connection) {
  const char* encoding = PQparameterStatus(connection.handle(), "server_encoding");
  const std::string server_encoding = encoding != nullptr ? encoding : "unknown";
  if (server_encoding != "UTF8" && server_encoding != "SQL_ASCII") {
    return Error(Errc::kInvalidArgument,
                 "event log database " + connection.description() + " uses the encoding " +
                     server_encoding +
                     "; the event log needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8')",
                 "db");
  }
  auto fsync = connection.exec("SHOW fsync", PGRES_TUPLES_OK);
  if (!fsync)
    return fsync.error();
  if (PQntuples(fsync->get()) != 1 || std::string(PQgetvalue(fsync->get(), 0, 0)) != "on") {
    return Error(Errc::kInvalidArgument,
                 "event log database " + connection.description() +
                     ": the server runs with fsync off, so no commit would survive a crash; "
                     "turn fsync on",
                 "db");
  }
  return {};
}

Status check_schema_version(Connection& connection) {
  auto version = connection.exec("SELECT value FROM meta WHERE key = 'schema_version'",
                                 PGRES_TUPLES_OK, "reading the schema version");
  if (!version)
    return version.error();
  const std::string found =
      PQntuples(version->get()) == 1 ? PQgetvalue(version->get(), 0, 0) : "(none)";
  if (found != std::to_string(kSchemaVersion)) {
    return Error(Errc::kInvalidArgument,
                 "event log database " + connection.description() + " has schema version " + found +
                     "; this build reads version " + std::to_string(kSchemaVersion));
  }
  return {};
}

}  // namespace

Status prepare_database(Connection& connection, bool create_if_missing) {
  if (auto ok = check_server(connection); !ok)
    return ok;
  if (!create_if_missing) {
    auto found = connection.exec(kTablesExistSql, PGRES_TUPLES_OK, "looking for the log's tables");
    if (!found)
      return found.error();
    if (std::string(PQgetvalue(found->get(), 0, 0)) != "t") {
      return Error(Errc::kNotFound, "there is no event log in the database " +
                                        connection.description() +
                                        " (no events, meta and snapshots tables)");
    }
  } else if (auto created =
                 connection.exec(kCreateTables, PGRES_COMMAND_OK, "creating the log's tables");
             !created) {
    connection.rollback();
    return created.error();
  }
  return check_schema_version(connection);
}

}  // namespace shouwang::store::postgres
