#include "cad/recommend/recommend_fixture.h"

#include <filesystem>
#include <utility>

#include <gtest/gtest.h>

namespace shouwang::cad::testing {
namespace {

constexpr std::string_view kSmallTypes =
    "code\tname_zh\tname_en\tcommon_code\tpriority\tcapabilities\tgroups\n"
    "01\t治安\tPublic order\tLAW.ORDER\t3\tpatrol\tpublic_order\n"
    "0101\t杀人\tHomicide\tLAW.HOMICIDE\t1\tpatrol,forensics\tcriminal\n"
    "03\t交通\tTraffic\tTRAFFIC\t3\ttraffic\ttraffic\n"
    "0301\t交通事故\tTraffic collision\tTRAFFIC.COLLISION\t2\ttraffic\t-\n"
    "05\t求助\tAssistance\tASSIST\t3\tpatrol\tassistance\n"
    "0503\t人员落水\tPerson in the water\tASSIST.WATER_RESCUE\t1\twater_rescue\t-\n"
    "09\t其他\tOther\tOTHER\t4\t-\t-\n";

template <typename T>
const T* typed_param(const Reason& reason, std::string_view name) {
  const ReasonValue* value = reason.param(name);
  if (value == nullptr) {
    ADD_FAILURE() << reason.code << " has no parameter " << name;
    return nullptr;
  }
  const T* typed = std::get_if<T>(value);
  if (typed == nullptr)
    ADD_FAILURE() << reason.code << "." << name << " has another type";
  return typed;
}

}  // namespace

const Taxonomy& small_taxonomy() {
  static const Taxonomy taxonomy = [] {
    auto types = IncidentTypes::parse(kSmallTypes, "small taxonomy");
    if (!types.ok()) {
      ADD_FAILURE() << types.error().to_string();
      return Taxonomy{};
    }
    return Taxonomy{std::move(*types), DispositionCodes{}};
  }();
  return taxonomy;
}

const Taxonomy& shipped_taxonomy() {
  static const Taxonomy taxonomy = [] {
    auto loaded = load_taxonomy(std::filesystem::path(SHOUWANG_SOURCE_DIR) / "data" / "taxonomy");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().to_string();
      return Taxonomy{};
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

UtcTime at(double seconds) {
  return UtcTime::from_seconds(1'795'305'600).plus_micros(static_cast<std::int64_t>(seconds * 1e6));
}

Unit unit(std::string id, std::string station, std::vector<std::string> capabilities,
          UnitStatus status) {
  Unit u;
  u.id = std::move(id);
  u.profile.name = u.id;
  u.profile.station = std::move(station);
  std::sort(capabilities.begin(), capabilities.end());
  u.profile.capabilities = std::move(capabilities);
  u.registered_at = at(-86'400);
  u.status = status;
  if (status != UnitStatus::kOffDuty)
    u.shift = DutyShift{{"010001"}, "沪A·0001警", {}, "", at(-3600), "duty"};
  return u;
}

Incident incident_at(LatLon where, std::string type_code, std::string station) {
  Incident incident;
  incident.id = IncidentId(42);
  incident.type_code = std::move(type_code);
  incident.station = std::move(station);
  LocationCandidate pin;
  pin.source = LocationSource::kMapPin;
  pin.position = where;
  pin.uncertainty = Meters(10.0);
  pin.observed_at = at(-60);
  pin.added_at = at(-60);
  pin.added_by = "dispatcher";
  add_candidate(incident.location, pin);
  confirm_candidate(incident.location, 0, "dispatcher", at(-50));
  return incident;
}

State with_units(const std::vector<Unit>& units) {
  State state;
  for (const Unit& u : units)
    state.units.emplace(u.id, u);
  return state;
}

void FixedTravelTimes::set(const std::string& unit, double seconds) {
  times_[unit] = {TravelOutcome::kReached, Seconds(seconds)};
}

void FixedTravelTimes::set(const std::string& unit, TravelOutcome outcome) {
  times_[unit] = {outcome, Seconds(0.0)};
}

Result<std::vector<TravelTime>> FixedTravelTimes::to(LatLon /*target*/,
                                                     std::span<const TravelOrigin> origins) {
  ++queries;
  asked.clear();
  std::vector<TravelTime> out;
  for (const TravelOrigin& origin : origins) {
    asked.emplace(std::string(origin.unit), origin.position);
    const auto it = times_.find(origin.unit);
    out.push_back(it == times_.end() ? TravelTime{TravelOutcome::kNoRoute, Seconds(0.0)}
                                     : it->second);
  }
  return out;
}

Recommendation recommend_ok(const State& state, const Incident& incident, const UnitPlaces& places,
                            TravelTimes& travel, const RecommendOptions& options,
                            const Taxonomy& taxonomy) {
  auto rec = recommend(state, taxonomy, incident, places, travel, options, at(0));
  EXPECT_TRUE(rec.ok()) << (rec.ok() ? "" : rec.error().to_string());
  return rec.ok() ? std::move(rec).value() : Recommendation{};
}

UnitPlaces fresh_fixes(const State& state) {
  UnitPlaces places;
  for (const auto& [id, u] : state.units)
    places.update(id, {kNearby, at(-12)});
  return places;
}

std::vector<std::string> ranked_ids(const Recommendation& rec) {
  std::vector<std::string> ids;
  for (const auto& r : rec.ranked)
    ids.push_back(r.unit);
  return ids;
}

const ExcludedUnit* excluded(const Recommendation& rec, std::string_view unit) {
  for (const auto& e : rec.excluded) {
    if (e.unit == unit)
      return &e;
  }
  return nullptr;
}

const RankedUnit* ranked(const Recommendation& rec, std::string_view unit) {
  for (const auto& r : rec.ranked) {
    if (r.unit == unit)
      return &r;
  }
  return nullptr;
}

const Reason* reason(const RankedUnit& unit, std::string_view code) {
  for (const auto& r : unit.reasons) {
    if (r.code == code)
      return &r;
  }
  return nullptr;
}

std::int64_t int_param(const Reason& reason, std::string_view name) {
  const auto* v = typed_param<std::int64_t>(reason, name);
  return v == nullptr ? -1 : *v;
}

std::string string_param(const Reason& reason, std::string_view name) {
  const auto* v = typed_param<std::string>(reason, name);
  return v == nullptr ? std::string("<missing>") : *v;
}

std::vector<std::string> list_param(const Reason& reason, std::string_view name) {
  const auto* v = typed_param<std::vector<std::string>>(reason, name);
  return v == nullptr ? std::vector<std::string>{"<missing>"} : *v;
}

}  // namespace shouwang::cad::testing
