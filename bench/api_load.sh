#!/usr/bin/env bash
# The command API under load (issue: create-incident + dispatch, then stream fan-out):
# a fresh demo city and event log in var/bench/api, a dispatcher account, `shouwang serve`
# on a free port, WATCHERS consoles following the live stream (shouwang-bench
# stream-watch; 0 for none), then wrk for DURATION seconds with CONNECTIONS connections
# over THREADS threads: open, accept and dispatch incidents (bench/wrk/create_and_dispatch.lua),
# as fast as answered or, with RATE, at about RATE requests/s. Prints wrk's table, the
# created / accepted / dispatched / error counts and percentiles, then the stream's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BIN=${BIN:-build/bench/shouwang}
BENCH=${BENCH:-build/bench/shouwang-bench}
WATCHERS=${WATCHERS:-100}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
work=var/bench/api
rm -rf "$work" && mkdir -p "$work/web"
echo '<!doctype html>' > "$work/web/index.html"
"$BIN" gen-city --seed 1 --size-km 10 --out "$work/city.osm.pbf" >/dev/null
city=$("$BIN" org --data "$work" --json | sed -n 's/.*"units":\[{"code":"\([^"]*\)".*/\1/p')
echo "bench-password-1" | "$BIN" user add loader --role dispatcher --scope "$city" --password-stdin --data "$work" >/dev/null
"$BIN" serve --data "$work" --port 0 --web "$work/web" --threads "${SERVER_THREADS:-32}" > "$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
port=$(listening_port "$work/serve.out")
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"loader","password":"bench-password-1","kind":"bearer"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
echo "machine: $(nproc) cores; server threads ${SERVER_THREADS:-32}; wrk $THREADS threads, $CONNECTIONS connections, ${DURATION}s, offered rate ${RATE:-as fast as answered}"
if (( WATCHERS > 0 )); then
  "$BENCH" stream-watch --port "$port" --token "$token" --subscribers "$WATCHERS" --seconds $((DURATION + 3)) \
    > "$work/watch.out" 2> "$work/watch.err" &
  watcher=$!
  until grep -q following "$work/watch.err" 2>/dev/null; do
    kill -0 $watcher 2>/dev/null || { cat "$work/watch.err"; exit 1; }
    sleep 0.1
  done
fi
SHOUWANG_TOKEN=$token RATE=${RATE:-} THREADS=$THREADS wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency \
  -s bench/wrk/create_and_dispatch.lua "http://127.0.0.1:$port"
if (( WATCHERS > 0 )); then
  watch_status=0
  wait $watcher || watch_status=$?
  cat "$work/watch.out"
  exit $watch_status
fi
