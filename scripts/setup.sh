#!/usr/bin/env bash
# First command of the README: installs what a fresh machine lacks, builds Monazite, creates
# the embedded store with the bundled dataset and prints the June 2025 magnet-export summary,
# then the latest month's with how far the series is behind its release rhythm today.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s zlib1g-dev >/dev/null 2>&1 || need+=(zlib1g-dev)
command -v bc >/dev/null 2>&1 || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing system packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
fi
swift build -c release --product monazite
BIN=$(swift build -c release --show-bin-path)/monazite
STORE=${MONAZITE_STORE:-$PWD/monazite.sqlite}
"$BIN" init --store "$STORE"
echo
"$BIN" summary 2025-06 --store "$STORE"
echo
echo "The latest month the store holds, and how current that is today:"
"$BIN" summary --store "$STORE"
echo
echo "store: $STORE   binary: $BIN"
echo "next: $BIN trade --store $STORE --from 2025-01 --to 2025-12"
echo "      $BIN serve --store $STORE   # dashboard and JSON API on http://127.0.0.1:8080/"
