#pragma once
// Running another program to completion: the helpers Shouwang drives (tilemaker for the
// basemap, chromium for PDF briefings). The child gets no input; its output and errors go
// to a log file the caller can show when it fails.

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang {

// `name` on PATH (or the program an environment variable `override_variable` names, when
// set); empty when there is none.
std::string find_program(std::string_view name, const char* override_variable = nullptr);

struct ProgramRun {
  std::vector<std::string> args;  // args[0] is the program
  std::filesystem::path log;      // stdout and stderr; replaced
  std::chrono::seconds timeout{600};
};

// The exit status (0 is success; 128 + N when killed by signal N). kIoError when it cannot
// start; kUnavailable when it ran past the timeout (it is then killed).
Result<int> run_program(const ProgramRun& run);

// The last `bytes` of a file (a failed program's log).
std::string file_tail(const std::filesystem::path& file, std::size_t bytes);

}  // namespace shouwang
