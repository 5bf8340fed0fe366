#include "osm/import/turn_restrictions.h"

#include <algorithm>
#include <map>

namespace shouwang::osm::import {

RestrictionReport apply_turn_restrictions(const std::vector<TurnRestriction>& restrictions,
                                          const std::unordered_map<std::int64_t, std::uint32_t>& node_index,
                                          std::vector<WayArc>& arcs, std::vector<LatLon>& coordinates,
                                          std::vector<std::int64_t>& osm_ids) {
  RestrictionReport report;
  // Restrictions grouped by graph node.
  std::map<std::uint32_t, std::vector<const TurnRestriction*>> by_node;
  for (const TurnRestriction& r : restrictions) {
    const auto it = node_index.find(r.via_node);
    if (it == node_index.end()) {
      ++report.not_found;
      continue;
    }
    by_node[it->second].push_back(&r);
  }
  if (by_node.empty()) return report;

  // Arcs into and out of each restricted node.
  std::map<std::uint32_t, std::vector<std::size_t>> arriving, leaving;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    const std::uint32_t tail = arcs[i].arc.tail.value(), head = arcs[i].arc.head.value();
    if (by_node.count(head) > 0) arriving[head].push_back(i);
    if (by_node.count(tail) > 0) leaving[tail].push_back(i);
  }

  std::vector<bool> removed(arcs.size(), false);
  for (const auto& [node, rules] : by_node) {
    const std::vector<std::size_t> in = arriving[node];
    const std::vector<std::size_t> out = leaving[node];
    bool any_applies = false;
    for (const TurnRestriction* r : rules) {
      const bool from_found = std::any_of(in.begin(), in.end(), [&](std::size_t i) { return arcs[i].way == r->from_way; });
      const bool to_found = std::any_of(out.begin(), out.end(), [&](std::size_t i) { return arcs[i].way == r->to_way; });
      if (from_found && to_found) {
        ++report.applied;
        any_applies = true;
      } else {
        ++report.not_found;
      }
    }
    if (!any_applies || in.empty()) continue;
    auto allowed = [&](std::int64_t from_way, std::int64_t to_way) {
      for (const TurnRestriction* r : rules) {
        if (r->from_way != from_way) continue;
        if (r->only ? r->to_way != to_way : r->to_way == to_way) return false;
      }
      return true;
    };
    ++report.nodes_split;
    // The first arriving arc keeps the original node, whose exits are cut down to the ones
    // allowed after it; every other arriving arc gets a copy with its own allowed exits.
    for (std::size_t o : out) {
      if (!allowed(arcs[in[0]].way, arcs[o].way)) removed[o] = true;
    }
    for (std::size_t k = 1; k < in.size(); ++k) {
      const auto copy = static_cast<std::uint32_t>(coordinates.size());
      coordinates.push_back(coordinates[node]);
      osm_ids.push_back(osm_ids[node]);
      ++report.nodes_added;
      arcs[in[k]].arc.head = NodeId(copy);
      for (std::size_t o : out) {
        if (!allowed(arcs[in[k]].way, arcs[o].way)) continue;
        WayArc exit = arcs[o];
        exit.arc.tail = NodeId(copy);
        // An exit into another restricted node, not yet split, must be split there too.
        const std::uint32_t head = exit.arc.head.value();
        if (head > node && by_node.count(head) > 0) arriving[head].push_back(arcs.size());
        arcs.push_back(exit);
        removed.push_back(false);
      }
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (!removed[i]) arcs[kept++] = arcs[i];
  }
  arcs.resize(kept);
  return report;
}

}  // namespace shouwang::osm::import
