// Live coverage of quick-response circles: 500 key sites with 1-, 3- or 5-minute promises
// and 1,000 units on duty that move between refreshes; each refresh snaps every unit,
// searches from all of them at once and gives every site its nearest unit and whether it
// is covered. Prints the refresh time (p50 / p90 / p99 / max over 200 refreshes) on an
// imported city: `shouwang_bench_circles DATA` (what `shouwang import-osm` wrote).
// docs/performance.md ("Live coverage of quick-response circles") carries the figures.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <shouwang/analytics/circle_coverage.h>
#include <shouwang/base/random.h>
#include <shouwang/osm/ch_file.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/osm/snap_file.h>

using namespace shouwang;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: shouwang_bench_circles DATA\n");
    return 2;
  }
  const std::string dir = argv[1];
  auto graph = osm::read_graph_file(dir + "/" + osm::kGraphFileName);
  if (!graph)
    return std::fprintf(stderr, "%s\n", graph.error().message.c_str()), 1;
  auto ch = osm::read_ch_file(dir + "/" + osm::kChFileName, graph->graph);
  auto index = osm::read_snap_file(dir + "/" + osm::kSnapFileName, graph->graph);
  if (!ch || !index)
    return std::fprintf(stderr, "cannot read the hierarchy or the snapping index\n"), 1;
  const routing::RoadGraph& g = graph->graph;

  Rng rng(500);
  const auto near_a_node = [&] {
    const LatLon at = g.coordinate(NodeId(static_cast<std::uint32_t>(
        rng.uniform_int(0, static_cast<std::int64_t>(g.node_count()) - 1))));
    return LatLon{at.lat + rng.uniform(-3e-4, 3e-4), at.lon + rng.uniform(-3e-4, 3e-4)};
  };
  std::vector<analytics::CircleSite> sites;
  const double promises[] = {60, 180, 300};
  for (int i = 0; i < 500; ++i)
    sites.push_back({near_a_node(), promises[i % 3]});
  std::vector<LatLon> units(1000);
  for (LatLon& u : units)
    u = near_a_node();

  analytics::CircleCoverageQuery query(*ch, *index);
  query.set_sites(sites);
  // Two refreshes: from the units' placements on the roads (the server places a unit once
  // per move as its fix arrives, so the refresh only searches), and snapping every unit
  // again (as if all 1,000 had moved since the last refresh and none were placed yet).
  std::vector<double> placed_ms, snapped_ms;
  std::size_t covered = 0;
  std::vector<routing::PostEntries> placed(units.size());
  for (int refresh = 0; refresh < 220; ++refresh) {
    for (LatLon& u : units)
      u = {u.lat + rng.uniform(-1e-4, 1e-4), u.lon + rng.uniform(-1e-4, 1e-4)};  // ~10 m
    for (std::size_t k = 0; k < units.size(); ++k) {
      auto snap = index->snap(units[k], Meters(500));
      placed[k] = snap ? snap->as_source(g) : routing::PostEntries{};
    }
    auto start = std::chrono::steady_clock::now();
    const analytics::CircleCoverage c = query.run_placed(placed);
    const double took =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    start = std::chrono::steady_clock::now();
    const analytics::CircleCoverage d = query.run(units);
    const double with_snaps =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (c.covered != d.covered)
      return std::fprintf(stderr, "the two refreshes disagree\n"), 1;
    if (refresh >= 20) {  // after warm-up
      placed_ms.push_back(took);
      snapped_ms.push_back(with_snaps);
    }
    covered = c.covered;
  }
  std::printf(
      "graph: %zu nodes; 500 sites (60 / 180 / 300 s), 1,000 units; 200 refreshes; %zu sites "
      "covered at the end\n\n",
      g.node_count(), covered);
  std::printf("| refresh | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n");
  for (auto* v : {&placed_ms, &snapped_ms}) {
    std::sort(v->begin(), v->end());
    const auto at = [&](double q) {
      return (*v)[static_cast<std::size_t>(q * static_cast<double>(v->size() - 1))];
    };
    std::printf("| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |\n",
                v == &placed_ms ? "from the units' placements" : "snapping every unit", at(0.5),
                at(0.9), at(0.99), v->back());
  }
  return 0;
}
