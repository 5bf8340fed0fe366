#include "server/tiles/mbtiles.h"

#include <sqlite3.h>

namespace shouwang::server::tiles {

Result<std::unique_ptr<MbTiles>> MbTiles::open(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return Error(Errc::kNotFound, "no basemap at " + path.string());
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string why = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error(Errc::kIoError, "cannot open the basemap " + path.string() + ": " + why);
  }
  sqlite3_stmt* select = nullptr;
  const char* sql = "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?";
  if (sqlite3_prepare_v2(db, sql, -1, &select, nullptr) != SQLITE_OK) {
    const std::string why = sqlite3_errmsg(db);
    sqlite3_close(db);
    return Error(Errc::kIoError, "the basemap " + path.string() + " is not an MBTiles file: " + why);
  }
  return std::unique_ptr<MbTiles>(new MbTiles(db, select));
}

MbTiles::~MbTiles() {
  sqlite3_finalize(select_);
  sqlite3_close(db_);
}

Result<std::optional<std::string>> MbTiles::tile(int z, std::uint32_t x, std::uint32_t y) const {
  const auto row = static_cast<std::int64_t>((std::uint64_t{1} << z) - 1 - y);
  std::lock_guard lock(mutex_);
  sqlite3_reset(select_);
  sqlite3_bind_int(select_, 1, z);
  sqlite3_bind_int64(select_, 2, x);
  sqlite3_bind_int64(select_, 3, row);
  const int rc = sqlite3_step(select_);
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return Error(Errc::kIoError, std::string("reading a basemap tile: ") + sqlite3_errmsg(db_));
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(select_, 0));
  const int size = sqlite3_column_bytes(select_, 0);
  return std::optional<std::string>(std::string(bytes == nullptr ? "" : bytes, static_cast<std::size_t>(size)));
}

std::optional<std::string> MbTiles::metadata(const std::string& name) const {
  std::lock_guard lock(mutex_);
  sqlite3_stmt* select = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT value FROM metadata WHERE name = ?", -1, &select, nullptr) != SQLITE_OK) {
    return std::nullopt;
  }
  sqlite3_bind_text(select, 1, name.c_str(), -1, SQLITE_TRANSIENT);
  std::optional<std::string> value;
  if (sqlite3_step(select) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select, 0));
    if (text != nullptr) value = text;
  }
  sqlite3_finalize(select);
  return value;
}

}  // namespace shouwang::server::tiles
