#include "sim/calls/incident_planner.h"

#include <bit>
#include <span>

#include "sim/calls/call_classes.h"
#include "sim/calls/lifecycle_profiles.h"

namespace shouwang::sim::calls {
namespace {

// The incident's own random stream: named by the call, not by its place in a run.
Rng incident_rng(std::uint64_t seed, const GeneratedCall& call) {
  std::uint64_t key = static_cast<std::uint64_t>(call.at.micros()) * 0x9E3779B97F4A7C15ULL;
  key ^= std::bit_cast<std::uint64_t>(call.position.lat) * 0xC2B2AE3D27D4EB4FULL;
  key ^= std::bit_cast<std::uint64_t>(call.position.lon) * 0x165667B19E3779F9ULL;
  return Rng(seed).fork(key);
}

// A code of `shares` that the taxonomy knows, by weight; the taxonomy's first code when it
// knows none of them.
std::string pick_disposition(Rng& rng, std::span<const DispositionShare> shares,
                             const cad::DispositionCodes& codes) {
  double total = 0;
  for (const auto& s : shares) {
    if (codes.find(s.code) != nullptr)
      total += s.weight;
  }
  if (total > 0) {
    double x = rng.uniform01() * total;
    for (const auto& s : shares) {
      if (codes.find(s.code) == nullptr)
        continue;
      if ((x -= s.weight) < 0)
        return std::string(s.code);
    }
  }
  return codes.all().empty() ? std::string() : codes.all().front().code;
}

// A mobile number: 1, a digit 3-9, nine digits.
std::string caller_number(Rng& rng) {
  std::string n = "1";
  n += static_cast<char>('0' + rng.uniform_int(3, 9));
  for (int i = 0; i < 9; ++i)
    n += static_cast<char>('0' + rng.uniform_int(0, 9));
  return n;
}

}  // namespace

IncidentPlanner::IncidentPlanner(const cad::Taxonomy& taxonomy, std::uint64_t seed,
                                 UtcTime archive_limit, Responders& responders, RoadTravel& travel)
    : taxonomy_(taxonomy),
      seed_(seed),
      archive_limit_(archive_limit),
      responders_(responders),
      travel_(travel) {
  for (const CallClass& c : call_classes()) {
    for (const TypeShare& t : c.types)
      class_of_type_.emplace(std::string(t.code), c.name);
  }
}

std::optional<PlannedIncident> IncidentPlanner::plan(const GeneratedCall& call) {
  const cad::IncidentType* type = taxonomy_.types.find(call.type_code);
  if (type == nullptr)
    return std::nullopt;
  const auto cls = class_of_type_.find(call.type_code);
  const LifecycleProfile& profile =
      lifecycle_profile(cls != class_of_type_.end() ? cls->second : "");
  Rng rng = incident_rng(seed_, call);

  PlannedIncident out;
  IncidentFacts& f = out.facts;
  IncidentTimeline& t = out.timeline;
  f.call = &call;
  f.summary = type->name_zh + "，" + call.place;
  f.caller_number = caller_number(rng);
  f.uncertainty_m = rng.uniform(10, 50);
  const std::size_t station = responders_.station_at(call.position);
  f.station = responders_.station(station).code;
  t = draw_reception(rng, call.at);
  const bool by_phone = rng.bernoulli(profile.by_phone);
  if (!by_phone) {
    const UtcTime wish = draw_dispatch_wish(rng, t, type->default_priority);
    Responder& responder = responders_.first_free(station);
    std::optional<double> seconds = travel_.seconds(responder.origin, call.position);
    if (!seconds) {
      ++counts_.estimated_travel;
      seconds = estimated_seconds(responder.origin, call.position);
    }
    draw_response(rng, t, wish, responder.free_at, *seconds, type->default_priority, profile);
    responder.free_at = t.done;
    f.target = responder.target;
    f.instructions = "前往" + call.place + "处置：" + type->name_zh;
    f.disposition = pick_disposition(rng, profile.dispositions, taxonomy_.dispositions);
    counts_.travel_seconds_total += *seconds;
    ++counts_.dispatched;
    if (responder.target.kind == cad::TargetKind::kUnit)
      ++counts_.unit_orders;
  } else {
    f.disposition = pick_disposition(rng, phone_dispositions(), taxonomy_.dispositions);
  }
  draw_closing(rng, t, archive_limit_);
  const cad::DispositionCode* disposition = taxonomy_.dispositions.find(f.disposition);
  const std::string outcome = disposition != nullptr ? disposition->name_zh : f.disposition;
  f.feedback = (by_phone ? "电话联系报警人，" : "已到场处置，") + outcome;
  return out;
}

}  // namespace shouwang::sim::calls
