#!/usr/bin/env bash
# Installs what building, testing and running Shouwang needs on Debian 12, as root.
# Safe to run again: it installs only what is missing.
set -euo pipefail

cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  libboost-dev nlohmann-json3-dev libosmium2-dev libprotozero-dev
  zlib1g-dev libbz2-dev libexpat1-dev libsqlite3-dev libssl-dev libsodium-dev libpq-dev
  libtomlplusplus-dev libproj-dev proj-data libhowardhinnant-date-dev libzip-dev
  postgresql mosquitto mosquitto-clients libmosquitto-dev wrk clang libfuzzer-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  osmium-tool tilemaker
  chromium fonts-noto-cjk
  libxlsxwriter-dev poppler-utils
)
NODE_MIN_MAJOR=20
NODE_MIN_MINOR=19

log() { printf '[deps] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local v major minor
  v=$(node -p 'process.versions.node' 2>/dev/null) || return 1
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The store tests start their own PostgreSQL server; initdb and postgres refuse to run as
# root, so a root test runs them as the `postgres` user, which Debian's package creates.
if ! getent passwd postgres >/dev/null; then
  log "creating the postgres system user"
  as_root adduser --system --group --home /var/lib/postgresql --shell /bin/bash postgres >/dev/null
fi

# Vite 8 and playwright-core need Node >= 20.19; Debian 12 ships 18. The npm registry's
# `node` package carries an official Node binary, so use it when the system one is too old.
if ! node_ok; then
  log "Node $(node -p 'process.versions.node' 2>/dev/null || echo none) is older than ${NODE_MIN_MAJOR}.${NODE_MIN_MINOR}: installing Node 22 from the npm registry"
  as_root npm install -g --no-fund --no-audit node@22 >/dev/null
  hash -r
  node_ok || { log "Node is still too old: $(node --version)"; exit 1; }
fi

# Front-end packages, from the committed lock file.
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  log "installing the console's npm packages (npm ci)"
  # The registry sometimes stalls; the local cache is preferred and a failed fetch retried.
  for attempt in 1 2 3; do
    if (cd web && npm ci --prefer-offline --fetch-retries=5 --fetch-timeout=120000 --no-fund --no-audit --loglevel=error); then
      break
    fi
    [ "$attempt" -eq 3 ] && { log "npm ci failed three times"; exit 1; }
    log "npm ci failed (attempt $attempt); retrying"
    sleep 10
  done
fi

log "all dependencies present (node $(node --version), cmake $(cmake --version | head -n1 | awk '{print $3}'))"
