#pragma once
// Runs the `shouwang` executable as a user would, for black-box tests of the verbs.

#include <string>

namespace shouwang::test {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// `shouwang ARGS` through the shell (ARGS as typed).
CliRun run(const std::string& args);
bool mentions(const CliRun& r, const std::string& text);
// A path in the temporary directory unique to this process.
std::string temp_file(const std::string& name);

}  // namespace shouwang::test
