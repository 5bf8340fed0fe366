#include "child_process.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace shouwang::test {
namespace {

int exit_code_of(int status) {
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Result<pid_t> spawn(const std::vector<std::string>& argv, const SpawnOptions& options) {
  if (argv.empty())
    return Error(Errc::kInvalidArgument, "spawn: no program");
  // Everything the child needs is prepared before fork(): between fork() and exec() a
  // child of a multi-threaded process may only make async-signal-safe calls.
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int output = -1;
  if (!options.output_path.empty()) {
    output = ::open(options.output_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (output < 0) {
      return Error(Errc::kIoError,
                   "cannot open " + options.output_path + ": " + std::strerror(errno));
    }
  }
  int input = -1;
  if (!options.input_path.empty()) {
    input = ::open(options.input_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (input < 0) {
      if (output >= 0)
        ::close(output);
      return Error(Errc::kIoError, "cannot open " + options.input_path + ": " + std::strerror(errno));
    }
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    if (output >= 0)
      ::close(output);
    if (input >= 0)
      ::close(input);
    return Error(Errc::kIoError, std::string("fork: ") + std::strerror(error));
  }
  if (pid == 0) {
    if (output >= 0 && (::dup2(output, STDOUT_FILENO) < 0 || ::dup2(output, STDERR_FILENO) < 0))
      ::_exit(126);
    if (input >= 0 && ::dup2(input, STDIN_FILENO) < 0)
      ::_exit(126);
    if (options.run_as) {
      const gid_t gid = options.run_as->gid;
      if (::setgroups(1, &gid) != 0 || ::setgid(gid) != 0 || ::setuid(options.run_as->uid) != 0)
        ::_exit(126);
    }
    // After the change of user: changing credentials clears the parent-death signal.
    if (options.parent_death_signal != 0) {
      if (::prctl(PR_SET_PDEATHSIG, options.parent_death_signal) != 0)
        ::_exit(126);
      if (::getppid() != parent)
        ::_exit(126);  // the parent died before prctl took effect
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  if (output >= 0)
    ::close(output);
  if (input >= 0)
    ::close(input);
  return pid;
}

int wait_for_exit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return -1;
  }
  return exit_code_of(status);
}

bool has_exited(pid_t pid, int* exit_code) {
  int status = 0;
  const pid_t done = ::waitpid(pid, &status, WNOHANG);
  if (done == 0)
    return false;
  if (exit_code != nullptr)
    *exit_code = done == pid ? exit_code_of(status) : -1;
  return true;
}

Result<int> run(const std::vector<std::string>& argv, const SpawnOptions& options) {
  auto pid = spawn(argv, options);
  if (!pid)
    return pid.error();
  const int code = wait_for_exit(*pid);
  if (code == 127)
    return Error(Errc::kNotFound, "cannot execute " + argv[0]);
  if (code == 126)
    return Error(Errc::kIoError, "cannot set up the child process for " + argv[0]);
  return code;
}

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  int port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

}  // namespace shouwang::test
