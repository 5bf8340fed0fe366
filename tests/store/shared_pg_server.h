#pragma once
// The test process's one PostgreSQL server (pg_server.h), started on first use and stopped
// when the process exits, and fresh databases on it: each test that needs a store gets an
// empty database of its own.

#include <string>

#include "pg_server.h"

namespace shouwang::test {

// The running server, or nullptr after recording a test failure that says why it could
// not start (the reason is kept, so every later test fails with it too). Call it from the
// test's main thread (see PgServer).
PgServer* shared_pg_server();

// The name of a new, empty database on the shared server; "" (with a recorded failure)
// when there is no server.
std::string fresh_pg_database();

}  // namespace shouwang::test
