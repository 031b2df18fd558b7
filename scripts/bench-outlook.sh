#!/usr/bin/env bash
# Times `monazite outlook` (bundled projects and assumptions, JSON out) at 1, 10,000 and 100,000
# Monte Carlo draws, so the difference from the 1-draw run is the cost of the draws. Prints the
# computed answer first.
# Usage: bash scripts/bench-outlook.sh [RUNS]   (debug build by default; CONFIG=release to measure a release build)
set -euo pipefail
runs=${1:-9}
config=${CONFIG:-debug}
cd "$(dirname "$0")/.."
nice -n 10 swift build -c "$config" --product monazite >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/monazite"
"$bin" outlook --format json | python3 -c 'import json,sys; c=json.load(sys.stdin)["coverage"]; print("answer:", c["headline"])'
time_ms() {  # median wall-clock milliseconds of RUNS runs
  local draws=$1 t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$bin" outlook --draws "$draws" --format json >/dev/null
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
one=$(time_ms 1)
ten=$(time_ms 10000)
hundred=$(time_ms 100000)
echo "config: $config; runs: $runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "monazite outlook, whole process, median: 1 draw ${one} ms; 10,000 draws ${ten} ms; 100,000 draws ${hundred} ms"
