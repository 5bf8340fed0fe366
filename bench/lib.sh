# Steps the load benches share; sourced by units_load.sh, api_load.sh and console_load.sh.

# Prints a free TCP port on 127.0.0.1: the first of 50 random ones in 20000-60000 that
# nothing listens on.
free_port() {
  local candidate
  for candidate in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/"$candidate") 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# Prints the port `shouwang serve --port 0` announced in the file FILE (its stdout),
# waiting up to 10 s for the "listening on" line; prints the file and fails without it.
listening_port() {
  local out=$1 port=
  for _ in $(seq 100); do
    port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$out")
    [[ -n "$port" ]] && { echo "$port"; return 0; }
    sleep 0.1
  done
  cat "$out" >&2
  return 1
}
