#include "basemap_tiles.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <vector>

extern char** environ;

namespace shouwang::cli {
namespace {

// The program tilemaker on PATH (or SHOUWANG_TILEMAKER), empty when there is none.
std::string find_tilemaker() {
  if (const char* set = std::getenv("SHOUWANG_TILEMAKER"); set != nullptr && *set != '\0') return set;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / "tilemaker";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

std::string tail_of(const std::filesystem::path& file, std::size_t bytes) {
  std::ifstream in(file, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.size() <= bytes ? text : text.substr(text.size() - bytes);
}

}  // namespace

Status make_basemap(const BasemapJob& job) {
  const std::string program = find_tilemaker();
  if (program.empty()) {
    return Error(Errc::kNotFound, "tilemaker is not installed (apt-get install tilemaker): no basemap for the console");
  }
  if (job.input.extension() != ".pbf") {
    return Error(Errc::kInvalidArgument,
                 "the basemap needs the city as .osm.pbf (tilemaker reads no other format); convert it with "
                 "`osmium cat " + job.input.string() + " -o city.osm.pbf` and import that");
  }
  std::vector<std::string> args = {program,
                                   "--input", job.input.string(),
                                   "--output", job.output.string(),
                                   "--config", (job.rules / "config.json").string(),
                                   "--process", (job.rules / "process.lua").string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, job.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return Error(Errc::kIoError, "cannot run " + program);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(job.output)) {
    return Error(Errc::kIoError, "tilemaker failed on " + job.input.string() + ":\n" + tail_of(job.log, 2000));
  }
  return {};
}

}  // namespace shouwang::cli
