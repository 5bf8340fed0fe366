#include <shouwang/routing/road_graph.h>

#include <algorithm>
#include <string>

namespace shouwang::routing {

Result<RoadGraph> RoadGraph::build(std::vector<LatLon> coordinates, std::vector<ArcInput> arcs) {
  const std::size_t n = coordinates.size();
  for (std::size_t v = 0; v < n; ++v) {
    if (const auto ok = make_lat_lon(coordinates[v].lat, coordinates[v].lon); !ok) {
      return Error(Errc::kInvalidArgument, "node " + std::to_string(v) + ": " + ok.error().message);
    }
  }
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    const ArcInput& a = arcs[i];
    if (!a.tail.valid() || !a.head.valid() || a.tail.value() >= n || a.head.value() >= n) {
      return Error(Errc::kInvalidArgument, "arc " + std::to_string(i) + " names a node that does not exist");
    }
    if (a.tail == a.head) return Error(Errc::kInvalidArgument, "arc " + std::to_string(i) + " is a self-loop");
  }
  std::stable_sort(arcs.begin(), arcs.end(), [](const ArcInput& a, const ArcInput& b) { return a.tail < b.tail; });
  RoadGraph g;
  g.coordinates_ = std::move(coordinates);
  g.first_out_.assign(n + 1, 0);
  g.head_.reserve(arcs.size());
  g.time_ms_.reserve(arcs.size());
  g.length_dm_.reserve(arcs.size());
  for (const ArcInput& a : arcs) {
    ++g.first_out_[a.tail.value() + 1];
    g.head_.push_back(a.head);
    g.time_ms_.push_back(a.time_ms);
    g.length_dm_.push_back(a.length_dm);
  }
  for (std::size_t v = 0; v < n; ++v) g.first_out_[v + 1] += g.first_out_[v];
  return g;
}

Result<RoadGraph> RoadGraph::from_arrays(std::vector<std::uint32_t> first_out, std::vector<NodeId> head,
                                         std::vector<Weight> time_ms, std::vector<std::uint32_t> length_dm,
                                         std::vector<LatLon> coordinates) {
  RoadGraph g;
  g.first_out_ = std::move(first_out);
  g.head_ = std::move(head);
  g.time_ms_ = std::move(time_ms);
  g.length_dm_ = std::move(length_dm);
  g.coordinates_ = std::move(coordinates);
  if (Status ok = g.check(); !ok) return Error(Errc::kCorrupt, ok.error().message);
  return g;
}

RoadGraph RoadGraph::reversed() const {
  std::vector<ArcInput> arcs;
  arcs.reserve(arc_count());
  for (std::uint32_t v = 0; v < node_count(); ++v) {
    for (std::uint32_t a = first_out_[v]; a < first_out_[v + 1]; ++a) {
      arcs.push_back({head_[a], NodeId(v), time_ms_[a], length_dm_[a]});
    }
  }
  return std::move(build(coordinates_, std::move(arcs))).value();
}

Status RoadGraph::check() const {
  const std::size_t n = coordinates_.size();
  const std::size_t m = head_.size();
  if (first_out_.size() != n + 1) return Error(Errc::kCorrupt, "first_out has " + std::to_string(first_out_.size()) + " entries for " + std::to_string(n) + " nodes");
  if (time_ms_.size() != m || length_dm_.size() != m) return Error(Errc::kCorrupt, "arc arrays differ in length");
  if (first_out_.front() != 0 || first_out_.back() != m) return Error(Errc::kCorrupt, "first_out does not span the arcs");
  for (std::size_t v = 0; v < n; ++v) {
    if (first_out_[v] > first_out_[v + 1]) return Error(Errc::kCorrupt, "first_out decreases at node " + std::to_string(v));
  }
  for (std::size_t a = 0; a < m; ++a) {
    if (!head_[a].valid() || head_[a].value() >= n) return Error(Errc::kCorrupt, "arc " + std::to_string(a) + " points outside the graph");
  }
  return ok_status();
}

}  // namespace shouwang::routing
