#include <gtest/gtest.h>

#include <shouwang/server/core_routes.h>
#include <shouwang/server/http_server.h>

#include "server/http_client.h"

namespace shouwang::server {
namespace {

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    add_core_routes(router_);
    router_.add("POST", "/api/v1/echo", [](const HttpRequest& r) { return HttpResponse::json(200, r.body); });
    ServerOptions options;
    options.port = 0;  // any free port
    options.body_limit = 1024;
    server_ = std::make_unique<HttpServer>(options, router_);
    const Status started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().to_string();
    ASSERT_GT(server_->port(), 0);
  }
  void TearDown() override { server_->stop(); }

  Router router_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpServerTest, AnswersHealthAndVersion) {
  test::HttpClient client(server_->port());
  ASSERT_TRUE(client.connected());
  auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(health.headers["content-type"], "application/json");
  const auto version = client.get("/api/v1/version");  // same connection: keep-alive works
  EXPECT_EQ(version.status, 200);
  EXPECT_NE(version.body.find("\"version\":\"0.1.0\""), std::string::npos);
  EXPECT_NE(version.body.find("\"api\":\"v1\""), std::string::npos);
}

TEST_F(HttpServerTest, HeadSendsTheLengthWithoutTheBody) {
  test::HttpClient client(server_->port());
  auto head = client.exchange("HEAD /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n", false);
  EXPECT_EQ(head.status, 200);
  auto get = client.get("/api/v1/version");  // same connection: no stray body bytes before it
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(head.headers["content-length"], std::to_string(get.body.size()));
}

TEST_F(HttpServerTest, UnknownApiPathIsJson404) {
  test::HttpClient client(server_->port());
  const auto res = client.get("/api/v1/nope");
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.body.find("\"code\":\"not_found\""), std::string::npos);
}

TEST_F(HttpServerTest, EchoesABodyAndRefusesOneOverTheLimit) {
  test::HttpClient client(server_->port());
  const auto ok = client.exchange("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "{\"a\":1}");
  const std::string big(4096, 'x');
  test::HttpClient other(server_->port());
  const auto too_big = other.exchange("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n" + big);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_NE(too_big.body.find("payload_too_large"), std::string::npos);
}

TEST_F(HttpServerTest, MalformedRequestGets400AndTheConnectionCloses) {
  test::HttpClient client(server_->port());
  const auto res = client.exchange("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(res.status, 400);
  EXPECT_TRUE(client.peer_closed());
}

TEST_F(HttpServerTest, ConnectionCloseIsHonoured) {
  test::HttpClient client(server_->port());
  const auto res = client.exchange("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(client.peer_closed());
}

TEST_F(HttpServerTest, StopIsIdempotentAndFreesThePort) {
  const int port = server_->port();
  server_->stop();
  server_->stop();
  test::HttpClient client(port);
  EXPECT_FALSE(client.connected());
}

TEST(HttpServer, BusyPortIsAClearError) {
  Router router;
  ServerOptions first;
  first.port = 0;
  HttpServer a(first, router);
  ASSERT_TRUE(a.start().ok());
  ServerOptions second;
  second.port = a.port();
  HttpServer b(second, router);
  const Status status = b.start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, Errc::kIoError);
  EXPECT_NE(status.error().message.find(std::to_string(a.port())), std::string::npos);
  ServerOptions bad_host;
  bad_host.host = "not-an-address";
  EXPECT_EQ(HttpServer(bad_host, router).start().error().code, Errc::kInvalidArgument);
}

}  // namespace
}  // namespace shouwang::server
