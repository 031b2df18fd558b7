#!/usr/bin/env bash
# Fault injection (issue 15, item 4). Each fault is made real, not simulated:
#  readonly  the store's directory bind-mounted read-only (`mount -o remount,bind,ro`): `import`
#            and `serve` refuse with one line naming the path and exit non-zero; the store is unchanged.
#  diskfull  the store on a small tmpfs (`mount -t tmpfs -o size=…`): an import that does not fit
#            fails with a "disk full" line naming the path, the store passes `PRAGMA integrity_check`
#            and holds what it held; over HTTP the same import is a 507 `insufficient_storage`,
#            and reads still answer.
#  pgrestart `serve` on a PostgreSQL cluster of its own (pg_createcluster on a free port, so other
#            tests on the shared cluster are not disturbed): `pg_ctlcluster restart` while requests
#            stream, then a stop of a few seconds: every answer is a 200 or a 503
#            `store_unavailable` with `Retry-After` within 2 s, `/health` within 1 s, and 200s
#            again after, without restarting `serve`.
#  pgwalfull PostgreSQL's write-ahead log on a full disk (pg_wal on a small tmpfs, 1 MB segments,
#            no recycling, a filler leaving 2 MB): the server panics mid-import and cannot finish
#            its recovery, so it stays down; the import fails with one line (disk full, or the
#            server closed the connection when the PANIC came during the COPY), the API answers 503
#            `store_unavailable` with `Retry-After` within 2 s and `/health` within 1 s; once the
#            space is freed and the cluster started, none of the import is there, no orphans, the
#            same import succeeds and `serve` answers 200 without a restart.
#  pgdiskfull a PostgreSQL store whose disk is full: on a cluster of its own, the database made in a
#            tablespace on a small tmpfs, then a filler file takes all but 2 MB of it. An import that
#            does not fit fails with one line saying the disk is full, exit non-zero; over HTTP a
#            507 `insufficient_storage`; counts and `monazite sources` unchanged, no orphan rows,
#            reads answer; with the filler removed the same import succeeds.
#  pgslots  PostgreSQL out of connection slots (SQLSTATE 53300, "remaining connection slots are
#            reserved…", as "too many clients" would be): on a cluster of its own with
#            max_connections 8 (5 for ordinary roles), `serve`'s connections ended by the server
#            until other sessions hold all 5 slots: `serve` answers 503 `store_unavailable` with
#            `Retry-After` within 2 s, `/health` within 1 s; `monazite import` fails with one
#            line and changes nothing; once the sessions end, 200 again without restarting `serve`.
#  pgoom    PostgreSQL out of memory (SQLSTATE 53200, "out of memory … Failed on request of size
#            … in memory context …"): on a cluster of its own, the server restarted under an
#            address-space limit (`ulimit -v`) equal to what a session as the store's role on
#            its database peaked at after a first query, measured just before: the postmaster and its helpers start,
#            every new session is refused when its caches grow. `serve` answers 503
#            `store_unavailable` with `Retry-After` within 2 s, `/health` within 1 s;
#            `monazite import` fails with one line naming the memory and changes nothing; once
#            the server is restarted without the limit (memory given back), 200 again without
#            restarting `serve`, and the same import succeeds.
# Mounting needs root with CAP_SYS_ADMIN; where that is missing the mount faults say SKIPPED.
#
#   scripts/fault-test.sh [readonly|diskfull|pgrestart|pgdiskfull|pgslots|pgwalfull|pgoom|all]      (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-all}
case "$WHAT" in readonly|diskfull|pgrestart|pgdiskfull|pgslots|pgwalfull|pgoom|all) ;; *) echo "usage: $0 [readonly|diskfull|pgrestart|pgdiskfull|pgslots|pgwalfull|pgoom|all]" >&2; exit 2 ;; esac
. scripts/private-postgres.sh
. scripts/serve-on-free-port.sh
command -v sqlite3 >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq sqlite3 >/dev/null; }
swift build --product monazite >/dev/null 2>&1 || swift build --product monazite
W=$(mktemp -d /tmp/monazite-fault.XXXXXX)
BIN="$W/monazite"; cp "$(swift build --show-bin-path)/monazite" "$BIN"  # a rebuild meanwhile does not touch it
MOUNTS=(); PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  private_cluster_drop  # before the unmounts: a tablespace of it may live on one
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do $SUDO umount "${MOUNTS[$i]}" 2>/dev/null || true; done
  rm -rf "$W"
}
trap cleanup EXIT
FAILED=0
fail() { echo "FAIL [$1]: $2" >&2; FAILED=$((FAILED + 1)); }
ok() { echo "ok   [$1]: $2"; }
COUNTS_SQL="SELECT (SELECT count(*) FROM observation) || ' ' || (SELECT count(*) FROM import_batch)"
# counts STORE: "observations batches" of a SQLite file or a PostgreSQL URL
counts() { case "$1" in postgres://*) psql -X -q "$1" -tAc "$COUNTS_SQL" ;; *) sqlite3 "$1" "$COUNTS_SQL" ;; esac; }
# stop_serve PID FAULT: SIGTERM; a FAIL (and SIGKILL) when serve has not ended 15 s later, not a hang.
stop_serve() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$1" 2>/dev/null; then fail "$2" "serve did not end within 15 s of SIGTERM (killed)"; kill -9 "$1" 2>/dev/null || true; fi
  wait "$1" 2>/dev/null || true
}
# write_token STORE: the secret of a new write token of STORE (for the HTTP imports)
write_token() { "$BIN" tokens create full --store "$1" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])'; }
# refused_over_http FAULT SERVER TOKEN FILE: uploading FILE is a 507 insufficient_storage (not a
# 500), and a read still answers 200.
refused_over_http() {
  local code; code=$(curl -s -o "$W/body" -w '%{http_code}' -X POST -H "Authorization: Bearer $3" \
    --data-binary @"$4" "$2/api/v1/imports?name=big.csv&format=comtrade")
  if [ "$code" = 507 ] && grep -q insufficient_storage "$W/body"; then ok "$1" "HTTP import: $code $(head -c 200 "$W/body")"
  else fail "$1" "HTTP import: $code $(head -c 300 "$W/body")"; fi
  code=$(curl -s -o /dev/null -w '%{http_code}' "$2/api/v1/trade?from=2000-01&to=2000-03&reporter=CHN&partner=USA&commodity=280530&flow=export")
  if [ "$code" = 200 ]; then ok "$1" "reads still answer: $code"; else fail "$1" "read after the full disk: $code"; fi
}
# probe LABEL URL: one request; prints "label code seconds retry-after code" ("-" for a header or
# an error code that is not there)
probe() {
  curl -s -D "$W/h" -o "$W/b" -m 10 -w "$1 %{http_code} %{time_total}" "$2"
  local ra code
  ra=$(tr -d '\r' <"$W/h" | awk 'tolower($1) == "retry-after:" {print $2}')
  code=$(grep -o '"code" *: *"[a-z_]*"' "$W/b" | head -1 | tr -d ' "' || true)
  echo " ${ra:--} ${code:--}"
}
# refusals_judged FAULT TAG FILE: the TAG probes in FILE (4 API requests, each with a /health
# labelled TAGhealth) must each be a 503 store_unavailable with Retry-After within 2 s, /health
# a 200 or 503 within 1 s; sets REFUSALS to what they were and FAILs each miss. (Not to be called
# in $(…): FAILED must count in this shell.)
refusals_judged() {
  local f=$1 tag=$2 file=$3 n503 bad slow slowh noretry worst worsth
  n503=$(awk -v t="$tag" '$1 == t && $2 == 503 && $5 == "code:store_unavailable"' "$file" | wc -l)
  bad=$(awk -v t="$tag" '($1 == t && ($2 != 503 || $5 != "code:store_unavailable")) || ($1 == t "health" && $2 != 200 && $2 != 503)' "$file")
  slow=$(awk -v t="$tag" '$1 == t && $3 > 2.0' "$file"); slowh=$(awk -v t="$tag" '$1 == t "health" && $3 > 1.0' "$file")
  noretry=$(awk -v t="$tag" '$1 == t && $2 == 503 && $4 == "-"' "$file")
  worst=$(awk -v t="$tag" '$1 == t && $3 > m {m = $3} END {print m + 0}' "$file")
  worsth=$(awk -v t="$tag" '$1 == t "health" && $3 > m {m = $3} END {print m + 0}' "$file")
  REFUSALS="$n503 of 4 API requests 503 store_unavailable, slowest ${worst} s; /health $(awk -v t="$tag" '$1 == t "health" {print $2}' "$file" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')slowest ${worsth} s"
  [ "$n503" -eq 4 ] || fail "$f" "expected 503 store_unavailable, got: $(echo "$bad" | head -3 | tr '\n' ';')"
  [ -z "$slow" ] || fail "$f" "503 slower than 2 s: $(echo "$slow" | head -3 | tr '\n' ';')"
  [ -z "$slowh" ] || fail "$f" "/health slower than 1 s: $(echo "$slowh" | head -3 | tr '\n' ';')"
  [ -z "$noretry" ] || fail "$f" "503 without Retry-After: $(echo "$noretry" | head -3 | tr '\n' ';')"
}
# recovery_judged FAULT FILE BACK BEFORE AFTER SERVE_PID: serve answered before the fault (the
# probe "up" in FILE), 200 again after it (BACK ms, not empty), the store's counts unchanged
# (BEFORE = AFTER) and serve still running.
recovery_judged() {
  [ "$(awk '$1 == "up" {print $2}' "$2")" = 200 ] || fail "$1" "serve did not answer before the fault"
  [ -n "$3" ] || fail "$1" "no 200 after the fault ended"
  [ "$5" = "$4" ] || fail "$1" "the store changed: $4 -> $5"
  kill -0 "$6" 2>/dev/null || fail "$1" "serve died"
}
# import_refused FAULT STORE WHEN PATTERN: importing small.csv into STORE fails by itself (exit
# 1–127, no signal) with exactly one line on stderr, matching PATTERN.
import_refused() {
  local rc=0 line
  "$BIN" import "$W/small.csv" --format comtrade --store "$2" >/dev/null 2>"$W/err" || rc=$?
  line=$(grep -v '^$' "$W/err" | head -1 || true)
  if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && [ "$(grep -vc '^$' "$W/err")" -eq 1 ] && echo "$line" | grep -q "$4"; then
    ok "$1" "import $3: exit $rc: $line"
  else fail "$1" "import $3: exit $rc, stderr: $(head -c 600 "$W/err")"; fi
}
# until_ok URL FILE TRIES: asks URL every 0.1 s (probes labelled "after", appended to FILE) until a
# 200, at most TRIES times; prints the milliseconds until it, or nothing.
until_ok() {
  local t0 r; t0=$(date +%s%N)
  for _ in $(seq 1 "$3"); do
    r=$(probe after "$1"); echo "$r" >>"$2"
    if [ "$(echo "$r" | awk '{print $2}')" = 200 ]; then echo $(( ($(date +%s%N) - t0) / 1000000 )); return; fi
    sleep 0.1
  done
}
# orphans URL: observations of a PostgreSQL store without their series or source
orphans() {
  psql -X -q "$1" -tAc "SELECT (SELECT count(*) FROM observation o LEFT JOIN series s ON s.id = o.series_id WHERE s.id IS NULL)
    + (SELECT count(*) FROM observation o LEFT JOIN source s ON s.id = o.source_id WHERE s.id IS NULL)"
}
# fits_again FAULT URL BEFORE: with the space freed, the import of pgbig.csv succeeds and adds
# exactly its rows and one batch to BEFORE ("observations batches")
fits_again() {
  local rc=0 now
  "$BIN" import "$W/pgbig.csv" --format comtrade --store "$2" >/dev/null 2>"$W/err" || rc=$?
  now=$(counts "$2")
  if [ "$rc" -eq 0 ] && [ "$now" = "$(( ${3% *} + $(wc -l <"$W/pgbig.csv") - 1 )) $(( ${3#* } + 1 ))" ]; then
    ok "$1" "with the space freed the same import succeeds: observations, batches $3 -> $now"
  else fail "$1" "after freeing space: exit $rc, counts $3 -> $now, stderr: $(head -c 300 "$W/err")"; fi
}
can_mount() { mkdir -p "$W/probe" && $SUDO mount -t tmpfs -o size=1m tmpfs "$W/probe" 2>/dev/null && $SUDO umount "$W/probe"; }

python3 scripts/generate-comtrade.py 60500 "$W/all.csv" 5 2>/dev/null
head -1 "$W/all.csv" > "$W/header"
{ cat "$W/header"; sed -n 2,501p "$W/all.csv"; } > "$W/small.csv"
{ cat "$W/header"; sed -n '502,$p' "$W/all.csv"; } > "$W/big.csv"
rm "$W/all.csv"
head -20001 "$W/big.csv" > "$W/pgbig.csv"  # 20,000 rows: PostgreSQL imports them in a few seconds

readonly_fault() {
  local d="$W/ro-src" m="$W/ro"
  mkdir -p "$d" "$m"
  "$BIN" init --store "$d/store.sqlite" >/dev/null
  "$BIN" import "$W/small.csv" --format comtrade --store "$d/store.sqlite" >/dev/null
  local before; before=$(counts "$d/store.sqlite")
  $SUDO mount --bind "$d" "$m" && MOUNTS+=("$m") && $SUDO mount -o remount,bind,ro "$m"
  if touch "$m/probe" 2>/dev/null; then fail readonly "the bind mount is writable"; return; fi
  local rc=0
  "$BIN" import "$W/big.csv" --format comtrade --store "$m/store.sqlite" >/dev/null 2>"$W/err" || rc=$?
  local line; line=$(grep -v '^$' "$W/err" | head -1 || true)
  if [ "$rc" -ne 0 ] && [ "$(grep -vc '^$' "$W/err")" -eq 1 ] && echo "$line" | grep -q "$m/store.sqlite" && echo "$line" | grep -qi "read-only"; then
    ok readonly "import: exit $rc: $line"
  else fail readonly "import: exit $rc, stderr: $(cat "$W/err")"; fi
  rc=0
  timeout 20 "$BIN" serve --store "$m/store.sqlite" --port "$(free_port)" --log-level error >/dev/null 2>"$W/err" || rc=$?
  line=$(grep -v '^$' "$W/err" | head -1 || true)
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && echo "$line" | grep -q "$m/store.sqlite" && echo "$line" | grep -qi "read-only"; then
    ok readonly "serve: exit $rc: $line"
  else fail readonly "serve: exit $rc, stderr: $(cat "$W/err")"; fi
  $SUDO umount "$m"; unset 'MOUNTS[-1]'
  local after; after=$(counts "$d/store.sqlite")
  local ic; ic=$(sqlite3 "$d/store.sqlite" "PRAGMA integrity_check")
  if [ "$after" = "$before" ] && [ "$ic" = ok ]; then ok readonly "store unchanged (observations, batches: $after), integrity_check ok"
  else fail readonly "store changed: $before -> $after, integrity_check $ic"; fi
}

diskfull_fault() {
  local m="$W/full"
  mkdir -p "$m"
  # Room for the bundled data and the small import, not for the big one.
  "$BIN" init --store "$W/probe.sqlite" >/dev/null
  "$BIN" import "$W/small.csv" --format comtrade --store "$W/probe.sqlite" >/dev/null
  local size_kb=$(( $(du -k "$W/probe.sqlite" | cut -f1) + 2048 ))
  rm -f "$W/probe.sqlite"*
  $SUDO mount -t tmpfs -o size=${size_kb}k tmpfs "$m" && MOUNTS+=("$m")
  local s="$m/store.sqlite"
  "$BIN" init --store "$s" >/dev/null
  "$BIN" import "$W/small.csv" --format comtrade --store "$s" >/dev/null
  local token; token=$(write_token "$s")
  local before; before=$(counts "$s")
  local rc=0
  "$BIN" import "$W/big.csv" --format comtrade --store "$s" >/dev/null 2>"$W/err" || rc=$?
  local line; line=$(grep -m1 '^Error:' "$W/err" || true)
  if [ "$rc" -ne 0 ] && echo "$line" | grep -q "$s" && echo "$line" | grep -qi "disk.*full\|full.*disk"; then
    ok diskfull "import: exit $rc: $line"
  else fail diskfull "import: exit $rc, stderr: $(cat "$W/err")"; fi
  local after ic; after=$(counts "$s"); ic=$(sqlite3 "$s" "PRAGMA integrity_check")
  if [ "$after" = "$before" ] && [ "$ic" = ok ]; then ok diskfull "store unchanged (observations, batches: $after), integrity_check ok"
  else fail diskfull "store changed: $before -> $after, integrity_check $ic"; fi
  # The same over HTTP: a clear answer, not a 500, and reads still work.
  local port; port=$(free_port)
  "$BIN" serve --store "$s" --port "$port" --log-level error >"$W/serve.log" 2>&1 & local sp=$!; PIDS+=("$sp")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  refused_over_http diskfull "http://127.0.0.1:$port" "$token" "$W/big.csv"
  stop_serve "$sp" diskfull
  after=$(counts "$s"); ic=$(sqlite3 "$s" "PRAGMA integrity_check")
  if [ "$after" = "$before" ] && [ "$ic" = ok ]; then ok diskfull "after HTTP: store unchanged ($after), integrity_check ok"
  else fail diskfull "after HTTP: $before -> $after, integrity_check $ic"; fi
}

pgrestart_fault() {
  private_cluster_create "faults$$" || { fail pgrestart "no cluster of its own"; return; }
  local port=$PRIVATE_PORT
  private_cluster_sql "CREATE ROLE faults LOGIN PASSWORD 'faults-test'" "CREATE DATABASE faults OWNER faults" >/dev/null
  local url="postgres://faults:faults-test@127.0.0.1:$port/faults" hp; hp=$(free_port)
  "$BIN" init --store "$url" >/dev/null
  "$BIN" serve --store "$url" --port "$hp" --page-cache 0 --log-level error >"$W/pg-serve.log" 2>&1 & local sp=$!; PIDS+=("$sp")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$hp/health" >/dev/null 2>&1 && break; sleep 0.1; done
  local api="http://127.0.0.1:$hp/api/v1/trade?from=2025-01&to=2025-06"
  # 1. Restart while requests stream (one every 0.1 s for 6 s).
  ( end=$(( $(date +%s) + 6 )); while [ "$(date +%s)" -lt $end ]; do probe api "$api"; probe health "http://127.0.0.1:$hp/health"; sleep 0.1; done ) >"$W/stream.txt" &
  local streamer=$!
  sleep 1; private_cluster_ctl restart -m fast; wait $streamer
  # 2. A stop of 4 s: requests during it, then a start, then requests again.
  private_cluster_ctl stop -m fast
  for _ in 1 2 3; do probe down "$api"; probe downhealth "http://127.0.0.1:$hp/health"; done >>"$W/stream.txt"
  private_cluster_ctl start
  private_cluster_ready
  local t0; t0=$(date +%s%N)
  local back=""
  for _ in $(seq 1 50); do
    r=$(probe after "$api"); echo "$r" >>"$W/stream.txt"
    if [ "$(echo "$r" | awk '{print $2}')" = 200 ]; then back=$(( ($(date +%s%N) - t0) / 1000000 )); break; fi
    sleep 0.1
  done
  for _ in 1 2 3; do probe after "$api"; done >>"$W/stream.txt"
  local n200 n503 bad slow slowh noretry
  n200=$(awk '$2 == 200' "$W/stream.txt" | wc -l); n503=$(awk '$2 == 503' "$W/stream.txt" | wc -l)
  bad=$(awk '$2 != 200 && $2 != 503' "$W/stream.txt")
  slow=$(awk '$1 != "health" && $1 != "downhealth" && $2 == 503 && $3 > 2.0' "$W/stream.txt")
  slowh=$(awk '($1 == "health" || $1 == "downhealth") && $3 > 1.0' "$W/stream.txt")
  noretry=$(awk '$2 == 503 && $4 == "-"' "$W/stream.txt")
  local worst; worst=$(awk '$2 == 503 && $1 !~ /health/ && $3 > m {m = $3} END {print m + 0}' "$W/stream.txt")
  local worsth; worsth=$(awk '$1 ~ /health/ && $3 > m {m = $3} END {print m + 0}' "$W/stream.txt")
  echo "pgrestart: $(wc -l <"$W/stream.txt") requests: $n200 answered 200, $n503 answered 503; slowest 503 ${worst} s, slowest /health ${worsth} s; 200 again ${back:-never} ms after the start"
  echo "pgrestart: by phase (restart: api/health, stopped: down/downhealth, started again: after): $(awk '{k[$1 " " $2]++} END {for (x in k) printf "%s=%d ", x, k[x]}' "$W/stream.txt")"
  [ -z "$bad" ] || fail pgrestart "answers other than 200/503: $(echo "$bad" | head -3 | tr '\n' ';')"
  [ -z "$slow" ] || fail pgrestart "503 slower than 2 s: $(echo "$slow" | head -3 | tr '\n' ';')"
  [ -z "$slowh" ] || fail pgrestart "/health slower than 1 s: $(echo "$slowh" | head -3 | tr '\n' ';')"
  [ -z "$noretry" ] || fail pgrestart "503 without Retry-After: $(echo "$noretry" | head -3 | tr '\n' ';')"
  [ "$n503" -gt 0 ] || fail pgrestart "no request saw the outage (the fault was not injected)"
  [ -n "$back" ] || fail pgrestart "no 200 after PostgreSQL came back"
  kill -0 "$sp" 2>/dev/null || fail pgrestart "serve died"
  [ "$FAILED" -gt 0 ] || ok pgrestart "fail fast with 503 + Retry-After, recovery without restarting serve"
  stop_serve "$sp" pgrestart
  private_cluster_drop
}

pgdiskfull_fault() {
  private_cluster_create "full$$" || { fail pgdiskfull "no cluster of its own"; return; }
  # 64 MB: the database's catalog (a copy of template1), the bundled data and the small import
  # take about 10 MB, the 20,000 rows a few more; a filler file then leaves 2 MB free.
  local m="$W/pgspace" url="postgres://diskfull:diskfull-test@127.0.0.1:$PRIVATE_PORT/diskfull"
  mkdir -p "$m"; chmod 711 "$W"  # the server (user postgres) must reach the mount point
  $SUDO mount -t tmpfs -o size=64m,mode=700 tmpfs "$m" || { fail pgdiskfull "cannot mount a tmpfs at $m"; private_cluster_drop; return; }
  MOUNTS+=("$m")
  $SUDO chown postgres:postgres "$m"
  private_cluster_sql "CREATE ROLE diskfull LOGIN PASSWORD 'diskfull-test'" "CREATE TABLESPACE small LOCATION '$m'" \
    "CREATE DATABASE diskfull OWNER diskfull TABLESPACE small" >/dev/null
  "$BIN" init --store "$url" >/dev/null
  "$BIN" import "$W/small.csv" --format comtrade --store "$url" >/dev/null
  local token; token=$(write_token "$url")
  local free_kb; free_kb=$(df -k --output=avail "$m" | tail -1)
  $SUDO fallocate -l $(( (free_kb - 2048) * 1024 )) "$m/filler"
  local before sources_before; before=$(counts "$url"); sources_before=$("$BIN" sources --store "$url")
  echo "pgdiskfull: the tablespace's tmpfs: $(df -h --output=size,used,avail "$m" | tail -1 | tr -s ' ') (size, used, free); observations, batches: $before"
  # same_as_before WHEN: counts, `monazite sources` and the orphan check as before the fault
  same_as_before() {
    local after sources orphans
    after=$(counts "$url"); sources=$("$BIN" sources --store "$url" 2>&1 || true)
    orphans=$(orphans "$url")
    if [ "$after" = "$before" ] && [ "$sources" = "$sources_before" ] && [ "$orphans" = 0 ]; then
      ok pgdiskfull "$1: store unchanged (observations, batches: $after; \`monazite sources\` the same), no orphan rows"
    else fail pgdiskfull "$1: $before -> $after, sources the same: $([ "$sources" = "$sources_before" ] && echo yes || echo no), orphans $orphans"; fi
  }
  local rc=0
  "$BIN" import "$W/pgbig.csv" --format comtrade --store "$url" >/dev/null 2>"$W/err" || rc=$?
  local line; line=$(grep -v '^$' "$W/err" | head -1 || true)
  if [ "$rc" -ne 0 ] && [ "$rc" -lt 128 ] && [ "$(grep -vc '^$' "$W/err")" -eq 1 ] && echo "$line" | grep -q '^Error: ' && echo "$line" | grep -qi "disk.*full\|full.*disk"; then
    ok pgdiskfull "import: exit $rc: $line"
  else fail pgdiskfull "import: exit $rc, stderr: $(head -c 600 "$W/err")"; fi
  same_as_before "after the CLI import"
  serve_on_free_port "$W" --store "$url" --log-level error || { fail pgdiskfull "serve did not start"; return; }
  PIDS+=("$SERVER")
  refused_over_http pgdiskfull "$URL" "$token" "$W/pgbig.csv"
  stop_serve "$SERVER" pgdiskfull
  same_as_before "after the HTTP import"
  echo "pgdiskfull: after the two refused imports: $(df -h --output=used,avail "$m" | tail -1 | tr -s ' ') (used, free); the filler removed: $(du -sh "$m/filler" | cut -f1) freed"
  # Space freed: the same import now fits.
  $SUDO rm -f "$m/filler"
  fits_again pgdiskfull "$url" "$before"
  private_cluster_drop
  $SUDO umount "$m"; unset 'MOUNTS[-1]'
}

pgslots_fault() {
  local failed_before=$FAILED
  private_cluster_create "slots$$" || { fail pgslots "no cluster of its own"; return; }
  local port=$PRIVATE_PORT url hp
  # 8 connections, 3 of them kept for superusers (PostgreSQL's default): 5 for the store's role.
  private_cluster_sql "ALTER SYSTEM SET max_connections = 8" "CREATE ROLE slots LOGIN PASSWORD 'slots-test'" \
    "CREATE DATABASE slots OWNER slots" >/dev/null
  private_cluster_ctl restart -m fast; private_cluster_ready
  url="postgres://slots:slots-test@127.0.0.1:$port/slots"; hp=$(free_port)
  "$BIN" init --store "$url" >/dev/null
  local before; before=$(private_cluster_sql_db slots "$COUNTS_SQL")
  "$BIN" serve --store "$url" --port "$hp" --page-cache 0 --log-level error >"$W/slots-serve.log" 2>&1 & local sp=$!; PIDS+=("$sp")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$hp/health" >/dev/null 2>&1 && break; sleep 0.1; done
  local api="http://127.0.0.1:$hp/api/v1/trade?from=2025-01&to=2025-06"
  probe up "$api" >"$W/slots.txt"
  # Other sessions take every ordinary slot: the server's own connections are ended (as a restart
  # would) until the sessions hold all five (its pool reconnects at once, so it may win a few races).
  local fillers=() held=0 i
  for _ in $(seq 1 50); do
    private_cluster_sql_db slots "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'slots' AND query NOT LIKE '%pg_sleep%'" >/dev/null
    for ((i = held; i < 5; i++)); do
      PGPASSWORD=slots-test psql -X -q -h 127.0.0.1 -p "$port" -U slots -d slots -c "SELECT pg_sleep(600)" >/dev/null 2>&1 & fillers+=($!)
    done
    sleep 0.3
    held=$(private_cluster_sql_db slots "SELECT count(*) FROM pg_stat_activity WHERE usename = 'slots' AND query LIKE '%pg_sleep%'")
    [ "$held" -ge 5 ] && break
  done
  PIDS+=("${fillers[@]}")
  echo "pgslots: sessions holding the 5 ordinary slots: $held"
  local extra; extra=$(PGPASSWORD=slots-test psql -X -q -h 127.0.0.1 -p "$port" -U slots -d slots -tAc "SELECT 1" 2>&1 || true)
  echo "pgslots: a sixth session is told: $extra"
  for _ in 1 2 3 4; do probe full "$api"; probe fullhealth "http://127.0.0.1:$hp/health"; done >>"$W/slots.txt"
  import_refused pgslots "$url" "with no slot free" '^Error: '
  # The sessions end: the server answers again by itself.
  # (A backend in pg_sleep does not notice its client gone: end the sessions at the server too.)
  kill "${fillers[@]}" 2>/dev/null || true
  private_cluster_sql_db slots "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = 'slots' AND query LIKE '%pg_sleep%'" >/dev/null
  local back; back=$(until_ok "$api" "$W/slots.txt" 50)
  local after; after=$(private_cluster_sql_db slots "$COUNTS_SQL")
  refusals_judged pgslots full "$W/slots.txt"
  echo "pgslots: with no slot free: $REFUSALS; 200 again ${back:-never} ms after the sessions ended; observations, batches $before -> $after"
  [ "$held" -ge 5 ] || fail pgslots "the other sessions did not take the slots (the fault was not injected)"
  recovery_judged pgslots "$W/slots.txt" "$back" "$before" "$after" "$sp"
  [ "$FAILED" -gt "$failed_before" ] || ok pgslots "no free connection slot: 503 + Retry-After within 2 s, nothing written, recovery without restarting serve"
  stop_serve "$sp" pgslots
  private_cluster_drop
}

pgoom_fault() {
  local failed_before=$FAILED
  private_cluster_create "oom$$" || { fail pgoom "no cluster of its own"; return; }
  local port=$PRIVATE_PORT url hp log
  private_cluster_sql "CREATE ROLE oom LOGIN PASSWORD 'oom-test'" "CREATE DATABASE oom OWNER oom" >/dev/null
  url="postgres://oom:oom-test@127.0.0.1:$port/oom"; hp=$(free_port)
  log=$(pg_lsclusters -h | awk -v n="oom$$" '$2 == n {print $7}')  # readable by root or postgres only
  "$BIN" init --store "$url" >/dev/null
  local before; before=$(counts "$url")
  # What a session on the store's database, as the store's role, peaks at after a first query
  # over its figures: the limit to come. Read while the session sleeps after that query.
  PGPASSWORD=oom-test psql -X -q -h 127.0.0.1 -p "$port" -U oom -d oom -tAc "SELECT count(*) FROM observation; SELECT pg_sleep(5)" >/dev/null &
  local probe_pid=$! peak="" backend=""
  for _ in $(seq 1 100); do
    backend=$(private_cluster_sql_db oom "SELECT pid FROM pg_stat_activity WHERE usename = 'oom' AND query LIKE '%pg_sleep%' AND state = 'active'" || true)
    [ -n "$backend" ] && break
    sleep 0.1
  done
  [ -n "$backend" ] && peak=$(awk '/VmPeak/ {print $2}' "/proc/$backend/status" 2>/dev/null || true)
  private_cluster_sql_db oom "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE usename = 'oom'" >/dev/null || true
  wait "$probe_pid" || true
  [ -n "$peak" ] || { fail pgoom "could not measure a session's memory"; private_cluster_drop; return; }
  "$BIN" serve --store "$url" --port "$hp" --page-cache 0 --log-level error >"$W/oom-serve.log" 2>&1 & local sp=$!; PIDS+=("$sp")
  for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$hp/health" >/dev/null 2>&1 && break; sleep 0.1; done
  local api="http://127.0.0.1:$hp/api/v1/trade?from=2025-01&to=2025-06"
  probe up "$api" >"$W/oom.txt"
  # The server again, with no more address space than that session used (a shell of its own
  # lowers its limit; the postmaster inherits it).
  local mark; mark=$($SUDO wc -l <"$log")
  private_cluster_ctl stop -m fast
  # (pg_ctlcluster's own check after the start is refused too: its warning is not shown.)
  bash -c "ulimit -v $peak && exec $SUDO pg_ctlcluster --skip-systemctl-redirect $PRIVATE_CLUSTER start" >/dev/null 2>&1 || { fail pgoom "the cluster did not start under the limit"; stop_serve "$sp" pgoom; private_cluster_drop; return; }
  private_cluster_ready
  local refused; refused=$(PGPASSWORD=oom-test psql -X -q -h 127.0.0.1 -p "$port" -U oom -d oom -tAc "SELECT 1" 2>&1 | head -1 || true)
  echo "pgoom: server limited to $peak kB of address space; a new session is told: $refused"
  for _ in 1 2 3 4; do probe oom "$api"; probe oomhealth "http://127.0.0.1:$hp/health"; done >>"$W/oom.txt"
  import_refused pgoom "$url" "with the server out of memory" '^Error: .*out of memory'
  local rc
  local ooms; ooms=$($SUDO tail -n +"$((mark + 1))" "$log" | grep -c "FATAL:  out of memory" || true)
  # Memory given back: the operator restarts the server without the limit.
  private_cluster_ctl stop -m fast
  private_cluster_ctl start; private_cluster_ready
  local back; back=$(until_ok "$api" "$W/oom.txt" 100)
  local after; after=$(counts "$url")
  refusals_judged pgoom oom "$W/oom.txt"
  echo "pgoom: out of memory: $REFUSALS; 'out of memory' refusals in the server log: $ooms; 200 again ${back:-never} ms after the restart with memory; observations, batches $before -> $after"
  [ "$ooms" -gt 0 ] || fail pgoom "the server log shows no 'out of memory' (the fault was not injected)"
  recovery_judged pgoom "$W/oom.txt" "$back" "$before" "$after" "$sp"
  rc=0
  "$BIN" import "$W/small.csv" --format comtrade --store "$url" >/dev/null 2>"$W/err" || rc=$?
  local now; now=$(counts "$url")
  if [ "$rc" -eq 0 ] && [ "$now" = "$(( ${before% *} + $(wc -l <"$W/small.csv") - 1 )) $(( ${before#* } + 1 ))" ]; then
    ok pgoom "with memory back the same import succeeds: observations, batches $before -> $now"
  else fail pgoom "after the memory came back: exit $rc, counts $before -> $now, stderr: $(head -c 300 "$W/err")"; fi
  [ "$FAILED" -gt "$failed_before" ] || ok pgoom "out of memory: 503 + Retry-After within 2 s, nothing written, recovery without restarting serve"
  stop_serve "$sp" pgoom
  private_cluster_drop
}

pgwalfull_fault() {
  local m="$W/walspace"
  mkdir -p "$m"; chmod 711 "$W"  # the server (user postgres) must reach the mount point
  $SUDO mount -t tmpfs -o size=96m,mode=700 tmpfs "$m" || { fail pgwalfull "cannot mount a tmpfs at $m"; return; }
  MOUNTS+=("$m")
  $SUDO chown postgres:postgres "$m"
  # The write-ahead log alone on the small disk, in 1 MB segments, so that it fills at once; no
  # old segments kept or recycled for later use, so that new WAL needs new space.
  private_cluster_create "walfull$$" --waldir="$m/wal" --wal-segsize=1 || { fail pgwalfull "no cluster of its own"; return; }
  local url="postgres://walfull:walfull-test@127.0.0.1:$PRIVATE_PORT/walfull"
  private_cluster_sql "ALTER SYSTEM SET min_wal_size = '2MB'" "ALTER SYSTEM SET wal_recycle = off" \
    "CREATE ROLE walfull LOGIN PASSWORD 'walfull-test'" "CREATE DATABASE walfull OWNER walfull" >/dev/null
  private_cluster_ctl restart -m fast; private_cluster_ready
  "$BIN" init --store "$url" >/dev/null
  "$BIN" import "$W/small.csv" --format comtrade --store "$url" >/dev/null
  private_cluster_sql "CHECKPOINT" >/dev/null
  local before; before=$(counts "$url")
  local free_kb; free_kb=$(df -k --output=avail "$m" | tail -1)
  $SUDO fallocate -l $(( (free_kb - 2048) * 1024 )) "$m/filler"
  echo "pgwalfull: pg_wal's tmpfs: $(df -h --output=size,used,avail "$m" | tail -1 | tr -s ' ') (size, used, free); observations, batches: $before"
  local started=0
  serve_on_free_port "$W" --store "$url" --log-level error --page-cache 0 && started=1
  PIDS+=("$SERVER")
  [ "$started" = 1 ] || { fail pgwalfull "serve did not start"; private_cluster_drop; return; }
  local api="$URL/api/v1/trade?from=2025-01&to=2025-06"
  probe up "$api" >"$W/wal.txt"
  local rc=0 t0 t1; t0=$(date +%s%N)
  timeout 90 "$BIN" import "$W/pgbig.csv" --format comtrade --store "$url" >/dev/null 2>"$W/err" || rc=$?
  t1=$(date +%s%N)
  local line; line=$(grep -v '^$' "$W/err" | head -1 || true)
  # The server's disk-full PANIC reaches the client when it ends a plain statement; during a
  # COPY PostgresNIO reports only the closed connection. Either is one true line.
  if [ "$rc" -ne 0 ] && [ "$rc" -lt 124 ] && [ "$(grep -vc '^$' "$W/err")" -eq 1 ] && echo "$line" | grep -q '^Error: ' \
    && echo "$line" | grep -qi "disk.*full\|unreachable: the server closed the connection"; then
    ok pgwalfull "import: exit $rc after $(( (t1 - t0) / 1000000 )) ms: $line"
  else fail pgwalfull "import: exit $rc, stderr: $(head -c 600 "$W/err")"; fi
  local log="/var/log/postgresql/postgresql-${PRIVATE_CLUSTER% *}-${PRIVATE_CLUSTER#* }.log" state
  cluster_state() { pg_lsclusters -h | awk -v n="${PRIVATE_CLUSTER#* }" '$2 == n {print $4}'; }
  for _ in $(seq 1 100); do state=$(cluster_state); [ "$state" = down ] && break; sleep 0.1; done
  echo "pgwalfull: the cluster, now $state, logged: $( ($SUDO grep -m1 -E "PANIC" "$log" || true; $SUDO grep -E "FATAL|shut down" "$log" | tail -2) | sed -E 's/^[0-9-]+ [0-9:.]+ UTC //' | cut -c1-140 | tr '\n' '|')"
  $SUDO grep -q "No space left on device" "$log" || fail pgwalfull "no 'No space left on device' in the cluster log (the fault was not injected)"
  # While the server is down (it cannot even finish its crash recovery with pg_wal full): fail fast.
  for _ in 1 2 3; do probe full "$api"; probe fullhealth "$URL/health"; done >>"$W/wal.txt"
  local bad slowh; bad=$(awk '$1 == "full" && ($2 != 503 || $3 > 2.0 || $4 == "-" || $5 != "code:store_unavailable")' "$W/wal.txt")
  slowh=$(awk '$1 == "fullhealth" && (($2 != 200 && $2 != 503) || $3 > 1.0)' "$W/wal.txt")
  if [ -z "$bad" ] && [ -z "$slowh" ]; then
    ok pgwalfull "meanwhile the API answers 503 store_unavailable with Retry-After (slowest $(awk '$1 == "full" && $3 > m {m = $3} END {print m + 0}' "$W/wal.txt") s), /health in $(awk '$1 == "fullhealth" && $3 > m {m = $3} END {print m + 0}' "$W/wal.txt") s at most"
  else fail pgwalfull "meanwhile: $(echo "$bad $slowh" | head -3 | tr '\n' ';')"; fi
  # Space freed and the cluster started: crash recovery, then nothing of the import, and it fits.
  $SUDO rm -f "$m/filler"
  for _ in $(seq 1 150); do
    pg_isready -q -h 127.0.0.1 -p "$PRIVATE_PORT" && break
    [ "$(cluster_state)" != down ] || private_cluster_ctl start >/dev/null 2>&1 || true
    sleep 0.2
  done
  local after orphans; after=$(counts "$url"); orphans=$(orphans "$url")
  if [ "$after" = "$before" ] && [ "$orphans" = 0 ]; then ok pgwalfull "after recovery the store holds what it held (observations, batches: $after), no orphan rows"
  else fail pgwalfull "after recovery: $before -> $after, orphans $orphans"; fi
  fits_again pgwalfull "$url" "$before"
  local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$api")
  if [ "$code" = 200 ]; then ok pgwalfull "serve answers 200 again without a restart"; else fail pgwalfull "serve after recovery: $code"; fi
  stop_serve "$SERVER" pgwalfull
  private_cluster_drop
  $SUDO umount "$m"; unset 'MOUNTS[-1]'
}

if [ "$WHAT" = readonly ] || [ "$WHAT" = diskfull ] || [ "$WHAT" = pgdiskfull ] || [ "$WHAT" = pgwalfull ] || [ "$WHAT" = all ]; then
  if can_mount; then
    if [ "$WHAT" = readonly ] || [ "$WHAT" = all ]; then readonly_fault; fi
    if [ "$WHAT" = diskfull ] || [ "$WHAT" = all ]; then diskfull_fault; fi
    if [ "$WHAT" = pgdiskfull ] || [ "$WHAT" = all ]; then pgdiskfull_fault; fi
    if [ "$WHAT" = pgwalfull ] || [ "$WHAT" = all ]; then pgwalfull_fault; fi
  else
    echo "SKIPPED readonly/diskfull/pgdiskfull/pgwalfull: cannot mount here (needs root with CAP_SYS_ADMIN)"
  fi
fi
if [ "$WHAT" = pgrestart ] || [ "$WHAT" = all ]; then pgrestart_fault; fi
if [ "$WHAT" = pgslots ] || [ "$WHAT" = all ]; then pgslots_fault; fi
if [ "$WHAT" = pgoom ] || [ "$WHAT" = all ]; then pgoom_fault; fi
if [ "$FAILED" -gt 0 ]; then echo "fault test: $FAILED failed checks" >&2; exit 1; fi
echo "fault test: all checks passed"
