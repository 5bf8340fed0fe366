#include "pg_server.h"

#include "store/child_process.h"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sstream>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace shouwang::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDebianPgRoot = "/usr/lib/postgresql";
constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(60);

std::string read_from(const fs::path& path, std::uintmax_t offset) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string last_lines(const std::string& text, int lines) {
  std::size_t at = text.size();
  for (int n = 0; n <= lines && at > 0; ++n) {
    const std::size_t newline = text.rfind('\n', at - 1);
    if (newline == std::string::npos)
      return text;
    at = newline;
  }
  return text.substr(at);
}

std::uintmax_t size_of(const fs::path& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

bool is_version_dir(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  return !name.empty() &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_programs(const fs::path& bin) {
  return ::access((bin / "initdb").c_str(), X_OK) == 0 &&
         ::access((bin / "postgres").c_str(), X_OK) == 0;
}

std::string conninfo(int port, const std::string& database) {
  return "host=127.0.0.1 port=" + std::to_string(port) + " user=postgres dbname=" + database +
         " connect_timeout=5";
}

}  // namespace

PgServer::~PgServer() {
  stop();
}

std::string PgServer::url(const std::string& database) const {
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
}

Status PgServer::start() {
  if (running())
    return {};
  Status started = [this]() -> Status {
    if (auto ok = find_programs(); !ok)
      return ok;
    if (auto ok = create_cluster(); !ok)
      return ok;
    if (auto ok = launch(true); !ok)
      return ok;
    return create_database("shouwang");
  }();
  if (!started)
    stop();
  return started;
}

Status PgServer::find_programs() {
  if (const char* configured = std::getenv("SHOUWANG_PG_BINDIR");
      configured != nullptr && *configured != '\0') {
    bin_dir_ = configured;
  } else {
    std::vector<int> versions;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kDebianPgRoot, ec)) {
      if (is_version_dir(entry) && has_programs(entry.path() / "bin")) {
        versions.push_back(std::stoi(entry.path().filename().string()));
      }
    }
    if (!versions.empty()) {
      bin_dir_ = fs::path(kDebianPgRoot) /
                 std::to_string(*std::max_element(versions.begin(), versions.end())) / "bin";
    }
  }
  if (bin_dir_.empty() || !has_programs(bin_dir_)) {
    return Error(
        Errc::kNotFound,
        "the PostgreSQL server programs (initdb, postgres) are not installed: looked in " +
            (bin_dir_.empty() ? std::string(kDebianPgRoot) + "/<version>/bin" : bin_dir_.string()) +
            ". Install Debian's postgresql package (scripts/install-deps.sh does), or name the "
            "directory "
            "with SHOUWANG_PG_BINDIR");
  }
  as_server_user_ = {};
  if (::geteuid() == 0) {
    const passwd* user = ::getpwnam("postgres");
    if (user == nullptr) {
      return Error(Errc::kNotFound,
                   "this test runs as root, which initdb and postgres refuse, and there is no "
                   "`postgres` user to run "
                   "them as: install Debian's postgresql package, which creates it "
                   "(scripts/install-deps.sh does)");
    }
    as_server_user_.run_as = UserIds{user->pw_uid, user->pw_gid};
  }
  return {};
}

Status PgServer::create_cluster() {
  std::string pattern = (fs::temp_directory_path() / "shouwang-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    return Error(Errc::kIoError, "cannot create a directory like " + pattern);
  dir_ = pattern;
  if (as_server_user_.run_as &&
      ::chown(dir_.c_str(), as_server_user_.run_as->uid, as_server_user_.run_as->gid) != 0) {
    return Error(Errc::kIoError, "cannot give " + dir_.string() + " to the postgres user");
  }
  SpawnOptions options = as_server_user_;
  options.output_path = (dir_ / "initdb.log").string();
  // --no-sync only spares flushing the fresh cluster's files once; the server runs with
  // fsync on.
  auto initdb = run({(bin_dir_ / "initdb").string(), "-D", (dir_ / "data").string(), "-U",
                     "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"},
                    options);
  if (!initdb)
    return initdb.error();
  if (*initdb != 0) {
    return Error(Errc::kIoError, "initdb failed (exit " + std::to_string(*initdb) +
                                     "): " + last_lines(read_from(options.output_path, 0), 15));
  }
  std::ofstream conf(dir_ / "data" / "postgresql.conf", std::ios::app);
  conf << "\n# Shouwang test server\n"
       << "listen_addresses = '127.0.0.1'\n"
       << "unix_socket_directories = '" << dir_.string() << "'\n"
       << "fsync = on\n"
       << "synchronous_commit = on\n"
       << "max_connections = 200\n"
       << "shared_buffers = 64MB\n"
       << "dynamic_shared_memory_type = mmap\n"  // containers often have a tiny /dev/shm
       << "log_min_messages = warning\n";
  if (!conf)
    return Error(Errc::kIoError, "cannot write the test server's postgresql.conf");
  return {};
}

Status PgServer::launch(bool pick_port) {
  const fs::path log = dir_ / "server.log";
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (pick_port || port_ == 0)
      port_ = free_loopback_port();
    if (port_ == 0)
      return Error(Errc::kIoError, "cannot find a free port on 127.0.0.1");
    SpawnOptions options = as_server_user_;
    options.output_path = log.string();
    options.parent_death_signal = SIGQUIT;  // immediate shutdown
    const std::uintmax_t log_start = size_of(log);
    auto pid = spawn({(bin_dir_ / "postgres").string(), "-D", (dir_ / "data").string(), "-p",
                      std::to_string(port_)},
                     options);
    if (!pid)
      return pid.error();
    pid_ = *pid;
    const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
    const std::string ping = conninfo(port_, "postgres");
    while (true) {
      if (PQping(ping.c_str()) == PQPING_OK)
        return {};
      int code = 0;
      if (has_exited(pid_, &code)) {
        pid_ = -1;
        const std::string said = read_from(log, log_start);
        if (pick_port && said.find("could not bind") != std::string::npos)
          break;  // port taken: another one
        return Error(Errc::kIoError, "the PostgreSQL test server exited (" + std::to_string(code) +
                                         ") while starting: " + last_lines(said, 15));
      }
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        wait_for_exit(pid_);
        pid_ = -1;
        return Error(Errc::kUnavailable,
                     "the PostgreSQL test server did not accept connections within 60 s: " +
                         last_lines(read_from(log, log_start), 15));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  return Error(Errc::kIoError, "the PostgreSQL test server found no free port in 5 tries");
}

Status PgServer::restart() {
  if (!running())
    return Error(Errc::kInvalidArgument, "restart: the test server is not running");
  ::kill(pid_, SIGINT);
  wait_for_exit(pid_);
  pid_ = -1;
  return launch(false);
}

void PgServer::stop() {
  if (pid_ > 0) {
    // Immediate shutdown: the data is removed next, so the shutdown checkpoint (seconds of
    // fsync for a cluster with a few databases) would be wasted.
    ::kill(pid_, SIGQUIT);
    const auto deadline = std::chrono::steady_clock::now() + kStopTimeout;
    while (!has_exited(pid_, nullptr)) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        wait_for_exit(pid_);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    pid_ = -1;
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
    dir_.clear();
  }
}

Status PgServer::create_database(const std::string& name) {
  const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!plain)
    return Error(Errc::kInvalidArgument, "database names in tests are [a-z0-9_]+: " + name);
  auto created = query("postgres", "CREATE DATABASE " + name);
  if (!created)
    return created.error();
  return {};
}

Result<std::string> PgServer::query(const std::string& database, const std::string& sql,
                                    const std::vector<std::string>& params) {
  PGconn* conn = PQconnectdb(conninfo(port_, database).c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    Error error(Errc::kUnavailable,
                "cannot connect to the test server: " + std::string(PQerrorMessage(conn)));
    PQfinish(conn);
    return error;
  }
  std::vector<const char*> values;
  for (const std::string& p : params)
    values.push_back(p.c_str());
  PGresult* result = PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                  values.data(), nullptr, nullptr, 0);
  Result<std::string> out = std::string();
  const ExecStatusType status = PQresultStatus(result);
  if (status == PGRES_TUPLES_OK) {
    if (PQntuples(result) > 0 && PQnfields(result) > 0)
      out = std::string(PQgetvalue(result, 0, 0));
  } else if (status != PGRES_COMMAND_OK) {
    out = Error(Errc::kIoError, sql + ": " + PQresultErrorMessage(result));
  }
  PQclear(result);
  PQfinish(conn);
  return out;
}

}  // namespace shouwang::test
