#!/usr/bin/env bash
# Second command of the README (and what CI runs): the whole test suite, the PostgreSQL
# contract cases included (scripts/postgres.sh installs and starts a local server), a fuzz smoke
# of every parser, then the browser test of the dashboard (headless Chromium, installed here from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dpkg -s libsqlite3-dev >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq libsqlite3-dev
fi
MONAZITE_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
export MONAZITE_TEST_POSTGRES_URL
export MONAZITE_REQUIRE_POSTGRES=1
swift build --build-tests
swift test --skip-build --disable-xctest
# Fuzz smoke: every parser harness for 3,000 inputs under AddressSanitizer (a sanitized release
# build of the parsers in .build-fuzz/; the long run is scripts/fuzz.sh, figures in RELIABILITY.md).
# libFuzzer ships with the Linux toolchain only. MONAZITE_SKIP_FUZZ_SMOKE=1 leaves it out.
if [ "$(uname -s)" = Linux ] && [ "${MONAZITE_SKIP_FUZZ_SMOKE:-0}" != 1 ]; then
  bash scripts/fuzz.sh --smoke
fi
bash scripts/browser-test.sh
