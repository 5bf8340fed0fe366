#pragma once
// The snapping index file (`snap_index.sws` in a data directory): the grid of a
// routing::SnapIndex, bound to the road graph it was built from by a fingerprint of that
// graph's structure, travel times and node positions. Format in
// docs/formats/snap-index.md: magic, version, fingerprint, grid, cell lists, CRC-32.

#include <cstdint>
#include <string>

#include <shouwang/routing/road_graph.h>
#include <shouwang/routing/snap_index.h>

namespace shouwang::osm {

inline constexpr std::uint32_t kSnapFileVersion = 1;
inline constexpr const char* kSnapFileName = "snap_index.sws";

// Writes the index together with the fingerprint of its own graph (index.graph()).
Status write_snap_file(const std::string& path, const routing::SnapIndex& index);

// The index of `graph`, which must outlive it. kNotFound (also for a data directory written
// before the index was stored), kCorrupt (magic, checksum, sizes, structure),
// kInvalidArgument (another format version, or an index of a different graph). Messages
// name the file.
Result<routing::SnapIndex> read_snap_file(const std::string& path, const routing::RoadGraph& graph);

}  // namespace shouwang::osm
