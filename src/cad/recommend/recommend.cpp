// recommend(): screen every unit, choose its origin, ask the travel times once for all of
// them, then rank (recommendation.h has the rules).

#include <shouwang/cad/recommendation.h>

#include <algorithm>
#include <utility>

#include <shouwang/cad/location.h>
#include <shouwang/cad/record_id.h>

#include "cad/recommend/origin.h"
#include "cad/recommend/ranking.h"
#include "cad/recommend/reasons.h"
#include "cad/recommend/screening.h"

namespace shouwang::cad {
namespace {

using recommend_detail::Origin;

Result<LatLon> incident_position(const Incident& incident) {
  const LocationCandidate* effective = effective_location(incident.location);
  if (effective != nullptr && effective->position)
    return *effective->position;
  const std::string id = "incident " + to_string(incident.id);
  if (effective != nullptr)
    return Error(Errc::kConflict,
                 id + ": the confirmed location ('" + effective->text +
                     "') has no coordinates; place it on the map before asking for units",
                 "location");
  if (incident.location.needs_confirmation)
    return Error(Errc::kConflict,
                 id + ": its location sources disagree; confirm one before asking for units",
                 "location");
  return Error(Errc::kConflict,
               id + " has no positioned location yet; match an address, take a fix or pin it "
                    "on the map before asking for units",
               "location");
}

std::vector<std::string> sorted_unique(std::vector<std::string> list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
  return list;
}

void set_required(Recommendation& out, const Taxonomy& taxonomy, const Incident& incident,
                  const RecommendOptions& options) {
  if (options.capabilities) {
    out.capabilities_from = CapabilitySource::kRequested;
    out.required = sorted_unique(*options.capabilities);
  } else if (incident.type_code.empty()) {
    out.capabilities_from = CapabilitySource::kUntyped;
    out.required = sorted_unique(options.default_capabilities);
  } else if (const IncidentType* type = taxonomy.types.find(incident.type_code)) {
    out.capabilities_from = CapabilitySource::kType;
    out.required = type->capabilities;  // sorted by the loader
  } else {
    out.capabilities_from = CapabilitySource::kUnknownType;
    out.required = sorted_unique(options.default_capabilities);
  }
}

// A unit past the checks of its own state, with where it would start from.
struct Candidate {
  const Unit* unit;
  Origin origin;
  std::optional<Seconds> fix_age;
  std::vector<std::string> missing;  // required capabilities it lacks
};

// Without reasons: those follow the ranking, for the units explained (add_own_reasons).
RankedUnit ranked_unit(const Candidate& c, Seconds eta, LatLon target, std::string_view station,
                       const RecommendOptions& options) {
  RankedUnit r;
  r.unit = c.unit->id;
  r.station = c.unit->profile.station;
  r.eta = eta;
  r.conditional = c.unit->status == UnitStatus::kConditionallyAvailable;
  r.ranking_s =
      recommend_detail::whole_seconds(r.conditional ? eta + options.conditional_penalty : eta);
  r.straight_line = haversine_distance(c.origin.position, target);
  r.origin = c.origin.kind;
  r.origin_position = c.origin.position;
  r.fix_age = c.fix_age;
  r.own_station = !station.empty() && r.station == station;
  return r;
}

// After the reasons of its place, those of the unit itself.
void add_own_reasons(RankedUnit& r, const Unit& unit, std::string_view station,
                     const RecommendOptions& options) {
  if (r.conditional)
    r.reasons.push_back(
        recommend_detail::conditional(unit.status_reason, options.conditional_penalty));
  if (r.own_station)
    r.reasons.push_back(recommend_detail::own_station(station));
}

}  // namespace

Result<Recommendation> recommend(const State& state, const Taxonomy& taxonomy,
                                 const Incident& incident, const UnitPlaces& places,
                                 TravelTimes& travel, const RecommendOptions& options,
                                 UtcTime now) {
  auto target = incident_position(incident);
  if (!target.ok())
    return target.error();
  Recommendation out;
  out.incident = incident.id;
  out.type_code = incident.type_code;
  out.target = *target;
  out.station = incident.station;
  out.at = now;
  set_required(out, taxonomy, incident, options);

  std::vector<Candidate> candidates;
  candidates.reserve(state.units.size());
  out.excluded.reserve(state.units.size());
  for (const auto& [id, unit] : state.units) {
    if (auto left_out = recommend_detail::screen(state, unit, incident.id)) {
      out.excluded.push_back(std::move(*left_out));
      continue;
    }
    auto missing = missing_capabilities(unit, out.required);
    // A unit with none of the capabilities cannot even stand in for one of them.
    const bool helps = missing.size() < out.required.size() || out.required.empty();
    const auto choice =
        recommend_detail::choose_origin(unit, places.find(id), options.max_fix_age, now);
    if (!missing.empty() && (!helps || !choice.origin)) {
      out.excluded.push_back(
          {unit.id, Exclusion::kLacksCapability, recommend_detail::lacks_capability(missing)});
      continue;
    }
    if (!choice.origin) {
      out.excluded.push_back(
          {unit.id, Exclusion::kNoPosition, recommend_detail::no_position(choice.fix_age)});
      continue;
    }
    candidates.push_back({&unit, *choice.origin, choice.fix_age, std::move(missing)});
  }

  std::vector<TravelOrigin> origins;
  origins.reserve(candidates.size());
  for (const Candidate& c : candidates)
    origins.push_back({c.unit->id, c.origin.position});
  auto times = travel.to(out.target, origins);
  if (!times.ok())
    return times.error();
  if (times->size() != origins.size())
    return Error(Errc::kInternal, "the travel times answered " + std::to_string(times->size()) +
                                      " of " + std::to_string(origins.size()) + " units");

  // Ranked units, and those reachable but lacking some capability, for by_capability.
  std::vector<RankedUnit> partial;
  std::vector<const Unit*> ranked_units, partial_units;
  out.ranked.reserve(candidates.size());
  ranked_units.reserve(candidates.size());
  const std::size_t excluded_before = out.excluded.size();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const TravelTime& t = (*times)[i];
    if (!c.missing.empty()) {
      out.excluded.push_back(
          {c.unit->id, Exclusion::kLacksCapability, recommend_detail::lacks_capability(c.missing)});
      if (t.outcome == TravelOutcome::kReached) {
        partial.push_back(ranked_unit(c, t.time, out.target, out.station, options));
        partial_units.push_back(c.unit);
      }
    } else if (t.outcome != TravelOutcome::kReached) {
      out.excluded.push_back({c.unit->id, Exclusion::kUnreachable,
                              recommend_detail::unreachable(c.origin, t.outcome, c.fix_age)});
    } else {
      out.ranked.push_back(ranked_unit(c, t.time, out.target, out.station, options));
      ranked_units.push_back(c.unit);
    }
  }
  // Both runs of exclusions follow the units' (callsign) order: merging keeps it.
  std::inplace_merge(out.excluded.begin(),
                     out.excluded.begin() + static_cast<std::ptrdiff_t>(excluded_before),
                     out.excluded.end(),
                     [](const ExcludedUnit& a, const ExcludedUnit& b) { return a.unit < b.unit; });

  std::vector<recommend_detail::PoolEntry> pool;
  pool.reserve(out.ranked.size() + partial.size());
  for (std::size_t i = 0; i < out.ranked.size(); ++i)
    pool.push_back({&out.ranked[i], &ranked_units[i]->profile.capabilities});
  for (std::size_t i = 0; i < partial.size(); ++i)
    pool.push_back({&partial[i], &partial_units[i]->profile.capabilities});
  out.by_capability = recommend_detail::pick_by_capability(out.required, pool);
  recommend_detail::rank(out.ranked, options.explained);  // after the picks: it moves the
                                                          // units the pool points to
  for (std::size_t i = 0; i < out.ranked.size() && i < options.explained; ++i) {
    RankedUnit& r = out.ranked[i];
    if (const Unit* unit = state.find_unit(r.unit))
      add_own_reasons(r, *unit, out.station, options);
  }
  return out;
}

}  // namespace shouwang::cad
