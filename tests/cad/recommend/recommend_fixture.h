#pragma once
// Shared set-up for the recommendation tests: units, incidents and states built directly
// (no events), a small taxonomy of its own and the shipped one, and travel times set by
// hand, so that the ranking rules are checked apart from the roads.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <shouwang/base/clock.h>
#include <shouwang/base/geo.h>
#include <shouwang/cad/recommendation.h>
#include <shouwang/cad/state.h>
#include <shouwang/cad/taxonomy.h>
#include <shouwang/cad/travel_times.h>

namespace shouwang::cad::testing {

// Types: 01 public order (patrol), 0301 traffic collision (traffic), 0503 person in the
// water (water_rescue), 0101 homicide (forensics, patrol), 09 enquiry (none).
const Taxonomy& small_taxonomy();
// data/taxonomy of the source tree, loaded once.
const Taxonomy& shipped_taxonomy();

// 2026-11-22T00:00:00Z plus `seconds`.
UtcTime at(double seconds = 0);

// An available unit of `station`, on shift.
Unit unit(std::string id, std::string station, std::vector<std::string> capabilities,
          UnitStatus status = UnitStatus::kAvailable);
// An incident with one confirmed location at `where`.
Incident incident_at(LatLon where, std::string type_code, std::string station);

State with_units(const std::vector<Unit>& units);

// Travel times given per unit by hand; a unit not given has no route. Records what it was
// asked.
class FixedTravelTimes final : public TravelTimes {
 public:
  void set(const std::string& unit, double seconds);
  void set(const std::string& unit, TravelOutcome outcome);
  Result<std::vector<TravelTime>> to(LatLon target, std::span<const TravelOrigin> origins) override;

  std::map<std::string, LatLon, std::less<>> asked;  // unit -> origin, of the last query
  int queries = 0;

 private:
  std::map<std::string, TravelTime, std::less<>> times_;
};

// Positions for the tests with hand-set times: the scene, a fix near it, a home post.
inline constexpr LatLon kScene{31.2000, 121.5000};
inline constexpr LatLon kNearby{31.2010, 121.5010};
inline constexpr LatLon kPost{31.2100, 121.5100};

// recommend() at at(0), by default with the small taxonomy; an error fails the calling
// test and gives an empty recommendation.
Recommendation recommend_ok(const State& state, const Incident& incident, const UnitPlaces& places,
                            TravelTimes& travel, const RecommendOptions& options = {},
                            const Taxonomy& taxonomy = small_taxonomy());
// Every unit of `state` with a fix at kNearby, 12 s old.
UnitPlaces fresh_fixes(const State& state);

// The callsigns of the ranked units, best first.
std::vector<std::string> ranked_ids(const Recommendation& rec);
// nullptr when the unit is not excluded / not ranked / has no such reason.
const ExcludedUnit* excluded(const Recommendation& rec, std::string_view unit);
const RankedUnit* ranked(const Recommendation& rec, std::string_view unit);
const Reason* reason(const RankedUnit& unit, std::string_view code);

// A parameter's value; fails the calling test when absent or of another type.
std::int64_t int_param(const Reason& reason, std::string_view name);
std::string string_param(const Reason& reason, std::string_view name);
std::vector<std::string> list_param(const Reason& reason, std::string_view name);

}  // namespace shouwang::cad::testing
