// Reading orders and incidents from the server's state answers and stream messages.

#include <gtest/gtest.h>

#include <shouwang/sim/order_feed.h>

namespace shouwang::sim {
namespace {

using nlohmann::json;

TEST(OrderFeed, ReadsAChangeMessage) {
  const json change = json::parse(R"({
    "type": "change", "n": 3, "seq": 41,
    "orders": [{"id": "991000-20261122-D000001", "incident": "991000-20261122-000001",
                "target": {"kind": "unit", "id": "S1-01-P01", "name": ""}, "status": "issued"},
               {"id": "bad: no status", "incident": "x", "target": {"kind": "unit", "id": "A"}}],
    "incidents": [{"id": "991000-20261122-000001", "status": "dispatched", "type_code": "0102", "priority": 2,
                   "station": "991001001",
                   "location": {"needs_confirmation": false, "confirmed": 0, "candidates": [
                     {"source": "handset_gnss", "lat": 27.77, "lon": 110.86},
                     {"source": "caller_text", "text": "路口"},
                     {"source": "map_pin", "lat": 27.78, "lon": 110.87}]}}]
  })");
  const FeedNews news = read_feed(change, false);
  ASSERT_EQ(news.orders.size(), 1u);
  EXPECT_EQ(news.orders[0].target_kind, "unit");
  EXPECT_EQ(news.orders[0].target, "S1-01-P01");
  EXPECT_TRUE(news.orders[0].open());
  ASSERT_EQ(news.incidents.size(), 1u);
  EXPECT_EQ(news.incidents[0].priority, 2);
  EXPECT_EQ(news.incidents[0].type_code, "0102");
  ASSERT_TRUE(news.incidents[0].position.has_value());
  EXPECT_EQ(news.incidents[0].position->lat, 27.77);  // the confirmed candidate, not the latest
}

TEST(OrderFeed, WithoutAConfirmedCandidateTheLatestPositionCounts) {
  const json snapshot = json::parse(R"({"seq": 9, "scope": "991000", "snapshot": {
    "orders": [{"id": "D1", "incident": "I1", "target": {"kind": "station", "id": "991001001"}, "status": "done"}],
    "incidents": [{"id": "I1", "status": "feedback", "location": {"candidates": [
      {"source": "handset_gnss", "lat": 1.5, "lon": 2.5}, {"source": "cell_sector", "lat": 1.6, "lon": 2.6},
      {"source": "caller_text", "text": "x"}]}}], "calls": [], "units": []}})");
  const FeedNews news = read_feed(snapshot, true);
  EXPECT_TRUE(news.snapshot);
  ASSERT_EQ(news.orders.size(), 1u);
  EXPECT_FALSE(news.orders[0].open());
  ASSERT_EQ(news.incidents.size(), 1u);
  ASSERT_TRUE(news.incidents[0].position.has_value());
  EXPECT_EQ(news.incidents[0].position->lat, 1.6);
  EXPECT_EQ(news.incidents[0].priority, 3);  // absent: the default
}

TEST(OrderFeed, MalformedRecordsAreSkippedNotThrown) {
  const json odd =
      json::parse(R"({"orders": [1, "x", {"id": 5, "status": []}], "incidents": {"id": "I"}})");
  const FeedNews news = read_feed(odd, false);
  EXPECT_TRUE(news.orders.empty());
  EXPECT_TRUE(news.incidents.empty());
  EXPECT_TRUE(read_feed(json::parse(R"({"seq": 1})"), true).orders.empty());
}

}  // namespace
}  // namespace shouwang::sim
