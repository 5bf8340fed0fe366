// The PostgreSQL test server itself: where it listens and that its commits are durable,
// since the store tests' claims rest on both.

#include "pg_server.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace shouwang::test {
namespace {

TEST(PgServer, ServesOnTheLoopbackWithDurableCommitsAndCleansUp) {
  PgServer server;
  auto started = server.start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_GT(server.port(), 0);
  EXPECT_EQ(server.url("x"),
            "postgresql://postgres@127.0.0.1:" + std::to_string(server.port()) + "/x");
  EXPECT_EQ(*server.query("shouwang", "SHOW listen_addresses"), "127.0.0.1");
  EXPECT_EQ(*server.query("shouwang", "SHOW fsync"), "on");
  EXPECT_EQ(*server.query("shouwang", "SHOW synchronous_commit"), "on");
  EXPECT_EQ(*server.query("shouwang", "SHOW server_encoding"), "UTF8");
  ASSERT_TRUE(server.create_database("second").ok());
  EXPECT_EQ(*server.query("second", "SELECT $1::int + 1", {"41"}), "42");

  const std::filesystem::path dir = server.directory();
  ASSERT_TRUE(std::filesystem::exists(dir));
  server.stop();
  EXPECT_FALSE(server.running());
  EXPECT_FALSE(std::filesystem::exists(dir));
  EXPECT_FALSE(server.query("shouwang", "SELECT 1").ok());
}

}  // namespace
}  // namespace shouwang::test
