#include <shouwang/routing/node_order.h>

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace shouwang::routing {
namespace {

// Position of (x, y) on the Hilbert curve of a 2^16 x 2^16 grid.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y) {
  constexpr std::uint32_t kSide = 1u << 16;
  std::uint64_t d = 0;
  for (std::uint32_t s = kSide / 2; s > 0; s /= 2) {
    const std::uint32_t rx = (x & s) > 0 ? 1 : 0;
    const std::uint32_t ry = (y & s) > 0 ? 1 : 0;
    d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
    if (ry == 0) {  // rotate the quadrant so the curve stays continuous
      if (rx == 1) {
        x = kSide - 1 - x;
        y = kSide - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return d;
}

}  // namespace

std::vector<NodeId> hilbert_order(const RoadGraph& graph) {
  const std::size_t n = graph.node_count();
  double min_lat = 90, max_lat = -90, min_lon = 180, max_lon = -180;
  for (const LatLon& c : graph.coordinates()) {
    min_lat = std::min(min_lat, c.lat), max_lat = std::max(max_lat, c.lat);
    min_lon = std::min(min_lon, c.lon), max_lon = std::max(max_lon, c.lon);
  }
  const double span_lat = std::max(max_lat - min_lat, 1e-9), span_lon = std::max(max_lon - min_lon, 1e-9);
  std::vector<std::uint64_t> key(n);
  for (std::size_t v = 0; v < n; ++v) {
    const LatLon c = graph.coordinate(NodeId(static_cast<std::uint32_t>(v)));
    const auto x = static_cast<std::uint32_t>((c.lon - min_lon) / span_lon * 65535.0);
    const auto y = static_cast<std::uint32_t>((c.lat - min_lat) / span_lat * 65535.0);
    key[v] = hilbert_index(x, y);
  }
  std::vector<std::uint32_t> old_by_position(n);
  std::iota(old_by_position.begin(), old_by_position.end(), 0u);
  std::stable_sort(old_by_position.begin(), old_by_position.end(),
                   [&key](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
  std::vector<NodeId> new_id(n);
  for (std::uint32_t position = 0; position < n; ++position) new_id[old_by_position[position]] = NodeId(position);
  return new_id;
}

RoadGraph renumber(const RoadGraph& graph, const std::vector<NodeId>& new_id) {
  const std::size_t n = graph.node_count();
  std::vector<LatLon> coords(n);
  std::vector<ArcInput> arcs;
  arcs.reserve(graph.arc_count());
  for (std::uint32_t v = 0; v < n; ++v) {
    coords[new_id[v].value()] = graph.coordinate(NodeId(v));
    for (ArcId a = graph.begin_out(NodeId(v)); a < graph.end_out(NodeId(v)); a = ArcId(a.value() + 1)) {
      arcs.push_back({new_id[v], new_id[graph.head(a).value()], graph.time_ms(a), graph.length_dm(a)});
    }
  }
  return std::move(RoadGraph::build(std::move(coords), std::move(arcs))).value();
}

}  // namespace shouwang::routing
