#pragma once
// An append-only file of one JSON object per line (the access log and the audit log), safe
// to write from many threads. Lines are written whole with one write(2) on a file opened
// with O_APPEND, so a line never interleaves with another even across processes; the
// audit log is also flushed to disk line by line.

#include <mutex>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include <shouwang/base/result.h>

namespace shouwang::server {

class JsonLinesLog {
 public:
  // An unopened log drops what it is given (a deployment that wants no access log).
  JsonLinesLog() = default;
  ~JsonLinesLog();
  JsonLinesLog(const JsonLinesLog&) = delete;
  JsonLinesLog& operator=(const JsonLinesLog&) = delete;

  // kIoError naming the path when the file cannot be opened for appending.
  Status open(const std::string& path, bool sync_each_line);
  void write(const nlohmann::json& record);
  [[nodiscard]] bool is_open() const { return fd_ >= 0; }

 private:
  std::mutex mutex_;
  int fd_ = -1;
  bool sync_ = false;
};

}  // namespace shouwang::server
