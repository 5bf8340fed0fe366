#pragma once
// OSM file -> dispatch road graph: reads PBF or XML (.osm, .osm.gz, .osm.bz2; objects in
// any order) with libosmium, applies a CarProfile and the turn restrictions (no_* / only_*,
// via a node or via ways), and keeps the largest strongly connected component.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/osm/car_profile.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::osm {

struct ImportReport {
  std::size_t ways_read = 0;
  std::size_t drivable_ways = 0;
  std::size_t missing_node_refs = 0;   // references to nodes absent from the file
  std::int64_t first_missing_way = 0;  // an example, for the message
  std::int64_t first_missing_node = 0;
  std::size_t turn_restrictions = 0;        // applied (via a node or via ways, on drivable roads)
  std::size_t turn_restrictions_unused = 0; // not applied: not on drivable roads, malformed or not joined
  std::size_t nodes_split = 0;              // node copies made to carry the restrictions
  std::size_t nodes_before = 0;        // graph nodes before the component cut
  std::size_t arcs_before = 0;
  std::size_t components_dropped = 0;
  std::size_t nodes_dropped = 0;
  double read_seconds = 0;
  double build_seconds = 0;
};

struct ImportedRoads {
  routing::RoadGraph graph;
  std::vector<std::int64_t> osm_node_ids;  // per graph node
  ImportReport report;
};

// kNotFound: no such file; kCorrupt: libosmium cannot read it (truncated, not OSM);
// kInvalidArgument: it holds no drivable road.
Result<ImportedRoads> import_roads(const std::string& path, const CarProfile& profile);

}  // namespace shouwang::osm
