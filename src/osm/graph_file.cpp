#include <shouwang/osm/graph_file.h>

#include "osm/binary_io.h"

namespace shouwang::osm {
namespace {

constexpr char kMagic[8] = {'S', 'W', 'R', 'O', 'A', 'D', 'G', '\0'};
constexpr std::uint32_t kFlagEmergency = 1;

static_assert(sizeof(NodeId) == sizeof(std::uint32_t));

}  // namespace

Status write_graph_file(const std::string& path, const GraphFileContents& contents) {
  const routing::RoadGraph& g = contents.graph;
  binary::ByteWriter w;
  w.put_array(kMagic, sizeof kMagic);
  w.put(kGraphFileVersion);
  w.put(contents.emergency_profile ? kFlagEmergency : std::uint32_t{0});
  w.put(static_cast<std::uint64_t>(g.node_count()));
  w.put(static_cast<std::uint64_t>(g.arc_count()));
  w.put_array(g.first_out().data(), g.first_out().size());
  w.put_array(g.heads().data(), g.heads().size());
  w.put_array(g.times().data(), g.times().size());
  w.put_array(g.lengths().data(), g.lengths().size());
  for (const LatLon& c : g.coordinates()) {
    w.put_degrees(c.lat);
    w.put_degrees(c.lon);
  }
  w.put_array(contents.osm_node_ids);
  w.seal();
  return binary::write_file_atomically(path, w.bytes());
}

Result<GraphFileContents> read_graph_file(const std::string& path) {
  auto bytes = binary::read_sealed_file(path, kMagic, kGraphFileVersion, "road graph", "run shouwang import-osm first");
  if (!bytes) return bytes.error();
  auto corrupt = [&path](const std::string& what) { return Error(Errc::kCorrupt, path + ": " + what); };
  binary::ByteReader r(*bytes, bytes->size() - sizeof(std::uint32_t));
  char magic[8];
  std::uint32_t version = 0, flags = 0;
  std::uint64_t n = 0, m = 0;
  for (char& c : magic) r.get(c);
  r.get(version);
  r.get(flags);
  r.get(n);
  r.get(m);
  std::vector<std::uint32_t> first_out, length;
  std::vector<NodeId> head;
  std::vector<routing::Weight> time;
  std::vector<std::int32_t> fixed;
  GraphFileContents contents;
  if (!r.get_array(first_out, n + 1) || !r.get_array(head, m) || !r.get_array(time, m) || !r.get_array(length, m) ||
      !r.get_array(fixed, 2 * n) || !r.get_array(contents.osm_node_ids, n) || !r.at_end()) {
    return corrupt("sizes do not match the counts in the header");
  }
  std::vector<LatLon> coords(n);
  for (std::size_t v = 0; v < n; ++v) coords[v] = {fixed[2 * v] * 1e-7, fixed[2 * v + 1] * 1e-7};
  auto graph = routing::RoadGraph::from_arrays(std::move(first_out), std::move(head), std::move(time),
                                               std::move(length), std::move(coords));
  if (!graph) return corrupt(graph.error().message);
  contents.graph = std::move(graph).value();
  contents.emergency_profile = (flags & kFlagEmergency) != 0;
  return contents;
}

}  // namespace shouwang::osm
