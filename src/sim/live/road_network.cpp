#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>
#include <shouwang/sim/road_network.h>

namespace shouwang::sim {

RoadNetwork::~RoadNetwork() = default;

Result<std::unique_ptr<RoadNetwork>> RoadNetwork::load(const std::filesystem::path& data_dir) {
  auto graph = osm::read_graph_file((data_dir / osm::kGraphFileName).string());
  if (!graph)
    return graph.error();
  std::unique_ptr<RoadNetwork> network(new RoadNetwork());
  network->graph_ = std::make_unique<routing::RoadGraph>(std::move(graph->graph));
  auto hierarchy = osm::read_ch_file((data_dir / osm::kChFileName).string(), *network->graph_);
  if (!hierarchy)
    return hierarchy.error();
  network->hierarchy_ =
      std::make_unique<routing::ContractionHierarchy>(std::move(hierarchy).value());
  auto snaps = osm::read_snap_file((data_dir / osm::kSnapFileName).string(), *network->graph_);
  if (!snaps)
    return snaps.error();
  network->snaps_ = std::make_unique<routing::SnapIndex>(std::move(snaps).value());
  return network;
}

std::unique_ptr<RoadNetwork> RoadNetwork::adopt(routing::RoadGraph graph,
                                                routing::ContractionHierarchy hierarchy) {
  std::unique_ptr<RoadNetwork> network(new RoadNetwork());
  network->graph_ = std::make_unique<routing::RoadGraph>(std::move(graph));
  network->hierarchy_ = std::make_unique<routing::ContractionHierarchy>(std::move(hierarchy));
  network->snaps_ = std::make_unique<routing::SnapIndex>(*network->graph_);
  return network;
}

}  // namespace shouwang::sim
