#!/usr/bin/env bash
# Generates the demo city (once) and serves it with the console. HOST, PORT and SEED may be
# set in the environment.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN=build/release/shouwang
DATA=var/demo
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8080}
SEED=${SEED:-1}

mkdir -p "$DATA"
if [ ! -f "$DATA/city.osm.pbf" ]; then
  echo "[demo] generating the demo city (seed $SEED)"
  "$BIN" gen-city --seed "$SEED" --out "$DATA/city.osm.pbf"
fi
if [ ! -f "$DATA/road_graph.swg" ] || [ "$DATA/city.osm.pbf" -nt "$DATA/road_graph.swg" ]; then
  echo "[demo] importing the road network"
  "$BIN" import-osm "$DATA/city.osm.pbf" --out "$DATA"
fi
# Demo accounts, once: an administrator and a dispatcher for the whole city. Their
# passwords are printed here and are for the demo only.
if ! "$BIN" user list --data "$DATA" 2>/dev/null | grep -q '^admin '; then
  CITY_CODE=$("$BIN" org --data "$DATA" --json | sed -n 's/.*"units":\[{"code":"\([^"]*\)".*/\1/p')
  echo "[demo] adding the demo accounts admin / dispatcher (password: shouwang-demo) for city $CITY_CODE"
  for account in admin:admin dispatcher:dispatcher; do
    echo "shouwang-demo" | "$BIN" user add "${account%%:*}" --role "${account##*:}" --scope "$CITY_CODE" \
      --password-stdin --data "$DATA" >/dev/null
  done
fi
echo "[demo] Shouwang demo: open http://${HOST}:${PORT}/ (Ctrl-C stops it)"
exec "$BIN" serve --host "$HOST" --port "$PORT" --data "$DATA"
