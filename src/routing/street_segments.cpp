#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <shouwang/routing/street_segments.h>

namespace shouwang::routing {
namespace {

// The graph's nodes merged by position: one id per distinct coordinate.
struct Positions {
  std::vector<std::uint32_t> of_node;
  std::vector<LatLon> where;
};

Positions merge_positions(const RoadGraph& graph) {
  Positions out;
  out.of_node.resize(graph.node_count());
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  index.reserve(graph.node_count());
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    const LatLon p = graph.coordinate(NodeId(v));
    // Coordinates are stored to 1e-7 degrees; their fixed-point pair is the key.
    const auto lat = static_cast<std::uint64_t>(
        static_cast<std::int64_t>(std::llround(p.lat * 1e7)) & 0xFFFFFFFF);
    const auto lon = static_cast<std::uint64_t>(
        static_cast<std::int64_t>(std::llround(p.lon * 1e7)) & 0xFFFFFFFF);
    const auto [it, fresh] =
        index.emplace(lat << 32 | lon, static_cast<std::uint32_t>(out.where.size()));
    if (fresh)
      out.where.push_back(p);
    out.of_node[v] = it->second;
  }
  return out;
}

// The undirected pieces between positions, each once, and the arcs over them.
struct Pieces {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;  // (lower, higher) position
  std::vector<std::uint32_t> of_arc;                          // kNoSegment: a piece of zero length
  std::vector<std::vector<std::uint32_t>> at;                 // per position: its pieces
};

Pieces collect_pieces(const RoadGraph& graph, const Positions& positions) {
  Pieces out;
  out.of_arc.assign(graph.arc_count(), kNoSegment);
  out.at.resize(positions.where.size());
  std::unordered_map<std::uint64_t, std::uint32_t> index;
  for (std::uint32_t v = 0; v < graph.node_count(); ++v) {
    for (ArcId a = graph.begin_out(NodeId(v)); a != graph.end_out(NodeId(v));
         a = ArcId(a.value() + 1)) {
      std::uint32_t p = positions.of_node[v];
      std::uint32_t q = positions.of_node[graph.head(a).value()];
      if (p == q)
        continue;
      if (p > q)
        std::swap(p, q);
      const auto [it, fresh] =
          index.emplace(std::uint64_t{p} << 32 | q, static_cast<std::uint32_t>(out.ends.size()));
      if (fresh) {
        out.ends.emplace_back(p, q);
        out.at[p].push_back(it->second);
        out.at[q].push_back(it->second);
      }
      out.of_arc[a.value()] = it->second;
    }
  }
  return out;
}

std::uint32_t other_end(const std::pair<std::uint32_t, std::uint32_t>& ends, std::uint32_t from) {
  return ends.first == from ? ends.second : ends.first;
}

}  // namespace

StreetSegments street_segments(const RoadGraph& graph) {
  const Positions positions = merge_positions(graph);
  const Pieces pieces = collect_pieces(graph, positions);
  const auto through = [&](std::uint32_t position) { return pieces.at[position].size() == 2; };

  StreetSegments out;
  std::vector<std::uint32_t> segment_of_piece(pieces.ends.size(), kNoSegment);
  std::vector<std::vector<std::uint32_t>> ending_at(positions.where.size());
  // Walks from `start` along `first` through positions where two pieces meet, until a
  // junction, a dead end, or a piece already taken (back round a ring).
  const auto walk = [&](std::uint32_t start, std::uint32_t first) {
    const auto id = static_cast<std::uint32_t>(out.lines.size());
    std::vector<LatLon> line{positions.where[start]};
    double length = 0;
    std::uint32_t at = start;
    std::uint32_t piece = first;
    while (piece != kNoSegment && segment_of_piece[piece] == kNoSegment) {
      segment_of_piece[piece] = id;
      const std::uint32_t next = other_end(pieces.ends[piece], at);
      length += haversine_distance(positions.where[at], positions.where[next]).value();
      line.push_back(positions.where[next]);
      at = next;
      piece = kNoSegment;
      if (through(at)) {
        for (const std::uint32_t candidate : pieces.at[at])
          if (segment_of_piece[candidate] == kNoSegment)
            piece = candidate;
      }
    }
    ending_at[start].push_back(id);
    if (at != start)
      ending_at[at].push_back(id);
    out.lines.push_back(std::move(line));
    out.length_m.push_back(length);
  };
  for (std::uint32_t p = 0; p < positions.where.size(); ++p) {
    if (through(p))
      continue;
    for (const std::uint32_t piece : pieces.at[p])
      if (segment_of_piece[piece] == kNoSegment)
        walk(p, piece);
  }
  // What is left are rings where every position is a through position.
  for (std::uint32_t piece = 0; piece < pieces.ends.size(); ++piece)
    if (segment_of_piece[piece] == kNoSegment)
      walk(pieces.ends[piece].first, piece);

  out.of_arc.assign(graph.arc_count(), kNoSegment);
  for (std::size_t a = 0; a < graph.arc_count(); ++a)
    if (pieces.of_arc[a] != kNoSegment)
      out.of_arc[a] = segment_of_piece[pieces.of_arc[a]];
  for (std::vector<std::uint32_t>& ends : ending_at) {
    std::sort(ends.begin(), ends.end());
    ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
    for (std::size_t i = 0; i < ends.size(); ++i)
      for (std::size_t j = i + 1; j < ends.size(); ++j)
        out.neighbours.emplace_back(ends[i], ends[j]);
  }
  std::sort(out.neighbours.begin(), out.neighbours.end());
  out.neighbours.erase(std::unique(out.neighbours.begin(), out.neighbours.end()),
                       out.neighbours.end());
  return out;
}

}  // namespace shouwang::routing
