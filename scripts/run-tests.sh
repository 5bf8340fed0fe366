#!/usr/bin/env bash
# Runs every test suite (C++ via ctest, console unit tests, browser tests in chromium) and
# ends with one line "N passed, M failed". Exits non-zero when anything failed or a suite
# could not report. Expects `make build web` to have run (the Makefile's `test` does).
set -uo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build/release}
RESULTS=test-results
mkdir -p "$RESULTS"
passed=0
failed=0

note() { printf '\n== %s\n' "$*"; }

# 1. C++ tests.
note "C++ tests (ctest)"
ctest --test-dir "$BUILD_DIR" -j "$(nproc)" --output-on-failure --no-tests=error | tee "$RESULTS/ctest.log"
summary=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$RESULTS/ctest.log" | tail -n1)
if [ -n "$summary" ]; then
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$summary")
  bad=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$summary")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
else
  echo "ctest did not report a summary"; failed=$((failed + 1))
fi

# 2. Console unit tests (vitest).
note "console unit tests (vitest)"
rm -f web/test-results/vitest.json
(cd web && npm run --silent test:unit)
if [ -f web/test-results/vitest.json ]; then
  read -r p f < <(node -e 'const r=require("./web/test-results/vitest.json");console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))')
  passed=$((passed + p)); failed=$((failed + f))
else
  echo "vitest did not write its results"; failed=$((failed + 1))
fi

# 3. Browser tests (playwright-core driving Debian's chromium against the real server).
note "browser tests (chromium)"
rm -f web/test-results/browser.tap
(cd web && SHOUWANG_BIN="$(realpath "../$BUILD_DIR/shouwang")" npm run --silent test:browser)
if [ -f web/test-results/browser.tap ]; then
  p=$(grep -E '^# pass [0-9]+' web/test-results/browser.tap | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' web/test-results/browser.tap | awk '{print $3}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
else
  echo "the browser tests did not write their results"; failed=$((failed + 1))
fi

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
