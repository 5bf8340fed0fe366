#pragma once
// Seeded synthetic road graphs for the routing tests and benchmarks: small random graphs
// with awkward features, a grid with one-way streets, and a larger road-like network.
// The same seed gives the same graph.

#include <cstdint>
#include <optional>
#include <vector>

#include <shouwang/base/ids.h>
#include <shouwang/base/random.h>
#include <shouwang/routing/road_graph.h>

namespace shouwang::routing::testing {

// `n` nodes and about `arcs` random arcs with times 0..2000 ms: mostly one-way, some in
// both directions, some parallel (a second, different time), and usually several parts
// that cannot reach each other.
RoadGraph random_sparse_graph(Rng& rng, std::uint32_t n, std::uint32_t arcs);

// A `width` × `height` street grid (times 50..500 ms per block); about a third of the
// streets are one-way, in either direction.
RoadGraph one_way_grid(Rng& rng, std::uint32_t width, std::uint32_t height);

// A street network like a city's: `side` × `side` intersections on a jittered grid about
// 200 m apart, streets bent through 0–8 shape nodes, some streets missing, some one-way,
// a few diagonals, dead-end lanes, and faster arterials every 8th line and expressways
// every 32nd. Times follow from lengths and speeds. About 8.3 · side² nodes, of which
// about 85 % have two neighbours, as in imported OSM city graphs.
RoadGraph road_like_graph(std::uint64_t seed, std::uint32_t side);

// The travel time along `path` taking the fastest arc between consecutive nodes, or
// nullopt if some consecutive pair is not joined by an arc.
std::optional<std::uint64_t> path_time(const RoadGraph& graph, const std::vector<NodeId>& path);

}  // namespace shouwang::routing::testing
