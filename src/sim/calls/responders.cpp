#include "sim/calls/responders.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace shouwang::sim::calls {
namespace {

bool takes_history_orders(const cad::Unit& unit) {
  return !unit.retired && !unit.emergency && unit.status == cad::UnitStatus::kAvailable;
}

// When an order stopped keeping its target busy; nullopt while it is open.
std::optional<UtcTime> order_end(const cad::Order& o) {
  if (o.times.done)
    return o.times.done;
  if (o.times.cancelled)
    return o.times.cancelled;
  if (o.times.returned)
    return o.times.returned;
  return std::nullopt;
}

}  // namespace

Result<std::vector<Station>> stations_of(const osm::Jurisdictions& org,
                                         const osm::PlaceIndex& places) {
  std::map<std::string, LatLon, std::less<>> posts;  // police places by name
  for (const osm::Place& p : places.places()) {
    if (p.kind == osm::PlaceKind::kPoi && p.category == "amenity=police" && !p.name_zh.empty()) {
      posts.emplace(p.name_zh, p.position);
    }
  }
  std::vector<Station> out;
  for (const osm::OrgUnit& unit : org.units()) {
    if (unit.level != osm::OrgLevel::kStation)
      continue;
    const auto post = posts.find(unit.name);
    out.push_back(
        {unit.code, unit.name, post != posts.end() ? post->second : unit.representative_point, {}});
  }
  if (out.empty()) {
    const osm::OrgUnit* city = org.city();
    if (city == nullptr)
      return Error(Errc::kInvalidArgument, "the organisation has no station and no city", "org");
    const auto post = posts.find(city->name);
    out.push_back({city->code,
                   city->name,
                   post != posts.end() ? post->second : city->representative_point,
                   {}});
  }
  return out;
}

Responders::Responders(std::vector<Station> stations, const osm::Jurisdictions& org,
                       const cad::State& state)
    : org_(&org), stations_(std::move(stations)) {
  const UtcTime never = UtcTime::from_micros(std::numeric_limits<std::int64_t>::min());
  for (std::size_t s = 0; s < stations_.size(); ++s) {
    Station& station = stations_[s];
    by_code_.emplace(station.code, s);
    for (const auto& [callsign, unit] : state.units) {
      if (unit.profile.station != station.code || !takes_history_orders(unit))
        continue;
      station.responders.push_back(responders_.size());
      responders_.push_back({{cad::TargetKind::kUnit, callsign, unit.profile.name},
                             unit.profile.home_post.value_or(station.post),
                             s,
                             never});
    }
    if (!station.responders.empty())
      continue;
    for (std::size_t k = 0; k < kStationCars; ++k) {
      station.responders.push_back(responders_.size());
      responders_.push_back(
          {{cad::TargetKind::kStation, station.code, station.name}, station.post, s, never});
    }
  }
  restore_busy_times(state);
}

std::size_t Responders::station_at(LatLon p) const {
  if (const auto code = org_->station_at(p); !code.empty()) {
    if (const auto it = by_code_.find(code); it != by_code_.end())
      return it->second;
  }
  std::size_t best = 0;
  double best_m = std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < stations_.size(); ++s) {
    const double m = haversine_distance(p, stations_[s].post).value();
    if (m < best_m) {
      best_m = m;
      best = s;
    }
  }
  return best;
}

Responder& Responders::first_free(std::size_t s) {
  const auto& ids = stations_[s].responders;
  std::size_t best = ids.front();
  for (const std::size_t i : ids) {
    if (responders_[i].free_at < responders_[best].free_at)
      best = i;
  }
  return responders_[best];
}

// A resumed run carries on with the responders as the earlier run left them: the orders in
// the state are replayed in the order the run handled their calls (by the time the call
// came in), each taking the responder of its target free soonest, as the run did.
void Responders::restore_busy_times(const cad::State& state) {
  std::vector<std::pair<UtcTime, const cad::Order*>> orders;
  for (const auto& [id, order] : state.orders) {
    UtcTime handled = order.times.issued;
    if (const cad::Incident* incident = state.find(order.incident);
        incident != nullptr && !incident->calls.empty()) {
      if (const cad::Call* call = state.find(incident->calls.front()); call != nullptr)
        handled = call->started_at;
    }
    orders.emplace_back(handled, &order);
  }
  std::sort(orders.begin(), orders.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && a.second->id < b.second->id);
  });
  std::map<std::pair<cad::TargetKind, std::string>, std::vector<std::size_t>> by_target;
  for (std::size_t i = 0; i < responders_.size(); ++i) {
    by_target[{responders_[i].target.kind, responders_[i].target.id}].push_back(i);
  }
  for (const auto& entry : orders) {
    const cad::Order* order = entry.second;
    const auto found = by_target.find({order->target.kind, order->target.id});
    if (found == by_target.end())
      continue;
    const auto end = order_end(*order);
    Responder* chosen = nullptr;
    for (const std::size_t i : found->second) {
      if (chosen == nullptr || responders_[i].free_at < chosen->free_at)
        chosen = &responders_[i];
    }
    // An open order (a live one) keeps its unit busy for good, as far as history goes.
    chosen->free_at =
        std::max(chosen->free_at,
                 end.value_or(UtcTime::from_micros(std::numeric_limits<std::int64_t>::max())));
  }
}

}  // namespace shouwang::sim::calls
