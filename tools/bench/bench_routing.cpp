// shouwang-bench routing --data DIR [--json] [--seed N]: measures the routing core on an
// imported graph and prints a table, or one JSON object with --json.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <shouwang/base/random.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>
#include <shouwang/routing/coverage.h>
#include <shouwang/routing/isochrone.h>
#include <shouwang/routing/nearest_units.h>
#include <shouwang/routing/snap_index.h>

#include "bench_stats.h"

namespace shouwang::bench {
namespace {

using routing::Weight;

int usage(const std::string& message) {
  std::cerr << "shouwang-bench routing: " << message << "\nusage: shouwang-bench routing --data DIR [--json] [--seed N]\n";
  return 2;
}

}  // namespace

int run_routing_bench(const std::vector<std::string>& args) {
  std::string data;
  bool json = false;
  std::uint64_t seed = 1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data" && i + 1 < args.size()) {
      data = args[++i];
    } else if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--seed" && i + 1 < args.size()) {
      seed = std::stoull(args[++i]);
    } else {
      return usage("unknown argument '" + args[i] + "'");
    }
  }
  if (data.empty()) return usage("--data is required");
  auto loaded = osm::read_graph_file((std::filesystem::path(data) / osm::kGraphFileName).string());
  if (!loaded) {
    std::cerr << "shouwang-bench: " << loaded.error().message << "\n";
    return 1;
  }
  const routing::RoadGraph& g = loaded->graph;
  const double rss_before = peak_rss_mb();
  const auto index =
      osm::read_snap_file((std::filesystem::path(data) / osm::kSnapFileName).string(), g);
  if (!index) {
    std::cerr << "shouwang-bench: " << index.error().message << "\n";
    return 1;
  }

  auto t0 = Clock::now();
  const routing::ContractionHierarchy ch = routing::ContractionHierarchy::build(g);
  const double ch_build_s = micros_since(t0) / 1e6;
  const double ch_rss = peak_rss_mb();

  Rng rng(seed);
  auto random_node = [&] { return NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))); };

  routing::ChQuery query(ch);
  std::vector<double> one_to_one;
  for (int i = 0; i < 10'000; ++i) {
    const NodeId s = random_node(), t = random_node();
    t0 = Clock::now();
    const Weight d = query.distance(s, t);
    one_to_one.push_back(micros_since(t0));
    if (d == routing::kInfinity) return std::cerr << "unreachable pair in a strongly connected graph\n", 1;
  }

  routing::NearestUnits units(ch);
  auto snap_at = [&](NodeId v) { return index->snap(g.coordinate(v)).value(); };
  auto entries_at = [&](NodeId v, bool as_source) {
    const auto snap = snap_at(v);
    return as_source ? snap.as_source(g) : snap.as_target(g);
  };
  // Units and targets as snapped positions, as dispatch uses them (straight drives along a
  // shared segment included).
  for (std::uint32_t u = 0; u < 1000; ++u) units.set(u, snap_at(random_node()), g);
  std::vector<double> nearest, moves;
  for (int i = 0; i < 2000; ++i) {
    const auto target = snap_at(random_node());
    t0 = Clock::now();
    const auto hits = units.nearest(target, g, 10);
    nearest.push_back(micros_since(t0));
    const auto moved = snap_at(random_node());
    const auto unit = static_cast<std::uint32_t>(rng.uniform_int(0, 999));
    t0 = Clock::now();
    units.set(unit, moved, g);
    moves.push_back(micros_since(t0));
  }

  routing::DijkstraQuery dijkstra(g);
  std::vector<double> isochrones;
  for (int i = 0; i < 300; ++i) {
    const auto source = entries_at(random_node(), true);
    t0 = Clock::now();
    const auto iso = routing::isochrone(g, dijkstra, source, 300'000);
    isochrones.push_back(micros_since(t0));
  }
  std::vector<std::vector<routing::Entry>> posts;
  for (int p = 0; p < 1000; ++p) posts.push_back(entries_at(random_node(), true));
  routing::CoverageQuery phast(ch);
  std::vector<double> coverage_ms, coverage_dijkstra_ms;
  for (int i = 0; i < 5; ++i) {
    t0 = Clock::now();
    const auto cov = phast.run(posts, 300'000);
    coverage_ms.push_back(micros_since(t0) / 1000.0);
    t0 = Clock::now();
    const auto reference = routing::coverage(g, dijkstra, posts, 300'000);
    coverage_dijkstra_ms.push_back(micros_since(t0) / 1000.0);
    if (cov.time != reference.time) return std::cerr << "coverage: PHAST and Dijkstra disagree\n", 1;
  }

  const double o2o_med = quantile(one_to_one, 0.5), o2o_p99 = quantile(one_to_one, 0.99);
  const double near_med = quantile(nearest, 0.5), near_p99 = quantile(nearest, 0.99);
  const double move_med = quantile(moves, 0.5), iso_med = quantile(isochrones, 0.5);
  const double cov_med = quantile(coverage_ms, 0.5), cov_dijkstra_med = quantile(coverage_dijkstra_ms, 0.5);
  if (json) {
    std::printf("{\"graph_nodes\":%zu,\"graph_arcs\":%zu,\"ch_build_s\":%.3f,\"ch_build_peak_rss_mb\":%.1f,"
                "\"graph_loaded_rss_mb\":%.1f,\"one_to_one_median_us\":%.2f,\"one_to_one_p99_us\":%.2f,"
                "\"nearest10_of_1000_median_us\":%.2f,\"nearest10_of_1000_p99_us\":%.2f,\"unit_move_median_us\":%.2f,"
                "\"isochrone_300s_median_us\":%.1f,\"coverage_1000_posts_300s_ms\":%.2f,"
                "\"coverage_1000_posts_300s_dijkstra_ms\":%.2f}\n",
                g.node_count(), g.arc_count(), ch_build_s, ch_rss, rss_before, o2o_med, o2o_p99, near_med, near_p99,
                move_med, iso_med, cov_med, cov_dijkstra_med);
  } else {
    std::printf("graph                      %zu nodes, %zu arcs (loaded: %.0f MB)\n", g.node_count(), g.arc_count(), rss_before);
    std::printf("CH build                   %.2f s, peak %.0f MB\n", ch_build_s, ch_rss);
    std::printf("one-to-one (CH)            median %.1f us, p99 %.1f us\n", o2o_med, o2o_p99);
    std::printf("nearest 10 of 1,000 units  median %.1f us, p99 %.1f us\n", near_med, near_p99);
    std::printf("unit position update       median %.1f us\n", move_med);
    std::printf("isochrone 300 s            median %.0f us\n", iso_med);
    std::printf("coverage 1,000 posts 300 s %.1f ms (PHAST; multi-source Dijkstra %.1f ms)\n", cov_med, cov_dijkstra_med);
  }
  return 0;
}

}  // namespace shouwang::bench
