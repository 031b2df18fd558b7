#!/usr/bin/env bash
# Crash test (issue 15, item 3): `monazite import` killed with SIGKILL at a random moment, ROUNDS
# times per store; or (pgserver) the PostgreSQL server under the import killed instead. Every
# round starts from a store that holds a known baseline import; after the kill the store must pass
# its integrity check, hold exactly the baseline or the baseline plus the whole file (all or
# nothing: observation rows and import batches agree), and take a later import.
#
#   scripts/crash-test.sh [ROUNDS] [sqlite|postgres|pgserver|both|all]
#
# sqlite, postgres: the importing client is killed (default 100 rounds each; both, the default,
# = these two).
# pgserver: the server dies instead (default 20 rounds; all = the three). On a PostgreSQL cluster
# of the test's own (pg_createcluster on a free port, dropped at the end: the shared cluster is
# not disturbed), at a random moment of the import, `kill -9` of the backend serving the import
# (odd rounds; the postmaster then resets every backend and recovers) or of the postmaster and
# all its processes at once (even rounds, and whenever the import has no backend at that moment),
# then `pg_ctlcluster start` (crash recovery from the WAL). Besides the store checks: the import
# ended within 60 s, either with exit 0 and its rows kept, or non-zero with one `Error:` line
# and no signal or trace; the cluster log shows, in each round's own lines, one crash recovery,
# or (a "missed" kill, at most 10% of the rounds) that the backend killed had ended by itself.
#
# SQLite: a fresh copy of the baseline file per round; `PRAGMA integrity_check` (sqlite3 CLI)
# and `PRAGMA foreign_key_check`. PostgreSQL: a dedicated database per round, made from a
# baseline database as TEMPLATE (created through the postgres superuser, so the shared test
# database is not touched); no orphan observations, no series without a source.
# Needs a running PostgreSQL (scripts/postgres.sh) for the postgres part. Ends non-zero on any
# failed check. Synthetic Comtrade rows only (scripts/generate-comtrade.py).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-}
BACKENDS=${2:-both}
BIG_ROWS=${CRASH_BIG_ROWS:-50000}      # SQLite: ~1.5 s to import on a quiet 2-core machine
PG_BIG_ROWS=${CRASH_PG_BIG_ROWS:-15000} # PostgreSQL: about as long
usage() { echo "usage: $0 [ROUNDS] [sqlite|postgres|pgserver|both|all]" >&2; exit 2; }
case "$BACKENDS" in sqlite|postgres|pgserver|both|all) ;; *) usage ;; esac
case "$ROUNDS" in *[!0-9]*) usage ;; esac
runs() { case "$BACKENDS" in all) true ;; both) [ "$1" != pgserver ] ;; *) [ "$1" = "$BACKENDS" ] ;; esac; }
. scripts/private-postgres.sh
command -v sqlite3 >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sqlite3 >/dev/null; }

swift build --product monazite >/dev/null 2>&1 || swift build --product monazite
W=$(mktemp -d /tmp/monazite-crash.XXXXXX)
# A copy: a rebuild during a long run must neither change the binary under test nor fail to
# start it ("Text file busy").
BIN="$W/monazite"; cp "$(swift build --show-bin-path)/monazite" "$BIN"
PGDB_BASE=monazite_crash_base_$$
PGDB_ROUND=monazite_crash_round_$$
SHARED_PGPORT=""  # set once the shared cluster is used: its databases are dropped at the end
pg_admin() { as_postgres "PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -p ${PGPORT_ADMIN:-5432} -tAc \"$1\"" >/dev/null; }
cleanup() {
  rm -rf "$W"
  if [ -n "$SHARED_PGPORT" ]; then
    PGPORT_ADMIN=$SHARED_PGPORT pg_admin "DROP DATABASE IF EXISTS $PGDB_ROUND" 2>/dev/null || true
    PGPORT_ADMIN=$SHARED_PGPORT pg_admin "DROP DATABASE IF EXISTS $PGDB_BASE" 2>/dev/null || true
  fi
  private_cluster_drop
}
trap cleanup EXIT

# Three disjoint slices of one synthetic file (the generator walks the key space in a fixed
# order): the baseline, the big file that is killed, the small file imported afterwards.
BASE_ROWS=3000; SMALL_ROWS=500
runs sqlite || BIG_ROWS=$PG_BIG_ROWS  # the big file is only as long as the runs need
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

# The postmaster's pid, from the private cluster's lock file.
postmaster_pid() { $SUDO head -1 "$(pg_lsclusters -h | awk -v n="${PRIVATE_CLUSTER#* }" '$2 == n {print $6}')/postmaster.pid"; }
# crash_server ROUND: kills the private cluster's server under the import; prints what was killed.
crash_server() {
  local backend=""
  if [ $(( $1 % 2 )) -eq 1 ]; then
    # The import's connection with an open transaction first (the one writing), else any of its.
    backend=$(PGPASSWORD=$PGPASS psql -X -q -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -d postgres -tAc \
      "SELECT pid FROM pg_stat_activity WHERE datname = '$PGDB_ROUND' AND pid <> pg_backend_pid()
       ORDER BY (xact_start IS NULL), backend_start LIMIT 1" 2>/dev/null || true)
  fi
  if [ -n "$backend" ] && $SUDO kill -9 "$backend" 2>/dev/null; then
    echo backend
  else
    # The whole server at once: the postmaster and every process it started.
    local pm; pm=$(postmaster_pid)
    # shellcheck disable=SC2046
    $SUDO kill -9 "$pm" $(ps -o pid= --ppid "$pm")
    # Until it is reaped, its pid in the socket lock file would stop a new postmaster.
    for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    echo server
  fi
}
# wait_for PID SECONDS: waits for PID to end; its exit status, or 255 if it had to be killed.
wait_for() {
  local i rc=0
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then kill -9 "$1"; wait "$1" 2>/dev/null || true; return 255; fi
  wait "$1" || rc=$?
  return $rc
}
# After a crash: the server started again if it is down, and answering a query.
recover_server() {
  local i
  for ((i = 0; i < 150; i++)); do
    if PGPASSWORD=$PGPASS psql -X -q -h 127.0.0.1 -p "$PGPORT" -U "$PGUSER" -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then return 0; fi
    if [ "$(pg_lsclusters -h | awk -v n="${PRIVATE_CLUSTER#* }" '$2 == n {print $4}')" = down ]; then
      private_cluster_ctl start >/dev/null 2>&1 || true
    fi
    sleep 0.2
  done
  return 1
}

run_backend() {
  local kind=$1 rounds=${ROUNDS:-100} target store base_store file="$W/big-postgres.csv"
  if [ "$kind" = sqlite ]; then
    file="$W/big-sqlite.csv"
    base_store="$W/base.sqlite"
    "$BIN" init --store "$base_store" >/dev/null
  else
    [ "$kind" = postgres ] || rounds=${ROUNDS:-20}
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
  "$BIN" import "$file" --format comtrade --store "$store" >/dev/null 2>&1
  t1=$(date +%s%N)
  local full_ms=$(( (t1 - t0) / 1000000 ))
  local full_counts; full_counts=$(counts "$kind" "$target")
  local fobs=${full_counts% *} fbat=${full_counts#* }
  [ "$fobs" -gt "$bobs" ] || { echo "the big file added no rows ($base_counts -> $full_counts)" >&2; exit 1; }
  echo "$kind: baseline $bobs observations in $bbat batches; the big file adds $((fobs - bobs)) rows; a whole import takes ${full_ms} ms"

  local killed=0 exited=0 none=0 all=0 later_ok=0 by_backend=0 by_server=0 failed_import=0 committed_unacked=0 recovered=0 missed=0
  local cluster_log="/var/log/postgresql/postgresql-${PRIVATE_CLUSTER% *}-${PRIVATE_CLUSTER#* }.log"
  : >"$W/errors"
  # Kill moments: uniform over 105% of a whole import, so a few land after the commit.
  local span=$(( full_ms * 105 / 100 )) started=$SECONDS
  for r in $(seq 1 "$rounds"); do
    fresh
    local delay_ms=$(( (RANDOM * 32768 + RANDOM) % span )) rc=0
    "$BIN" import "$file" --format comtrade --store "$store" >/dev/null 2>"$W/import-err" & local pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if [ "$kind" = pgserver ]; then
      if kill -0 "$pid" 2>/dev/null; then killed=$((killed + 1)); else exited=$((exited + 1)); fi
      local log_before how; log_before=$($SUDO cat "$cluster_log" | wc -l)
      how=$(crash_server "$r")
      case "$how" in backend) by_backend=$((by_backend + 1)) ;; *) by_server=$((by_server + 1)) ;; esac
      wait_for "$pid" 60 || rc=$?
      recover_server || { fail "$kind" "$r" "the server did not come back after the crash"; continue; }
      # This round's part of the cluster log: one crash recovery, or a backend that had already
      # ended when the signal came (it exited by itself, so nothing crashed: the kill missed).
      # (The log can trail the server by a moment: read it again for up to 5 s.)
      local round_log i
      for ((i = 0; i < 50; i++)); do
        round_log=$($SUDO tail -n +"$((log_before + 1))" "$cluster_log")
        grep -q "automatic recovery in progress" <<<"$round_log" && break
        sleep 0.1
      done
      if grep -q "automatic recovery in progress" <<<"$round_log"; then recovered=$((recovered + 1))
      elif [ "$how" = backend ] && ! grep -q "terminated by signal 9" <<<"$round_log"; then missed=$((missed + 1))
      else fail "$kind" "$r" "no crash recovery in the cluster log after killing the $how: $(tail -3 <<<"$round_log")"; fi
    else
      if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else exited=$((exited + 1)); fi
      wait "$pid" 2>/dev/null || true
    fi
    local c; c=$(consistent "$kind" "$target")
    [ "$c" = ok ] || fail "$kind" "$r" "after kill at ${delay_ms} ms: $c"
    local now; now=$(counts "$kind" "$target")
    if [ "$now" = "$base_counts" ]; then none=$((none + 1))
    elif [ "$now" = "$full_counts" ]; then all=$((all + 1))
    else fail "$kind" "$r" "after kill at ${delay_ms} ms: observations/batches $now, neither $base_counts (none) nor $full_counts (all)"; fi
    if [ "$kind" = pgserver ]; then
      # The import's own ending: saved and said so, or a clear one-line error.
      if [ "$rc" -eq 0 ]; then
        [ "$now" = "$full_counts" ] || fail "$kind" "$r" "the import exited 0 but its rows are gone after recovery ($now)"
      elif [ "$rc" -eq 255 ]; then
        fail "$kind" "$r" "the import was still running 60 s after the server died (killed)"
      else
        failed_import=$((failed_import + 1))
        [ "$now" != "$full_counts" ] || committed_unacked=$((committed_unacked + 1))
        local lines; lines=$(grep -vc '^$' "$W/import-err" || true)
        if [ "$rc" -ge 128 ] || [ "$lines" -ne 1 ] || ! grep -q '^Error: ' "$W/import-err"; then
          fail "$kind" "$r" "the import ended with exit $rc and $lines lines on stderr: $(head -c 400 "$W/import-err")"
        fi
        head -1 "$W/import-err" >>"$W/errors"
      fi
    fi
    if "$BIN" import "$W/small.csv" --format comtrade --store "$store" >/dev/null 2>"$W/err"; then
      local after; after=$(counts "$kind" "$target")
      if [ "${after% *}" -eq $(( ${now% *} + SMALL_ROWS )) ] && [ "$(consistent "$kind" "$target")" = ok ]; then later_ok=$((later_ok + 1))
      else fail "$kind" "$r" "later import: counts $now -> $after, expected +$SMALL_ROWS rows"; fi
    else
      fail "$kind" "$r" "later import failed: $(head -1 "$W/err")"
    fi
  done
  local took=$((SECONDS - started))
  if [ "$kind" = pgserver ]; then
    echo "$kind: $rounds rounds in ${took} s: the import still running at the crash $killed, finished before it $exited; killed: the import's backend $by_backend, the whole server $by_server"
    echo "$kind: outcome none $none, all $all, partial $((rounds - none - all)); the import failed $failed_import times (of them $committed_unacked with its rows saved: the commit reached the WAL, the answer did not reach the client); later import ok $later_ok/$rounds"
    echo "$kind: the import's error lines (numbers as #):"
    sed -E 's/[0-9]+/#/g' "$W/errors" | sort | uniq -c | sed 's/^/  /'
    echo "$kind: crash recoveries in the cluster log: $recovered; the backend killed had already ended by itself: $missed"
    # A missed kill is a round without a fault: a few are the price of random moments, many mean
    # the test is not injecting what it says.
    [ $((missed * 10)) -le "$rounds" ] || fail "$kind" all "$missed of $rounds rounds killed a backend that had already ended (over 10%: the fault was not injected)"
  else
    echo "$kind: $rounds rounds in ${took} s: killed mid-import $killed, finished before the kill $exited; outcome none $none, all $all, partial $((rounds - none - all)); later import ok $later_ok/$rounds"
  fi
}

if runs sqlite; then run_backend sqlite; fi
if runs postgres; then
  PGURL=${MONAZITE_TEST_POSTGRES_URL:-postgres://monazite:monazite-test@127.0.0.1:5432/monazite_test}
  PGUSER=$(echo "$PGURL" | sed -E 's#^postgres(ql)?://([^:@]*).*#\2#')
  PGPASS=$(echo "$PGURL" | sed -E 's#^postgres(ql)?://[^:@]*:([^@]*)@.*#\2#')
  PGPORT=$(echo "$PGURL" | sed -E 's#^[^@]*@[^:/]*:([0-9]+)/.*#\1#')
  PGPORT_ADMIN=$PGPORT; SHARED_PGPORT=$PGPORT
  run_backend postgres
  pg_admin "DROP DATABASE IF EXISTS $PGDB_ROUND"
  pg_admin "DROP DATABASE IF EXISTS $PGDB_BASE"
fi
if runs pgserver; then
  private_cluster_create "crash$$"
  PGUSER=crash PGPASS=crash-test PGPORT=$PRIVATE_PORT PGPORT_ADMIN=$PRIVATE_PORT
  private_cluster_sql "CREATE ROLE $PGUSER LOGIN PASSWORD '$PGPASS'" >/dev/null
  run_backend pgserver
  private_cluster_drop
fi
if [ "$FAILED" -gt 0 ]; then echo "crash test: $FAILED failed checks" >&2; exit 1; fi
echo "crash test: all checks passed"
