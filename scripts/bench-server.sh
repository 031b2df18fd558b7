#!/usr/bin/env bash
# HTTP benchmark (issue 4): wrk against Monazite's trade-series endpoint and home page, and, in
# the same run, against Datasette (PyPI) serving the same SQLite file: its JSON for the same
# series (a SQL query over the same tables) and its home page.
# Usage: scripts/bench-server.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
OUT=bench-out
mkdir -p "$OUT"
if ! command -v wrk >/dev/null 2>&1; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; fi
if [ ! -x .venv-bench/bin/datasette ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install --quiet datasette
fi
swift build -c release --product monazite >/dev/null
BIN=$(swift build -c release --show-bin-path)/monazite
STORE="$OUT/bench-server.sqlite"
rm -f "$STORE"*
"$BIN" init --store "$STORE" >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
MP=$(free_port); DP=$(free_port); UP=$(free_port)
"$BIN" serve --store "$STORE" --port "$MP" --log-level error >"$OUT/monazite-serve.log" 2>&1 &
M=$!
"$BIN" serve --store "$STORE" --port "$UP" --page-cache 0 --log-level error >"$OUT/monazite-serve-nocache.log" 2>&1 &
U=$!
.venv-bench/bin/datasette serve "$STORE" --port "$DP" >"$OUT/datasette.log" 2>&1 &
D=$!
trap 'kill $M $U $D 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do
  curl -fsS "http://127.0.0.1:$MP/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$UP/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$DP/-/versions.json" >/dev/null 2>&1 && break
  sleep 0.1
done
DB=$(basename "$STORE" .sqlite)
# The same series as /api/v1/trade?from=2024-01&to=2025-12 (China's HS 8505.11 exports to the world),
# as raw stored rows: Datasette returns them, Monazite also computes MoM/YoY/YTD and sources.
SQL="select o.first_month, o.last_month, o.release, o.quantity_t, o.status, s2.name, s2.url from observation o join series s on s.id = o.series_id join source s2 on s2.id = o.source_id where s.reporter = 'CHN' and s.partner = 'WLD' and s.flow = 'export' and s.commodity = '850511' and o.first_month >= 202401 and o.last_month <= 202512 order by o.first_month, o.release"
ENC=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$SQL")
declare -A URLS=(
  [monazite-trade]="http://127.0.0.1:$MP/api/v1/trade?from=2024-01&to=2025-12"
  [datasette-trade]="http://127.0.0.1:$DP/$DB.json?sql=$ENC&_shape=array"
  [monazite-home]="http://127.0.0.1:$MP/"
  [monazite-trade-nocache]="http://127.0.0.1:$UP/api/v1/trade?from=2024-01&to=2025-12"
  [monazite-home-nocache]="http://127.0.0.1:$UP/"
  [datasette-home]="http://127.0.0.1:$DP/"
)
echo "machine: $(nproc) cores; $(date -u +%FT%TZ); wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency; datasette $(.venv-bench/bin/datasette --version | awk '{print $NF}')"
declare -A RPS P99
for name in monazite-trade monazite-trade-nocache datasette-trade monazite-home monazite-home-nocache datasette-home; do
  url=${URLS[$name]}
  curl -fsS "$url" >/dev/null || { echo "$name: $url does not answer"; exit 1; }
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$OUT/wrk-$name.txt"
  RPS[$name]=$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-$name.txt")
  P99[$name]=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$OUT/wrk-$name.txt")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/wrk-$name.txt")
  printf "%-24s %10s req/s  p99 %8s ms  %s\n" "$name" "${RPS[$name]}" "${P99[$name]}" "$errors"
done
for what in trade trade-nocache home home-nocache; do
  base=${what%-nocache}
  python3 - "$what" "${RPS[monazite-$what]}" "${RPS[datasette-$base]}" "${P99[monazite-$what]}" "${P99[datasette-$base]}" <<'PY'
import sys
what, mr, dr, mp, dp = sys.argv[1], *map(float, sys.argv[2:])
print(f"{what}: throughput x{mr/dr:.1f} of Datasette (issue 11 aim x30, issue 4 x10); p99 {mp/dp:.2f} of Datasette's (issue 11 aim at most 0.10, issue 4 under 0.20)")
PY
done
