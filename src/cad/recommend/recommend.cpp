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
  r.ranking_s = recommend_detail::ranking_seconds(eta, r.conditional, options);
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

Result<LatLon> incident_target(const Incident& incident) {
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

std::optional<UnitOrigin> unit_origin(const Unit& unit, const UnitFix* fix, Seconds max_fix_age,
                                      UtcTime now) {
  const auto choice = recommend_detail::choose_origin(unit, fix, max_fix_age, now);
  if (!choice.origin)
    return std::nullopt;
  return UnitOrigin{choice.origin->kind, choice.origin->position, choice.fix_age};
}

Result<Recommendation> recommend(const State& state, const Taxonomy& taxonomy,
                                 const Incident& incident, const UnitPlaces& places,
                                 TravelTimes& travel, const RecommendOptions& options,
                                 UtcTime now) {
  auto target = incident_target(incident);
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

  // Every reachable unit gets a key: those with all capabilities are ranked, the others
  // stand in the pool for by_capability. Only the best ranked_limit become RankedUnits.
  std::vector<recommend_detail::RankKey> keys;
  std::vector<recommend_detail::PoolEntry> pool;
  keys.reserve(candidates.size());
  pool.reserve(candidates.size());
  const std::size_t excluded_before = out.excluded.size();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    const TravelTime& t = (*times)[i];
    const bool reached = t.outcome == TravelOutcome::kReached;
    if (!c.missing.empty()) {
      out.excluded.push_back(
          {c.unit->id, Exclusion::kLacksCapability, recommend_detail::lacks_capability(c.missing)});
    } else if (!reached) {
      out.excluded.push_back({c.unit->id, Exclusion::kUnreachable,
                              recommend_detail::unreachable(c.origin, t.outcome, c.fix_age)});
    }
    if (!reached)
      continue;
    const bool conditional = c.unit->status == UnitStatus::kConditionallyAvailable;
    const recommend_detail::RankKey key{
        recommend_detail::ranking_seconds(t.time, conditional, options),
        !out.station.empty() && c.unit->profile.station == out.station, c.unit->id,
        static_cast<std::uint32_t>(i)};
    pool.push_back({key, &c.unit->profile.capabilities, t.time});
    if (c.missing.empty())
      keys.push_back(key);
  }
  // Both runs of exclusions follow the units' (callsign) order: merging keeps it.
  std::inplace_merge(out.excluded.begin(),
                     out.excluded.begin() + static_cast<std::ptrdiff_t>(excluded_before),
                     out.excluded.end(),
                     [](const ExcludedUnit& a, const ExcludedUnit& b) { return a.unit < b.unit; });
  out.by_capability = recommend_detail::pick_by_capability(out.required, pool);

  out.ranked_total = keys.size();
  recommend_detail::best_first(keys, options.ranked_limit);
  const std::size_t shown = std::min(options.ranked_limit, keys.size());
  out.ranked.reserve(shown);
  for (std::size_t j = 0; j < shown; ++j) {
    const Candidate& c = candidates[keys[j].candidate];
    out.ranked.push_back(
        ranked_unit(c, (*times)[keys[j].candidate].time, out.target, out.station, options));
  }
  recommend_detail::explain_places(out.ranked);
  for (RankedUnit& r : out.ranked) {
    if (const Unit* unit = state.find_unit(r.unit))
      add_own_reasons(r, *unit, out.station, options);
  }
  return out;
}

}  // namespace shouwang::cad
