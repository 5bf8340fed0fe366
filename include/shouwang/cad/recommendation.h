#pragma once
// The nearest-suitable-unit recommendation (推荐警力): for one incident, the units that can
// go, ranked by road ETA, with the reason for each rank and for every unit left out. The
// dispatcher decides; the recommendation only explains, and an order that passes over
// better-ranked units names them (IssueOrder::bypassed, from ranked_above()).
//
// Which units, in this order of checks (the first that applies is the unit's one reason):
//
//   retired ─ off_duty ─ emergency ─ already_assigned ─ out_of_service ─ busy
//     ─ lacks_capability ─ no_position ─ unreachable          ──▶ excluded, with a code
//   available / conditionally_available, every capability, a road route ──▶ ranked
//
// The unit's own state comes first (what it is doing says more than where it is), an
// emergency before everything but retirement and duty (it overrides every screen), then
// suitability, then geometry.
//
// Where a unit starts: its live fix if at most max_fix_age old, else its home post
// (marked, with the stale fix's age), else nowhere (no_position). Ranking key:
//
//   ( round(eta + penalty if conditionally available) in whole seconds,
//     unit of the incident's responsible station first,
//     callsign )
//
// Whole seconds, because the console shows whole seconds and a sub-second lead is noise:
// the own-station rule should decide such a tie. The penalty orders only; the ETA shown is
// the road time.
//
// Required capabilities: the incident type's, from the taxonomy (a type with none, such as
// 咨询, requires none); an incident without a type, or whose type the taxonomy no longer
// has, requires RecommendOptions::default_capabilities ("patrol": a patrol unit is the
// first responder to anything); a dispatcher may ask for a list of their own. A unit must
// have all of them. Types such as 杀人 need several disciplines that no one unit has, so
// the result also names, for each required capability, the best unit by the same key that
// has it, among the ranked units and those left out only for lacking some other required
// capability (by_capability): the team to send. A unit with none of the required
// capabilities is not routed at all.
//
// Pure: no clock (the caller passes `now`), no telemetry store (the caller passes the fixes
// it knows), no routing state of its own (the caller passes a TravelTimes).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/base/result.h>
#include <shouwang/cad/incident.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/cad/travel_times.h>

namespace shouwang::cad {

// A unit's live position as its terminal reported it (telemetry, kept by the server).
struct UnitFix {
  LatLon position;
  UtcTime at;  // when the fix was taken
  friend bool operator==(const UnitFix&, const UnitFix&) = default;
};

// The latest fix of each unit, as the caller knows it. Not thread-safe.
class UnitPlaces {
 public:
  // Keeps `fix` unless the unit already has a later one (fixes may arrive out of order).
  void update(std::string_view unit, UnitFix fix);
  void erase(std::string_view unit);
  // nullptr when the unit has no fix.
  [[nodiscard]] const UnitFix* find(std::string_view unit) const;
  [[nodiscard]] std::size_t size() const { return fixes_.size(); }

 private:
  std::unordered_map<std::string, UnitFix, CallsignHash, std::equal_to<>> fixes_;
};

struct RecommendOptions {
  Seconds max_fix_age{120.0};          // an older live fix is stale: the home post is used
  Seconds conditional_penalty{120.0};  // added to a conditional unit's ETA, for ranking only
  // Required when the incident has no type, or a type the taxonomy does not know.
  std::vector<std::string> default_capabilities{"patrol"};
  // The dispatcher's own list, instead of the type's (e.g. just "forensics").
  std::optional<std::vector<std::string>> capabilities;
  // The best this many ranked units are returned, with their reasons; ranked_total counts
  // them all. A console shows the best twenty: finding those among a thousand costs far
  // less than ordering and explaining the whole roster.
  std::size_t ranked_limit = static_cast<std::size_t>(-1);
};

// Where the required capabilities came from.
enum class CapabilitySource : std::uint8_t { kType, kUntyped, kUnknownType, kRequested };
// "type", "untyped", "unknown_type", "requested"
std::string_view to_string(CapabilitySource source);

enum class OriginKind : std::uint8_t { kLivePosition, kHomePost };
std::string_view to_string(OriginKind kind);  // "live_position", "home_post"

// Why a unit is left out. Stable codes: the console translates them.
enum class Exclusion : std::uint8_t {
  kRetired,
  kOffDuty,
  kEmergency,        // the unit raised an officer-in-danger alarm
  kAlreadyAssigned,  // it has an open order for this very incident
  kOutOfService,
  kBusy,  // working an order for another incident
  kLacksCapability,
  kNoPosition,   // no fresh fix and no home post
  kUnreachable,  // off the road map, or no road route to the incident
};
std::string_view to_string(Exclusion code);  // "lacks_capability"

// One argument of a reason, so that the console can build its own (zh) sentence from the
// code and the parameters instead of translating the English text.
using ReasonValue = std::variant<std::int64_t, double, bool, std::string, std::vector<std::string>>;
struct ReasonParam {
  std::string name;
  ReasonValue value;
  friend bool operator==(const ReasonParam&, const ReasonParam&) = default;
};

struct Reason {
  std::string code;                 // stable, snake_case: "fastest", "ranks_below" …
  std::vector<ReasonParam> params;  // in a fixed order per code
  std::string text;                 // English, for logs and the en console
  // The parameter `name`, nullptr when absent.
  [[nodiscard]] const ReasonValue* param(std::string_view name) const;
  friend bool operator==(const Reason&, const Reason&) = default;
};

// Reasons of a ranked unit, in this order, with their parameters (? when optional):
//   fastest      rank 1: eta_s, origin, fix_age_s?
//   eta          rank > 1: the same
//   ranks_below  rank > 1: unit (the one just above), eta_s (its ETA), by (what decided:
//                eta, own_station, callsign), above_conditional? (true)
//   conditional  conditionally available: reason (its status reason), penalty_s
//   own_station  of the incident's responsible station: station
struct RankedUnit {
  int rank = 0;  // 1 is recommended first
  std::string unit;
  std::string station;
  Seconds eta{0.0};            // road travel time
  std::int64_t ranking_s = 0;  // eta plus any penalty, in whole seconds: the sort key
  Meters straight_line{0.0};   // haversine from the origin to the incident
  OriginKind origin = OriginKind::kLivePosition;
  LatLon origin_position;
  std::optional<Seconds> fix_age;  // of the fix used, or of the stale one behind a home post
  bool conditional = false;
  bool own_station = false;
  std::vector<Reason> reasons;
};

// The reason of an excluded unit has the code of its Exclusion and these parameters:
//   retired, off_duty  none
//   emergency          raised_at, raised_by, note?
//   already_assigned   orders (its open orders for this incident)
//   out_of_service     reason, expected_return?
//   busy               status, orders, incidents
//   lacks_capability   missing
//   no_position        fix_age_s? (of a stale fix)
//   unreachable        outcome (off_road, no_route), origin, fix_age_s?
struct ExcludedUnit {
  std::string unit;
  Exclusion code = Exclusion::kRetired;
  Reason reason;  // reason.code is to_string(code)
};

// The best unit for one required capability (see the file comment).
struct CapabilityPick {
  std::string capability;
  std::optional<std::string> unit;  // none: no available, reachable unit has it
  Seconds eta{0.0};
};

struct Recommendation {
  IncidentId incident;
  std::string type_code;
  LatLon target;                      // the incident's effective location
  std::string station;                // the incident's responsible station, may be empty
  std::vector<std::string> required;  // sorted
  CapabilitySource capabilities_from = CapabilitySource::kType;
  UtcTime at;
  std::vector<RankedUnit> ranked;             // best first, at most options.ranked_limit
  std::size_t ranked_total = 0;               // units ranked in all
  std::vector<ExcludedUnit> excluded;         // by callsign
  std::vector<CapabilityPick> by_capability;  // in the order of `required`
};

// Ranks every unit of `state` for `incident`. kConflict (field "location") when the
// incident has no position to send units to: no positioned candidate, disagreeing sources
// nobody has confirmed, or a confirmed candidate without coordinates; the travel times'
// error when the incident is off the road map.
[[nodiscard]] Result<Recommendation> recommend(const State& state, const Taxonomy& taxonomy,
                                               const Incident& incident, const UnitPlaces& places,
                                               TravelTimes& travel, const RecommendOptions& options,
                                               UtcTime now);

// Where units are sent for `incident`: its effective location's position. kConflict (field
// "location") in the cases recommend() refuses.
[[nodiscard]] Result<LatLon> incident_target(const Incident& incident);

// Where a unit would set out from, by the rule recommend() uses: its live fix while at most
// `max_fix_age` old (a fix taken after `now` counts as 0 s old), else its home post.
struct UnitOrigin {
  OriginKind kind = OriginKind::kLivePosition;
  LatLon position;
  std::optional<Seconds> fix_age;  // of the unit's fix, used or stale; none without a fix
};
// nullopt: no fresh fix and no home post. `fix` may be null (the unit has none).
[[nodiscard]] std::optional<UnitOrigin> unit_origin(const Unit& unit, const UnitFix* fix,
                                                    Seconds max_fix_age, UtcTime now);

// The units ranked above `unit`, best first: those an order to `unit` passes over. Empty
// when `unit` is first or not ranked at all.
[[nodiscard]] std::vector<std::string> ranked_above(const Recommendation& recommendation,
                                                    std::string_view unit);

// How much of a recommendation a reader is shown. A city's roster runs to thousands of
// units: a dispatcher reads the first few ranked and why the others nearby are left out,
// not a line for every unit at home. The ranking itself always covers every unit.
struct RecommendationView {
  std::size_t ranked_limit = 20;  // the best this many ranked units
  bool list_off_duty = false;     // off-duty and retired units listed each, not only counted
};

// The API's JSON form, as text. Durations in whole seconds, distances in whole metres,
// times ISO 8601:
//
//   {"incident", "type", "target": {"lat", "lon"}, "station", "required_capabilities": [..],
//    "capabilities_from", "at",
//    "ranked": [{"rank", "unit", "station", "eta_s", "ranking_s", "distance_m", "origin",
//                "origin_position": {"lat", "lon"}, "fix_age_s" (or null), "conditional",
//                "own_station", "reasons": [{"code", "params": {..}, "text"}]}],
//    "ranked_total",  (ranked units in all; "ranked" holds the first view.ranked_limit)
//    "excluded": [{"unit", "code", "params": {..}, "text"}],
//    "excluded_counts": {code: n},  (every excluded unit, listed or not)
//    "by_capability": [{"capability", "unit" (or null), "eta_s" (or null)}]}
std::string recommendation_text(const Recommendation& recommendation,
                                const RecommendationView& view = {});
// The same, as a tree (for answers that embed it).
nlohmann::json recommendation_json(const Recommendation& recommendation,
                                   const RecommendationView& view = {});

}  // namespace shouwang::cad
