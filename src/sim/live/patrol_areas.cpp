#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <shouwang/routing/components.h>
#include <shouwang/sim/patrol_areas.h>

namespace shouwang::sim {

PatrolAreas PatrolAreas::build(const routing::RoadGraph& graph, const osm::Jurisdictions& org) {
  PatrolAreas areas;
  std::unordered_map<std::string_view, std::uint32_t> index;
  for (const osm::OrgUnit& unit : org.units()) {
    if (unit.level != osm::OrgLevel::kStation)
      continue;
    index.emplace(unit.code, static_cast<std::uint32_t>(areas.codes_.size()));
    areas.codes_.push_back(unit.code);
  }
  const std::size_t n = graph.node_count();
  areas.area_of_.assign(n, kNoArea);
  std::vector<std::uint32_t> count(areas.codes_.size(), 0);
  for (std::size_t v = 0; v < n; ++v) {
    const std::string_view station =
        org.station_at(graph.coordinate(NodeId(static_cast<std::uint32_t>(v))));
    if (station.empty())
      continue;
    const auto found = index.find(station);
    if (found == index.end())
      continue;
    areas.area_of_[v] = found->second;
    ++count[found->second];
  }
  areas.first_.assign(areas.codes_.size() + 1, 0);
  for (std::size_t a = 0; a < count.size(); ++a)
    areas.first_[a + 1] = areas.first_[a] + count[a];
  areas.nodes_.resize(areas.first_.back());
  std::vector<std::uint32_t> next(areas.first_.begin(), areas.first_.end() - 1);
  for (std::size_t v = 0; v < n; ++v) {
    const std::uint32_t a = areas.area_of_[v];
    if (a != kNoArea)
      areas.nodes_[next[a]++] = NodeId(static_cast<std::uint32_t>(v));
  }
  // Each area's largest piece that is strongly connected by the area's own roads.
  areas.patrol_node_.assign(n, false);
  areas.patrol_first_.assign(areas.codes_.size() + 1, 0);
  std::vector<bool> keep(n, false);
  std::vector<NodeId> old_to_new;
  for (std::uint32_t a = 0; a < areas.codes_.size(); ++a) {
    const auto members = areas.nodes(a);
    for (const NodeId v : members)
      keep[v.value()] = true;
    const routing::RoadGraph inside = routing::induced_subgraph(graph, keep, old_to_new);
    const routing::ComponentSplit split = routing::largest_strongly_connected(inside);
    for (const NodeId v : members) {
      keep[v.value()] = false;
      const NodeId local = old_to_new[v.value()];
      if (split.largest_size > 1 && local.valid() && split.in_largest[local.value()]) {
        areas.patrol_node_[v.value()] = true;
        areas.patrol_nodes_.push_back(v);
      }
    }
    areas.patrol_first_[a + 1] = static_cast<std::uint32_t>(areas.patrol_nodes_.size());
  }
  return areas;
}

std::uint32_t PatrolAreas::find(const std::string& code) const {
  const auto at = std::find(codes_.begin(), codes_.end(), code);
  return at == codes_.end() ? kNoArea : static_cast<std::uint32_t>(at - codes_.begin());
}

}  // namespace shouwang::sim
