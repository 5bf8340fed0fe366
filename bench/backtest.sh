#!/usr/bin/env bash
# Times the forecasting protocols of docs/forecasting.md with `shouwang backtest`: the
# Portland burglary reference protocol (NIJ setting, 2 cell sides × weekly and monthly)
# and the Montgomery County 911 check. Each prints its table with seconds per method and
# the total. Needs the shared data (../shared/data/incidents); says so when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SHOUWANG_BIN:-build/bench/shouwang}
data=../shared/data/incidents
if [[ ! -f "$data/portland_burglary_2012-2017.csv" ]]; then
  echo "backtest: skipped: $data/portland_burglary_2012-2017.csv is not present"
  exit 0
fi
echo "backtest: Portland burglary, reference protocol"
"$bin" backtest data/backtest/portland_burglary.toml \
  --events "$data/portland_burglary_2012-2017.csv" --boundary "$data/portland_police_districts_shapefile.zip"
if [[ -f "$data/montgomery_pa_911_2015-12_2016-08.zip" ]]; then
  echo
  echo "backtest: Montgomery County 911 calls"
  "$bin" backtest data/backtest/montgomery_911.toml \
    --events "$data/montgomery_pa_911_2015-12_2016-08.zip"
fi
