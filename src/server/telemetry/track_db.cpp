#include "server/telemetry/track_db.h"

#include <cmath>

namespace shouwang::server::telemetry::detail {
namespace {

constexpr std::int64_t kApplicationId = 0x53575452;  // "SWTR"
constexpr std::int64_t kVersion = 1;

constexpr const char* kSchema = R"sql(
BEGIN;
CREATE TABLE track_points (
  unit TEXT NOT NULL,
  t_us INTEGER NOT NULL,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  speed_mps REAL,
  heading_deg REAL,
  accuracy_m REAL,
  PRIMARY KEY (unit, t_us)
) WITHOUT ROWID;
CREATE INDEX track_points_by_time ON track_points (t_us);
PRAGMA application_id = 1398232146;
PRAGMA user_version = 1;
COMMIT;
)sql";
static_assert(kApplicationId == 1398232146);

void bind_optional(sqlite3_stmt* stmt, int index, const std::optional<double>& v) {
  if (v && std::isfinite(*v)) {
    sqlite3_bind_double(stmt, index, *v);
  } else {
    sqlite3_bind_null(stmt, index);
  }
}

std::optional<double> column_optional(sqlite3_stmt* stmt, int index) {
  if (sqlite3_column_type(stmt, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(stmt, index);
}

}  // namespace

Error TrackDb::error(const std::string& doing) const {
  const int primary = sqlite3_extended_errcode(db_.get()) & 0xFF;
  Errc code = Errc::kIoError;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) code = Errc::kCorrupt;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) code = Errc::kUnavailable;
  return Error(code, "track store " + path_ + ": " + doing + ": " + sqlite3_errmsg(db_.get()));
}

Status TrackDb::exec(const char* sql, const char* doing) {
  if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    Error e = error(doing);
    if (sqlite3_get_autocommit(db_.get()) == 0) sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    return e;
  }
  return {};
}

Result<TrackDb::Statement> TrackDb::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                         nullptr) != SQLITE_OK) {
    return error("preparing a statement");
  }
  return Statement(stmt);
}

Result<std::int64_t> TrackDb::pragma_int(const char* name) {
  auto stmt = prepare(std::string("PRAGMA ") + name);
  if (!stmt) return stmt.error();
  if (sqlite3_step(stmt->get()) != SQLITE_ROW) return error(std::string("reading ") + name);
  return sqlite3_column_int64(stmt->get(), 0);
}

Status TrackDb::check_or_create_schema() {
  auto id = pragma_int("application_id");
  if (!id) return id.error();
  auto version = pragma_int("user_version");
  if (!version) return version.error();
  if (*id == 0 && *version == 0) {
    auto tables = pragma_int("schema_version");  // 0 for a database without any table
    if (!tables) return tables.error();
    if (*tables != 0) return Error(Errc::kCorrupt, path_ + " is an SQLite file but not a track store");
    return exec(kSchema, "creating the schema");
  }
  if (*id != kApplicationId) return Error(Errc::kCorrupt, path_ + " is not a track store");
  if (*version != kVersion) {
    return Error(Errc::kCorrupt, path_ + " has track store version " + std::to_string(*version) +
                                     "; this program reads version " + std::to_string(kVersion));
  }
  return {};
}

Result<TrackDb> TrackDb::open(const std::string& path) {
  TrackDb db;
  db.path_ = path;
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  db.db_.reset(handle);
  if (rc != SQLITE_OK) {
    const std::string why = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    return Error(Errc::kIoError, "cannot open the track store " + path + ": " + why);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, 5000);
  if (auto ok = db.check_or_create_schema(); !ok) return ok.error();
  if (auto ok = db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", "setting WAL mode"); !ok) {
    return ok.error();
  }
  auto insert = db.prepare(
      "INSERT OR IGNORE INTO track_points (unit, t_us, lat, lon, speed_mps, heading_deg, accuracy_m) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!insert) return insert.error();
  auto select = db.prepare(
      "SELECT t_us, lat, lon, speed_mps, heading_deg, accuracy_m FROM track_points "
      "WHERE unit = ? AND t_us >= ? AND t_us <= ? ORDER BY t_us");
  if (!select) return select.error();
  auto erase = db.prepare("DELETE FROM track_points WHERE t_us < ?");
  if (!erase) return erase.error();
  db.insert_ = std::move(*insert);
  db.select_ = std::move(*select);
  db.erase_ = std::move(*erase);
  return db;
}

Status TrackDb::insert(const std::vector<PositionFix>& fixes) {
  if (fixes.empty()) return {};
  if (auto ok = exec("BEGIN", "starting a transaction"); !ok) return ok;
  sqlite3_stmt* stmt = insert_.get();
  for (const PositionFix& fix : fixes) {
    sqlite3_bind_text(stmt, 1, fix.unit.data(), static_cast<int>(fix.unit.size()), SQLITE_STATIC);
    sqlite3_bind_int64(stmt, 2, fix.t.micros());
    sqlite3_bind_double(stmt, 3, fix.position.lat);
    sqlite3_bind_double(stmt, 4, fix.position.lon);
    bind_optional(stmt, 5, fix.speed_mps);
    bind_optional(stmt, 6, fix.heading_deg);
    bind_optional(stmt, 7, fix.accuracy_m);
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc != SQLITE_DONE) {
      Error e = error("inserting track points");
      sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
      return e;
    }
  }
  return exec("COMMIT", "committing track points");
}

Result<std::vector<TrackPoint>> TrackDb::select(std::string_view unit, UtcTime from, UtcTime to) {
  sqlite3_stmt* stmt = select_.get();
  sqlite3_bind_text(stmt, 1, unit.data(), static_cast<int>(unit.size()), SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 2, from.micros());
  sqlite3_bind_int64(stmt, 3, to.micros());
  std::vector<TrackPoint> points;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    points.push_back(TrackPoint{UtcTime::from_micros(sqlite3_column_int64(stmt, 0)),
                                LatLon{sqlite3_column_double(stmt, 1), sqlite3_column_double(stmt, 2)},
                                column_optional(stmt, 3), column_optional(stmt, 4), column_optional(stmt, 5)});
  }
  Result<std::vector<TrackPoint>> out = rc == SQLITE_DONE ? Result<std::vector<TrackPoint>>(std::move(points))
                                                          : Result<std::vector<TrackPoint>>(error("reading a track"));
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return out;
}

Result<std::uint64_t> TrackDb::erase_before(UtcTime older_than) {
  sqlite3_stmt* stmt = erase_.get();
  sqlite3_bind_int64(stmt, 1, older_than.micros());
  const int rc = sqlite3_step(stmt);
  sqlite3_reset(stmt);
  if (rc != SQLITE_DONE) return error("pruning old track points");
  return static_cast<std::uint64_t>(sqlite3_changes64(db_.get()));
}

}  // namespace shouwang::server::telemetry::detail
