#pragma once
// The node path of a via-way turn restriction. Its members name ways, but what it forbids
// (no_*) or prescribes (only_*) is a path of OSM nodes: arrive at the first via node on the
// from way, drive along the via ways to the last via node, turn onto the to way.
//
//   from ──► a ══ via 1 ══ m ══ via 2 ══ b ──► to       nodes: a … m … b
//
// The via ways must join end to end in member order (OSM's rule for several via ways).
// The from way must pass through or end at the path's first node and the to way at its
// last, as the via node of a via-node restriction may lie anywhere along them.

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include <shouwang/base/result.h>

namespace shouwang::osm::import {

struct ViaWayRestriction {
  std::int64_t from_way = 0;
  std::vector<std::int64_t> via_ways;  // in member order, which is the driving order
  std::int64_t to_way = 0;
  bool only = false;  // only_* (the to way is the one way on) rather than no_*
};

// One reading of a restriction as a path: nodes[0] is where the from way meets the first
// via way, nodes.back() where the last via way meets the to way.
struct ViaPath {
  std::vector<std::int64_t> nodes;      // at least two, no two consecutive ones equal
  std::vector<std::int64_t> step_ways;  // step_ways[i]: the way of nodes[i] -> nodes[i + 1]
};

// The node lists of (at least) the ways the restrictions name, by way id; a way not listed
// is not a drivable way.
using WayNodeLists = std::unordered_map<std::int64_t, std::span<const std::int64_t>>;

// Every reading of the restriction: usually one; two when the from and the to way both touch
// both ends of the via ways, so that either driving direction along them fits. The direction
// is taken from the members' geometry, not from one-way tags: a reading that no car can drive
// is harmless and is found out when the restriction is applied to the graph.
// kNotFound: a member is not a drivable way. kInvalidArgument: the members do not join end to
// end (a via way that does not continue the previous member, a closed via way, a from or to
// way that does not touch the path's end).
Result<std::vector<ViaPath>> resolve_via_paths(const ViaWayRestriction& restriction,
                                               const WayNodeLists& ways);

}  // namespace shouwang::osm::import
