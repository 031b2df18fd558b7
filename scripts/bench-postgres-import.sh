#!/usr/bin/env bash
# SQLite and PostgreSQL stores side by side (issue 11, item 5): the same SYNTHETIC Comtrade CSV
# imported into a fresh SQLite file and a fresh PostgreSQL schema, alternately, in one run; the
# ratio PostgreSQL/SQLite per run and of the medians. Whole processes, wall clock.
# Usage: scripts/bench-postgres-import.sh [ROWS] [REPEATS]   (PostgreSQL from scripts/postgres.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}
REPEATS=${2:-5}
OUT=bench-out
mkdir -p "$OUT"
CSV="$OUT/comtrade-synthetic-$ROWS.csv"
[ -f "$CSV" ] || python3 scripts/generate-comtrade.py "$ROWS" "$CSV"
swift build -c release --product monazite >/dev/null
M=$(swift build -c release --show-bin-path)/monazite
U=$(bash scripts/postgres.sh 2>/dev/null)
SEP='?'; case "$U" in *\?*) SEP='&';; esac
echo "file: $CSV ($ROWS rows); machine: $(nproc) cores; $(date -u +%F); $(psql --version 2>/dev/null | head -1 || echo PostgreSQL)"
echo "run sqlite_s postgres_s ratio"
declare -a S P
for i in $(seq "$REPEATS"); do
  STORE="$OUT/bench-pg-$i.sqlite"; rm -f "$STORE"*
  SCHEMA="bench_$$_$i"; PGURL="$U${SEP}schema=$SCHEMA"
  "$M" init --store "$STORE" >/dev/null
  "$M" init --store "$PGURL" >/dev/null
  t0=$(date +%s.%N); "$M" import "$CSV" --format comtrade --store "$STORE" >/dev/null; t1=$(date +%s.%N)
  "$M" import "$CSV" --format comtrade --store "$PGURL" >/dev/null; t2=$(date +%s.%N)
  s=$(echo "$t1 - $t0" | bc); p=$(echo "$t2 - $t1" | bc)
  S+=("$s"); P+=("$p")
  printf "%d %.3f %.3f %.2f\n" "$i" "$s" "$p" "$(echo "$p / $s" | bc -l)"
  psql "$U" -qc "DROP SCHEMA $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -f "$STORE"*
done
ms=$(printf "%s\n" "${S[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
mp=$(printf "%s\n" "${P[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf "median %.3f %.3f %.2f\n" "$ms" "$mp" "$(echo "$mp / $ms" | bc -l)"
