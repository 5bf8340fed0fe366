#pragma once
// The road network of a city data directory as `shouwang import-osm` wrote it: the graph,
// its snapping index and, when asked for, its contraction hierarchy. Not movable (the
// index and the hierarchy refer to the graph), hence held by pointer.

#include <filesystem>
#include <memory>
#include <optional>

#include <shouwang/base/result.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::sim::calls {

struct RoadNetwork {
  osm::GraphFileContents file;
  std::optional<routing::SnapIndex> snap;
  std::optional<routing::ContractionHierarchy> hierarchy;  // only when loaded with_hierarchy

  RoadNetwork() = default;
  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;
  [[nodiscard]] const routing::RoadGraph& graph() const { return file.graph; }
};

// Errors name the missing or broken file and say to run import-osm.
Result<std::unique_ptr<RoadNetwork>> load_road_network(const std::filesystem::path& data_dir,
                                                       bool with_hierarchy);

}  // namespace shouwang::sim::calls
