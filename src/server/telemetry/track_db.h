#pragma once
// The SQL side of TrackStore: the tracks.db file (layout in track_store.h), its schema
// check and the statements. Not thread-safe: TrackStore serialises every call.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/server/telemetry/track_store.h>

namespace shouwang::server::telemetry::detail {

class TrackDb {
 public:
  static Result<TrackDb> open(const std::string& path);

  // All of `fixes` in one transaction; none when it fails.
  Status insert(const std::vector<PositionFix>& fixes);
  Result<std::vector<TrackPoint>> select(std::string_view unit, UtcTime from, UtcTime to);
  Result<std::uint64_t> erase_before(UtcTime older_than);

 private:
  struct CloseDb {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  struct Finalize {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

  Status exec(const char* sql, const char* doing);
  Result<Statement> prepare(std::string_view sql);
  Result<std::int64_t> pragma_int(const char* name);
  Status check_or_create_schema();
  [[nodiscard]] Error error(const std::string& doing) const;

  std::unique_ptr<sqlite3, CloseDb> db_;
  std::string path_;
  Statement insert_;
  Statement select_;
  Statement erase_;
};

}  // namespace shouwang::server::telemetry::detail
