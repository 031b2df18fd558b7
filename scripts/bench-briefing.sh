#!/usr/bin/env bash
# Times `monazite briefing PERIOD --format md` as a whole process for every month the bundled
# store holds a world figure for (China's HS 8505.11 exports, the briefing's series), RUNS runs
# each after one warm-up, and prints the median and the worst run over all months, and each
# month's median. Aim (issue 12): any month's briefing in under 200 ms.
# Usage: bash scripts/bench-briefing.sh [RUNS]   (release build; CONFIG=debug for the debug build;
#        MONAZITE_BIN=PATH to time a binary already built, without building)
set -euo pipefail
runs=${1:-5}
config=${CONFIG:-release}
cd "$(dirname "$0")/.."
if [ -n "${MONAZITE_BIN:-}" ]; then
  bin=$MONAZITE_BIN
  config="given binary $bin"
else
  nice -n 10 swift build -c "$config" --product monazite >/dev/null
  bin="$(swift build -c "$config" --show-bin-path)/monazite"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store="$work/store.sqlite"
"$bin" init --store "$store" >/dev/null
# The months with a stored world figure: the first CSV column of the world series.
months=$("$bin" trade --store "$store" --format csv | tail -n +2 | cut -d, -f1 | grep -E '^[0-9]{4}-[0-9]{2}$' | sort -u)
count=$(printf '%s\n' "$months" | wc -l)
all="$work/all.txt"
per="$work/per-month.txt"
: > "$all"
: > "$per"
for m in $months; do
  "$bin" briefing "$m" --store "$store" --format md --today 2026-11-30 >/dev/null  # warm-up
  t=()
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    "$bin" briefing "$m" --store "$store" --format md --today 2026-11-30 >/dev/null
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" >> "$all"
  med=$(printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}')
  echo "$m $med" >> "$per"
done
# CPU time (task-clock) of one more run per month, when perf works here: it does not grow with the
# machine's load as wall-clock time does, so it tells the code's cost on a shared machine.
cpu=""
if command -v perf >/dev/null 2>&1 && perf stat -x, -e task-clock true >/dev/null 2>&1; then
  cpufile="$work/cpu.txt"
  : > "$cpufile"
  for m in $months; do
    perf stat -x, -e task-clock "$bin" briefing "$m" --store "$store" --format md --today 2026-11-30 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}' >> "$cpufile"
  done
  # The same binary doing nothing but start and print its help: what any command costs.
  base="$work/base.txt"
  : > "$base"
  for _ in $(seq 5); do
    perf stat -x, -e task-clock "$bin" --help 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}' >> "$base"
  done
  cpu="CPU time (perf task-clock, one run per month): median $(sort -n "$cpufile" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}') ms, worst $(sort -n "$cpufile" | tail -1 | awk '{printf "%.1f", $1}') ms; the same binary's --help alone, median of 5: $(sort -n "$base" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}') ms"
fi
median=$(sort -n "$all" | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}')
worst=$(sort -n "$all" | tail -1 | awk '{printf "%.1f", $1/1000}')
slowest=$(sort -k2 -n "$per" | tail -1)
echo "config: $config; months: $count ($(head -1 <<<"$months") to $(tail -1 <<<"$months")); runs per month: $runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "monazite briefing PERIOD --format md, whole process: median ${median} ms, worst ${worst} ms (aim: under 200 ms)"
echo "slowest month by median: $slowest ms"
if [ -n "$cpu" ]; then echo "$cpu"; fi
if [ -n "${VERBOSE:-}" ]; then cat "$per"; fi
