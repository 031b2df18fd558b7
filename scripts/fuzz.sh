#!/usr/bin/env bash
# libFuzzer run of every parser harness (issue 15, item 2; RELIABILITY.md has the figures).
#
#   scripts/fuzz.sh [RUNS_PER_HARNESS | --smoke] [HARNESS ...]
#
# Builds Fuzz/ (a package of its own) with -sanitize=fuzzer,address into .build-fuzz/, seeds the
# corpora from the tests and the bundled data (scripts/fuzz_seed.py; the corpora live in
# .build-fuzz/corpus and grow from run to run), runs each harness for RUNS_PER_HARNESS inputs
# (default 1,000,000; --smoke: 3,000) and prints a table. Exits non-zero when any harness finds a
# crash, trap, hang (over 10 s on one input), leak or out-of-memory; the input that did it is kept
# in .build-fuzz/findings/ (replay: MONAZITE_FUZZ_TARGET=<harness> .build-fuzz/release/MonaziteFuzz <file>).
# MONAZITE_FUZZ_MAX_TIME=<seconds> also stops each harness after that long (its true count is shown).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=1000000
if [ "${1:-}" = "--smoke" ]; then RUNS=3000; shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then RUNS=$1; shift; fi

SCRATCH=.build-fuzz
mkdir -p "$SCRATCH"
build_harnesses() {
  swift build -c release --package-path Fuzz --scratch-path "$SCRATCH" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$SCRATCH/build.log" 2>&1
}
# The harness package reaches the sources through a path dependency, and its cached build plan
# does not notice a source file added, moved or removed there ("missing inputs", or "cannot find
# type" for a type in a new file): after a failed build, plan again once.
built=0
build_harnesses && built=1
if [ "$built" = 0 ]; then
  rm -f "$SCRATCH/build.db" "$SCRATCH"/*/release/description.json
  build_harnesses && built=1
fi
if [ "$built" = 0 ]; then
  grep -vE "^\[|Cannot export local symbol" "$SCRATCH/build.log" | tail -40 >&2
  echo "fuzz.sh: the harness build failed (log: $SCRATCH/build.log)" >&2
  exit 2
fi
BIN="$SCRATCH/release/MonaziteFuzz"

CORPUS="$SCRATCH/corpus"
FINDINGS="$SCRATCH/findings"
LOGS="$SCRATCH/logs"
mkdir -p "$CORPUS" "$FINDINGS" "$LOGS"
if command -v python3 >/dev/null; then
  python3 scripts/fuzz_seed.py "$CORPUS" >/dev/null
else
  echo "fuzz.sh: no python3, so the corpora are not seeded from the tests (libFuzzer starts from nothing)" >&2
fi

if [ $# -gt 0 ]; then HARNESSES=("$@"); else mapfile -t HARNESSES < <("$BIN" --list); fi

# The Swift runtime's backtracer would wait on a crashing fuzzer; libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
EXTRA=()
[ -n "${MONAZITE_FUZZ_MAX_TIME:-}" ] && EXTRA+=("-max_total_time=$MONAZITE_FUZZ_MAX_TIME")

SUMMARY="$SCRATCH/summary.txt"
printf "%-13s %12s %9s %9s %8s %8s\n" harness executions seconds "exec/s" corpus failures | tee "$SUMMARY"
failed=0
for h in "${HARNESSES[@]}"; do
  case "$h" in
    period|hs|country) max_len=256 ;;
    # A claim is read a sentence at a time with a small frame carried between sentences: 1,024
    # bytes hold five to ten sentences. Whole articles are read by the corpus tests and the benchmark.
    claims) max_len=1024 ;;
    *) max_len=8192 ;;
  esac
  mkdir -p "$CORPUS/$h"
  log="$LOGS/$h.log"
  start=$(date +%s.%N)
  rc=0
  MONAZITE_FUZZ_TARGET="$h" "$BIN" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$FINDINGS/$h-" "${EXTRA[@]}" "$CORPUS/$h" >"$log" 2>&1 || rc=$?
  end=$(date +%s.%N)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  rate=$(awk -v n="${execs:-0}" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
  files=$(find "$CORPUS/$h" -type f | wc -l)
  failures=0
  if [ "$rc" -ne 0 ]; then
    failures=1
    failed=1
    echo "fuzz.sh: $h failed (exit $rc); see $log" >&2
    grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*Test unit written)" "$log" | head -5 >&2 || true
  fi
  printf "%-13s %12s %9s %9s %8s %8s\n" "$h" "${execs:-?}" "$secs" "$rate" "$files" "$failures" | tee -a "$SUMMARY"
done
exit "$failed"
