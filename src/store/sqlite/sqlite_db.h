#pragma once
// Thin RAII over the SQLite C API: a connection and prepared statements, with errors as
// Result values that carry SQLite's own message and the database's path.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include <shouwang/base/result.h>

namespace shouwang::store::sqlite {

class Statement;

class Database {
 public:
  // Opens the file read-write, creating it if missing when `create` is set.
  static Result<Database> open(const std::string& path, bool create = true);
  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  Status exec(const std::string& sql);
  Result<Statement> prepare(std::string_view sql);
  // An error naming the file, SQLite's message and what was being done.
  [[nodiscard]] Error error(const std::string& doing) const;

  [[nodiscard]] sqlite3* handle() const { return db_; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, const Database* db) : stmt_(stmt), db_(db) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding is 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT) unless
  // bound with the *_static variants, whose memory must outlive the next step().
  void bind(int index, std::int64_t value);
  void bind_text(int index, std::string_view value);
  void bind_blob(int index, const void* data, std::size_t size);

  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int step();
  // Resets for re-execution and clears the bindings.
  void reset();

  [[nodiscard]] std::int64_t column_int(int index) const;
  [[nodiscard]] std::string_view column_text(int index) const;
  [[nodiscard]] std::string_view column_blob(int index) const;

  [[nodiscard]] Error error(const std::string& doing) const { return db_->error(doing); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  const Database* db_ = nullptr;
};

}  // namespace shouwang::store::sqlite
