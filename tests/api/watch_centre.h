#pragma once
// The server's watches in-process, on a fake clock, over a generated city's event log:
// the command service rebuilt from the log as `shouwang serve` does, the road network, the
// deadline watch, the statistics with the daily warning watch, and the live circle watch.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/cad/decide.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/server/accounts.h>
#include <shouwang/server/circle_watch.h>
#include <shouwang/server/command_service.h>
#include <shouwang/server/deadline_watch.h>
#include <shouwang/server/statistics.h>
#include <shouwang/server/unit_locator.h>
#include <shouwang/server/warning_watch.h>
#include <shouwang/store/event_log.h>

#include "api/served_city.h"

namespace shouwang::test {

class Centre {
 public:
  Centre(const ServedCity& city, const Clock& clock, const server::LiveFixSource& live,
         server::CircleWatchOptions circles = {});
  ~Centre();

  // Decides `name` with `with` as the dispatcher; the outcome's first event's payload.
  nlohmann::json run(const std::string& name, const nlohmann::json& with);

  template <typename F>
  auto read(F&& f) {
    return commands_->read(std::forward<F>(f));
  }
  server::DeadlineWatch& watch() { return *watch_; }
  server::WarningWatch& warnings() { return *warnings_; }
  server::CircleWatch& circles() { return *circles_; }
  server::UnitLocator& units() { return *locator_; }

 private:
  cad::Taxonomy taxonomy_;
  cad::Decider decider_;
  std::unique_ptr<store::EventLog> log_;
  server::AccountBook accounts_;
  std::unique_ptr<server::CommandService> commands_;
  std::unique_ptr<server::UnitLocator> locator_;
  std::unique_ptr<server::DeadlineWatch> watch_;
  std::unique_ptr<server::Statistics> statistics_;
  std::unique_ptr<server::WarningWatch> warnings_;
  std::unique_ptr<server::CircleWatch> circles_;
};

// A patrol car's profile for register_unit, with its home post.
nlohmann::json unit_profile(const std::string& station, LatLon post);

}  // namespace shouwang::test
