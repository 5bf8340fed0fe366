#include <benchmark/benchmark.h>

#include <vector>

#include <shouwang/base/geo.h>
#include <shouwang/base/random.h>

namespace shouwang {
namespace {

std::vector<LatLon> random_points(std::size_t n) {
  Rng rng(1);
  std::vector<LatLon> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back({rng.uniform(31.0, 31.4), rng.uniform(121.2, 121.7)});
  return out;
}

void BM_Haversine(benchmark::State& state) {
  const auto pts = random_points(1024);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(haversine_distance(pts[i & 1023], pts[(i + 1) & 1023]));
    ++i;
  }
}
BENCHMARK(BM_Haversine);

void BM_LocalProjection(benchmark::State& state) {
  const auto pts = random_points(1024);
  const LocalProjection frame({31.2, 121.45});
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(frame.to_xy(pts[i & 1023]));
    ++i;
  }
}
BENCHMARK(BM_LocalProjection);

void BM_ProjectToSegmentGeo(benchmark::State& state) {
  const auto pts = random_points(1024);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(project_to_segment(pts[i & 1023], pts[(i + 1) & 1023], pts[(i + 2) & 1023]));
    ++i;
  }
}
BENCHMARK(BM_ProjectToSegmentGeo);

void BM_RngUniformInt(benchmark::State& state) {
  Rng rng(1);
  for (auto _ : state) benchmark::DoNotOptimize(rng.uniform_int(0, 999));
}
BENCHMARK(BM_RngUniformInt);

}  // namespace
}  // namespace shouwang
