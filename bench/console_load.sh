#!/usr/bin/env bash
# The console under load (issue "One-map command console"): the demo city (gen-city, seed
# 1, its default size) in var/bench/console, a dispatcher account, a Mosquitto broker,
# `shouwang serve` with the built console (web/dist), and `shouwang simulate` driving UNITS
# units (default 1,000) at 1 Hz and taking CALLS_PER_HOUR calls (default 600, to fill the
# queue within the warm-up). After WARMUP seconds, web/bench/console_perf.mjs measures the
# console in Debian's Chromium: the initial load, the input-to-paint latency of keyboard
# work in the queue, and the frame times while the units move. JSON=1 prints JSON.
#
# As in units_load.sh, the simulator stands for devices elsewhere and runs niced.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BIN=${BIN:-build/release/shouwang}
UNITS=${UNITS:-1000}
WARMUP=${WARMUP:-60}
SECONDS_=${SECONDS_:-20}
[[ -f web/dist/index.html ]] || { echo "web/dist is missing: run (cd web && npm run build) first" >&2; exit 1; }
work=var/bench/console
mkdir -p "$work"
if [[ ! -f "$work/road_graph.swg" ]]; then
  "$BIN" gen-city --seed 1 --out "$work/city.osm.pbf" >/dev/null
  "$BIN" import-osm "$work/city.osm.pbf" --out "$work" >/dev/null
fi
rm -f "$work"/events.db* "$work"/tracks.db* "$work"/accounts.db*
city=$("$BIN" org --data "$work" --json | sed -n 's/.*"units":\[{"code":"\([^"]*\)".*/\1/p')
echo "bench-password-1" > "$work/password"
"$BIN" user add bench --role dispatcher --scope "$city" --password-stdin --data "$work" < "$work/password" >/dev/null

broker_port=$(free_port)
"$BIN" mqtt-setup --data "$work" --port "$broker_port" --gateways shouwang.simulator >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
mosquitto -c "$work/mqtt/mosquitto.conf" > "$work/broker.out" 2>&1 &
pids+=($!)
"$BIN" serve --data "$work" --port 0 --web web/dist --mqtt "127.0.0.1:$broker_port" > "$work/serve.out" 2>&1 &
pids+=($!)
port=$(listening_port "$work/serve.out")
nice -n 10 "$BIN" simulate --data "$work" --units "$UNITS" --mqtt "127.0.0.1:$broker_port" --api "http://127.0.0.1:$port" \
  --user bench --password-file "$work/password" --mqtt-password-file "$work/mqtt/gateway-shouwang.simulator.secret" \
  --calls-per-hour "${CALLS_PER_HOUR:-600}" --seed 1 > "$work/simulate.out" 2>&1 &
pids+=($!)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $UNITS units at 1 Hz; warm-up ${WARMUP}s" >&2
sleep "$WARMUP"
flags=()
[[ "${JSON:-0}" == 1 ]] && flags+=(--json)
(cd web && node bench/console_perf.mjs "http://127.0.0.1:$port" bench bench-password-1 --seconds "$SECONDS_" "${flags[@]}")
