#!/usr/bin/env bash
# Second command of the README (and what CI runs): the whole test suite, the PostgreSQL
# contract cases included (scripts/postgres.sh installs and starts a local server), short crash,
# fault and soak runs, two servers on one PostgreSQL, a fuzz smoke of every parser, then the
# browser tests of the dashboard and of sign-in to a private server (headless Chromium, and
# chromedriver with Selenium for the sign-in flow, installed from Debian and PyPI if missing), then a
# short schemathesis run of the API against its OpenAPI document (10 examples per operation;
# scripts/api-fuzz.sh creates its Python venv from PyPI on a machine without one).
set -euo pipefail
cd "$(dirname "$0")/.."
# SQLite for GRDB; zlib for ZIPFoundation (the dashboard's XLSX downloads).
need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi
MONAZITE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
export MONAZITE_TEST_POSTGRES_URL
export MONAZITE_REQUIRE_POSTGRES=1
swift build --build-tests
swift test --skip-build --disable-xctest
# Short versions of the reliability scripts (issue 15); the long runs and their figures are in
# RELIABILITY.md. About three and a half minutes together.
CRASH_BIG_ROWS=20000 CRASH_PG_BIG_ROWS=6000 bash scripts/crash-test.sh 3 sqlite
CRASH_BIG_ROWS=20000 CRASH_PG_BIG_ROWS=6000 bash scripts/crash-test.sh 2 postgres
CRASH_PG_BIG_ROWS=6000 bash scripts/crash-test.sh 3 pgserver
bash scripts/fault-test.sh
SOAK_CHUNK=10 SOAK_MAX_GROWTH_PCT=30 bash scripts/soak.sh 20 sqlite
bash scripts/two-servers.sh
# Fuzz smoke: every parser harness for 3,000 inputs under AddressSanitizer (a sanitized release
# build of the parsers in .build-fuzz/; the long run is scripts/fuzz.sh, figures in RELIABILITY.md).
# libFuzzer ships with the Linux toolchain only. MONAZITE_SKIP_FUZZ_SMOKE=1 leaves it out.
if [ "$(uname -s)" = Linux ] && [ "${MONAZITE_SKIP_FUZZ_SMOKE:-0}" != 1 ]; then
  bash scripts/fuzz.sh --smoke
fi
bash scripts/browser-test.sh
bash scripts/browser-signin-test.sh
bash scripts/api-fuzz.sh 10
