#pragma once
// Small helpers of the telemetry tests: fresh temporary directories and waiting for a
// condition with a deadline (never a sleep standing in for an assertion).

#include <chrono>
#include <filesystem>
#include <functional>
#include <string_view>

namespace shouwang::server::telemetry::testing {

// A fresh directory (mkdtemp) under the system's temporary directory, removed with its
// contents at the end.
class TempDir {
 public:
  explicit TempDir(std::string_view name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Polls `condition` every few milliseconds until it holds (true) or `timeout` passes (false).
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));

}  // namespace shouwang::server::telemetry::testing
