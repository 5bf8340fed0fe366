#pragma once
// Read access to an MBTiles file (SQLite; the `tiles` table addressed in TMS rows, so the
// row of XYZ tile y is 2^z - 1 - y). One connection behind a mutex: a tile is one indexed
// lookup, and the console asks for a few dozen when the map moves.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <shouwang/base/result.h>

struct sqlite3;
struct sqlite3_stmt;

namespace shouwang::server::tiles {

class MbTiles {
 public:
  // Opens read-only; kNotFound when the file does not exist, kIoError when it is not an
  // MBTiles file.
  static Result<std::unique_ptr<MbTiles>> open(const std::filesystem::path& path);
  ~MbTiles();
  MbTiles(const MbTiles&) = delete;
  MbTiles& operator=(const MbTiles&) = delete;

  // The stored bytes of tile z/x/y (XYZ numbering), nullopt where there is none.
  [[nodiscard]] Result<std::optional<std::string>> tile(int z, std::uint32_t x, std::uint32_t y) const;
  // A value of the `metadata` table ("minzoom", "maxzoom" …), nullopt when absent.
  [[nodiscard]] std::optional<std::string> metadata(const std::string& name) const;

 private:
  MbTiles(sqlite3* db, sqlite3_stmt* select) : db_(db), select_(select) {}
  sqlite3* db_;
  sqlite3_stmt* select_;
  mutable std::mutex mutex_;
};

}  // namespace shouwang::server::tiles
