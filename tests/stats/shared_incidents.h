#pragma once
// What the real-data tests of tests/stats share: where the project, the shared incident
// files (../shared/data/incidents, not part of the repository) and the shouwang binary
// are, the loud skip when a file is absent, and reading a whole file.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace shouwang::test {

inline const std::filesystem::path kSourceDir = SHOUWANG_SOURCE_DIR;
inline const std::filesystem::path kIncidents = std::filesystem::path(SHOUWANG_SHARED_DATA) / "incidents";
inline const std::string kBin = SHOUWANG_BIN;

// Skips the test, saying so on the output, when the shared file is not there.
#define SHOUWANG_REQUIRE_SHARED_FILE(path)                                            \
  if (!std::filesystem::exists(path)) {                                               \
    std::printf("skipped: the shared incident data is not available at %s\n",         \
                (path).string().c_str());                                             \
    GTEST_SKIP() << "the shared incident data is not available: " << (path).string(); \
  }

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace shouwang::test
