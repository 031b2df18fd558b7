#!/usr/bin/env bash
# Import benchmark (issues 2 and 10): a generated 1,000,000-row SYNTHETIC Comtrade CSV in the full
# 47-column bulk layout imported into Monazite's store, then the monthly trade query over it;
# DuckDB and pandas + SQLite on the same file in the same run, interleaved run by run.
# Usage: scripts/bench-import.sh [ROWS] [REPEATS]   (raw lines and medians in bench-out/import-bench.txt)
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
# The venv is shared with the other benchmark scripts: install what this one needs if it is missing.
[ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench
.venv-bench/bin/python -c 'import duckdb, pandas' 2>/dev/null || .venv-bench/bin/pip install --quiet duckdb pandas
LOG="$OUT/import-bench.txt"
{
  echo "file: $CSV ($(du -h "$CSV" | cut -f1), $ROWS rows, $(head -1 "$CSV" | tr ',' '\n' | wc -l) columns)"
  echo "machine: $(nproc) cores, $(uname -srm); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
  echo "versions: duckdb $(.venv-bench/bin/python -c 'import duckdb; print(duckdb.__version__)'), pandas $(.venv-bench/bin/python -c 'import pandas; print(pandas.__version__)')"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$LOG"
for i in $(seq "$REPEATS"); do
  STORE="$OUT/bench-$i.sqlite"
  rm -f "$STORE"*
  "$BIN" init --store "$STORE" >/dev/null
  sync
  t0=$(date +%s.%N)
  "$BIN" import "$CSV" --format comtrade --store "$STORE" >/dev/null 2>&1
  t1=$(date +%s.%N)
  "$BIN" trade --store "$STORE" --reporter CHN --partner USA --flow export --commodity 850511 --from 2000-01 --to 2025-12 --format json >/dev/null
  t2=$(date +%s.%N)
  printf "monazite %.3f %.4f\n" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" | tee -a "$LOG"
  .venv-bench/bin/python scripts/bench_import_peers.py "$CSV" duckdb pandas | tee -a "$LOG"
  rm -f "$STORE"*
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
python3 - "$LOG" <<'PY' | tee -a "$LOG.summary"
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if parts and parts[0] in ("monazite", "duckdb", "pandas+sqlite"):
        times.setdefault(parts[0], []).append((float(parts[1]), float(parts[2])))
med = {k: (statistics.median(t for t, _ in v), statistics.median(q for _, q in v)) for k, v in times.items()}
for k, (i, q) in med.items():
    print(f"median {k}: import {i:.3f} s, query {q:.4f} s ({len(times[k])} runs)")
if "monazite" in med and "duckdb" in med:
    print(f"ratio monazite/duckdb import: {med['monazite'][0] / med['duckdb'][0]:.2f}x")
if "monazite" in med and "pandas+sqlite" in med:
    print(f"ratio monazite/pandas+sqlite import: {med['monazite'][0] / med['pandas+sqlite'][0]:.2f}x")
PY
cat "$LOG.summary" >> "$LOG" && rm -f "$LOG.summary"
