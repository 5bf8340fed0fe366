#!/usr/bin/env bash
# The demo: a generated city (once), a year of its history (once), then the command centre
# live: a Mosquitto broker for the units' telemetry, the server with its console, and the
# simulator driving patrol units and taking calls. HOST, PORT, SEED, UNITS (default 60),
# CALLS_PER_HOUR (default 40: livelier than the city's real rate, for a demo),
# MQTT_PORT (default 18830), HISTORY_YEARS (default 1) and HISTORY_CALLS_PER_DAY (default
# 100) may be set in the environment; BIN names another build of the executable and DATA
# another data directory (default var/demo).
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=${BIN:-build/release/shouwang}
DATA=${DATA:-var/demo}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8080}
SEED=${SEED:-1}
UNITS=${UNITS:-60}
MQTT_PORT=${MQTT_PORT:-18830}

mkdir -p "$DATA"
if [ ! -f "$DATA/city.osm.pbf" ]; then
  echo "[demo] generating the demo city (seed $SEED)"
  "$BIN" gen-city --seed "$SEED" --out "$DATA/city.osm.pbf"
fi
if [ ! -f "$DATA/road_graph.swg" ] || [ "$DATA/city.osm.pbf" -nt "$DATA/road_graph.swg" ]; then
  echo "[demo] importing the road network"
  "$BIN" import-osm "$DATA/city.osm.pbf" --out "$DATA"
fi
# Demo accounts, once: an administrator, a dispatcher and a call-taker for the whole city.
# Their password is printed here and is for the demo only.
if ! "$BIN" user list --data "$DATA" 2>/dev/null | grep -q '^admin '; then
  CITY_CODE=$("$BIN" org --data "$DATA" --json | sed -n 's/.*"units":\[{"code":"\([^"]*\)".*/\1/p')
  echo "[demo] adding the demo accounts admin / dispatcher / calltaker (password: shouwang-demo) for city $CITY_CODE"
  for account in admin:admin dispatcher:dispatcher calltaker:call_taker; do
    echo "shouwang-demo" | "$BIN" user add "${account%%:*}" --role "${account##*:}" --scope "$CITY_CODE" \
      --password-stdin --data "$DATA" >/dev/null
  done
fi
echo "shouwang-demo" > "$DATA/demo-password"
# History for the statistics: written once through the event log (a rerun does nothing).
echo "[demo] the city's history: ${HISTORY_YEARS:-1} year(s) of incidents (written once)"
"$BIN" gen-history --data "$DATA" --years "${HISTORY_YEARS:-1}" --calls-per-day "${HISTORY_CALLS_PER_DAY:-100}" --seed "$SEED"

# Key sites from the city's POIs and the posts planned for them, once (a rerun keeps the
# registry as it is).
"$BIN" circles seed --data "$DATA"

# The broker's accounts (the server's, the simulator's gateway, one per unit) and the broker.
"$BIN" mqtt-setup --data "$DATA" --port "$MQTT_PORT" --gateways shouwang.simulator >/dev/null
pids=()
# Ctrl-C reaches this script only (the children run in sessions of their own, setsid),
# which stops them one at a time, in order: the simulator ends its units' shifts while the server and the
# broker still run (it is given 30 s), then the server, then the broker.
stop_all() {
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 0' INT TERM
setsid mosquitto -c "$DATA/mqtt/mosquitto.conf" > "$DATA/logs-broker.txt" 2>&1 &
pids+=($!)

setsid "$BIN" serve --host "$HOST" --port "$PORT" --data "$DATA" --mqtt "127.0.0.1:$MQTT_PORT" &
server=$!
pids+=($server)
for _ in $(seq 600); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || exit 1
  sleep 0.2
done
echo "[demo] $UNITS patrol units on the road and calls coming in (the simulator's log: $DATA/simulate.txt)"
setsid "$BIN" simulate --data "$DATA" --units "$UNITS" --mqtt "127.0.0.1:$MQTT_PORT" --api "http://127.0.0.1:$PORT" \
  --user dispatcher --password-file "$DATA/demo-password" --seed "$SEED" --calls-per-hour "${CALLS_PER_HOUR:-40}" \
  > "$DATA/simulate.txt" 2>&1 &
pids=("$!" "${pids[@]}")  # the simulator stops first, ending its units' shifts
echo "[demo] Shouwang demo: open http://${HOST}:${PORT}/ and sign in as dispatcher or calltaker, password shouwang-demo (Ctrl-C stops it)"
wait "$server"
