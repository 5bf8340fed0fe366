#include <benchmark/benchmark.h>

#include <filesystem>
#include <unistd.h>

#include <shouwang/osm/city_generator.h>

#include "osm/citygen/city_builder.h"

namespace shouwang::osm {
namespace {

// Layout and noding only (no file): the cost of building a city of the given size.
void BM_BuildCity(benchmark::State& state) {
  const CityOptions options{1, static_cast<double>(state.range(0))};
  std::size_t nodes = 0;
  for (auto _ : state) {
    const auto city = citygen::build_city(options);
    nodes = city.network.nodes.size();
    benchmark::DoNotOptimize(nodes);
  }
  state.counters["road_nodes"] = static_cast<double>(nodes);
  state.counters["nodes_per_s"] = benchmark::Counter(static_cast<double>(nodes), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BuildCity)->Arg(10)->Arg(30)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The whole `gen-city`: layout, noding, places and the PBF file.
void BM_WriteCity(benchmark::State& state) {
  const CityOptions options{1, static_cast<double>(state.range(0))};
  const auto path = std::filesystem::temp_directory_path() / ("shouwang-bench-" + std::to_string(::getpid()) + ".osm.pbf");
  for (auto _ : state) {
    const auto stats = write_demo_city(options, path.string());
    if (!stats) state.SkipWithError(stats.error().message.c_str());
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_WriteCity)->Arg(30)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace shouwang::osm
