#include "sim/calls/road_network.h"

#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/snap_file.h>

namespace shouwang::sim::calls {
namespace {

Error explained(const Error& e) {
  Error out = e;
  if (e.code == Errc::kNotFound)
    out.message += " (run `shouwang import-osm` on the city file first)";
  return out;
}

}  // namespace

Result<std::unique_ptr<RoadNetwork>> load_road_network(const std::filesystem::path& data_dir,
                                                       bool with_hierarchy) {
  auto roads = std::make_unique<RoadNetwork>();
  auto graph = osm::read_graph_file((data_dir / osm::kGraphFileName).string());
  if (!graph)
    return explained(graph.error());
  roads->file = std::move(graph).value();
  auto snap = osm::read_snap_file((data_dir / osm::kSnapFileName).string(), roads->file.graph);
  if (!snap)
    return explained(snap.error());
  roads->snap.emplace(std::move(snap).value());
  if (with_hierarchy) {
    auto ch = osm::read_ch_file((data_dir / osm::kChFileName).string(), roads->file.graph);
    if (!ch)
      return explained(ch.error());
    roads->hierarchy.emplace(std::move(ch).value());
  }
  return roads;
}

}  // namespace shouwang::sim::calls
