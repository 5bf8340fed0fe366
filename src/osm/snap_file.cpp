#include <shouwang/osm/snap_file.h>

#include <utility>
#include <vector>

#include <shouwang/osm/ch_file.h>

#include "osm/binary_io.h"

namespace shouwang::osm {
namespace {

constexpr char kMagic[8] = {'S', 'W', 'S', 'N', 'A', 'P', '\0', '\0'};

static_assert(sizeof(ArcId) == sizeof(std::uint32_t));
static_assert(sizeof(LatLon) == 2 * sizeof(double));

// What a snapping index depends on: the graph's structure and, unlike a contraction
// hierarchy, its node positions. The CH file's fingerprint carried on over the coordinates
// (as the doubles in memory, which a graph read from its file reproduces exactly).
std::uint32_t snap_fingerprint(const routing::RoadGraph& graph) {
  return binary::crc32_of(graph.coordinates(), graph_fingerprint(graph));
}

}  // namespace

Status write_snap_file(const std::string& path, const routing::SnapIndex& index) {
  const routing::RoadGraph& graph = index.graph();
  const routing::SnapGrid grid = index.grid();
  binary::ByteWriter w;
  w.put_array(kMagic, sizeof kMagic);
  w.put(kSnapFileVersion);
  w.put(snap_fingerprint(graph));
  w.put(static_cast<std::uint64_t>(graph.node_count()));
  w.put(static_cast<std::uint64_t>(graph.arc_count()));
  w.put(grid.origin.lat);
  w.put(grid.origin.lon);
  w.put(grid.cell_metres);
  w.put(grid.min_x);
  w.put(grid.min_y);
  w.put(grid.columns);
  w.put(grid.rows);
  w.put(static_cast<std::uint64_t>(index.cell_arcs().size()));
  w.put_array(index.cell_first().data(), index.cell_first().size());
  w.put_array(index.cell_arcs().data(), index.cell_arcs().size());
  w.seal();
  return binary::write_file_atomically(path, w.bytes());
}

Result<routing::SnapIndex> read_snap_file(const std::string& path,
                                          const routing::RoadGraph& graph) {
  auto bytes = binary::read_sealed_file(path, kMagic, kSnapFileVersion, "snapping index",
                                        "import the OSM file again with shouwang import-osm: "
                                        "directories written by older versions lack it");
  if (!bytes)
    return bytes.error();
  binary::ByteReader r(*bytes, bytes->size() - sizeof(std::uint32_t));
  char magic[8];
  std::uint32_t version = 0, fingerprint = 0;
  std::uint64_t n = 0, m = 0, listed = 0;
  routing::SnapGrid grid;
  for (char& c : magic)
    r.get(c);
  r.get(version);
  const bool header = r.get(fingerprint) && r.get(n) && r.get(m) && r.get(grid.origin.lat) &&
                      r.get(grid.origin.lon) && r.get(grid.cell_metres) && r.get(grid.min_x) &&
                      r.get(grid.min_y) && r.get(grid.columns) && r.get(grid.rows) && r.get(listed);
  if (!header)
    return Error(Errc::kCorrupt, path + ": the file ends inside its header");
  if (fingerprint != snap_fingerprint(graph) || n != graph.node_count() || m != graph.arc_count()) {
    return Error(Errc::kInvalidArgument,
                 path + " was built for another road graph: import the OSM file again");
  }
  std::vector<std::uint32_t> cell_first;
  std::vector<ArcId> cell_arcs;
  const std::uint64_t cells = std::uint64_t{grid.columns} * grid.rows;
  if (!r.get_array(cell_first, cells + 1) || !r.get_array(cell_arcs, listed) || !r.at_end()) {
    return Error(Errc::kCorrupt, path + ": sizes do not match the counts in the file");
  }
  auto index =
      routing::SnapIndex::from_arrays(graph, grid, std::move(cell_first), std::move(cell_arcs));
  if (!index)
    return Error(Errc::kCorrupt, path + ": " + index.error().message);
  return std::move(index).value();
}

}  // namespace shouwang::osm
