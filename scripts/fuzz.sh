#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` CMake preset: clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, in build/fuzz) and runs each for FUZZ_SECONDS seconds
# (default 60) on a copy of its seed corpus in var/fuzz/<target>/corpus, so nothing in the
# source tree is written. Prints one summary line per target and exits non-zero when a
# fuzzer reported a crash, leak, time-out or sanitizer error; the input that caused it
# stays in var/fuzz/<target>/ (its name is in the summary) with the run's log beside it.
# Installs nothing: it needs clang and libfuzzer-14-dev (scripts/install-deps.sh).
#
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh                 # longer runs
#   FUZZ_TARGETS=fuzz_command_json bash scripts/fuzz.sh   # only the targets named
#   build/fuzz/tests/fuzz/fuzz_csv_import var/fuzz/fuzz_csv_import/crash-...   # replay a finding
set -uo pipefail

cd "$(dirname "$0")/.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-fuzz_command_json fuzz_csv_import fuzz_eido_import}
JOBS=${JOBS:-$(nproc)}
OUT=var/fuzz

for tool in cmake clang clang++; do
  command -v "$tool" >/dev/null 2>&1 || { echo "fuzz: $tool not found (scripts/install-deps.sh installs it)"; exit 2; }
done
if ! [[ "$FUZZ_SECONDS" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz: FUZZ_SECONDS must be a positive number of seconds, not '$FUZZ_SECONDS'"; exit 2
fi

echo "== building the fuzz targets (cmake --preset fuzz)"
cmake --preset fuzz >/dev/null || { echo "fuzz: configuring the fuzz preset failed"; exit 1; }
cmake --build --preset fuzz -j "$JOBS" || { echo "fuzz: building the fuzz targets failed"; exit 1; }

# Undefined behaviour ends the run (-fno-sanitize-recover) with a stack trace; libFuzzer
# checks for leaks itself (-detect_leaks=1 by default).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

summaries=()
findings=0
for target in $FUZZ_TARGETS; do
  binary=build/fuzz/tests/fuzz/$target
  seeds=tests/fuzz/corpus/$target
  dir=$OUT/$target
  if [ ! -x "$binary" ] || [ ! -d "$seeds" ]; then
    summaries+=("$target: no such fuzz target (binary $binary, seeds $seeds)"); findings=$((findings + 1)); continue
  fi
  # A fresh copy of the seeds each run; earlier findings in $dir are kept.
  rm -rf "$dir/corpus"
  mkdir -p "$dir/corpus"
  cp "$seeds"/* "$dir/corpus/"
  options=(-max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1
           -artifact_prefix="$dir/")
  [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")

  echo "== $target: ${FUZZ_SECONDS} s on $(ls "$dir/corpus" | wc -l) seeds"
  log=$dir/fuzz.log
  started=$SECONDS
  "$binary" "${options[@]}" "$dir/corpus" >"$log" 2>&1
  status=$?
  elapsed=$((SECONDS - started))

  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$log" | tail -n1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -n1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$last")
  artifacts=$(sed -nE 's/.*Test unit written to (.*)$/\1/p' "$log")
  crashes=$(grep -c . <<<"$artifacts")
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  line="$target: ${runs:-?} runs in ${elapsed} s, coverage ${cov:-?} edges (${ft:-?} features), corpus ${corp:-?} inputs, crashes found = $crashes"
  if [ "$crashes" -ne 0 ]; then
    findings=$((findings + crashes))
    line+=" (exit $status; ${artifacts:-no input saved}; log $log)"
    echo "-- $target found a problem; the end of $log:"
    tail -n 40 "$log"
  fi
  summaries+=("$line")
done

echo
printf '%s\n' "${summaries[@]}"
[ "$findings" -eq 0 ]
