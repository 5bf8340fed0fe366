#include "routing/synthetic_graphs.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <shouwang/base/geo.h>

namespace shouwang::routing::testing {
namespace {

constexpr double kOriginLat = 31.2;
constexpr double kOriginLon = 121.4;
constexpr double kMetresPerDegreeLat = 111'195.0;

std::vector<LatLon> scattered(Rng& rng, std::uint32_t n) {
  std::vector<LatLon> coords;
  coords.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    coords.push_back(
        LatLon{kOriginLat + rng.uniform(0.0, 0.1), kOriginLon + rng.uniform(0.0, 0.1)});
  }
  return coords;
}

std::uint32_t random_below(Rng& rng, std::uint32_t n) {
  return static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(n) - 1));
}

Weight random_time(Rng& rng, Weight lo, Weight hi) {
  return static_cast<Weight>(rng.uniform_int(lo, hi));
}

RoadGraph built(std::vector<LatLon> coords, std::vector<ArcInput> arcs) {
  return std::move(RoadGraph::build(std::move(coords), std::move(arcs))).value();
}

}  // namespace

RoadGraph random_sparse_graph(Rng& rng, std::uint32_t n, std::uint32_t arc_count) {
  std::vector<ArcInput> arcs;
  if (n >= 2) {
    for (std::uint32_t i = 0; i < arc_count; ++i) {
      const std::uint32_t a = random_below(rng, n);
      std::uint32_t b = random_below(rng, n - 1);
      if (b >= a)
        ++b;
      const Weight t = rng.bernoulli(0.02) ? 0 : random_time(rng, 1, 2000);
      arcs.push_back({NodeId(a), NodeId(b), t, t});
      if (rng.bernoulli(0.25))
        arcs.push_back({NodeId(b), NodeId(a), random_time(rng, 1, 2000), t});
      if (rng.bernoulli(0.05))
        arcs.push_back({NodeId(a), NodeId(b), random_time(rng, 0, 2000), t});
    }
  }
  return built(scattered(rng, n), std::move(arcs));
}

RoadGraph one_way_grid(Rng& rng, std::uint32_t width, std::uint32_t height) {
  const auto id = [width](std::uint32_t x, std::uint32_t y) { return NodeId(y * width + x); };
  // Per street: 0 two-way, 1 one-way increasing, 2 one-way decreasing.
  std::vector<int> row_mode(height), column_mode(width);
  for (int& m : row_mode)
    m = static_cast<int>(rng.uniform_int(0, 5)) < 4 ? 0
                                                    : 1 + static_cast<int>(rng.uniform_int(0, 1));
  for (int& m : column_mode)
    m = static_cast<int>(rng.uniform_int(0, 5)) < 4 ? 0
                                                    : 1 + static_cast<int>(rng.uniform_int(0, 1));
  std::vector<ArcInput> arcs;
  const auto add = [&](NodeId a, NodeId b, int mode) {
    const Weight t = random_time(rng, 50, 500);
    if (mode != 2)
      arcs.push_back({a, b, t, t});
    if (mode != 1)
      arcs.push_back({b, a, t, t});
  };
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      if (x + 1 < width)
        add(id(x, y), id(x + 1, y), row_mode[y]);
      if (y + 1 < height)
        add(id(x, y), id(x, y + 1), column_mode[x]);
    }
  }
  return built(scattered(rng, width * height), std::move(arcs));
}

RoadGraph road_like_graph(std::uint64_t seed, std::uint32_t side) {
  Rng rng(seed);
  constexpr double kSpacing = 200.0;  // metres between intersections
  const double metres_per_degree_lon =
      kMetresPerDegreeLat * std::cos(kOriginLat * std::numbers::pi / 180.0);
  std::vector<double> x, y;
  const auto add_node = [&](double px, double py) {
    x.push_back(px);
    y.push_back(py);
    return static_cast<std::uint32_t>(x.size() - 1);
  };
  for (std::uint32_t j = 0; j < side; ++j) {  // intersections first: node j * side + i
    for (std::uint32_t i = 0; i < side; ++i) {
      add_node(i * kSpacing + rng.uniform(-50.0, 50.0), j * kSpacing + rng.uniform(-50.0, 50.0));
    }
  }
  const auto line_speed = [](std::uint32_t line) {  // m/s
    if (line % 32 == 0)
      return 80.0 / 3.6;
    if (line % 8 == 0)
      return 50.0 / 3.6;
    return 30.0 / 3.6;
  };
  std::vector<ArcInput> arcs;
  arcs.reserve(std::size_t{side} * side * 10);
  // 0 two-way, 1 one-way a → b, 2 one-way b → a.
  const auto add_arc = [&](std::uint32_t a, std::uint32_t b, double speed, int mode) {
    const double metres = std::hypot(x[a] - x[b], y[a] - y[b]);
    const auto time =
        static_cast<Weight>(std::lround(metres / speed * 1000.0 * rng.uniform(1.0, 1.3)));
    const auto length = static_cast<std::uint32_t>(std::lround(metres * 10.0));
    if (mode != 2)
      arcs.push_back({NodeId(a), NodeId(b), time, length});
    if (mode != 1)
      arcs.push_back({NodeId(b), NodeId(a), time, length});
  };
  // A street from intersection a to b, bent through 0–8 shape nodes.
  const auto add_street = [&](std::uint32_t a, std::uint32_t b, double speed, bool may_be_one_way) {
    const int mode =
        may_be_one_way && rng.bernoulli(0.12) ? 1 + static_cast<int>(rng.uniform_int(0, 1)) : 0;
    const auto shape = rng.uniform_int(0, 8);
    std::uint32_t previous = a;
    for (std::int64_t k = 1; k <= shape; ++k) {
      const double f = static_cast<double>(k) / static_cast<double>(shape + 1);
      const std::uint32_t p = add_node(x[a] + f * (x[b] - x[a]) + rng.uniform(-10.0, 10.0),
                                       y[a] + f * (y[b] - y[a]) + rng.uniform(-10.0, 10.0));
      add_arc(previous, p, speed, mode);
      previous = p;
    }
    add_arc(previous, b, speed, mode);
  };
  for (std::uint32_t j = 0; j < side; ++j) {
    for (std::uint32_t i = 0; i < side; ++i) {
      const std::uint32_t v = j * side + i;
      if (i + 1 < side) {  // along row j
        const bool major = j % 8 == 0;
        if (major || rng.bernoulli(0.85))
          add_street(v, v + 1, line_speed(j), !major);
      }
      if (j + 1 < side) {  // along column i
        const bool major = i % 8 == 0;
        if (major || rng.bernoulli(0.85))
          add_street(v, v + side, line_speed(i), !major);
      }
      if (i + 1 < side && j + 1 < side && rng.bernoulli(0.04))
        add_street(v, v + side + 1, 25.0 / 3.6, true);
      if (rng.bernoulli(0.15)) {  // a dead-end lane of 1–3 nodes
        std::uint32_t previous = v;
        const double dx = rng.uniform(-60.0, 60.0), dy = rng.uniform(-60.0, 60.0);
        for (std::int64_t k = rng.uniform_int(1, 3); k > 0; --k) {
          const std::uint32_t p = add_node(x[previous] + dx, y[previous] + dy);
          add_arc(previous, p, 20.0 / 3.6, 0);
          previous = p;
        }
      }
    }
  }
  std::vector<LatLon> coords;
  coords.reserve(x.size());
  for (std::size_t v = 0; v < x.size(); ++v) {
    coords.push_back(
        LatLon{kOriginLat + y[v] / kMetresPerDegreeLat, kOriginLon + x[v] / metres_per_degree_lon});
  }
  return built(std::move(coords), std::move(arcs));
}

std::optional<std::uint64_t> path_time(const RoadGraph& graph, const std::vector<NodeId>& path) {
  std::uint64_t total = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    Weight best = kInfinity;
    for (ArcId a = graph.begin_out(path[i - 1]); a < graph.end_out(path[i - 1]);
         a = ArcId(a.value() + 1)) {
      if (graph.head(a) == path[i])
        best = std::min(best, graph.time_ms(a));
    }
    if (best == kInfinity)
      return std::nullopt;
    total += best;
  }
  return total;
}

}  // namespace shouwang::routing::testing
