#include "telemetry/telemetry_testing.h"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace shouwang::server::telemetry::testing {

namespace fs = std::filesystem;

TempDir::TempDir(std::string_view name) {
  std::string pattern = (fs::temp_directory_path() / ("shouwang-" + std::string(name) + "-XXXXXX")).string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
  path_ = buffer.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace shouwang::server::telemetry::testing
