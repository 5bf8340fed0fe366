#!/usr/bin/env bash
# bench/with-postgres.sh COMMAND...: runs COMMAND with a throw-away PostgreSQL 15 cluster on
# 127.0.0.1 (fsync on, as in production) and its URL in $PG_URL, then removes the cluster.
# As root, the server runs as the `postgres` user, which initdb and postgres require.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$bin/initdb" ]] || { echo "with-postgres: the postgresql package is not installed" >&2; exit 1; }
dir=$(mktemp -d /tmp/shouwang-bench-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_server() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$dir"
cleanup() { as_server "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" start >/dev/null
as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres shouwang_bench
PG_URL="postgresql://postgres@127.0.0.1:$port/shouwang_bench" "$@"
