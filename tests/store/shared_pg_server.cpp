#include "shared_pg_server.h"

#include <memory>
#include <optional>

#include <gtest/gtest.h>

namespace shouwang::test {
namespace {

struct SharedServer {
  std::unique_ptr<PgServer> server;
  std::optional<Error> failure;
};

SharedServer& shared() {
  static SharedServer instance;  // destroyed at exit, which stops the server
  return instance;
}

}  // namespace

PgServer* shared_pg_server() {
  SharedServer& s = shared();
  if (!s.server && !s.failure) {
    auto server = std::make_unique<PgServer>();
    if (auto ok = server->start(); ok) {
      s.server = std::move(server);
    } else {
      s.failure = ok.error();
    }
  }
  if (s.failure) {
    ADD_FAILURE() << "no PostgreSQL test server: " << s.failure->message;
    return nullptr;
  }
  return s.server.get();
}

std::string fresh_pg_database() {
  static int counter = 0;
  PgServer* server = shared_pg_server();
  if (server == nullptr)
    return {};
  const std::string name = "store_" + std::to_string(++counter);
  if (auto ok = server->create_database(name); !ok) {
    ADD_FAILURE() << ok.error().message;
    return {};
  }
  return name;
}

}  // namespace shouwang::test
