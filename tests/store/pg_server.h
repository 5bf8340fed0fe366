#pragma once
// Test fixture: a real PostgreSQL server of its own for a test process. start() creates a
// cluster in a fresh temporary directory (initdb), starts the server on 127.0.0.1 at a
// free port with its Unix socket in that directory, fsync and synchronous_commit on, trust
// authentication for the superuser `postgres`, and creates the database "shouwang".
// stop() shuts it down (immediate shutdown: its data is thrown away) and removes the
// directory; the destructor stops it.
//
// PostgreSQL's programs refuse to run as root: when the test runs as root they run as the
// `postgres` system user that Debian's package creates; otherwise as the test's own user.
// The programs come from the newest /usr/lib/postgresql/<version>/bin, or from the
// directory SHOUWANG_PG_BINDIR names. Without them start() fails, naming what to install:
// a missing server is a failed test, never a skipped one.
//
// The server is the spawning thread's child and gets SIGQUIT (immediate shutdown) when
// that thread ends, so call start() on the test's main thread: a test process that crashes
// or is killed then leaves no server running (only its directory in the temp dir).

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

#include <shouwang/base/result.h>

#include "child_process.h"

namespace shouwang::test {

class PgServer {
 public:
  PgServer() = default;
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  Status start();
  // Safe to call when not running, and twice.
  void stop();
  // Shuts the server down and starts it again on the same data and port: every open
  // connection breaks, as in a server restart.
  Status restart();

  [[nodiscard]] bool running() const { return pid_ > 0; }
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::filesystem::path& directory() const { return dir_; }
  // postgresql://postgres@127.0.0.1:PORT/DATABASE
  [[nodiscard]] std::string url(const std::string& database = "shouwang") const;

  // Creates an empty database for a test that needs its own.
  Status create_database(const std::string& name);
  // Runs one statement in `database` as the superuser; `params` are bound as text to $1,
  // $2 ... Returns the first column of the first row ("" when there is none).
  Result<std::string> query(const std::string& database, const std::string& sql,
                            const std::vector<std::string>& params = {});

 private:
  Status find_programs();
  Status create_cluster();
  // Starts the server on port_ (or a new free port when pick_port) and waits until it
  // accepts connections.
  Status launch(bool pick_port);

  std::filesystem::path bin_dir_;
  std::filesystem::path dir_;
  SpawnOptions as_server_user_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace shouwang::test
