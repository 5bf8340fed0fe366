#pragma once
// Times `call(item)` once per item and reports the median and 99th percentile as the
// benchmark's p50_us / p99_us counters (Google Benchmark itself reports only means).

#include <algorithm>
#include <chrono>
#include <vector>

#include <benchmark/benchmark.h>

namespace shouwang::bench {

template <typename Items, typename Call>
void add_latency_counters(benchmark::State& state, const Items& items, Call&& call) {
  std::vector<double> micros;
  micros.reserve(items.size());
  for (const auto& item : items) {
    const auto start = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(call(item));
    micros.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
  }
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[micros.size() * 99 / 100];
}

}  // namespace shouwang::bench
