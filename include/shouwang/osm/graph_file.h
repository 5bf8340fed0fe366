#pragma once
// The road graph file (`road_graph.swg` in a data directory): the imported graph with the
// OSM id of every node. Format in docs/formats/road-graph.md: magic, version, counts,
// arrays, CRC-32. Written to a temporary name and renamed, so a reader never sees half.

#include <cstdint>
#include <string>
#include <vector>

#include <shouwang/routing/road_graph.h>

namespace shouwang::osm {

inline constexpr std::uint32_t kGraphFileVersion = 1;
inline constexpr const char* kGraphFileName = "road_graph.swg";

struct GraphFileContents {
  routing::RoadGraph graph;
  std::vector<std::int64_t> osm_node_ids;
  bool emergency_profile = false;
};

Status write_graph_file(const std::string& path, const GraphFileContents& contents);

// kNotFound: missing; kCorrupt: wrong magic, truncated, checksum or structure broken;
// kInvalidArgument: written by another format version. Messages name the file.
Result<GraphFileContents> read_graph_file(const std::string& path);

}  // namespace shouwang::osm
