#pragma once
// The simulated fleet, drawn from a seed: how many units each station has, what each one
// is (patrol car, traffic car, foot patrol, motorcycle, PTU, detectives, anti-fraud team,
// rescue team), its capabilities, home post, crew and vehicle. The same seed, stations and
// roads give the same fleet, so a simulator run again finds its units on the roster.
//
// Callsigns are "S{seed}-{station}-{kind}{k}", e.g. "S1-07-P03": seed 1, the 7th station
// that has roads, its 3rd patrol car. Units go to the stations in turn, so a fleet smaller
// than the number of stations covers the first ones.
//
// Kinds, in the proportions of a city patrol force: most are patrol cars (patrol, often
// with community, medical or fire liaison), then traffic cars, foot patrols, detectives,
// motorcycles, PTU teams, anti-fraud teams and a few rescue teams. Every capability that
// the taxonomy asks for is given to at least one unit when the fleet has eight units or
// more, so every incident type has someone to send.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/ids.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/sim/patrol_areas.h>

namespace shouwang::sim {

enum class UnitKind : std::uint8_t {
  kPatrolCar,
  kTraffic,
  kFootPatrol,
  kMotorcycle,
  kDetectives,
  kAntiFraud,
  kPtu,
  kRescue,
};

struct UnitPlan {
  std::string callsign;
  UnitKind kind = UnitKind::kPatrolCar;
  std::string
      type;  // the API's unit type: patrol_car, traffic, foot_patrol, motorcycle, ptu, other
  std::string name;  // for display: "巡逻车 S1-07-P03"
  std::uint32_t area = PatrolAreas::kNoArea;
  std::string station;                    // the area's station code
  std::vector<std::string> capabilities;  // sorted, unique
  NodeId home_node;                       // one of the area's patrol nodes
  LatLon home_post;                       // its position
  std::vector<std::string> crew;          // badge numbers, the first in charge
  std::string vehicle;                    // plate; empty for a foot patrol
};

// `count` units over the areas that have patrol nodes. `taxonomy_capabilities` lists the
// capabilities the incident types require (any order, repeats allowed).
std::vector<UnitPlan> plan_fleet(std::size_t count, std::uint64_t seed,
                                 const routing::RoadGraph& graph, const PatrolAreas& areas,
                                 std::span<const std::string> taxonomy_capabilities);

}  // namespace shouwang::sim
