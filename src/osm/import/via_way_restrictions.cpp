#include "osm/import/via_way_restrictions.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace shouwang::osm::import {
namespace {

// Copies via paths in a graph given as a list of arcs. It keeps the arcs into and out of
// every graph node that stands for an OSM node of some restriction's path (those are the
// only nodes it copies or changes) up to date while arcs are redirected, copied and removed.
class PathCopier {
 public:
  enum class Outcome { kApplied, kNotDrivable, kUnsupported };

  PathCopier(std::vector<WayArc>& arcs, std::vector<LatLon>& coordinates,
             std::vector<std::int64_t>& osm_ids, const std::unordered_set<std::int64_t>& path_nodes)
      : arcs_(arcs), coordinates_(coordinates), osm_ids_(osm_ids), removed_(arcs.size(), false) {
    slot_.assign(osm_ids.size(), kUntracked);
    for (std::uint32_t v = 0; v < osm_ids.size(); ++v) {
      if (path_nodes.count(osm_ids[v]) > 0) track(v);
    }
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      if (tracked(tail(i))) links(tail(i)).out.push_back(i);
      if (tracked(head(i))) links(head(i)).in.push_back(i);
    }
  }

  Outcome apply(const ViaPath& path, const ViaWayRestriction& restriction) {
    if (const Outcome check = dry_run(path, restriction); check != Outcome::kApplied) return check;
    const std::size_t last = path.nodes.size() - 1;
    Level level = entries(path.nodes[0], restriction.from_way);
    for (std::size_t i = 0; i <= last; ++i) {
      Level next;
      for (const auto& [node, arriving] : level) {
        // A node reached only along the restricted path is itself the restricted copy. No
        // arc into it is made later: that would take a copy of a node of the path before
        // it, which the dry run rules out (no node twice on the path, no from-way arc back).
        std::uint32_t copy = node;
        if (live_arrivals(node) != arriving.size()) {
          copy = copy_node(node);
          for (const std::size_t a : arriving) redirect(a, copy);
        }
        for (const std::size_t o : live(links(copy).out)) {
          if (i < last) {
            if (on_path(o, path, i)) next[head(o)].push_back(o);
          } else if (restriction.only ? arcs_[o].way != restriction.to_way
                                      : arcs_[o].way == restriction.to_way) {
            removed_[o] = true;
          }
        }
      }
      level = std::move(next);
    }
    return Outcome::kApplied;
  }

  // Drops the removed arcs. The copier must not be used afterwards.
  void finish() {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < arcs_.size(); ++i) {
      if (!removed_[i]) arcs_[kept++] = arcs_[i];
    }
    arcs_.resize(kept);
  }

  [[nodiscard]] std::size_t nodes_added() const { return nodes_added_; }

 private:
  static constexpr std::uint32_t kUntracked = std::numeric_limits<std::uint32_t>::max();

  struct Links {
    std::vector<std::size_t> in, out;  // arc indices; removed arcs stay listed
  };
  // Graph nodes of one step along the path, with the arcs by which the path arrives there.
  using Level = std::map<std::uint32_t, std::vector<std::size_t>>;

  [[nodiscard]] std::uint32_t tail(std::size_t arc) const { return arcs_[arc].arc.tail.value(); }
  [[nodiscard]] std::uint32_t head(std::size_t arc) const { return arcs_[arc].arc.head.value(); }
  [[nodiscard]] bool tracked(std::uint32_t v) const { return slot_[v] != kUntracked; }
  Links& links(std::uint32_t v) { return links_[slot_[v]]; }

  void track(std::uint32_t v) {
    slot_[v] = static_cast<std::uint32_t>(links_.size());
    links_.emplace_back();
    by_osm_id_[osm_ids_[v]].push_back(v);
  }

  [[nodiscard]] std::vector<std::size_t> live(const std::vector<std::size_t>& list) const {
    std::vector<std::size_t> out;
    for (const std::size_t a : list) {
      if (!removed_[a]) out.push_back(a);
    }
    return out;
  }
  std::size_t live_arrivals(std::uint32_t v) { return live(links(v).in).size(); }

  // Is arc `o`, leaving the graph node for path.nodes[i], the path's next step?
  [[nodiscard]] bool on_path(std::size_t o, const ViaPath& path, std::size_t i) const {
    return arcs_[o].way == path.step_ways[i] && osm_ids_[head(o)] == path.nodes[i + 1];
  }

  // The arcs of the from way into the graph nodes of the path's first node.
  Level entries(std::int64_t first, std::int64_t from_way) {
    Level level;
    const auto it = by_osm_id_.find(first);
    if (it == by_osm_id_.end()) return level;
    for (const std::uint32_t v : it->second) {
      for (const std::size_t a : live(links(v).in)) {
        if (arcs_[a].way == from_way) level[v].push_back(a);
      }
    }
    return level;
  }

  // Follows the path through the graph as it is, without changing it: it must be drivable
  // from the from way to an exit onto the to way. Not supported: a path that passes a node
  // twice, or one with an arc of the from way from one of its nodes into its first node
  // (the path could then start again inside its own copy, which this method does not do).
  Outcome dry_run(const ViaPath& path, const ViaWayRestriction& restriction) {
    std::vector<std::int64_t> nodes = path.nodes;
    std::sort(nodes.begin(), nodes.end());
    if (std::adjacent_find(nodes.begin(), nodes.end()) != nodes.end()) return Outcome::kUnsupported;
    Level level = entries(path.nodes[0], restriction.from_way);
    for (std::size_t i = 0;; ++i) {
      if (level.empty()) return Outcome::kNotDrivable;
      Level next;
      for (const auto& [node, arriving] : level) {
        for (const std::size_t o : live(links(node).out)) {
          if (arcs_[o].way == restriction.from_way && osm_ids_[head(o)] == path.nodes[0]) {
            return Outcome::kUnsupported;
          }
          if (i + 1 < path.nodes.size() && on_path(o, path, i)) next[head(o)].push_back(o);
        }
      }
      if (i + 1 == path.nodes.size()) break;
      level = std::move(next);
    }
    for (const auto& [node, arriving] : level) {
      for (const std::size_t o : live(links(node).out)) {
        if (arcs_[o].way == restriction.to_way) return Outcome::kApplied;
      }
    }
    return Outcome::kNotDrivable;
  }

  // A new graph node at `v`'s place with copies of `v`'s arcs out; nothing arrives there yet.
  std::uint32_t copy_node(std::uint32_t v) {
    const auto copy = static_cast<std::uint32_t>(coordinates_.size());
    coordinates_.push_back(coordinates_[v]);
    osm_ids_.push_back(osm_ids_[v]);
    slot_.push_back(kUntracked);
    track(copy);
    ++nodes_added_;
    for (const std::size_t o : live(links(v).out)) {
      WayArc exit = arcs_[o];
      exit.arc.tail = NodeId(copy);
      const std::size_t index = arcs_.size();
      arcs_.push_back(exit);
      removed_.push_back(false);
      links(copy).out.push_back(index);
      if (tracked(head(index))) links(head(index)).in.push_back(index);
    }
    return copy;
  }

  void redirect(std::size_t arc, std::uint32_t new_head) {
    auto& old_in = links(head(arc)).in;
    old_in.erase(std::find(old_in.begin(), old_in.end(), arc));
    arcs_[arc].arc.head = NodeId(new_head);
    links(new_head).in.push_back(arc);
  }

  std::vector<WayArc>& arcs_;
  std::vector<LatLon>& coordinates_;
  std::vector<std::int64_t>& osm_ids_;
  std::vector<bool> removed_;        // per arc
  std::vector<std::uint32_t> slot_;  // per graph node: index into links_, or kUntracked
  std::vector<Links> links_;         // per tracked node
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> by_osm_id_;  // tracked nodes
  std::size_t nodes_added_ = 0;
};

}  // namespace

ViaWayReport apply_via_way_restrictions(const std::vector<ResolvedViaWay>& restrictions,
                                        std::vector<WayArc>& arcs, std::vector<LatLon>& coordinates,
                                        std::vector<std::int64_t>& osm_ids) {
  ViaWayReport report;
  if (restrictions.empty()) return report;
  std::unordered_set<std::int64_t> path_nodes;
  for (const ResolvedViaWay& r : restrictions) {
    for (const ViaPath& path : r.readings) path_nodes.insert(path.nodes.begin(), path.nodes.end());
  }
  PathCopier copier(arcs, coordinates, osm_ids, path_nodes);
  for (const ResolvedViaWay& r : restrictions) {
    bool applied = false, unsupported = false;
    for (const ViaPath& path : r.readings) {
      const PathCopier::Outcome outcome = copier.apply(path, r.restriction);
      applied |= outcome == PathCopier::Outcome::kApplied;
      unsupported |= outcome == PathCopier::Outcome::kUnsupported;
    }
    if (applied) {
      ++report.applied;
    } else if (unsupported) {
      ++report.unsupported;
    } else {
      ++report.not_found;
    }
  }
  copier.finish();
  report.nodes_added = copier.nodes_added();
  return report;
}

}  // namespace shouwang::osm::import
