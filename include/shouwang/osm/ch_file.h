#pragma once
// The contraction hierarchy file (`contraction.swc` in a data directory), bound to the road
// graph it was built from by a fingerprint of that graph. Format in
// docs/formats/contraction-hierarchy.md: magic, version, fingerprint, arrays, CRC-32.

#include <cstdint>
#include <string>

#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::osm {

inline constexpr std::uint32_t kChFileVersion = 1;
inline constexpr const char* kChFileName = "contraction.swc";

// CRC-32 over the graph's structure and travel times: what the hierarchy depends on.
std::uint32_t graph_fingerprint(const routing::RoadGraph& graph);

Status write_ch_file(const std::string& path, const routing::ContractionHierarchy& ch, const routing::RoadGraph& graph);

// kNotFound, kCorrupt (magic, checksum, sizes, structure), kInvalidArgument (another format
// version, or a hierarchy of a different graph). Messages name the file.
Result<routing::ContractionHierarchy> read_ch_file(const std::string& path, const routing::RoadGraph& graph);

}  // namespace shouwang::osm
