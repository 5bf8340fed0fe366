// The hub without sockets: ordering, numbering, per-scope rendering, backlog resume,
// resync, slow consumers and heartbeats (on a ManualClock).

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <shouwang/server/stream_hub.h>

#include "server/stream/stream_fixture.h"

namespace shouwang::server {
namespace {

using nlohmann::json;
using test::CountingRenderer;
using test::drain;
using test::end_of;
using test::make_change;

class StreamHubTest : public ::testing::Test {
 protected:
  std::unique_ptr<StreamHub> make_hub(StreamOptions options = {}, std::uint64_t start_seq = 0) {
    return std::make_unique<StreamHub>(options, renderer_.renderer(), start_seq, clock_);
  }

  ManualClock clock_{UtcTime::from_seconds(1'795'000'000)};
  CountingRenderer renderer_;
};

TEST_F(StreamHubTest, DeliversChangesInOrderNumberedFromOne) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "test");
  for (std::uint64_t seq = 1; seq <= 5; ++seq) ASSERT_TRUE(hub->publish(make_change(seq * 3, "A", static_cast<int>(seq))).ok());
  const auto frames = drain(*sub);
  ASSERT_EQ(frames.size(), 5u);
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i]["type"], "change");
    EXPECT_EQ(frames[i]["n"], i + 1);
    EXPECT_EQ(frames[i]["seq"], (i + 1) * 3);
    EXPECT_EQ(frames[i]["station"], "A");
    EXPECT_EQ(frames[i]["v"], i + 1);
  }
  EXPECT_FALSE(sub->closed());
  EXPECT_EQ(hub->stats().messages_sent, 5u);
}

TEST_F(StreamHubTest, FilteredChangesLeaveSeqGapsButNoGapsInN) {
  auto hub = make_hub();
  auto a = hub->subscribe("station:A", 0, "a");
  for (std::uint64_t seq = 1; seq <= 10; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, seq % 2 ? "A" : "B")).ok());
  const auto frames = drain(*a);
  ASSERT_EQ(frames.size(), 5u);
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i]["n"], i + 1);
    EXPECT_EQ(frames[i]["seq"], 2 * i + 1);
  }
}

TEST_F(StreamHubTest, RendersOncePerChangeAndScope) {
  auto hub = make_hub();
  std::vector<std::shared_ptr<Subscription>> subs;
  const std::string scopes[] = {"city", "station:A", "station:B"};
  for (int i = 0; i < 100; ++i) subs.push_back(hub->subscribe(scopes[i % 3], 0, "s" + std::to_string(i)));
  for (std::uint64_t seq = 1; seq <= 10; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
  EXPECT_EQ(renderer_.calls(), 30);
  EXPECT_EQ(hub->stats().renders, 30u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(drain(*subs[i]).size(), i % 3 == 2 ? 0u : 10u) << i;
}

TEST_F(StreamHubTest, ResumesExactlyAfterFromThenGoesLive) {
  auto hub = make_hub();
  for (std::uint64_t seq = 1; seq <= 20; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A", static_cast<int>(seq))).ok());
  auto sub = hub->subscribe("city", 12, "resumer");
  ASSERT_TRUE(hub->publish(make_change(21, "A", 21)).ok());
  const auto frames = drain(*sub);
  ASSERT_EQ(frames.size(), 9u);
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i]["seq"], 13 + i);
    EXPECT_EQ(frames[i]["n"], i + 1);
  }
}

TEST_F(StreamHubTest, ResumeReusesRendersMadeAtPublish) {
  auto hub = make_hub();
  auto live = hub->subscribe("station:A", 0, "live");
  for (std::uint64_t seq = 1; seq <= 10; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
  EXPECT_EQ(renderer_.calls(), 10);
  auto resumed = hub->subscribe("station:A", 4, "resumed");
  EXPECT_EQ(renderer_.calls(), 10);  // all cached
  EXPECT_EQ(drain(*resumed).size(), 6u);
  auto other = hub->subscribe("station:B", 4, "other");
  EXPECT_EQ(renderer_.calls(), 16);  // a new scope renders the six it needs, once
  auto other_too = hub->subscribe("station:B", 4, "other too");
  EXPECT_EQ(renderer_.calls(), 16);
}

TEST_F(StreamHubTest, RenderCacheBeyondItsBudgetIsRenderedAgain) {
  StreamOptions options;
  options.backlog_render_bytes = 0;
  auto hub = make_hub(options);
  auto live = hub->subscribe("city", 0, "live");
  for (std::uint64_t seq = 1; seq <= 10; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
  auto resumed = hub->subscribe("city", 0, "resumed");
  EXPECT_GE(renderer_.calls(), 19);  // the texts were forgotten (the newest may be kept)
  EXPECT_EQ(drain(*resumed).size(), 10u);
}

TEST_F(StreamHubTest, FromOlderThanTheBacklogResyncs) {
  StreamOptions options;
  options.backlog_changes = 5;
  auto hub = make_hub(options);
  for (std::uint64_t seq = 1; seq <= 20; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
  // The backlog holds 16..20: from 15 resumes, from 14 cannot.
  auto ok = hub->subscribe("city", 15, "ok");
  EXPECT_EQ(drain(*ok).size(), 5u);
  auto old = hub->subscribe("city", 14, "old");
  const auto frames = drain(*old);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "resync");
  EXPECT_EQ(frames[0]["seq"], 20);
  EXPECT_NE(frames[0]["reason"].get<std::string>().find("older"), std::string::npos);
  EXPECT_TRUE(old->closed());
  EXPECT_EQ(end_of(*old).code, kCloseNormal);
  const StreamStats stats = hub->stats();
  EXPECT_EQ(stats.resyncs, 1u);
  EXPECT_EQ(stats.subscribers, 1u);
}

TEST_F(StreamHubTest, FromAheadOfTheStreamResyncs) {
  auto hub = make_hub({}, 100);
  auto fresh = hub->subscribe("city", 100, "fresh");  // the start seq itself is resumable
  EXPECT_FALSE(fresh->closed());
  auto ahead = hub->subscribe("city", 101, "ahead");
  const auto frames = drain(*ahead);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "resync");
  EXPECT_EQ(frames[0]["seq"], 100);
  EXPECT_NE(frames[0]["reason"].get<std::string>().find("ahead"), std::string::npos);
  auto behind = hub->subscribe("city", 99, "behind");  // before the start: not in the backlog
  EXPECT_EQ(drain(*behind).at(0)["type"], "resync");
}

TEST_F(StreamHubTest, SlowConsumerIsDroppedWhileAFastOneGetsEverything) {
  StreamOptions options;
  options.max_queue_messages = 10;
  auto hub = make_hub(options);
  auto fast = hub->subscribe("city", 0, "fast");
  auto slow = hub->subscribe("city", 0, "slow@ws-2");
  std::size_t fast_received = 0;
  for (std::uint64_t seq = 1; seq <= 100; ++seq) {
    ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
    for (const auto& frame : drain(*fast)) EXPECT_EQ(frame["n"], ++fast_received);
  }
  EXPECT_EQ(fast_received, 100u);
  const auto frames = drain(*slow);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "dropped");
  EXPECT_EQ(frames[0]["reason"].get<std::string>().rfind("slow_consumer: 11 messages, ", 0), 0u);
  const StreamClose end = end_of(*slow);
  EXPECT_EQ(end.code, kCloseTryAgainLater);
  EXPECT_EQ(end.reason, frames[0]["reason"]);
  const StreamStats stats = hub->stats();
  EXPECT_EQ(stats.subscribers, 1u);
  EXPECT_EQ(stats.drops.at("slow_consumer"), 1u);
  ASSERT_EQ(stats.recent_drops.size(), 1u);
  EXPECT_EQ(stats.recent_drops[0].rfind("slow@ws-2: slow_consumer", 0), 0u);
}

TEST_F(StreamHubTest, ByteLimitDropsToo) {
  StreamOptions options;
  options.max_queue_bytes = 10'000;
  auto hub = make_hub(options);
  auto sub = hub->subscribe("city", 0, "slow");
  for (std::uint64_t seq = 1; seq <= 5; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A", 0, 3000)).ok());
  const auto frames = drain(*sub);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "dropped");
  EXPECT_NE(frames[0]["reason"].get<std::string>().find("4 messages"), std::string::npos);
}

TEST_F(StreamHubTest, HeartbeatsFollowTheClock) {
  StreamOptions options;
  options.heartbeat = std::chrono::seconds(5);
  auto hub = make_hub(options, 7);
  auto sub = hub->subscribe("station:B", 7, "hb");
  clock_.advance_seconds(4.9);
  hub->tick();
  EXPECT_TRUE(drain(*sub).empty());
  ASSERT_TRUE(hub->publish(make_change(9, "A")).ok());  // invisible to station B
  clock_.advance_seconds(0.1);
  hub->tick();
  auto frames = drain(*sub);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "heartbeat");
  EXPECT_EQ(frames[0]["n"], 1);
  EXPECT_EQ(frames[0]["seq"], 9);  // brought up to 9 although nothing was visible
  EXPECT_EQ(frames[0]["t"], clock_.now().to_iso8601());
  ASSERT_TRUE(hub->publish(make_change(10, "B")).ok());
  hub->tick();  // not due again yet
  frames = drain(*sub);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["n"], 2);
  clock_.advance_seconds(5);
  hub->tick();
  frames = drain(*sub);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "heartbeat");
  EXPECT_EQ(frames[0]["n"], 3);
  EXPECT_EQ(frames[0]["seq"], 10);
}

TEST_F(StreamHubTest, ClientPingIsAnsweredWithAHeartbeat) {
  auto hub = make_hub({}, 3);
  auto sub = hub->subscribe("city", 3, "pinger");
  sub->handle_client_text(R"({"type":"ping"})");
  sub->handle_client_text(R"({"type":"hello"})");
  sub->handle_client_text("not json");
  const auto frames = drain(*sub);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "heartbeat");
  EXPECT_EQ(frames[0]["seq"], 3);
}

TEST_F(StreamHubTest, NotifyFiresOnceAfterNextFoundNothing) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "n");
  int notified = 0;
  sub->set_notify([&notified] { ++notified; });
  ASSERT_TRUE(hub->publish(make_change(1, "A")).ok());
  EXPECT_EQ(notified, 0);  // next() has not been asked yet
  EXPECT_EQ(drain(*sub).size(), 1u);
  ASSERT_TRUE(hub->publish(make_change(2, "A")).ok());
  ASSERT_TRUE(hub->publish(make_change(3, "A")).ok());
  EXPECT_EQ(notified, 1);
  EXPECT_EQ(drain(*sub).size(), 2u);
  sub->close("bye");
  EXPECT_EQ(notified, 2);
}

TEST_F(StreamHubTest, DeliveryLatencyGoesIntoBuckets) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "lat");
  ASSERT_TRUE(hub->publish(make_change(1, "A")).ok());
  ASSERT_TRUE(hub->publish(make_change(2, "A")).ok());
  auto first = std::get<StreamFrame>(sub->next());
  clock_.advance_micros(7'000);
  sub->sent(first);
  auto second = std::get<StreamFrame>(sub->next());
  clock_.advance_micros(500'000);
  sub->sent(second);
  const LatencyHistogram h = hub->stats().delivery;
  EXPECT_EQ(h.count, 2u);
  EXPECT_DOUBLE_EQ(h.sum_ms, 7 + 507);
  EXPECT_EQ(h.buckets[3], 1u);  // (5, 10] ms
  EXPECT_EQ(h.buckets[9], 1u);  // (500, 1000] ms
  EXPECT_GT(h.quantile_ms(0.5), 5.0);
  EXPECT_LE(h.quantile_ms(0.5), 10.0);
}

TEST_F(StreamHubTest, RenderFailureDropsTheScopeInsteadOfHidingTheChange) {
  auto hub = make_hub();
  auto broken = hub->subscribe("broken", 0, "b");
  auto fine = hub->subscribe("city", 0, "c");
  ASSERT_TRUE(hub->publish(make_change(1, "A")).ok());
  const auto frames = drain(*broken);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0]["type"], "dropped");
  EXPECT_NE(frames[0]["reason"].get<std::string>().find("render_failed"), std::string::npos);
  EXPECT_EQ(drain(*fine).size(), 1u);
  EXPECT_EQ(hub->stats().drops.at("render_failed"), 1u);
}

// Subscribers joining while the writer publishes get every change after their `from`
// exactly once and in order: the backlog replay and the live changes meet without a gap.
TEST_F(StreamHubTest, SubscribingDuringPublishingMissesAndRepeatsNothing) {
  auto hub = make_hub();
  constexpr std::uint64_t kLast = 20000;
  std::thread writer([&] {
    for (std::uint64_t seq = 1; seq <= kLast; ++seq) ASSERT_TRUE(hub->publish(make_change(seq, "A")).ok());
  });
  std::vector<std::thread> readers;
  std::atomic<int> failures{0};
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&, r] {
      for (int round = 0; round < 5; ++round) {
        const std::uint64_t head = hub->last_seq();
        const std::uint64_t from = head > 50 ? head - static_cast<std::uint64_t>((r * 37 + round * 11) % 50) : head;
        auto sub = hub->subscribe("city", from, "r" + std::to_string(r));
        std::uint64_t expect = from + 1;
        while (expect <= std::min<std::uint64_t>(from + 2000, kLast)) {
          auto next = sub->next();
          if (auto* frame = std::get_if<StreamFrame>(&next)) {
            const auto message = json::parse(frame->text());
            if (message["seq"] != expect || message["n"] != expect - from) ++failures;
            ++expect;
          } else if (std::holds_alternative<StreamClose>(next)) {
            ++failures;  // dropped or resynced: not expected here
            break;
          } else {
            std::this_thread::yield();
          }
        }
        sub->close("done");
      }
    });
  }
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(StreamHubTest, PublishRefusesASeqThatDoesNotAdvance) {
  auto hub = make_hub({}, 10);
  EXPECT_EQ(hub->publish(make_change(10, "A")).error().code, Errc::kInvalidArgument);
  EXPECT_TRUE(hub->publish(make_change(11, "A")).ok());
  EXPECT_FALSE(hub->publish(make_change(11, "A")).ok());
  EXPECT_EQ(hub->last_seq(), 11u);
}

TEST_F(StreamHubTest, CloseDiscardsTheQueueAndTheHubForgets) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "x");
  ASSERT_TRUE(hub->publish(make_change(1, "A")).ok());
  sub->close("logged out", 4001);
  EXPECT_EQ(sub->closed_reason(), "logged out");
  const StreamClose end = end_of(*sub);
  EXPECT_EQ(end.code, 4001);
  EXPECT_EQ(hub->stats().subscribers, 0u);
  ASSERT_TRUE(hub->publish(make_change(2, "A")).ok());
  EXPECT_EQ(sub->queued_messages(), 0u);
}

TEST_F(StreamHubTest, DestroyingTheHubClosesItsSubscriptions) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "x");
  hub.reset();
  EXPECT_EQ(end_of(*sub).code, kCloseGoingAway);
  sub->close("again");  // harmless without the hub
}

TEST_F(StreamHubTest, PrometheusTextHasTheCountersAndHistogram) {
  auto hub = make_hub();
  auto sub = hub->subscribe("city", 0, "x");
  ASSERT_TRUE(hub->publish(make_change(1, "A")).ok());
  drain(*sub);
  const std::string text = to_prometheus(hub->stats());
  EXPECT_NE(text.find("shouwang_stream_subscribers 1\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_stream_messages_sent_total 1\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_stream_delivery_seconds_bucket{le=\"0.001\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_stream_delivery_seconds_bucket{le=\"+Inf\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("shouwang_stream_delivery_seconds_count 1\n"), std::string::npos);
}

}  // namespace
}  // namespace shouwang::server
