#pragma once
// Where simulated units drive: patrol legs that keep to the roads of one station's area,
// the fastest route to a node or to a position (an incident), and the timed path that
// turns a route into positions over time at a driving style's speeds.
//
// Patrol legs come from a Dijkstra search from the unit's node that only enters nodes of
// the area and stops at a time bound; the leg ends at a patrol node drawn from those
// settled within [min, max] seconds, so a unit never leaves its area while patrolling, even
// where the fastest road between two of its points would, and never ends a leg where it
// could not go on. Routes to incidents use the contraction
// hierarchy (ChQuery::path unpacks its shortcuts into road nodes) and may go anywhere.
//
// A planner belongs to one thread (it holds the search state); the network and the areas
// are shared. Memory: about 20 bytes per node.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/random.h>
#include <shouwang/base/result.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/sim/patrol_areas.h>
#include <shouwang/sim/road_network.h>
#include <shouwang/sim/timed_path.h>

namespace shouwang::sim {

// How a unit drives: each road arc takes its graph time divided by speed_factor, times a
// random variation drawn per arc (normal around 1 with `variation` as its deviation, kept
// within ±3 deviations), and never faster than max_speed_mps when that is positive (a foot
// patrol walks).
struct DriveStyle {
  double speed_factor = 1.0;
  double variation = 0.08;
  double max_speed_mps = 0.0;
};

// A route from a node to a position part-way along a road segment: the road nodes up to
// the segment, then the final part of `arc` (`fraction` of it) to `end`, and the segment's
// far node, where the unit rejoins the graph afterwards.
struct RouteToPoint {
  std::vector<NodeId> nodes;
  ArcId arc;
  double fraction = 0.0;
  LatLon end;
  NodeId far_node;
};

class RoutePlanner {
 public:
  RoutePlanner(const RoadNetwork& network, const PatrolAreas& areas);

  // A patrol leg from `from` through nodes of `area` only, to one of its patrol nodes
  // (patrol_areas.h) between min_s and max_s of road time away (the farthest one within
  // max_s when none is that far); nullopt when `from` is not in the area or no other
  // patrol node can be reached inside it within max_s.
  std::optional<std::vector<NodeId>> patrol_leg(NodeId from, std::uint32_t area, Rng& rng,
                                                double min_s, double max_s);
  // The fastest road path (nodes, both ends included); empty when unreachable.
  std::vector<NodeId> fastest_path(NodeId from, NodeId to);
  // The fastest route from `from` to the road point nearest `target` (at most `max_snap`
  // away): kOutOfRange when no road is that near, kNotFound when it cannot be reached.
  Result<RouteToPoint> route_to(NodeId from, LatLon target, Meters max_snap = Meters(1000.0));

  // The timed path along `nodes` (at least one) in `style`.
  [[nodiscard]] TimedPath timed(std::span<const NodeId> nodes, const DriveStyle& style,
                                Rng& rng) const;
  [[nodiscard]] TimedPath timed(const RouteToPoint& route, const DriveStyle& style, Rng& rng) const;

  // The fastest arc u -> v; invalid when there is none.
  [[nodiscard]] ArcId arc_between(NodeId u, NodeId v) const;

 private:
  [[nodiscard]] double arc_seconds(ArcId arc, const DriveStyle& style, Rng& rng) const;

  const RoadNetwork& network_;
  const PatrolAreas& areas_;
  routing::ChQuery query_;
  // The area search: versioned labels, so a search costs only what it settles.
  std::vector<std::uint32_t> stamp_;
  std::vector<routing::Weight> time_;
  std::vector<NodeId> parent_;
  std::uint32_t round_ = 0;
  std::vector<std::pair<routing::Weight, std::uint32_t>> heap_;
  std::vector<NodeId> settled_;
};

}  // namespace shouwang::sim
