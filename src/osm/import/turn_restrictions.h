#pragma once
// Turn restrictions (`type=restriction` relations with a via node) applied by splitting the
// via node: every arriving arc gets its own copy of the node, and each copy leaves only on
// the arcs that turn is allowed onto. Plain shortest-path searches (Dijkstra, CH) then obey
// the restrictions with no turn logic of their own.
//
//        from ──► v ──► to            from ──► v₁ ──► (allowed exits only)
//                 │            =>     other ─► v₂ ──► (all exits)
//               other

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::osm::import {

struct TurnRestriction {
  std::int64_t from_way = 0;
  std::int64_t via_node = 0;
  std::int64_t to_way = 0;
  bool only = false;  // only_* (the one allowed exit) rather than no_* (the one forbidden)
};

// An arc with the OSM way it belongs to.
struct WayArc {
  routing::ArcInput arc;
  std::int64_t way = 0;
};

struct RestrictionReport {
  std::size_t applied = 0;       // restrictions whose via node and ways were found
  std::size_t not_found = 0;     // via node or ways not in the drivable graph
  std::size_t nodes_split = 0;   // via nodes that were split
  std::size_t nodes_added = 0;   // copies created
};

// Rewrites `arcs` and appends the copies to `coordinates` and `osm_ids`.
RestrictionReport apply_turn_restrictions(const std::vector<TurnRestriction>& restrictions,
                                          const std::unordered_map<std::int64_t, std::uint32_t>& node_index,
                                          std::vector<WayArc>& arcs, std::vector<LatLon>& coordinates,
                                          std::vector<std::int64_t>& osm_ids);

}  // namespace shouwang::osm::import
