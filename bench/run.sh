#!/usr/bin/env bash
# Runs the benchmarks and prints their tables: the Google Benchmark micro-benchmarks, the
# event log (`shouwang-bench core`, SQLite and a throw-away PostgreSQL cluster), then
# `shouwang-bench routing` on the generated demo city and, when the shared data is there,
# on the Porto extract. BENCH_FILTER narrows the micro-benchmarks (a regex);
# BENCH_ROUTING=0 skips the routing runs.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/bench
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
"$build/bench/shouwang_bench" --benchmark_filter="${BENCH_FILTER:-.}" --benchmark_counters_tabular=true

echo
echo "event log: SQLite and PostgreSQL (shouwang-bench core)"
bash bench/with-postgres.sh bash -c '"$0" core --pg "$PG_URL"' "$build/shouwang-bench"

[[ "${BENCH_ROUTING:-1}" == 0 ]] && exit 0
work=var/bench
mkdir -p "$work"
routing() {  # NAME PBF
  local dir="$work/$1"
  if [[ ! -f "$dir/road_graph.swg" || "$2" -nt "$dir/road_graph.swg" ]]; then
    "$build/shouwang" import-osm "$2" --out "$dir" >/dev/null
  fi
  echo
  echo "routing: $1 ($2)"
  "$build/shouwang-bench" routing --data "$dir"
}
if [[ ! -f "$work/demo-city.osm.pbf" ]]; then
  "$build/shouwang" gen-city --seed 1 --out "$work/demo-city.osm.pbf" >/dev/null
fi
routing demo-city "$work/demo-city.osm.pbf"
porto="../shared/data/osm/porto.osm.pbf"
if [[ -f "$porto" ]]; then
  routing porto "$porto"
else
  echo "routing: porto skipped: $porto is not present"
fi

echo
bash bench/backtest.sh

echo
"$build/bench/shouwang_bench_warning"

echo
"$build/bench/shouwang_bench_location"

echo
"$build/bench/shouwang_bench_circles" "$work/demo-city"

