#pragma once
// The roads the simulated units drive on: the imported road graph, its contraction
// hierarchy and its snapping index, read from a data directory as `shouwang import-osm`
// writes it (road_graph.swg, contraction.swc, snap_index.sws). Immutable once loaded and
// safe to share between threads; the graph sits at a fixed address, which the snapping
// index refers to, so a RoadNetwork is handed around by reference or unique_ptr.

#include <filesystem>
#include <memory>

#include <shouwang/base/result.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::sim {

class RoadNetwork {
 public:
  // Reads the three files of `data_dir`. A missing, corrupt or stale file is an error
  // naming it (kNotFound, kCorrupt, kInvalidArgument as the readers report them).
  static Result<std::unique_ptr<RoadNetwork>> load(const std::filesystem::path& data_dir);
  // Adopts a graph and its hierarchy built in memory and makes the snapping index (tests).
  static std::unique_ptr<RoadNetwork> adopt(routing::RoadGraph graph,
                                            routing::ContractionHierarchy hierarchy);

  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;
  ~RoadNetwork();

  [[nodiscard]] const routing::RoadGraph& graph() const { return *graph_; }
  [[nodiscard]] const routing::ContractionHierarchy& hierarchy() const { return *hierarchy_; }
  [[nodiscard]] const routing::SnapIndex& snaps() const { return *snaps_; }

 private:
  RoadNetwork() = default;

  std::unique_ptr<routing::RoadGraph> graph_;
  std::unique_ptr<routing::ContractionHierarchy> hierarchy_;
  std::unique_ptr<routing::SnapIndex> snaps_;
};

}  // namespace shouwang::sim
