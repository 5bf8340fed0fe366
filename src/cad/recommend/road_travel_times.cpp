#include <shouwang/cad/travel_times.h>

#include <array>
#include <functional>

#include "cad/enum_names.h"

namespace shouwang::cad {
namespace {

constexpr std::array<EnumName<TravelOutcome>, 3> kOutcomeNames{{
    {TravelOutcome::kReached, "reached"},
    {TravelOutcome::kOffRoad, "off_road"},
    {TravelOutcome::kNoRoute, "no_route"},
}};

}  // namespace

std::string_view to_string(TravelOutcome outcome) {
  return name_in<TravelOutcome>(kOutcomeNames, outcome);
}

std::size_t CallsignHash::operator()(std::string_view callsign) const noexcept {
  return std::hash<std::string_view>{}(callsign);
}

RoadTravelTimes::RoadTravelTimes(const routing::RoadGraph& graph,
                                 const routing::ContractionHierarchy& hierarchy,
                                 const routing::SnapIndex& index, RoadTravelOptions options)
    : graph_(graph), index_(index), options_(options), nearest_(hierarchy) {}

std::uint32_t RoadTravelTimes::slot_of(std::string_view unit, bool& created) {
  created = false;
  if (const auto it = by_unit_.find(unit); it != by_unit_.end())
    return it->second;
  created = true;
  std::uint32_t slot = 0;
  if (free_.empty()) {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    slot = free_.back();
    free_.pop_back();
  }
  by_unit_.emplace(std::string(unit), slot);
  return slot;
}

Status RoadTravelTimes::move(std::uint32_t slot, bool created, std::string_view unit,
                             LatLon position) {
  Slot& s = slots_[slot];
  const bool stays = s.position == position ||
                     (options_.min_move.value() > 0.0 &&
                      haversine_distance(s.position, position).value() < options_.min_move.value());
  if (!created && stays)
    return s.on_road ? ok_status()
                     : Status(Error(Errc::kOutOfRange,
                                    "unit " + std::string(unit) + " is off the road map"));
  s.position = position;
  const auto snap = index_.snap(position, options_.unit_snap_limit);
  s.on_road = snap.ok();
  if (!snap.ok()) {
    nearest_.remove(slot);
    return Error(snap.error().code, "unit " + std::string(unit) + ": " + snap.error().message);
  }
  nearest_.set(slot, *snap, graph_);
  return ok_status();
}

Status RoadTravelTimes::place(std::string_view unit, LatLon position) {
  bool created = false;
  const std::uint32_t slot = slot_of(unit, created);
  return move(slot, created, unit, position);
}

void RoadTravelTimes::remove(std::string_view unit) {
  const auto it = by_unit_.find(unit);
  if (it == by_unit_.end())
    return;
  nearest_.remove(it->second);
  free_.push_back(it->second);
  by_unit_.erase(it);
}

std::optional<LatLon> RoadTravelTimes::placed_at(std::string_view unit) const {
  const auto it = by_unit_.find(unit);
  if (it == by_unit_.end())
    return std::nullopt;
  return slots_[it->second].position;
}

Result<std::vector<TravelTime>> RoadTravelTimes::to(LatLon target,
                                                    std::span<const TravelOrigin> origins) {
  std::vector<std::uint32_t> slot_of_origin;
  slot_of_origin.reserve(origins.size());
  for (const TravelOrigin& origin : origins) {
    bool created = false;
    const std::uint32_t slot = slot_of(origin.unit, created);
    (void)move(slot, created, origin.unit, origin.position);  // off the road map: kOffRoad below
    slot_of_origin.push_back(slot);
  }
  const auto snapped = index_.snap(target, options_.target_snap_limit);
  if (!snapped.ok())
    return Error(snapped.error().code, "the incident's position: " + snapped.error().message,
                 "location");

  time_ms_.assign(slots_.size(), routing::kInfinity);
  for (const auto& hit : nearest_.nearest(*snapped, graph_, nearest_.size()))
    time_ms_[hit.unit] = hit.time_ms;

  std::vector<TravelTime> times;
  times.reserve(origins.size());
  for (const std::uint32_t slot : slot_of_origin) {
    if (!slots_[slot].on_road) {
      times.push_back({TravelOutcome::kOffRoad, Seconds(0.0)});
    } else if (time_ms_[slot] == routing::kInfinity) {
      times.push_back({TravelOutcome::kNoRoute, Seconds(0.0)});
    } else {
      times.push_back({TravelOutcome::kReached, Seconds(time_ms_[slot] / 1000.0)});
    }
  }
  return times;
}

}  // namespace shouwang::cad
