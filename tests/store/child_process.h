#pragma once
// Test helper: starting programs as child processes without a shell, optionally as another
// user (a root test running PostgreSQL's programs, which refuse to run as root) and tied
// to the test's life (they get a signal when the test process dies, even by SIGKILL).

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::test {

struct UserIds {
  uid_t uid = 0;
  gid_t gid = 0;
};

struct SpawnOptions {
  std::optional<UserIds> run_as;  // switch to this user first (needs root)
  std::string output_path;        // stdout and stderr are appended here; empty: inherited
  std::string input_path;         // stdin is read from here; empty: inherited
  // Sent to the child when the thread that spawned it ends (for a test: the process), so
  // that a crashed or killed test leaves no server behind. 0: none.
  int parent_death_signal = 0;
};

// Starts argv[0] (a path) with the rest as arguments; the child's pid, or an error saying
// why it could not be started.
Result<pid_t> spawn(const std::vector<std::string>& argv, const SpawnOptions& options = {});

// Waits for the child to end: its exit code, or 128 + the signal that ended it.
int wait_for_exit(pid_t pid);

// Whether the child has ended, without waiting; sets *exit_code when it has.
bool has_exited(pid_t pid, int* exit_code);

// A port the OS reports free on 127.0.0.1 just now, 0 when it found none. Another process
// may take it before the child binds it: servers started on it are retried on another.
int free_loopback_port();

// spawn() and wait_for_exit().
Result<int> run(const std::vector<std::string>& argv, const SpawnOptions& options = {});

}  // namespace shouwang::test
