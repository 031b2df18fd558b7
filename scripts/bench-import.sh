#!/usr/bin/env bash
# Import benchmark (issue 2): a generated 1,000,000-row SYNTHETIC Comtrade CSV imported into
# Monazite's store, then the monthly trade query over it; DuckDB and pandas + SQLite on the
# same file in the same run. Usage: scripts/bench-import.sh [ROWS] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
REPEATS=${2:-3}
OUT=bench-out
mkdir -p "$OUT"
CSV="$OUT/comtrade-synthetic-$ROWS.csv"
[ -f "$CSV" ] || python3 scripts/generate-comtrade.py "$ROWS" "$CSV"
swift build -c release --product monazite >/dev/null
BIN=$(swift build -c release --show-bin-path)/monazite
if [ ! -x .venv-bench/bin/python ]; then
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install --quiet duckdb pandas
fi
echo "file: $CSV ($(du -h "$CSV" | cut -f1), $ROWS rows); machine: $(nproc) cores; $(date -u +%F)"
for i in $(seq "$REPEATS"); do
  STORE="$OUT/bench-$i.sqlite"
  rm -f "$STORE"*
  "$BIN" init --store "$STORE" >/dev/null
  t0=$(date +%s.%N)
  "$BIN" import "$CSV" --format comtrade --store "$STORE" >/dev/null
  t1=$(date +%s.%N)
  "$BIN" trade --store "$STORE" --reporter CHN --partner USA --flow export --commodity 850511 --from 2000-01 --to 2025-12 --format json >/dev/null
  t2=$(date +%s.%N)
  printf "monazite %.3f %.4f\n" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
  .venv-bench/bin/python scripts/bench_import_peers.py "$CSV" duckdb pandas
done
