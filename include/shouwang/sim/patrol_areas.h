#pragma once
// The station areas (派出所辖区) as sets of road-graph nodes: which station's area holds
// each node, and each area's nodes. A unit patrols the roads of its own station's area.
//
// An area's roads need not all connect within it (one-way streets leaving it, a piece cut
// off by the river), so each area also has its patrol nodes: its largest strongly
// connected piece, counting only roads inside the area. From any patrol node a unit can
// reach every other one without leaving the area, and every node on such a route is a
// patrol node too, so a unit that starts there patrols there for good.
//
// Built once from the organisation tree; immutable and safe to share between threads.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <shouwang/base/ids.h>
#include <shouwang/osm/jurisdictions.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::sim {

class PatrolAreas {
 public:
  static constexpr std::uint32_t kNoArea = 0xFFFFFFFFu;

  // One area per station of `org` (in the tree's order: by code), each holding the nodes
  // station_at() puts in it. Linear in the nodes, one point-in-area test each.
  static PatrolAreas build(const routing::RoadGraph& graph, const osm::Jurisdictions& org);

  [[nodiscard]] std::size_t size() const { return codes_.size(); }
  [[nodiscard]] const std::string& code(std::uint32_t area) const { return codes_[area]; }
  // kNoArea for a node outside every station's area.
  [[nodiscard]] std::uint32_t area_of(NodeId node) const { return area_of_[node.value()]; }
  [[nodiscard]] std::span<const NodeId> nodes(std::uint32_t area) const {
    return {nodes_.data() + first_[area], nodes_.data() + first_[area + 1]};
  }
  // The area's patrol nodes (see above); a subset of nodes(area).
  [[nodiscard]] std::span<const NodeId> patrol_nodes(std::uint32_t area) const {
    return {patrol_nodes_.data() + patrol_first_[area],
            patrol_nodes_.data() + patrol_first_[area + 1]};
  }
  [[nodiscard]] bool is_patrol_node(NodeId node) const { return patrol_node_[node.value()]; }
  // The area with this station code; kNoArea when there is none.
  [[nodiscard]] std::uint32_t find(const std::string& code) const;

 private:
  std::vector<std::string> codes_;
  std::vector<std::uint32_t> area_of_;  // per node
  std::vector<std::uint32_t> first_;    // CSR over areas into nodes_
  std::vector<NodeId> nodes_;
  std::vector<bool> patrol_node_;            // per node
  std::vector<std::uint32_t> patrol_first_;  // CSR over areas into patrol_nodes_
  std::vector<NodeId> patrol_nodes_;
};

}  // namespace shouwang::sim
