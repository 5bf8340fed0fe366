#!/usr/bin/env bash
# Unit telemetry under load (issue "Units on the road"): a fresh demo city in var/bench/units,
# a commander account, the broker's files (`shouwang mqtt-setup`) and a real Mosquitto
# broker, `shouwang serve --mqtt`, then `shouwang-bench units` watching from outside while
# `shouwang simulate` drives UNITS units at 1 Hz. The bench waits until every unit reports,
# warms up for WARMUP seconds, measures for SECONDS, then this script stops the simulator
# and the bench checks that the server received every fix the broker delivered.
# JSON=1 prints the bench's JSON instead of its table.
#
# One machine plays every part here. The simulator stands for terminals on their own
# devices, so it runs niced: it gets the CPU the server and broker leave. The bench is the
# measuring console and asks first (nice -5; without the right to raise priority it runs
# at the normal one, and its figures then include more of its own waiting).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BIN=${BIN:-build/release/shouwang}
BENCH=${BENCH:-build/release/shouwang-bench}
UNITS=${UNITS:-2000}
SECONDS_=${SECONDS_:-300}
WARMUP=${WARMUP:-20}
work=var/bench/units
rm -rf "$work" && mkdir -p "$work/web"
echo '<!doctype html>' > "$work/web/index.html"
"$BIN" gen-city --seed 9 --size-km 6 --out "$work/city.osm.pbf" >/dev/null
"$BIN" import-osm "$work/city.osm.pbf" --out "$work" >/dev/null
city=$("$BIN" org --data "$work" --json | sed -n 's/.*"units":\[{"code":"\([^"]*\)".*/\1/p')
echo "bench-password-1" > "$work/password"
"$BIN" user add bench --role commander --scope "$city" --password-stdin --data "$work" < "$work/password" >/dev/null

# A free port for the broker: the first in a range that nothing listens on.
broker_port=$(free_port)
"$BIN" mqtt-setup --data "$work" --port "$broker_port" --gateways shouwang.simulator >/dev/null
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
mosquitto -c "$work/mqtt/mosquitto.conf" > "$work/broker.out" 2>&1 &
pids+=($!)
"$BIN" serve --data "$work" --port 0 --web "$work/web" --mqtt "127.0.0.1:$broker_port" > "$work/serve.out" 2>&1 &
server=$!
pids+=($server)
port=$(listening_port "$work/serve.out")
token=$(curl -s -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
  -d '{"username":"bench","password":"bench-password-1","kind":"bearer"}' | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
baseline=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $UNITS units at 1 Hz; ${SECONDS_}s after ${WARMUP}s warm-up" >&2

flags=(--port "$port" --token "$token" --broker-port "$broker_port" --broker-password-file "$work/mqtt/server.secret"
       --server-pid "$server" --baseline-rss-kb "$baseline" --units "$UNITS" --seconds "$SECONDS_" --warmup "$WARMUP")
[[ "${JSON:-0}" == 1 ]] && flags+=(--json)
nice -n -5 "$BENCH" units "${flags[@]}" > "$work/bench.out" 2> "$work/bench.err" &
bench=$!
nice -n 10 "$BIN" simulate --data "$work" --units "$UNITS" --mqtt "127.0.0.1:$broker_port" --api "http://127.0.0.1:$port" \
  --user bench --password-file "$work/password" --mqtt-password-file "$work/mqtt/gateway-shouwang.simulator.secret" \
  --no-calls --seed 9 > "$work/simulate.out" 2>&1 &
simulator=$!
pids+=($simulator)
until grep -q "waiting for the load to stop" "$work/bench.err" 2>/dev/null; do
  kill -0 $bench 2>/dev/null || { cat "$work/bench.err" "$work/simulate.out" >&2; exit 1; }
  sleep 1
done
kill -TERM $simulator
status=0
wait $bench || status=$?
cat "$work/bench.err" >&2
cat "$work/bench.out"
exit $status
