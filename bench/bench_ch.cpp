// Contraction hierarchy: build time and memory, and one-to-one query latency, on a
// synthetic road-like graph of about 309,000 nodes (192 × 192 jittered intersections,
// streets bent through shape nodes, one-way streets, gaps, diagonals, dead ends,
// arterials and expressways; see tests/routing/synthetic_graphs.h).
//
// With SHOUWANG_BENCH_GRAPH=DIR/road_graph.swg (written by `shouwang import-osm`), the
// same benchmarks also run on that imported graph.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include <shouwang/base/random.h>
#include <shouwang/osm/graph_file.h>
#include <shouwang/routing/ch_query.h>
#include <shouwang/routing/contraction_hierarchy.h>

#include "latency_counters.h"
#include "routing/synthetic_graphs.h"

namespace shouwang::routing {
namespace {

constexpr std::uint32_t kSide = 192;  // 309,364 nodes

const RoadGraph& synthetic_graph() {
  static const RoadGraph graph = testing::road_like_graph(1, kSide);
  return graph;
}

const RoadGraph& imported_graph() {
  static const RoadGraph graph = [] {
    const char* path = std::getenv("SHOUWANG_BENCH_GRAPH");
    auto contents = osm::read_graph_file(path == nullptr ? "" : path);
    if (!contents) {
      std::fprintf(stderr, "SHOUWANG_BENCH_GRAPH: %s\n", contents.error().message.c_str());
      std::exit(1);
    }
    return std::move(contents->graph);
  }();
  return graph;
}

// The graphs, by benchmark argument: 0 synthetic, 1 the imported file.
const RoadGraph& bench_graph(std::int64_t which) {
  return which == 0 ? synthetic_graph() : imported_graph();
}

const ContractionHierarchy& bench_hierarchy(std::int64_t which) {
  if (which == 0) {
    static const ContractionHierarchy synthetic = ContractionHierarchy::build(synthetic_graph());
    return synthetic;
  }
  static const ContractionHierarchy imported = ContractionHierarchy::build(imported_graph());
  return imported;
}

// Registers `bm` for the synthetic graph, and for the imported one if there is one.
void on_graphs(benchmark::internal::Benchmark* bm) {
  bm->ArgName("imported")->Arg(0);
  if (std::getenv("SHOUWANG_BENCH_GRAPH") != nullptr)
    bm->Arg(1);
}

// Resident set high-water mark of this process in MiB (Linux), and resetting it.
double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
  }
  return 0.0;
}
double current_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
  }
  return 0.0;
}
void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

// Memory is read in the first iteration, before freed memory is kept around for reuse.
void BM_CHBuild(benchmark::State& state) {
  const RoadGraph& graph = bench_graph(state.range(0));
  std::size_t arcs = 0;
  bool first = true;
  double before = 0, peak = 0;
  for (auto _ : state) {
    if (first) {
      state.PauseTiming();
      reset_peak_rss();
      before = current_rss_mib();
      state.ResumeTiming();
    }
    const auto h = ContractionHierarchy::build(graph);
    if (first)
      peak = peak_rss_mib();
    first = false;
    arcs = h.arc_count();
    benchmark::DoNotOptimize(arcs);
  }
  state.counters["nodes"] = static_cast<double>(graph.node_count());
  state.counters["road_arcs"] = static_cast<double>(graph.arc_count());
  state.counters["ch_arcs"] = static_cast<double>(arcs);
  state.counters["peak_MiB"] = peak;            // whole process, input graph included
  state.counters["build_MiB"] = peak - before;  // above what was resident before the build
}
BENCHMARK(BM_CHBuild)
    ->Apply(on_graphs)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

std::vector<std::pair<NodeId, NodeId>> random_pairs(const RoadGraph& graph, std::size_t count) {
  Rng rng(2);
  const auto n = static_cast<std::int64_t>(graph.node_count());
  std::vector<std::pair<NodeId, NodeId>> pairs;
  for (std::size_t i = 0; i < count; ++i) {
    pairs.emplace_back(NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))),
                       NodeId(static_cast<std::uint32_t>(rng.uniform_int(0, n - 1))));
  }
  return pairs;
}

// One-to-one distance between uniformly random nodes (mostly across the whole graph).
// Besides the mean per query, reports the median and 99th percentile of 10,000
// individually timed queries.
void BM_CHQueryDistance(benchmark::State& state) {
  const ContractionHierarchy& h = bench_hierarchy(state.range(0));
  const auto pairs = random_pairs(bench_graph(state.range(0)), 10'000);
  ChQuery query(h);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [s, t] = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(query.distance(s, t));
  }
  bench::add_latency_counters(state, pairs, [&query](const auto& pair) { return query.distance(pair.first, pair.second); });
}
BENCHMARK(BM_CHQueryDistance)->Apply(on_graphs)->Unit(benchmark::kMicrosecond);

// Distance plus the unpacked node path.
void BM_CHQueryPath(benchmark::State& state) {
  const ContractionHierarchy& h = bench_hierarchy(state.range(0));
  const auto pairs = random_pairs(bench_graph(state.range(0)), 10'000);
  ChQuery query(h);
  std::size_t i = 0, nodes = 0;
  for (auto _ : state) {
    const auto& [s, t] = pairs[i++ % pairs.size()];
    benchmark::DoNotOptimize(query.distance(s, t));
    nodes += query.path().size();
  }
  state.counters["path_nodes"] =
      static_cast<double>(nodes) / static_cast<double>(std::max<std::size_t>(i, 1));
}
BENCHMARK(BM_CHQueryPath)->Apply(on_graphs)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace shouwang::routing
