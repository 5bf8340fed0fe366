#include "tools/cli_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace shouwang::test {

CliRun run(const std::string& args) {
  const std::string command = std::string(SHOUWANG_BIN) + " " + args + " 2>&1";
  CliRun result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) result.output.append(buf, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool mentions(const CliRun& r, const std::string& text) { return r.output.find(text) != std::string::npos; }

std::string temp_file(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("shouwang-cli-" + std::to_string(::getpid()) + "-" + name)).string();
}

}  // namespace shouwang::test
