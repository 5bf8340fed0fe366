#include "api/watch_centre.h"

#include <gtest/gtest.h>

#include <shouwang/cad/command_json.h>
#include <shouwang/cad/rebuild.h>

namespace shouwang::test {

using nlohmann::json;

namespace {
const store::Actor kDispatcher{"disp", "dispatcher", "seat-1"};
}

Centre::Centre(const ServedCity& city, const Clock& clock, const server::LiveFixSource& live,
               server::CircleWatchOptions circles)
    : taxonomy_(cad::load_taxonomy(SHOUWANG_SOURCE_DIR "/data/taxonomy").value()),
      decider_(cad::make_centre(city.city_code).value(), taxonomy_) {
  log_ = store::open_event_log("sqlite:" + city.dir() + "/events.db", {}).value();
  auto rebuilt = cad::rebuild_state(*log_).value();
  (void)log_->scan(1, [&](const store::EventView& e) { return accounts_.apply(e).ok(); });
  commands_ = std::make_unique<server::CommandService>(*log_, decider_, std::move(rebuilt.state), rebuilt.seq,
                                                       accounts_, clock);
  locator_ = server::UnitLocator::load(city.dir()).value();
  watch_ = std::make_unique<server::DeadlineWatch>(*commands_, taxonomy_, locator_.get(), live, clock);
  server::StatisticsContext context;
  context.taxonomy = &taxonomy_;
  statistics_ = std::make_unique<server::Statistics>(context);
  (void)commands_->read([&](const cad::State& state, std::uint64_t) {
    statistics_->rebuild(state);
    return 0;
  });
  commands_->set_on_commit([stats = statistics_.get()](const server::Committed& committed,
                                                       const cad::State& durable) { stats->apply(committed, durable); });
  warnings_ = std::make_unique<server::WarningWatch>(*commands_, *statistics_, nullptr, clock);
  circles_ = std::make_unique<server::CircleWatch>(*commands_, *locator_, clock, decider_.centre().utc_offset_minutes,
                                                   circles);
}

Centre::~Centre() {
  circles_.reset();
  warnings_.reset();
  watch_.reset();
  commands_->stop();
}

json Centre::run(const std::string& name, const json& with) {
  auto command = cad::decode_command_json(name, with, commands_->clock().now());
  EXPECT_TRUE(command.ok()) << name << ": " << command.error().message;
  if (!command.ok()) return json();
  auto outcome = commands_->execute(*command, kDispatcher);
  EXPECT_TRUE(outcome.ok()) << name << ": " << (outcome.ok() ? "" : outcome.error().message);
  if (!outcome.ok() || outcome->events.empty()) return json();
  return json::parse(outcome->events.front().body.payload);
}

json unit_profile(const std::string& station, LatLon post) {
  return {{"name", "巡逻车"}, {"type", "patrol_car"}, {"station", station}, {"capabilities", {"patrol"}},
          {"home_post", {{"lat", post.lat}, {"lon", post.lon}}}};
}

}  // namespace shouwang::test
