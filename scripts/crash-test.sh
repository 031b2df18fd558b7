#!/usr/bin/env bash
# Crash test (issue 15, item 3): `monazite import` killed with SIGKILL at a random moment, ROUNDS
# times per store. Every round starts from a store that holds a known baseline import; after the
# kill the store must pass its integrity check, hold exactly the baseline or the baseline plus the
# whole file (all or nothing: observation rows and import batches agree), and take a later import.
#
#   scripts/crash-test.sh [ROUNDS] [sqlite|postgres|both]     (default: 100 both)
#
# SQLite: a fresh copy of the baseline file per round; `PRAGMA integrity_check` (sqlite3 CLI)
# and `PRAGMA foreign_key_check`. PostgreSQL: a dedicated database per round, made from a
# baseline database as TEMPLATE (created through the postgres superuser, so the shared test
# database is not touched); no orphan observations, no series without a source.
# Needs a running PostgreSQL (scripts/postgres.sh) for the postgres part. Ends non-zero on any
# failed check. Synthetic Comtrade rows only (scripts/generate-comtrade.py).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-100}
BACKENDS=${2:-both}
BIG_ROWS=${CRASH_BIG_ROWS:-50000}      # SQLite: ~1.5 s to import on a quiet 2-core machine
PG_BIG_ROWS=${CRASH_PG_BIG_ROWS:-15000} # PostgreSQL: about as long
case "$BACKENDS" in sqlite|postgres|both) ;; *) echo "usage: $0 [ROUNDS] [sqlite|postgres|both]" >&2; exit 2 ;; esac
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
command -v sqlite3 >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sqlite3 >/dev/null; }

swift build --product monazite >/dev/null 2>&1 || swift build --product monazite
BIN=$(swift build --show-bin-path)/monazite
W=$(mktemp -d /tmp/monazite-crash.XXXXXX)
PGDB_BASE=monazite_crash_base_$$
PGDB_ROUND=monazite_crash_round_$$
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
pg_admin() { as_postgres "PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -p ${PGPORT_ADMIN:-5432} -tAc \"$1\"" >/dev/null; }
cleanup() {
  rm -rf "$W"
  if [ "$BACKENDS" != sqlite ]; then
    pg_admin "DROP DATABASE IF EXISTS $PGDB_ROUND" 2>/dev/null || true
    pg_admin "DROP DATABASE IF EXISTS $PGDB_BASE" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# Three disjoint slices of one synthetic file (the generator walks the key space in a fixed
# order): the baseline, the big file that is killed, the small file imported afterwards.
BASE_ROWS=3000; SMALL_ROWS=500
python3 scripts/generate-comtrade.py $((BASE_ROWS + BIG_ROWS + SMALL_ROWS)) "$W/all.csv" 7 2>/dev/null
head -1 "$W/all.csv" > "$W/header"
{ cat "$W/header"; sed -n "2,$((BASE_ROWS + 1))p" "$W/all.csv"; } > "$W/base.csv"
{ cat "$W/header"; sed -n "$((BASE_ROWS + 2)),$((BASE_ROWS + BIG_ROWS + 1))p" "$W/all.csv"; } > "$W/big-sqlite.csv"
{ cat "$W/header"; sed -n "$((BASE_ROWS + BIG_ROWS + 2)),\$p" "$W/all.csv"; } > "$W/small.csv"
rm "$W/all.csv"
head -$((PG_BIG_ROWS + 1)) "$W/big-sqlite.csv" > "$W/big-postgres.csv"

FAILED=0
fail() { echo "FAIL [$1 round $2]: $3" >&2; FAILED=$((FAILED + 1)); }

# counts STORE-KIND TARGET -> "observations batches"
counts() {
  if [ "$1" = sqlite ]; then
    sqlite3 "$2" "SELECT (SELECT count(*) FROM observation) || ' ' || (SELECT count(*) FROM import_batch)"
  else
    PGPASSWORD=$PGPASS psql -X -q -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -d "$2" -tAc \
      "SELECT (SELECT count(*) FROM observation) || ' ' || (SELECT count(*) FROM import_batch)"
  fi
}
# consistent STORE-KIND TARGET -> prints "ok" or what is wrong
consistent() {
  if [ "$1" = sqlite ]; then
    local ic fk
    ic=$(sqlite3 "$2" "PRAGMA integrity_check" 2>&1 | tr '\n' ' ' | sed 's/ $//')
    fk=$(sqlite3 "$2" "PRAGMA foreign_key_check" 2>&1 | head -3 | tr '\n' ' ')
    if [ "$ic" = ok ] && [ -z "$fk" ]; then echo ok; else echo "integrity_check: $ic; foreign_key_check: ${fk:-none}"; fi
  else
    PGPASSWORD=$PGPASS psql -X -q -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -d "$2" -tAc "
      SELECT CASE WHEN orphans = 0 AND sourceless = 0 THEN 'ok'
                  ELSE 'orphan observations ' || orphans || ', series without source ' || sourceless END
      FROM (SELECT (SELECT count(*) FROM observation o LEFT JOIN series s ON s.id = o.series_id WHERE s.id IS NULL) AS orphans,
                   (SELECT count(*) FROM observation o LEFT JOIN source s ON s.id = o.source_id WHERE s.id IS NULL) AS sourceless) t" 2>&1
  fi
}

run_backend() {
  local kind=$1 target store base_store
  if [ "$kind" = sqlite ]; then
    base_store="$W/base.sqlite"
    "$BIN" init --store "$base_store" >/dev/null
  else
    pg_admin "DROP DATABASE IF EXISTS $PGDB_BASE"
    pg_admin "CREATE DATABASE $PGDB_BASE OWNER $PGUSER"
    base_store="postgres://$PGUSER:$PGPASS@127.0.0.1:$PGPORT/$PGDB_BASE"
    "$BIN" init --store "$base_store" >/dev/null
  fi
  "$BIN" import "$W/base.csv" --format comtrade --store "$base_store" >/dev/null
  if [ "$kind" = sqlite ]; then sqlite3 "$base_store" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; fi
  local base_counts; base_counts=$(counts "$kind" "$( [ "$kind" = sqlite ] && echo "$base_store" || echo "$PGDB_BASE")")
  local bobs=${base_counts% *} bbat=${base_counts#* }

  # Time one whole import of the big file (from a baseline copy), to draw kill moments from.
  fresh() {
    if [ "$kind" = sqlite ]; then
      rm -f "$W/round.sqlite" "$W/round.sqlite-wal" "$W/round.sqlite-shm"
      cp "$base_store" "$W/round.sqlite"; store="$W/round.sqlite"; target="$store"
    else
      pg_admin "DROP DATABASE IF EXISTS $PGDB_ROUND"
      pg_admin "CREATE DATABASE $PGDB_ROUND TEMPLATE $PGDB_BASE OWNER $PGUSER"
      store="postgres://$PGUSER:$PGPASS@127.0.0.1:$PGPORT/$PGDB_ROUND"; target=$PGDB_ROUND
    fi
  }
  fresh
  local t0 t1; t0=$(date +%s%N)
  "$BIN" import "$W/big-$kind.csv" --format comtrade --store "$store" >/dev/null 2>&1
  t1=$(date +%s%N)
  local full_ms=$(( (t1 - t0) / 1000000 ))
  local full_counts; full_counts=$(counts "$kind" "$target")
  local fobs=${full_counts% *} fbat=${full_counts#* }
  [ "$fobs" -gt "$bobs" ] || { echo "the big file added no rows ($base_counts -> $full_counts)" >&2; exit 1; }
  echo "$kind: baseline $bobs observations in $bbat batches; the big file adds $((fobs - bobs)) rows; a whole import takes ${full_ms} ms"

  local killed=0 exited=0 none=0 all=0 later_ok=0
  # Kill moments: uniform over 105% of a whole import, so a few land after the commit.
  local span=$(( full_ms * 105 / 100 ))
  for r in $(seq 1 "$ROUNDS"); do
    fresh
    local delay_ms=$(( (RANDOM * 32768 + RANDOM) % span ))
    "$BIN" import "$W/big-$kind.csv" --format comtrade --store "$store" >/dev/null 2>&1 & local pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else exited=$((exited + 1)); fi
    wait "$pid" 2>/dev/null || true
    local c; c=$(consistent "$kind" "$target")
    [ "$c" = ok ] || fail "$kind" "$r" "after kill at ${delay_ms} ms: $c"
    local now; now=$(counts "$kind" "$target")
    if [ "$now" = "$base_counts" ]; then none=$((none + 1))
    elif [ "$now" = "$full_counts" ]; then all=$((all + 1))
    else fail "$kind" "$r" "after kill at ${delay_ms} ms: observations/batches $now, neither $base_counts (none) nor $full_counts (all)"; fi
    if "$BIN" import "$W/small.csv" --format comtrade --store "$store" >/dev/null 2>"$W/err"; then
      local after; after=$(counts "$kind" "$target")
      if [ "${after% *}" -eq $(( ${now% *} + SMALL_ROWS )) ] && [ "$(consistent "$kind" "$target")" = ok ]; then later_ok=$((later_ok + 1))
      else fail "$kind" "$r" "later import: counts $now -> $after, expected +$SMALL_ROWS rows"; fi
    else
      fail "$kind" "$r" "later import failed: $(head -1 "$W/err")"
    fi
  done
  echo "$kind: $ROUNDS rounds: killed mid-import $killed, finished before the kill $exited; outcome none $none, all $all, partial $((ROUNDS - none - all)); later import ok $later_ok/$ROUNDS"
}

if [ "$BACKENDS" != postgres ]; then run_backend sqlite; fi
if [ "$BACKENDS" != sqlite ]; then
  PGURL=${MONAZITE_TEST_POSTGRES_URL:-postgres://monazite:monazite-test@127.0.0.1:5432/monazite_test}
  PGUSER=$(echo "$PGURL" | sed -E 's#^postgres(ql)?://([^:@]*).*#\2#')
  PGPASS=$(echo "$PGURL" | sed -E 's#^postgres(ql)?://[^:@]*:([^@]*)@.*#\2#')
  PGPORT=$(echo "$PGURL" | sed -E 's#^[^@]*@[^:/]*:([0-9]+)/.*#\1#')
  PGPORT_ADMIN=$PGPORT
  run_backend postgres
fi
if [ "$FAILED" -gt 0 ]; then echo "crash test: $FAILED failed checks" >&2; exit 1; fi
echo "crash test: all checks passed"
