// The server's timers on a fake clock, in-process: the command service, the road network
// and the deadline watch over a generated city's event log. A sign-for that does not come
// escalates once, offering the next unit the recommendation would send; a deadline that
// fell due while the server was down is recorded by the first pass after the restart; a
// unit stopping at the scene is recorded as arrived from its GPS fix.

#include <gtest/gtest.h>

#include <shouwang/cad/command_json.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/rebuild.h>
#include <shouwang/cad/record_id.h>
#include <shouwang/server/accounts.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/deadline_watch.h>
#include <shouwang/server/unit_locator.h>
#include <shouwang/store/event_log.h>

#include "api/served_city.h"

namespace shouwang::test {
namespace {

using nlohmann::json;
using server::DeadlineWatch;

const store::Actor kDispatcher{"disp", "dispatcher", "seat-1"};

// The server's parts over the city's log, rebuilt from it as `shouwang serve` does.
class Centre {
 public:
  Centre(const ServedCity& city, const Clock& clock, const server::LiveFixSource& live)
      : taxonomy_(cad::load_taxonomy(SHOUWANG_SOURCE_DIR "/data/taxonomy").value()),
        decider_(cad::make_centre(city.city_code).value(), taxonomy_) {
    log_ = store::open_event_log("sqlite:" + city.dir() + "/events.db", {}).value();
    auto rebuilt = cad::rebuild_state(*log_).value();
    (void)log_->scan(1, [&](const store::EventView& e) { return accounts_.apply(e).ok(); });
    commands_ = std::make_unique<server::CommandService>(*log_, decider_, std::move(rebuilt.state), rebuilt.seq,
                                                         accounts_, clock);
    locator_ = server::UnitLocator::load(city.dir()).value();
    watch_ = std::make_unique<DeadlineWatch>(*commands_, taxonomy_, locator_.get(), live, clock);
  }
  ~Centre() {
    watch_.reset();
    commands_->stop();
  }

  // Decides `name` with `with` as the dispatcher; the outcome's first event's payload.
  json run(const std::string& name, const json& with) {
    auto command = cad::decode_command_json(name, with, commands_->clock().now());
    EXPECT_TRUE(command.ok()) << name << ": " << command.error().message;
    auto outcome = commands_->execute(*command, kDispatcher);
    EXPECT_TRUE(outcome.ok()) << name << ": " << (outcome.ok() ? "" : outcome.error().message);
    if (!outcome.ok() || outcome->events.empty()) return json();
    return json::parse(outcome->events.front().body.payload);
  }

  template <typename F>
  auto read(F&& f) {
    return commands_->read(std::forward<F>(f));
  }
  DeadlineWatch& watch() { return *watch_; }

 private:
  cad::Taxonomy taxonomy_;
  cad::Decider decider_;
  std::unique_ptr<store::EventLog> log_;
  server::AccountBook accounts_;
  std::unique_ptr<server::CommandService> commands_;
  std::unique_ptr<server::UnitLocator> locator_;
  std::unique_ptr<DeadlineWatch> watch_;
};

json unit_profile(const std::string& station, LatLon post) {
  return {{"name", "巡逻车"}, {"type", "patrol_car"}, {"station", station}, {"capabilities", {"patrol"}},
          {"home_post", {{"lat", post.lat}, {"lon", post.lon}}}};
}

class DeadlineWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    city_ = std::make_unique<ServedCity>("deadline-watch");
    city_->run_tool({"import-osm", city_->dir() + "/city.osm.pbf", "--out", city_->dir()});
    scene_ = destination(city_->point_a, 90.0, Meters(400));  // on a road
  }

  // Two patrol cars on shift at the scene, a theft (priority 3: 180 s to sign for)
  // accepted there, and an order to A-01. Returns the order's id.
  std::string dispatch_a01(Centre& centre) {
    centre.run("register_unit", {{"unit", "A-01"}, {"profile", unit_profile(city_->station_a, scene_)}});
    centre.run("register_unit", {{"unit", "A-02"}, {"profile", unit_profile(city_->station_a, scene_)}});
    centre.run("start_shift", {{"unit", "A-01"}, {"crew", {"012345"}}});
    centre.run("start_shift", {{"unit", "A-02"}, {"crew", {"012346"}}});
    const json created = centre.run("create_incident", {{"summary", "电动车被盗"}, {"type_code", "0105"}});
    incident_ = created["incident_id"];
    centre.run("add_location_candidate", {{"incident", incident_}, {"source", "handset_gnss"}, {"text", "路口"},
                                          {"lat", scene_.lat}, {"lon", scene_.lon}, {"uncertainty_m", 10}});
    centre.run("confirm_location", {{"incident", incident_}, {"candidate", 0}});
    centre.run("accept_incident", {{"incident", incident_}});
    const json issued = centre.run("issue_order", {{"incident", incident_}, {"target", {{"kind", "unit"}, {"id", "A-01"}}}});
    return issued["order_id"];
  }

  // The missed deadlines recorded for `order` in the durable state.
  static std::size_t misses(Centre& centre, const std::string& order) {
    return centre.read([&](const cad::State& state, std::uint64_t) -> std::size_t {
      for (const auto& [id, o] : state.orders) {
        if (cad::to_string(id) == order) return o.missed.size();
      }
      return 0;
    });
  }

  std::unique_ptr<ServedCity> city_;
  LatLon scene_;
  std::string incident_;
  ManualClock clock_{UtcTime::from_seconds(1'795'000'000)};  // 2026-11-18
};

TEST_F(DeadlineWatchTest, AMissedSignForEscalatesOnceAndOffersTheNextUnit) {
  Centre centre(*city_, clock_, {});
  const std::string order = dispatch_a01(centre);
  clock_.advance_seconds(179);
  EXPECT_TRUE(centre.watch().tick().missed.empty()) << "not due before 180 s";
  clock_.advance_seconds(2);
  const auto pass = centre.watch().tick();
  ASSERT_EQ(pass.missed.size(), 1u);
  EXPECT_EQ(pass.missed[0].kind, cad::DeadlineKind::kSignFor);
  EXPECT_EQ(cad::to_string(pass.missed[0].order), order);
  const std::string offered = centre.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, o] : state.orders) {
      if (cad::to_string(id) == order && !o.missed.empty()) return o.missed.front().offered_unit;
    }
    return std::string();
  });
  EXPECT_EQ(offered, "A-02");
  EXPECT_EQ(centre.watch().stats().offered_units, 1u);
  // Once only, however often the watch looks.
  clock_.advance_seconds(30);
  EXPECT_TRUE(centre.watch().tick().missed.empty());
  EXPECT_EQ(misses(centre, order), 1u);
}

TEST_F(DeadlineWatchTest, ADeadlineThatFellDueWhileTheServerWasDownIsRecordedAfterTheRestart) {
  std::string order;
  {
    Centre centre(*city_, clock_, {});
    order = dispatch_a01(centre);
    clock_.advance_seconds(60);
    EXPECT_TRUE(centre.watch().tick().missed.empty());
  }  // the server stops
  clock_.advance_seconds(600);
  Centre restarted(*city_, clock_, {});
  const auto pass = restarted.watch().tick();
  ASSERT_EQ(pass.missed.size(), 1u);
  EXPECT_EQ(pass.missed[0].kind, cad::DeadlineKind::kSignFor);
  EXPECT_EQ(misses(restarted, order), 1u);
}

TEST_F(DeadlineWatchTest, AUnitStoppedAtTheSceneIsRecordedAsArrivedFromGps) {
  server::WatchedFix fix{destination(scene_, 0.0, Meters(500)), clock_.now(), 12.0};
  Centre centre(*city_, clock_, [&fix](std::string_view unit) -> std::optional<server::WatchedFix> {
    if (unit != "A-01") return std::nullopt;
    return fix;
  });
  const std::string order = dispatch_a01(centre);
  centre.run("sign_for", {{"order", order}});
  centre.run("en_route", {{"order", order}});
  // Driving past at speed, then still 500 m away: not there.
  clock_.advance_seconds(30);
  fix = {destination(scene_, 0.0, Meters(30)), clock_.now(), 11.0};
  EXPECT_TRUE(centre.watch().tick().arrived.empty());
  fix = {destination(scene_, 0.0, Meters(500)), clock_.now(), 0.5};
  EXPECT_TRUE(centre.watch().tick().arrived.empty());
  // Stopped 40 m from the scene.
  clock_.advance_seconds(20);
  fix = {destination(scene_, 0.0, Meters(40)), clock_.now(), 0.8};
  const auto pass = centre.watch().tick();
  ASSERT_EQ(pass.arrived.size(), 1u);
  EXPECT_EQ(cad::to_string(pass.arrived[0]), order);
  const auto [status, source] = centre.read([&](const cad::State& state, std::uint64_t) {
    for (const auto& [id, o] : state.orders) {
      if (cad::to_string(id) == order) return std::pair{o.status, o.arrival_source};
    }
    return std::pair{cad::OrderStatus::kIssued, std::string()};
  });
  EXPECT_EQ(status, cad::OrderStatus::kArrived);
  EXPECT_EQ(source, "gps");
  // A fix too old does not count: nothing more to record anyway, and no refusal.
  EXPECT_EQ(centre.watch().tick().refused, 0u);
}

}  // namespace
}  // namespace shouwang::test
