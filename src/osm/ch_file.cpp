#include <shouwang/osm/ch_file.h>

#include "osm/binary_io.h"

namespace shouwang::osm {
namespace {

constexpr char kMagic[8] = {'S', 'W', 'C', 'H', '\0', '\0', '\0', '\0'};

static_assert(sizeof(routing::Rank) == sizeof(std::uint32_t) && sizeof(NodeId) == sizeof(std::uint32_t));

void put_arcs(binary::ByteWriter& w, const routing::ChArcs& arcs) {
  w.put(static_cast<std::uint64_t>(arcs.head.size()));
  w.put_array(arcs.first_out);
  w.put_array(arcs.head);
  w.put_array(arcs.weight);
  w.put_array(arcs.middle);
}

bool get_arcs(binary::ByteReader& r, std::uint64_t n, routing::ChArcs& arcs) {
  std::uint64_t m = 0;
  return r.get(m) && r.get_array(arcs.first_out, n + 1) && r.get_array(arcs.head, m) &&
         r.get_array(arcs.weight, m) && r.get_array(arcs.middle, m);
}

}  // namespace

std::uint32_t graph_fingerprint(const routing::RoadGraph& graph) {
  // The CRC-32 of the three arrays one after the other, without copying them.
  const std::uint32_t crc = binary::crc32_of(graph.first_out());
  return binary::crc32_of(graph.times(), binary::crc32_of(graph.heads(), crc));
}

Status write_ch_file(const std::string& path, const routing::ContractionHierarchy& ch, const routing::RoadGraph& graph) {
  binary::ByteWriter w;
  w.put_array(kMagic, sizeof kMagic);
  w.put(kChFileVersion);
  w.put(graph_fingerprint(graph));
  w.put(static_cast<std::uint64_t>(ch.node_count()));
  w.put_array(ch.order().data(), ch.order().size());
  put_arcs(w, ch.upward());
  put_arcs(w, ch.downward());
  w.seal();
  return binary::write_file_atomically(path, w.bytes());
}

Result<routing::ContractionHierarchy> read_ch_file(const std::string& path, const routing::RoadGraph& graph) {
  auto bytes = binary::read_sealed_file(path, kMagic, kChFileVersion, "contraction hierarchy",
                                        "run shouwang import-osm first");
  if (!bytes) return bytes.error();
  binary::ByteReader r(*bytes, bytes->size() - sizeof(std::uint32_t));
  char magic[8];
  std::uint32_t version = 0, fingerprint = 0;
  std::uint64_t n = 0;
  for (char& c : magic) r.get(c);
  r.get(version);
  r.get(fingerprint);
  r.get(n);
  if (fingerprint != graph_fingerprint(graph) || n != graph.node_count()) {
    return Error(Errc::kInvalidArgument, path + " was built for another road graph: import the OSM file again");
  }
  std::vector<NodeId> order;
  routing::ChArcs up, down;
  if (!r.get_array(order, n) || !get_arcs(r, n, up) || !get_arcs(r, n, down) || !r.at_end()) {
    return Error(Errc::kCorrupt, path + ": sizes do not match the counts in the file");
  }
  auto ch = routing::ContractionHierarchy::from_arrays(std::move(order), std::move(up), std::move(down));
  if (!ch) return Error(Errc::kCorrupt, path + ": " + ch.error().message);
  return std::move(ch).value();
}

}  // namespace shouwang::osm
