// The live stream against a running server: a second console sees every change, in
// order, without gaps; scopes filter what it sees; after the server restarts mid-stream
// the console reconnects and resyncs from the state it held.

#include <gtest/gtest.h>

#include "api/served_city.h"
#include "server/stream/ws_client.h"

namespace shouwang::test {
namespace {

using nlohmann::json;

// Opens the stream as `client` from `from`; fails the test unless the upgrade succeeds.
std::unique_ptr<WsClient> open_stream(const ApiClient& client, std::uint64_t from) {
  auto ws = std::make_unique<WsClient>(client.port_);
  std::vector<std::pair<std::string, std::string>> headers;
  if (!client.bearer.empty()) headers.emplace_back("Authorization", "Bearer " + client.bearer);
  const WsHandshake hs = ws->handshake("/api/v1/stream?from=" + std::to_string(from), headers);
  EXPECT_EQ(hs.status, 101) << hs.body;
  return ws;
}

// Changes until one with seq >= `until` has arrived (heartbeats are checked and skipped).
std::vector<json> changes_until(WsClient& ws, std::uint64_t until, std::uint64_t& last_n) {
  std::vector<json> out;
  for (int guard = 0; guard < 1000; ++guard) {
    const WsMessage m = ws.receive(std::chrono::seconds(10));
    if (m.kind != WsMessage::Kind::kText) {
      ADD_FAILURE() << "the stream ended or stalled before seq " << until;
      return out;
    }
    const json message = json::parse(m.payload);
    EXPECT_EQ(message["n"].get<std::uint64_t>(), last_n + 1) << "a message was lost: " << m.payload;
    last_n = message["n"];
    if (message["type"] == "heartbeat") continue;
    EXPECT_EQ(message["type"], "change") << m.payload;
    out.push_back(message);
    if (message["seq"].get<std::uint64_t>() >= until) return out;
  }
  return out;
}

TEST(ApiStream, ASecondConsoleSeesEveryChangeInOrder) {
  ServedCity city("stream");
  city.start();
  const ApiClient taker = city.login("taker");
  const ApiClient watcher = city.login("disp");
  const ApiClient officer_b = city.login("officer_b");
  const std::uint64_t start = watcher.get("/api/v1/state").body["seq"];
  auto ws = open_stream(watcher, start);
  auto ws_b = open_stream(officer_b, start);

  // 20 incidents, each through several commands, by the call taker.
  std::vector<std::uint64_t> seqs;
  std::vector<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    const ApiReply created = taker.post("/api/v1/incidents", {{"summary", "第" + std::to_string(i) + "起"}, {"type_code", "0201"}});
    ASSERT_EQ(created.status, 201);
    ids.push_back(created.body["incident"]["id"]);
    seqs.push_back(created.body["seq"]);
    const LatLon where = i % 2 == 0 ? city.point_a : city.point_b;
    const ApiReply located = taker.post("/api/v1/incidents/" + ids.back() + "/locations",
                                        {{"source", "caller_text"}, {"text", "x"}, {"lat", where.lat}, {"lon", where.lon},
                                         {"uncertainty_m", 10}});
    seqs.push_back(located.body["seq"]);
    seqs.push_back(taker.post("/api/v1/incidents/" + ids.back() + "/notes", {{"text", "补充"}}).body["seq"]);
  }
  std::uint64_t n = 0;
  const auto changes = changes_until(*ws, seqs.back(), n);
  // Every command's commit arrives, in sequence order, with its records.
  std::vector<std::uint64_t> streamed;
  for (const auto& c : changes) {
    if (!streamed.empty()) {
      EXPECT_GT(c["seq"].get<std::uint64_t>(), streamed.back());
    }
    streamed.push_back(c["seq"]);
    EXPECT_FALSE(c["incidents"].empty());
  }
  for (std::uint64_t s : seqs) {
    EXPECT_TRUE(std::any_of(changes.begin(), changes.end(), [&](const json& c) {
      return c["first_seq"].get<std::uint64_t>() <= s && s <= c["seq"].get<std::uint64_t>();
    })) << "commit " << s << " never arrived";
  }
  // The last change shows the last incident as it is now.
  const json& last = changes.back();
  EXPECT_EQ(last["incidents"][0]["id"], ids.back());
  EXPECT_EQ(last["incidents"][0]["notes"].size(), 1u);

  // Station B's officer saw only station B's incidents, once they were located there.
  std::uint64_t n_b = 0;
  const auto changes_b = changes_until(*ws_b, seqs.back(), n_b);
  for (const auto& c : changes_b) {
    for (const auto& incident : c["incidents"]) EXPECT_EQ(incident["station"], city.station_b) << c.dump();
  }
  city.stop();
}

TEST(ApiStream, AfterARestartTheConsoleResyncsAndContinues) {
  ServedCity city("restart");
  city.start();
  const ApiClient disp = city.login("disp");
  disp.post("/api/v1/incidents", {{"summary", "before"}});
  const json state = disp.get("/api/v1/state").body;
  std::uint64_t held = state["seq"];
  auto ws = open_stream(disp, held);
  const ApiReply during = disp.post("/api/v1/incidents", {{"summary", "during"}});
  std::uint64_t n = 0;
  auto seen = changes_until(*ws, during.body["seq"], n);
  ASSERT_FALSE(seen.empty());
  held = seen.back()["seq"];

  // The server goes down: the console gets a clean close frame.
  city.stop();
  const WsMessage closed = ws->receive(std::chrono::seconds(10));
  EXPECT_EQ(closed.kind, WsMessage::Kind::kClose);
  EXPECT_EQ(closed.close_code, 1001);

  // It comes back; the session survived in the log, so the console continues from its seq.
  city.start();
  ApiClient again = disp;
  again.port_ = city.port();
  const json restarted = again.get("/api/v1/state").body;
  ASSERT_EQ(restarted["seq"].get<std::uint64_t>(), held) << "nothing was lost or invented across the restart";
  auto ws2 = open_stream(again, held);
  const ApiReply after = again.post("/api/v1/incidents", {{"summary", "after"}});
  ASSERT_EQ(after.status, 201);
  std::uint64_t n2 = 0;
  const auto resumed = changes_until(*ws2, after.body["seq"], n2);
  ASSERT_FALSE(resumed.empty());
  EXPECT_EQ(resumed.front()["first_seq"].get<std::uint64_t>(), held + 1) << "the stream continues exactly after the state";

  // A console that asks for a seq the restarted server cannot replay is told to resync.
  auto stale = open_stream(again, held + 1000);
  const WsMessage resync = stale->receive(std::chrono::seconds(10));
  ASSERT_EQ(resync.kind, WsMessage::Kind::kText);
  EXPECT_EQ(json::parse(resync.payload)["type"], "resync");
  city.stop();
}

}  // namespace
}  // namespace shouwang::test
