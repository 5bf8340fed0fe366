// `shouwang gen-history` as people run it, on a copy of the demo city: the log it writes
// rebuilds into a valid state whose incidents are closed with their times in lifecycle
// order and arrivals no sooner than the road allows from the station's post; reruns never
// double the history.

#include <filesystem>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include <shouwang/cad/invariants.h>
#include <shouwang/cad/location.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/osm/place_index.h>
#include <shouwang/osm/snap_file.h>
#include <shouwang/routing/point_route.h>
#include <shouwang/sim/call_model.h>
#include <shouwang/store/event_log.h>

#include "demo_city_dir.h"
#include "model_fixture.h"
#include "sim/calls/responders.h"

namespace shouwang::sim {
namespace {

namespace fs = std::filesystem;
using testing::at;

std::unique_ptr<store::EventLog> open_log(const fs::path& dir) {
  auto log =
      store::open_event_log("sqlite:" + (dir / "events.db").string(), {.create_if_missing = false});
  EXPECT_TRUE(log.ok()) << (log.ok() ? "" : log.error().to_string());
  return log.ok() ? std::move(log).value() : nullptr;
}

// The road network of the directory, loaded independently of the code under test.
struct Roads {
  osm::GraphFileContents graph;
  std::optional<routing::ContractionHierarchy> ch;
  std::optional<routing::SnapIndex> snap;
  explicit Roads(const fs::path& dir) {
    auto g = osm::read_graph_file((dir / osm::kGraphFileName).string());
    EXPECT_TRUE(g.ok());
    graph = std::move(g).value();
    auto h = osm::read_ch_file((dir / osm::kChFileName).string(), graph.graph);
    EXPECT_TRUE(h.ok());
    ch.emplace(std::move(h).value());
    auto s = osm::read_snap_file((dir / osm::kSnapFileName).string(), graph.graph);
    EXPECT_TRUE(s.ok());
    snap.emplace(std::move(s).value());
  }
};

double seconds_between(UtcTime a, UtcTime b) {
  return b.seconds_since(a);
}

TEST(GenHistory, WritesClosedIncidentsWhoseTimesFollowTheRoads) {
  const fs::path dir = testing::demo_city_copy("history");
  std::string out;
  ASSERT_EQ(testing::run_shouwang({"gen-history", "--data", dir.string(), "--days", "14", "--seed",
                                   "4", "--calls-per-day", "80", "--end", "2026-03-01"},
                                  &out),
            0)
      << out;
  EXPECT_NE(out.find("incidents:"), std::string::npos) << out;

  auto log = open_log(dir);
  ASSERT_NE(log, nullptr);
  auto rebuilt = cad::rebuild_state(*log);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().to_string();
  const cad::State& state = rebuilt->state;
  EXPECT_TRUE(cad::check_invariants(state).ok());

  // One incident per call the model makes in the window (14 days to local midnight).
  const UtcTime end = at("2026-03-01T00:00:00+08:00");
  const UtcTime start = end.plus_micros(-14 * 86'400'000'000LL);
  auto model = CallModel::build(dir, testing::taxonomy(), {4, 80, 480});
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(state.incidents.size(), model->generate(start, end).size());
  ASSERT_GT(state.incidents.size(), 500u);

  // The stations' posts, as the history takes them, and the roads from there.
  auto org = osm::read_jurisdictions((dir / "city.osm.pbf").string());
  ASSERT_TRUE(org.ok());
  auto places = osm::read_place_index((dir / osm::kPlaceIndexFileName).string());
  ASSERT_TRUE(places.ok());
  auto stations = calls::stations_of(*org, *places);
  ASSERT_TRUE(stations.ok());
  std::map<std::string, LatLon> posts;
  for (const auto& s : *stations)
    posts[s.code] = s.post;
  Roads roads(dir);
  routing::ChQuery query(*roads.ch);

  std::size_t attended = 0;
  for (const auto& [id, incident] : state.incidents) {
    SCOPED_TRACE(incident.summary);
    EXPECT_TRUE(incident.status == cad::IncidentStatus::kTerminated ||
                incident.status == cad::IncidentStatus::kArchived);
    EXPECT_FALSE(incident.disposition.empty());
    const cad::LocationCandidate* where = cad::effective_location(incident.location);
    ASSERT_NE(where, nullptr);
    ASSERT_TRUE(where->position.has_value());
    const std::string_view area = org->station_at(*where->position);
    if (!area.empty()) {
      EXPECT_EQ(incident.station, area);
    }
    ASSERT_EQ(incident.calls.size(), 1u);
    const cad::Call* call = state.find(incident.calls.front());
    ASSERT_NE(call, nullptr);
    const cad::IncidentTimes& t = incident.times;
    EXPECT_LE(call->started_at, call->answered_at);
    EXPECT_LE(call->answered_at, t.created);
    ASSERT_TRUE(t.accepted && t.scene_closed && t.terminated);
    EXPECT_LE(t.created, *t.accepted);
    EXPECT_LE(*t.accepted, *t.scene_closed);
    EXPECT_LE(*t.scene_closed, *t.terminated);
    if (incident.orders.empty())
      continue;
    ++attended;
    ASSERT_EQ(incident.orders.size(), 1u);
    const cad::Order* order = state.find(incident.orders.front());
    ASSERT_NE(order, nullptr);
    const cad::OrderTimes& o = order->times;
    ASSERT_TRUE(o.received && o.signed_for && o.en_route && o.arrived && o.feedback && o.done);
    // received <= dispatched <= signed <= arrived <= closed, step by step.
    EXPECT_LE(call->started_at, o.issued);
    EXPECT_LE(*t.accepted, o.issued);
    EXPECT_LE(o.issued, *o.received);
    EXPECT_LE(*o.received, *o.signed_for);
    EXPECT_LE(*o.signed_for, *o.en_route);
    EXPECT_LE(*o.en_route, *o.arrived);
    EXPECT_LE(*o.arrived, *o.feedback);
    EXPECT_LE(*o.feedback, *o.done);
    EXPECT_LE(*o.done, *t.scene_closed);
    // Nobody arrives sooner than the road from the station's post allows.
    ASSERT_EQ(order->target.kind, cad::TargetKind::kStation);
    EXPECT_EQ(order->target.id, incident.station);
    const auto post = posts.find(order->target.id);
    ASSERT_NE(post, posts.end());
    auto route = routing::route_between(roads.graph.graph, *roads.snap, query, post->second,
                                        *where->position);
    ASSERT_TRUE(route.ok()) << route.error().message;
    EXPECT_GE(seconds_between(o.issued, *o.arrived), route->time_ms / 1000.0);
    EXPECT_GE(seconds_between(*o.en_route, *o.arrived), route->time_ms / 1000.0);
  }
  // Most incidents are attended; some are settled by telephone.
  EXPECT_GT(attended, state.incidents.size() * 7 / 10);
  EXPECT_LT(attended, state.incidents.size());
}

TEST(GenHistory, ARerunAddsNothingAndAnotherPlanIsRefused) {
  const fs::path dir = testing::demo_city_copy("history-rerun");
  const std::vector<std::string> flags{"gen-history", "--data", dir.string(),
                                       "--days",      "5",      "--seed",
                                       "8",           "--end",  "2025-12-01T12:00:00Z"};
  std::string out;
  ASSERT_EQ(testing::run_shouwang(flags, &out), 0) << out;
  std::uint64_t written = 0;
  {
    auto log = open_log(dir);
    ASSERT_NE(log, nullptr);
    written = log->last_seq();
  }
  ASSERT_GT(written, 100u);

  // The same flags, or none but the directory: the history is there already.
  EXPECT_EQ(testing::run_shouwang(flags, &out), 0) << out;
  EXPECT_NE(out.find("nothing to do"), std::string::npos) << out;
  EXPECT_EQ(testing::run_shouwang({"gen-history", "--data", dir.string()}, &out), 0) << out;
  EXPECT_NE(out.find("nothing to do"), std::string::npos) << out;
  // Another plan would double it.
  auto other = flags;
  other[6] = "9";
  EXPECT_EQ(testing::run_shouwang(other, &out), 1) << out;
  EXPECT_NE(out.find("already holds generated history"), std::string::npos) << out;
  auto log = open_log(dir);
  ASSERT_NE(log, nullptr);
  EXPECT_EQ(log->last_seq(), written);
  // Usage errors.
  EXPECT_EQ(testing::run_shouwang(
                {"gen-history", "--data", dir.string(), "--years", "1", "--days", "3"}, &out),
            2);
  EXPECT_EQ(testing::run_shouwang({"gen-history", "--data", dir.string(), "--days", "-3"}, &out),
            2);
}

}  // namespace
}  // namespace shouwang::sim
