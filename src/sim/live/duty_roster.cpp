#include <map>
#include <memory>
#include <thread>

#include <shouwang/sim/duty_roster.h>

namespace shouwang::sim {
namespace {

using nlohmann::json;

constexpr std::size_t kProblemsKept = 5;

void note(std::vector<std::string>& problems, const std::string& problem) {
  if (problems.size() < kProblemsKept)
    problems.push_back(problem);
}

std::string refusal(const std::string& what, const ApiOutcome& outcome) {
  return what + ": " + (outcome ? outcome->message() : outcome.error().message);
}

json profile_of(const UnitPlan& unit) {
  return {{"name", unit.name},
          {"type", unit.type},
          {"station", unit.station},
          {"capabilities", unit.capabilities},
          {"home_post", {{"lat", unit.home_post.lat}, {"lon", unit.home_post.lon}}},
          {"devices", {"GPS-" + unit.callsign}}};
}

json shift_of(const UnitPlan& unit) {
  json body{{"crew", unit.crew}, {"patrol_area", unit.station + " 辖区巡逻"}};
  if (!unit.vehicle.empty())
    body["vehicle"] = unit.vehicle;
  return body;
}

}  // namespace

bool wait_for_answers(ApiPool& pool, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    pool.drain();
    if (pool.outstanding() == 0)
      return true;
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

Result<std::string> log_in(ApiConnection& api, const std::string& user,
                           const std::string& password) {
  auto health = api.send({"GET", "/healthz", "", ""});
  if (!health)
    return health.error();
  if (!health->ok())
    return Error(Errc::kUnavailable, "the server's /healthz answered " + health->message(), "api");
  const json body{{"username", user}, {"password", password}, {"kind", "bearer"}};
  auto answer = api.send({"POST", "/api/v1/auth/login", body.dump(), ""});
  if (!answer)
    return answer.error();
  if (!answer->ok() || !answer->body.is_object() || !answer->body.contains("token")) {
    return Error(Errc::kUnauthenticated,
                 "the server refused the login of '" + user + "': " + answer->message(), "user");
  }
  return answer->body["token"].get<std::string>();
}

Result<osm::Jurisdictions> fetch_org(ApiConnection& api) {
  auto answer = api.send({"GET", "/api/v1/org", "", ""});
  if (!answer)
    return answer.error();
  if (!answer->ok()) {
    return Error(
        answer->status == 404 ? Errc::kNotFound : Errc::kUnavailable,
        "the server has no organisation to patrol (GET /api/v1/org: " + answer->message() + ")");
  }
  return osm::parse_jurisdictions_geojson(answer->body.dump(), "GET /api/v1/org");
}

Result<RosterReport> put_on_duty(ApiPool& pool, ApiConnection& api, std::vector<UnitPlan>& fleet,
                                 std::chrono::seconds timeout) {
  auto roster = api.send({"GET", "/api/v1/units?retired=true", "", ""});
  if (!roster)
    return roster.error();
  if (!roster->ok() || !roster->body.contains("items")) {
    return Error(Errc::kUnavailable, "GET /api/v1/units answered " + roster->message());
  }
  std::map<std::string, json> known;
  for (const json& unit : roster->body["items"])
    known.emplace(unit.value("id", ""), unit);

  // Shared with the callbacks, which may outlive this call when the server is too slow.
  struct Tally {
    RosterReport report;
    std::vector<bool> usable;
    std::size_t denied = 0;
  };
  const auto tally = std::make_shared<Tally>();
  tally->usable.assign(fleet.size(), true);
  const auto refused = [tally](std::size_t i, const std::string& what, const ApiOutcome& outcome) {
    if (outcome && outcome->status == 403)
      ++tally->denied;
    tally->usable[i] = false;
    note(tally->report.problems, refusal(what, outcome));
  };
  const auto start_shift = [&pool, tally, refused](std::size_t i, const UnitPlan& unit) {
    const std::string what = "starting the shift of " + unit.callsign;
    pool.submit(
        {"POST", "/api/v1/units/" + unit.callsign + "/shift/start", shift_of(unit).dump(), ""},
        [tally, refused, i, what](const ApiOutcome& outcome) {
          if (outcome && outcome->ok()) {
            ++tally->report.started;
          } else {
            refused(i, what, outcome);
          }
        });
  };
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    const UnitPlan& unit = fleet[i];
    const auto found = known.find(unit.callsign);
    if (found == known.end()) {
      const json body{{"unit", unit.callsign}, {"profile", profile_of(unit)}};
      pool.submit({"POST", "/api/v1/units", body.dump(), ""},
                  [tally, refused, start_shift, i, unit](const ApiOutcome& outcome) {
                    if (outcome && outcome->ok()) {
                      ++tally->report.registered;
                      start_shift(i, unit);
                    } else {
                      refused(i, "registering " + unit.callsign, outcome);
                    }
                  });
    } else if (found->second.value("retired", false)) {
      tally->usable[i] = false;
      note(tally->report.problems, unit.callsign + " is retired");
    } else if (found->second.value("status", "") == "off_duty") {
      start_shift(i, unit);
    } else {
      ++tally->report.already_on_duty;
    }
  }
  if (!wait_for_answers(pool, timeout)) {
    return Error(Errc::kUnavailable, "the server did not answer the roster requests within " +
                                         std::to_string(timeout.count()) + " s");
  }
  RosterReport report = tally->report;
  if (tally->denied > 0 && tally->denied == fleet.size()) {
    return Error(
        Errc::kPermissionDenied,
        "the account may not put units on duty (a city-wide dispatcher or commander is needed): " +
            (report.problems.empty() ? std::string() : report.problems.front()),
        "user");
  }
  std::vector<UnitPlan> kept;
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    if (tally->usable[i]) {
      kept.push_back(std::move(fleet[i]));
    } else {
      ++report.unusable;
    }
  }
  fleet = std::move(kept);
  return report;
}

std::size_t end_shifts(ApiPool& pool, const std::vector<UnitPlan>& fleet,
                       std::vector<std::string>& problems, std::chrono::seconds timeout) {
  struct Tally {
    std::size_t ended = 0;
    std::vector<std::string> problems;
  };
  const auto tally = std::make_shared<Tally>();
  for (const UnitPlan& unit : fleet) {
    const std::string what = "ending the shift of " + unit.callsign;
    pool.submit({"POST", "/api/v1/units/" + unit.callsign + "/shift/end", "{}", ""},
                [tally, what](const ApiOutcome& outcome) {
                  if (outcome && outcome->ok()) {
                    ++tally->ended;
                  } else {
                    note(tally->problems, refusal(what, outcome));
                  }
                });
  }
  wait_for_answers(pool, timeout);
  for (const std::string& p : tally->problems)
    note(problems, p);
  return tally->ended;
}

}  // namespace shouwang::sim
