// Ephemeral messages (live positions): rendered per scope, numbered with the changes, never
// kept for subscribers who resume later.

#include <gtest/gtest.h>

#include "server/stream/stream_fixture.h"

namespace shouwang::server::test {
namespace {

StreamOptions options() {
  StreamOptions o;
  o.heartbeat = std::chrono::hours(1);
  return o;
}

// Station subscribers get their station's positions; the city gets all; "mute" gets none.
EphemeralRenderer positions(const std::string& a, const std::string& b) {
  return [a, b](const std::string& scope) -> std::optional<std::string> {
    if (scope == "city") return "{\"positions\":[\"" + a + "\",\"" + b + "\"]}";
    if (scope == "station:A") return "{\"positions\":[\"" + a + "\"]}";
    if (scope == "station:B") return "{\"positions\":[\"" + b + "\"]}";
    if (scope == "broken") return std::string("not json");
    return std::nullopt;
  };
}

TEST(StreamEphemeral, ReachesEachScopeNumberedBetweenTheChanges) {
  CountingRenderer renderer;
  StreamHub hub(options(), renderer.renderer());
  auto city = hub.subscribe("city", 0, "city");
  auto a = hub.subscribe("station:A", 0, "a");
  auto mute = hub.subscribe("mute", 0, "mute");
  ASSERT_TRUE(hub.publish(make_change(4, "A")).ok());
  hub.broadcast("positions", positions("A-01", "B-01"));
  ASSERT_TRUE(hub.publish(make_change(9, "A")).ok());

  const auto c = drain(*city);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[1]["type"], "positions");
  EXPECT_EQ(c[1]["n"], 2);
  EXPECT_EQ(c[1]["seq"], 4);  // the last change the subscriber has
  EXPECT_EQ(c[1]["positions"], nlohmann::json::array({"A-01", "B-01"}));
  EXPECT_EQ(c[2]["n"], 3);
  const auto s = drain(*a);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[1]["positions"], nlohmann::json::array({"A-01"}));
  // A scope shown nothing gets no message and no gap in n.
  const auto m = drain(*mute);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(hub.stats().ephemeral, 2u);
}

TEST(StreamEphemeral, IsNotReplayedToAResumingSubscriber) {
  CountingRenderer renderer;
  StreamHub hub(options(), renderer.renderer());
  ASSERT_TRUE(hub.publish(make_change(1, "A")).ok());
  hub.broadcast("positions", positions("A-01", "B-01"));  // nobody listens yet
  ASSERT_TRUE(hub.publish(make_change(2, "A")).ok());
  auto late = hub.subscribe("city", 0, "late");
  const auto frames = drain(*late);
  ASSERT_EQ(frames.size(), 2u);
  for (const auto& f : frames) EXPECT_EQ(f["type"], "change");
}

TEST(StreamEphemeral, AFailedRenderIsSkippedAndCountedWithoutDroppingTheSubscriber) {
  CountingRenderer renderer;
  StreamHub hub(options(), renderer.renderer());
  auto broken = hub.subscribe("broken", 0, "broken");
  hub.broadcast("positions", positions("A-01", "B-01"));
  EXPECT_TRUE(drain(*broken).empty());
  EXPECT_FALSE(broken->closed());
  EXPECT_EQ(hub.stats().ephemeral_failures, 1u);
}

}  // namespace
}  // namespace shouwang::server::test
