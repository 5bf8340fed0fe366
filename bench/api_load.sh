#!/usr/bin/env bash
# The command API under load (issue: create-incident + dispatch, then stream fan-out):
# a fresh demo city and event log in var/bench/api, a dispatcher account, `shouwang serve`
# on a free port, then wrk for DURATION seconds with CONNECTIONS connections over THREADS
# threads, alternating create and dispatch (bench/wrk/create_and_dispatch.lua). Prints
# wrk's table plus created / dispatched / error counts and percentiles.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-build/bench/shouwang}
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
for _ in $(seq 100); do
  port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$work/serve.out")
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { cat "$work/serve.out"; exit 1; }
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"loader","password":"bench-password-1","kind":"bearer"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
echo "machine: $(nproc) cores; server threads ${SERVER_THREADS:-32}; wrk $THREADS threads, $CONNECTIONS connections, ${DURATION}s"
SHOUWANG_TOKEN=$token wrk -t "$THREADS" -c "$CONNECTIONS" -d "${DURATION}s" --latency \
  -s bench/wrk/create_and_dispatch.lua "http://127.0.0.1:$port"
