#include "osm/citygen/noder.h"

#include <shouwang/base/disjoint_sets.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shouwang::osm::citygen {
namespace {

constexpr double kCell = 50.0;      // spatial grid for finding crossing candidates
constexpr double kSnap = 0.10;      // a crossing this close to a vertex uses the vertex
constexpr double kTrim = 12.0;      // dangling end segments shorter than this are overshoot

struct Segment {
  std::uint32_t way;
  std::uint32_t index;  // segment i joins nodes[i] and nodes[i + 1]
};

struct Insertion {
  std::uint32_t way;
  std::uint32_t segment;
  double t;
  std::uint32_t node;
};

double cross(Xy a, Xy b) { return a.x * b.y - a.y * b.x; }

std::int64_t cell_of(double v) { return static_cast<std::int64_t>(std::floor(v / kCell)); }

std::uint64_t cell_key(std::int64_t cx, std::int64_t cy) {
  return (static_cast<std::uint64_t>(cx + (1 << 30)) << 32) | static_cast<std::uint64_t>(cy + (1 << 30));
}

}  // namespace

RoadNetwork node_roads(const std::vector<Road>& roads) {
  RoadNetwork net;
  std::vector<std::vector<std::uint32_t>> ways(roads.size());
  for (std::size_t r = 0; r < roads.size(); ++r) {
    for (const Xy& p : roads[r].points) {
      const std::uint32_t id = net.nodes.intern(p);
      if (ways[r].empty() || ways[r].back() != id) ways[r].push_back(id);
    }
  }

  // Candidate pairs: segments sharing a grid cell.
  std::vector<Segment> segments;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> in_cell;
  for (std::uint32_t w = 0; w < ways.size(); ++w) {
    for (std::uint32_t i = 0; i + 1 < ways[w].size(); ++i) {
      const Xy a = net.nodes.xy(ways[w][i]);
      const Xy b = net.nodes.xy(ways[w][i + 1]);
      const auto seg = static_cast<std::uint32_t>(segments.size());
      segments.push_back({w, i});
      for (std::int64_t cx = cell_of(std::min(a.x, b.x)); cx <= cell_of(std::max(a.x, b.x)); ++cx) {
        for (std::int64_t cy = cell_of(std::min(a.y, b.y)); cy <= cell_of(std::max(a.y, b.y)); ++cy) {
          in_cell.emplace_back(cell_key(cx, cy), seg);
        }
      }
    }
  }
  std::sort(in_cell.begin(), in_cell.end());

  DisjointSets merged;
  std::vector<Insertion> insertions;
  auto ends = [&](const Segment& s) {
    const auto& nodes = ways[s.way];
    return std::pair{nodes[s.index], nodes[s.index + 1]};
  };
  for (std::size_t lo = 0; lo < in_cell.size();) {
    std::size_t hi = lo;
    while (hi < in_cell.size() && in_cell[hi].first == in_cell[lo].first) ++hi;
    const std::uint64_t key = in_cell[lo].first;
    for (std::size_t x = lo; x < hi; ++x) {
      for (std::size_t y = x + 1; y < hi; ++y) {
        const Segment& s1 = segments[in_cell[x].second];
        const Segment& s2 = segments[in_cell[y].second];
        if (roads[s1.way].level != roads[s2.way].level) continue;
        const auto [a0, a1] = ends(s1);
        const auto [b0, b1] = ends(s2);
        if (a0 == b0 || a0 == b1 || a1 == b0 || a1 == b1) continue;
        const Xy p0 = net.nodes.xy(a0), p1 = net.nodes.xy(a1);
        const Xy q0 = net.nodes.xy(b0), q1 = net.nodes.xy(b1);
        // Test each pair once: in the cell holding the lower-left corner of the overlap
        // of their bounding boxes.
        const double ox = std::max(std::min(p0.x, p1.x), std::min(q0.x, q1.x));
        const double oy = std::max(std::min(p0.y, p1.y), std::min(q0.y, q1.y));
        if (cell_key(cell_of(ox), cell_of(oy)) != key) continue;
        const Xy r{p1.x - p0.x, p1.y - p0.y};
        const Xy s{q1.x - q0.x, q1.y - q0.y};
        const double denom = cross(r, s);
        if (std::abs(denom) < 1e-9) continue;
        const Xy qp{q0.x - p0.x, q0.y - p0.y};
        const double t = cross(qp, s) / denom;
        const double u = cross(qp, r) / denom;
        const double len_r = std::hypot(r.x, r.y);
        const double len_s = std::hypot(s.x, s.y);
        const double tol_t = kSnap / len_r;
        const double tol_u = kSnap / len_s;
        if (t < -tol_t || t > 1 + tol_t || u < -tol_u || u > 1 + tol_u) continue;
        const Xy hit{p0.x + r.x * t, p0.y + r.y * t};
        constexpr std::int64_t kNone = -1;
        const std::int64_t snap_a = t * len_r < kSnap ? std::int64_t{a0} : ((1 - t) * len_r < kSnap ? std::int64_t{a1} : kNone);
        const std::int64_t snap_b = u * len_s < kSnap ? std::int64_t{b0} : ((1 - u) * len_s < kSnap ? std::int64_t{b1} : kNone);
        if (snap_a >= 0 && snap_b >= 0) {
          merged.join(static_cast<std::uint32_t>(snap_a), static_cast<std::uint32_t>(snap_b));
        } else if (snap_a >= 0) {
          insertions.push_back({s2.way, s2.index, u, static_cast<std::uint32_t>(snap_a)});
        } else if (snap_b >= 0) {
          insertions.push_back({s1.way, s1.index, t, static_cast<std::uint32_t>(snap_b)});
        } else {
          const std::uint32_t node = net.nodes.intern(hit);
          insertions.push_back({s1.way, s1.index, t, node});
          insertions.push_back({s2.way, s2.index, u, node});
          ++net.crossings;
        }
      }
    }
    lo = hi;
  }
  std::sort(insertions.begin(), insertions.end(), [](const Insertion& a, const Insertion& b) {
    if (a.way != b.way) return a.way < b.way;
    if (a.segment != b.segment) return a.segment < b.segment;
    if (a.t != b.t) return a.t < b.t;
    return a.node < b.node;
  });

  // Rebuild every way with its crossings in order, then resolve merged nodes.
  std::size_t next = 0;
  for (std::uint32_t w = 0; w < ways.size(); ++w) {
    std::vector<std::uint32_t> rebuilt;
    auto push = [&rebuilt, &merged](std::uint32_t id) {
      id = merged.find(id);
      if (rebuilt.empty() || rebuilt.back() != id) rebuilt.push_back(id);
    };
    for (std::uint32_t i = 0; i < ways[w].size(); ++i) {
      push(ways[w][i]);
      while (next < insertions.size() && insertions[next].way == w && insertions[next].segment == i) {
        push(insertions[next].node);
        ++next;
      }
    }
    ways[w] = std::move(rebuilt);
  }

  // Trim overshooting ends back to the crossing they were drawn to reach.
  std::vector<std::uint32_t> uses(net.nodes.size(), 0);
  auto closed = [](const std::vector<std::uint32_t>& n) { return n.size() > 2 && n.front() == n.back(); };
  for (const auto& nodes : ways) {
    for (std::size_t i = closed(nodes) ? 1 : 0; i < nodes.size(); ++i) ++uses[nodes[i]];
  }
  for (std::uint32_t w = 0; w < ways.size(); ++w) {
    auto& nodes = ways[w];
    if (roads[w].level != Level::kGround || closed(nodes)) continue;
    auto short_end = [&](std::uint32_t end, std::uint32_t inner) {
      return uses[end] == 1 && distance(net.nodes.xy(end), net.nodes.xy(inner)) < kTrim;
    };
    while (nodes.size() > 2 && short_end(nodes.back(), nodes[nodes.size() - 2])) {
      --uses[nodes.back()];
      nodes.pop_back();
    }
    std::size_t drop = 0;
    while (nodes.size() - drop > 2 && short_end(nodes[drop], nodes[drop + 1])) {
      --uses[nodes[drop]];
      ++drop;
    }
    nodes.erase(nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(drop));
  }

  // Keep the largest connected part.
  DisjointSets parts;
  for (const auto& nodes : ways) {
    for (std::size_t i = 1; i < nodes.size(); ++i) parts.join(nodes[0], nodes[i]);
  }
  std::vector<std::uint32_t> part_size(net.nodes.size(), 0);
  for (std::uint32_t id = 0; id < net.nodes.size(); ++id) {
    if (uses[id] > 0) ++part_size[parts.find(id)];
  }
  const auto largest = static_cast<std::uint32_t>(
      std::max_element(part_size.begin(), part_size.end()) - part_size.begin());

  // Compact: renumber the kept nodes in order of first use.
  RoadNetwork out;
  out.crossings = net.crossings;
  std::vector<std::uint32_t> renumber(net.nodes.size(), UINT32_MAX);
  for (std::uint32_t w = 0; w < ways.size(); ++w) {
    const auto& nodes = ways[w];
    if (nodes.size() < 2 || parts.find(nodes[0]) != largest) {
      ++out.dropped_ways;
      continue;
    }
    NodedWay way{w, {}};
    for (std::uint32_t id : nodes) {
      if (renumber[id] == UINT32_MAX) renumber[id] = out.nodes.intern(net.nodes.xy(id));
      way.nodes.push_back(renumber[id]);
    }
    out.ways.push_back(std::move(way));
  }
  return out;
}

}  // namespace shouwang::osm::citygen
