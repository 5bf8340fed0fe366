#pragma once
// The simulation's dealings with the server before and after the run: logging in, reading
// the organisation, putting the fleet on the roster and on duty (勤务报备), and taking it
// off duty at the end. The run needs a city-wide dispatcher or commander account: it
// registers units, works their orders as their terminals would and dispatches its calls.

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <shouwang/base/result.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/sim/api_connection.h>
#include <shouwang/sim/api_pool.h>
#include <shouwang/sim/fleet_plan.h>

namespace shouwang::sim {

// Checks that the server answers (GET /healthz) and logs in as a machine (bearer). The
// token; kUnavailable naming the server when it cannot be reached, kUnauthenticated when
// the login is refused (the server's message).
Result<std::string> log_in(ApiConnection& api, const std::string& user,
                           const std::string& password);

// The organisation tree of GET /api/v1/org.
Result<osm::Jurisdictions> fetch_org(ApiConnection& api);

struct RosterReport {
  std::size_t registered = 0;  // new on the roster
  std::size_t started = 0;     // shifts started
  std::size_t already_on_duty = 0;
  std::size_t unusable = 0;           // retired, or refused: left out of the run
  std::vector<std::string> problems;  // the first few refusals, for people
};

// Registers the units of `fleet` the roster lacks and starts the shift of each one off
// duty, through `pool` (waiting up to `timeout` for all answers). Units that cannot be
// used are removed from `fleet`. kPermissionDenied when the account may not do it at all.
Result<RosterReport> put_on_duty(ApiPool& pool, ApiConnection& api, std::vector<UnitPlan>& fleet,
                                 std::chrono::seconds timeout = std::chrono::seconds(300));

// Ends the shift of every unit of `fleet`; the number ended. `problems` receives the
// first few refusals.
std::size_t end_shifts(ApiPool& pool, const std::vector<UnitPlan>& fleet,
                       std::vector<std::string>& problems,
                       std::chrono::seconds timeout = std::chrono::seconds(120));

// Runs pool callbacks until nothing is outstanding or `timeout` passes; whether all came.
bool wait_for_answers(ApiPool& pool, std::chrono::milliseconds timeout);

}  // namespace shouwang::sim
