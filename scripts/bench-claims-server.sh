#!/usr/bin/env bash
# Times `POST /api/v1/claims` on the ~1,500-word article of bench-claims.sh against a release
# `serve --page-cache 0` (every request computed): the first request, then the median of RUNS
# after it, and the median for an empty body (routing, reading, JSON out).
# Usage: bash scripts/bench-claims-server.sh [RUNS]   (default 21)
set -euo pipefail
runs=${1:-21}
cd "$(dirname "$0")/.."
# shellcheck source=serve-on-free-port.sh
. scripts/serve-on-free-port.sh
# shellcheck source=claims-bench-article.sh
. scripts/claims-bench-article.sh
nice -n 10 swift build -c release --product monazite >/dev/null
BIN="$(swift build -c release --show-bin-path)/monazite"
WORK="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }; rm -rf "$WORK"' EXIT
"$BIN" init --store "$WORK/store.sqlite" >/dev/null
claims_bench_article "$WORK/article.md"
: > "$WORK/empty.txt"
serve_on_free_port "$WORK" --store "$WORK/store.sqlite" --page-cache 0
post() {
  curl -s -o /dev/null -w '%{time_total}\n' -X POST -H 'Content-Type: text/plain' --data-binary "@$1" \
    "$URL/api/v1/claims?published=2026-03-02"
}
first=$(post "$WORK/article.md")
article=$(for _ in $(seq "$runs"); do post "$WORK/article.md"; done | median_ms 1000)
empty=$(for _ in $(seq "$runs"); do post "$WORK/empty.txt"; done | median_ms 1000)
echo "POST /api/v1/claims, ${runs} requests after the first: article median ${article} ms (first request $(awk -v t="$first" 'BEGIN { printf "%.1f", t * 1000 }') ms); empty body median ${empty} ms"
