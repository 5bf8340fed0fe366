// HistoryWriter on a SQLite log: an interrupted run continued later gives the same state
// as one run straight through, and a station with registered units on duty sends them from
// their home posts.

#include <filesystem>

#include <gtest/gtest.h>

#include <shouwang/cad/apply.h>
#include <shouwang/cad/centre.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/state_codec.h>
#include <shouwang/osm/city_summary.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/routing/point_route.h>
#include <shouwang/sim/history.h>
#include <shouwang/store/event_log.h>

#include "demo_city_dir.h"
#include "model_fixture.h"
#include "sim/calls/road_network.h"

namespace shouwang::sim {
namespace {

namespace fs = std::filesystem;
using testing::at;

// The pieces a history needs for the demo city, with the model for `seed` at 120 calls a day.
struct HistorySetup {
  fs::path dir;
  osm::Jurisdictions org;
  std::optional<cad::Decider> decider;
  const CallModel* model = &testing::demo_model(31, 120);
  std::unique_ptr<HistoryWriter> writer;

  explicit HistorySetup(const std::string& name) : dir(testing::demo_city_copy(name)) {
    auto tree = osm::read_jurisdictions((dir / "city.osm.pbf").string());
    EXPECT_TRUE(tree.ok());
    org = std::move(tree).value();
    auto city = osm::read_city_summary((dir / "city.osm.pbf").string());
    EXPECT_TRUE(city.ok());
    auto centre = cad::make_centre(city->code);
    EXPECT_TRUE(centre.ok());
    decider.emplace(*centre, testing::taxonomy());
    auto opened = HistoryWriter::open(dir, *decider, *model, org);
    EXPECT_TRUE(opened.ok()) << (opened.ok() ? "" : opened.error().to_string());
    if (opened.ok())
      writer = std::move(opened).value();
  }

  [[nodiscard]] HistoryPlan plan(double days) const {
    const UtcTime end = at("2025-10-01T00:00:00+08:00");
    return {end.plus_micros(-static_cast<std::int64_t>(days * 86'400e6)), end, 31, 120};
  }

  std::unique_ptr<store::EventLog> log(const std::string& name) const {
    auto opened = store::open_event_log("sqlite:" + (dir / name).string());
    EXPECT_TRUE(opened.ok());
    return std::move(opened).value();
  }
};

std::string state_of(const store::EventLog& log) {
  auto rebuilt = cad::rebuild_state(log);
  EXPECT_TRUE(rebuilt.ok()) << (rebuilt.ok() ? "" : rebuilt.error().to_string());
  return rebuilt.ok() ? cad::serialize_state(rebuilt->state) : std::string();
}

TEST(HistoryWriter, AnInterruptedRunContinuedGivesTheSameHistory) {
  HistorySetup s("writer-resume");
  ASSERT_NE(s.writer, nullptr);
  const HistoryPlan plan = s.plan(6);
  auto straight = s.log("straight.db");
  auto whole = s.writer->run(*straight, plan, {.batch_incidents = 100});
  ASSERT_TRUE(whole.ok()) << whole.error().to_string();
  EXPECT_GT(whole->batches, 3u);

  auto broken = s.log("broken.db");
  auto first = s.writer->run(*broken, plan, {.batch_incidents = 100, .stop_after_batches = 2});
  ASSERT_TRUE(first.ok()) << first.error().to_string();
  EXPECT_TRUE(first->stopped_early);
  EXPECT_LT(first->incidents, whole->incidents);
  auto found = find_history(*broken);
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_FALSE((*found)->complete());
  auto rest = s.writer->run(*broken, plan, {.batch_incidents = 100});
  ASSERT_TRUE(rest.ok()) << rest.error().to_string();
  ASSERT_TRUE(rest->resumed_at.has_value());
  EXPECT_EQ(*rest->resumed_at, (*found)->through);
  EXPECT_EQ(first->incidents + rest->incidents, whole->incidents);
  EXPECT_EQ(rest->totals.incidents, whole->totals.incidents);
  EXPECT_EQ(rest->totals.events, whole->totals.events);
  EXPECT_EQ(state_of(*broken), state_of(*straight));

  // Finished: nothing more, and another plan is refused.
  auto again = s.writer->run(*broken, plan, {});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->nothing_left);
  HistoryPlan other = plan;
  other.start = other.start.plus_micros(3'600'000'000LL);
  auto refused = s.writer->run(*broken, other, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kConflict);
}

// Registers a unit of `station` with a home post and puts it on duty, through the domain.
void on_duty(store::EventLog& log, const cad::Decider& decider, const std::string& callsign,
             const std::string& station, LatLon post) {
  auto rebuilt = cad::rebuild_state(log);
  ASSERT_TRUE(rebuilt.ok());
  cad::State state = std::move(rebuilt->state);
  const store::Actor admin{"admin", "admin", ""};
  const UtcTime now = at("2025-01-01T00:00:00Z");
  cad::UnitProfile profile;
  profile.name = callsign;
  profile.station = station;
  profile.capabilities = {"patrol", "traffic"};
  profile.home_post = post;
  std::vector<store::EventDraft> drafts;
  for (const cad::Command& command :
       std::vector<cad::Command>{cad::RegisterUnit{callsign, profile},
                                 cad::StartShift{callsign, {"警号001"}, "", {}, ""}}) {
    auto events = decider.decide(state, command, admin, now);
    ASSERT_TRUE(events.ok()) << events.error().to_string();
    for (auto& e : *events) {
      ASSERT_TRUE(cad::apply(state, e).ok());
      drafts.push_back(std::move(e));
    }
  }
  ASSERT_TRUE(log.append(std::move(drafts)).ok());
}

TEST(HistoryWriter, RegisteredUnitsOnDutyRespondFromTheirHomePosts) {
  HistorySetup s("writer-units");
  ASSERT_NE(s.writer, nullptr);
  const osm::OrgUnit* station = nullptr;
  for (const auto& unit : s.org.units()) {
    if (unit.level == osm::OrgLevel::kStation && station == nullptr)
      station = &unit;
  }
  ASSERT_NE(station, nullptr);
  const LatLon post = station->representative_point;
  auto log = s.log("units.db");
  on_duty(*log, *s.decider, "P-01", station->code, post);
  on_duty(*log, *s.decider, "P-02", station->code, post);

  auto report = s.writer->run(*log, s.plan(4), {});
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  EXPECT_GT(report->unit_orders, 0u);
  EXPECT_LT(report->unit_orders, report->dispatched);  // the other stations send themselves

  auto rebuilt = cad::rebuild_state(*log);
  ASSERT_TRUE(rebuilt.ok());
  const cad::State& state = rebuilt->state;
  auto roads = calls::load_road_network(s.dir, true);
  ASSERT_TRUE(roads.ok());
  routing::ChQuery query(*(*roads)->hierarchy);
  std::size_t checked = 0;
  for (const auto& [id, order] : state.orders) {
    const cad::Incident* incident = state.find(order.incident);
    ASSERT_NE(incident, nullptr);
    if (incident->station != station->code)
      continue;
    ASSERT_EQ(order.target.kind, cad::TargetKind::kUnit);
    EXPECT_TRUE(order.target.id == "P-01" || order.target.id == "P-02");
    const auto* where = cad::effective_location(incident->location);
    auto route =
        routing::route_between((*roads)->graph(), *(*roads)->snap, query, post, *where->position);
    ASSERT_TRUE(route.ok());
    EXPECT_GE(order.times.arrived->seconds_since(*order.times.en_route), route->time_ms / 1000.0);
    ++checked;
  }
  EXPECT_GT(checked, 0u);
  // Both units are free again, and neither took a second order while busy with one.
  for (const char* callsign : {"P-01", "P-02"}) {
    const cad::Unit* unit = state.find_unit(callsign);
    ASSERT_NE(unit, nullptr);
    EXPECT_EQ(unit->status, cad::UnitStatus::kAvailable);
    EXPECT_TRUE(unit->orders.empty());
    std::vector<std::pair<UtcTime, UtcTime>> busy;
    for (const auto& [oid, order] : state.orders) {
      if (order.target.id == callsign)
        busy.emplace_back(order.times.issued, *order.times.done);
    }
    std::sort(busy.begin(), busy.end());
    for (std::size_t i = 1; i < busy.size(); ++i)
      EXPECT_LE(busy[i - 1].second, busy[i].first) << callsign;
  }
}

}  // namespace
}  // namespace shouwang::sim
