#!/usr/bin/env bash
# Runs the benchmarks and prints their table; BENCH_FILTER narrows them (a regex).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
build/bench/bench/shouwang_bench --benchmark_filter="${BENCH_FILTER:-.}" --benchmark_counters_tabular=true
