#!/usr/bin/env bash
# Times `monazite claims` on a ~1,500-word article (the corpus articles, twice) against an empty
# article, so that the difference is the cost of extracting and checking the claims.
# Usage: bash scripts/bench-claims.sh [RUNS]   (release build, or CONFIG=debug; a fresh store with the bundled data)
set -euo pipefail
runs=${1:-15}
config=${CONFIG:-release}   # CONFIG=debug to measure the debug build
cd "$(dirname "$0")/.."
# shellcheck source=claims-bench-article.sh
. scripts/claims-bench-article.sh
nice -n 10 swift build -c "$config" --product monazite >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/monazite"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store="$work/store.sqlite"
"$bin" init --store "$store" >/dev/null
article="$work/article.md"
claims_bench_article "$article"
: > "$work/empty.txt"
words=$(wc -w < "$article")
claims=$("$bin" claims --store "$store" --published 2026-03-02 --format json "$article" | grep -c '"verdict"')
time_ms() {  # median wall-clock milliseconds of RUNS runs
  local file=$1 t=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$bin" claims --store "$store" --published 2026-03-02 --format json "$file" >/dev/null
    e=$(date +%s%N)
    t+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${t[@]}" | median_ms 0.001
}
full=$(time_ms "$article")
empty=$(time_ms "$work/empty.txt")
echo "article: $words words, $claims claims; runs: $runs"
echo "monazite claims, whole process, median: ${full} ms (empty article: ${empty} ms)"
awk -v a="$full" -v b="$empty" 'BEGIN { printf "extraction and checking: %.1f ms (aim: under 50 ms)\n", a - b }'
