// The stream over real sockets: an HttpServer on port 0 whose WebSocket endpoint serves a
// real StreamHub, driven by the independent test client in ws_client.h.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <shouwang/server/http_server.h>
#include <shouwang/server/stream_hub.h>

#include "server/http_client.h"
#include "server/stream/stream_fixture.h"
#include "server/stream/ws_client.h"

namespace shouwang::server {
namespace {

using nlohmann::json;
using test::make_change;
using ::shouwang::test::WsClient;
using ::shouwang::test::WsMessage;

const std::vector<std::pair<std::string, std::string>> kAuth = {{"Authorization", "Bearer good"}};

// The query value of `name` in "a=1&b=2", or "" when absent.
std::string query_value(const std::string& query, const std::string& name) {
  std::size_t start = 0;
  while (start <= query.size()) {
    const auto end = std::min(query.find('&', start), query.size());
    const std::string pair = query.substr(start, end - start);
    if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
    start = end + 1;
  }
  return "";
}

class StreamSocketTest : public ::testing::Test {
 protected:
  // Starts a hub and a server with these options; the endpoint wants "Bearer good" and a
  // numeric `from`, and takes the scope from `scope` (default "city").
  void start(StreamOptions stream_options = {}, ServerOptions server_options = {}) {
    hub_ = std::make_unique<StreamHub>(stream_options, renderer_.renderer());
    router_.add_websocket("/api/v1/stream", [this](const HttpRequest& request) -> WebSocketAnswer {
      if (request.header("authorization") != "Bearer good") {
        return HttpResponse::error(401, "unauthenticated", "log in first");
      }
      const std::string from = query_value(request.query, "from");
      if (from.empty() || from.find_first_not_of("0123456789") != std::string::npos) {
        return HttpResponse::error(400, "invalid_argument", "from must be a sequence number");
      }
      const std::string scope = query_value(request.query, "scope");
      return hub_->subscribe(scope.empty() ? "city" : scope, std::stoull(from), "test client");
    });
    server_options.port = 0;
    server_ = std::make_unique<HttpServer>(server_options, router_);
    const Status started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().to_string();
  }
  void TearDown() override {
    if (server_) server_->stop();
  }

  // Waits until the hub has `n` subscribers (sessions register after the handshake).
  bool wait_for_subscribers(std::size_t n) {
    for (int i = 0; i < 500; ++i) {
      if (hub_->stats().subscribers == n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  test::CountingRenderer renderer_;
  std::unique_ptr<StreamHub> hub_;
  Router router_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(StreamSocketTest, ReceivesPublishedChangesInOrder) {
  start();
  WsClient client(server_->port());
  const auto handshake = client.handshake("/api/v1/stream?from=0", kAuth);
  ASSERT_EQ(handshake.status, 101);
  EXPECT_TRUE(handshake.accept_key_ok);
  EXPECT_EQ(handshake.headers.count("sec-websocket-extensions"), 0u);  // no permessage-deflate
  for (std::uint64_t seq = 1; seq <= 300; ++seq) {
    // Sizes that need 7-, 16- and 64-bit lengths.
    ASSERT_TRUE(hub_->publish(make_change(seq, "A", static_cast<int>(seq), seq % 3 == 0 ? 70'000 : seq % 3 == 1 ? 10 : 500)).ok());
  }
  for (std::uint64_t seq = 1; seq <= 300; ++seq) {
    const WsMessage message = client.receive();
    ASSERT_EQ(message.kind, WsMessage::Kind::kText) << seq;
    const auto change = json::parse(message.payload);
    EXPECT_EQ(change["type"], "change");
    EXPECT_EQ(change["n"], seq);
    EXPECT_EQ(change["seq"], seq);
    EXPECT_EQ(change["v"], seq);
  }
  // Writes complete asynchronously; the counters follow shortly.
  for (int i = 0; i < 200 && hub_->stats().messages_sent < 300; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const StreamStats stats = hub_->stats();
  EXPECT_EQ(stats.messages_sent, 300u);
  EXPECT_EQ(stats.delivery.count, 300u);
}

TEST_F(StreamSocketTest, RefusedUpgradeGetsTheHttpAnswer) {
  start();
  WsClient anonymous(server_->port());
  const auto refused = anonymous.handshake("/api/v1/stream?from=0");
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(json::parse(refused.body)["code"], "unauthenticated");
  WsClient bad_from(server_->port());
  const auto bad = bad_from.handshake("/api/v1/stream?from=yesterday", kAuth);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["code"], "invalid_argument");
  EXPECT_EQ(hub_->stats().subscribers, 0u);
}

TEST_F(StreamSocketTest, PlainGetToTheStreamIs426) {
  start();
  ::shouwang::test::HttpClient client(server_->port());
  const auto response = client.get("/api/v1/stream?from=0");
  EXPECT_EQ(response.status, 426);
  EXPECT_EQ(json::parse(response.body)["code"], "upgrade_required");
  EXPECT_EQ(response.headers.at("upgrade"), "websocket");
}

TEST_F(StreamSocketTest, ClientPingIsAnsweredWithAHeartbeat) {
  start();
  ASSERT_TRUE(hub_->publish(make_change(5, "A")).ok());
  WsClient client(server_->port());
  ASSERT_EQ(client.handshake("/api/v1/stream?from=5&scope=station:B", kAuth).status, 101);
  ASSERT_TRUE(client.send_ping("are you there"));  // a protocol ping: the stream answers it
  ASSERT_TRUE(client.send_text(R"({"type":"ping"})"));
  const WsMessage message = client.receive();
  ASSERT_EQ(message.kind, WsMessage::Kind::kText);
  const auto heartbeat = json::parse(message.payload);
  EXPECT_EQ(heartbeat["type"], "heartbeat");
  EXPECT_EQ(heartbeat["n"], 1);
  EXPECT_EQ(heartbeat["seq"], 5);
}

TEST_F(StreamSocketTest, HubHeartbeatsReachTheClient) {
  StreamOptions options;
  options.heartbeat = std::chrono::milliseconds(100);
  start(options);
  hub_->start_heartbeats();
  WsClient client(server_->port());
  ASSERT_EQ(client.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  for (int n = 1; n <= 2; ++n) {
    const WsMessage message = client.receive(std::chrono::seconds(3));
    ASSERT_EQ(message.kind, WsMessage::Kind::kText);
    EXPECT_EQ(json::parse(message.payload)["n"], n);
  }
}

TEST_F(StreamSocketTest, ResyncIsTheLastMessageBeforeANormalClose) {
  start();
  WsClient client(server_->port());
  ASSERT_EQ(client.handshake("/api/v1/stream?from=42", kAuth).status, 101);
  const WsMessage resync = client.receive();
  ASSERT_EQ(resync.kind, WsMessage::Kind::kText);
  EXPECT_EQ(json::parse(resync.payload)["type"], "resync");
  const WsMessage close = client.receive();
  ASSERT_EQ(close.kind, WsMessage::Kind::kClose);
  EXPECT_EQ(close.close_code, kCloseNormal);
  EXPECT_EQ(close.close_reason, "resync");
  EXPECT_TRUE(client.wait_for_eof());
}

TEST_F(StreamSocketTest, ClientCloseReleasesTheSubscription) {
  start();
  WsClient client(server_->port());
  ASSERT_EQ(client.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  ASSERT_TRUE(wait_for_subscribers(1));
  ASSERT_TRUE(client.send_close(1000, "bye"));
  const WsMessage answer = client.receive();
  EXPECT_EQ(answer.kind, WsMessage::Kind::kClose);
  EXPECT_EQ(answer.close_code, 1000);
  EXPECT_TRUE(wait_for_subscribers(0));
}

// A client that stops reading while 50 MB are published is cut off; another client on
// the same hub gets every change.
TEST_F(StreamSocketTest, SlowClientIsDroppedWhileAFastOneGetsEverything) {
  start();
  WsClient slow(server_->port(), 16 * 1024);
  ASSERT_EQ(slow.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  WsClient fast(server_->port());
  ASSERT_EQ(fast.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  ASSERT_TRUE(wait_for_subscribers(2));

  constexpr std::uint64_t kChanges = 5000;  // 10 KB each
  std::atomic<std::uint64_t> fast_seen{0};
  std::atomic<bool> fast_ok{true};
  std::thread reader([&] {
    for (std::uint64_t n = 1; n <= kChanges; ++n) {
      const WsMessage message = fast.receive();
      // The head is enough: {"type":"change","n":N,… (no parse of 10 KB per message).
      const std::string head = "{\"type\":\"change\",\"n\":" + std::to_string(n) + ",";
      if (message.kind != WsMessage::Kind::kText || message.payload.rfind(head, 0) != 0) {
        fast_ok = false;
        return;
      }
      fast_seen = n;
    }
  });
  for (std::uint64_t seq = 1; seq <= kChanges; ++seq) {
    ASSERT_TRUE(hub_->publish(make_change(seq, "A", 0, 10'000)).ok());
    // Keep the fast client within reach of its queue limit: it reads as fast as it can.
    while (fast_ok && seq > fast_seen + 200) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  reader.join();
  EXPECT_TRUE(fast_ok);
  EXPECT_EQ(fast_seen, kChanges);

  std::uint64_t changes = 0;
  WsMessage message;
  for (;;) {
    message = slow.receive();
    ASSERT_EQ(message.kind, WsMessage::Kind::kText);
    const auto parsed = json::parse(message.payload);
    if (parsed["type"] != "change") break;
    EXPECT_EQ(parsed["n"], ++changes);
  }
  const auto dropped = json::parse(message.payload);
  EXPECT_EQ(dropped["type"], "dropped");
  const std::string reason = dropped["reason"];
  EXPECT_EQ(reason.rfind("slow_consumer: ", 0), 0u) << reason;
  EXPECT_LT(changes, kChanges);
  const WsMessage close = slow.receive();
  ASSERT_EQ(close.kind, WsMessage::Kind::kClose);
  EXPECT_EQ(close.close_code, kCloseTryAgainLater);
  EXPECT_EQ(close.close_reason, reason);
  const StreamStats stats = hub_->stats();
  EXPECT_EQ(stats.drops.at("slow_consumer"), 1u);
  EXPECT_EQ(stats.subscribers, 1u);
}

TEST_F(StreamSocketTest, StuckWriteEndsTheSessionAfterTheWriteTimeout) {
  StreamOptions stream_options;
  stream_options.max_queue_bytes = 256 << 20;  // the queue limit must not strike first
  ServerOptions server_options;
  server_options.ws_write_timeout = std::chrono::milliseconds(300);
  start(stream_options, server_options);
  WsClient stuck(server_->port(), 4096);
  ASSERT_EQ(stuck.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  ASSERT_TRUE(wait_for_subscribers(1));
  for (std::uint64_t seq = 1; seq <= 2000; ++seq) ASSERT_TRUE(hub_->publish(make_change(seq, "A", 0, 20'000)).ok());
  ASSERT_TRUE(wait_for_subscribers(0));
  const StreamStats stats = hub_->stats();
  EXPECT_EQ(stats.drops.at("write_timeout"), 1u);
  EXPECT_TRUE(stuck.wait_for_eof());
}

TEST_F(StreamSocketTest, StopClosesSessionsWithGoingAway) {
  start();
  WsClient client(server_->port());
  ASSERT_EQ(client.handshake("/api/v1/stream?from=0", kAuth).status, 101);
  ASSERT_TRUE(wait_for_subscribers(1));
  const auto t0 = std::chrono::steady_clock::now();
  std::thread stopper([this] { server_->stop(); });
  const WsMessage close = client.receive();  // answered with a close frame
  EXPECT_TRUE(client.wait_for_eof());
  stopper.join();
  ASSERT_EQ(close.kind, WsMessage::Kind::kClose);
  EXPECT_EQ(close.close_code, kCloseGoingAway);
  EXPECT_EQ(close.close_reason, "server shutting down");
  // The session ended with the closing handshake, before the grace ran out.
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(1500));
  EXPECT_EQ(hub_->stats().subscribers, 0u);
}

}  // namespace
}  // namespace shouwang::server
