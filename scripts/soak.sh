#!/usr/bin/env bash
# Soak (issue 15, item 5): `monazite serve` under mixed load for SECONDS (default 600):
#  - wrk reads (2 threads, 8 connections) rotating over API endpoints and dashboard pages, some
#    with a varying query so they miss the answer cache (scripts/soak.lua), in chunks of CHUNK
#    seconds (60 by default) so that p99 is reported per chunk;
#  - an authenticated import (POST /api/v1/imports, a write token made with `monazite tokens
#    create`) every 5 s, each a new month of 20 synthetic series (labelled so in the store);
#  - a simulation job (POST /api/v1/simulations, 200 runs) every 30 s, polled to its end;
#  - the server's resident memory (VmRSS, and of it RssAnon and RssFile) sampled every 10 s;
#    SOAK_HEAP_REPORT=1 also asks the server's allocator at the end (gdb: malloc_stats, then
#    malloc_trim) how much of its heap is free memory it keeps.
# It fails on any 5xx, any failed import or job, any non-2xx read, or resident memory peaking
# over the last minute 10% or more above its peak over the minute after the warm-up
# (SOAK_WARMUP seconds, default 120;
# SOAK_MAX_GROWTH_PCT changes the 10%; SOAK_IMPORT_EVERY=0 leaves the imports out;
# SOAK_IMPORT_MONTHS=N makes the imports revise the same N months over and over, each a later
# release, so that the answers keep their size while the store takes every write).
#
#   scripts/soak.sh [SECONDS] [sqlite|postgres]      (MONAZITE_SOAK_RELEASE=1: a release build)
#
# PostgreSQL: a schema of its own in $MONAZITE_TEST_POSTGRES_URL's database (dropped at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL=${1:-600}
BACKEND=${2:-sqlite}
case "$BACKEND" in sqlite|postgres) ;; *) echo "usage: $0 [SECONDS] [sqlite|postgres]" >&2; exit 2 ;; esac
CHUNK=${SOAK_CHUNK:-60}; [ "$SECONDS_TOTAL" -lt "$CHUNK" ] && CHUNK=$SECONDS_TOTAL
MAX_GROWTH=${SOAK_MAX_GROWTH_PCT:-10}   # the short smoke in scripts/test.sh allows more: its warm-up is seconds
WARMUP=${SOAK_WARMUP:-120}; [ "$WARMUP" -ge "$SECONDS_TOTAL" ] && WARMUP=$((SECONDS_TOTAL / 3))
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
command -v wrk >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null; }

if [ "${MONAZITE_SOAK_RELEASE:-0}" = 1 ]; then CONF=release; else CONF=debug; fi
swift build -c "$CONF" --product monazite >/dev/null 2>&1 || swift build -c "$CONF" --product monazite
BIN=$(swift build -c "$CONF" --show-bin-path)/monazite
W=$(mktemp -d /tmp/monazite-soak.XXXXXX)
PIDS=()
SCHEMA=""
PGURL=${MONAZITE_TEST_POSTGRES_URL:-postgres://monazite:monazite-test@127.0.0.1:5432/monazite_test}
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$SCHEMA" ]; then
    psql -X -q "${PGURL%%\?*}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  fi
  rm -rf "$W"
}
trap cleanup EXIT

if [ "$BACKEND" = sqlite ]; then
  STORE="$W/soak.sqlite"
else
  SCHEMA="soak_$$"
  case "$PGURL" in *\?*) STORE="$PGURL&schema=$SCHEMA" ;; *) STORE="$PGURL?schema=$SCHEMA" ;; esac
fi
"$BIN" init --store "$STORE" >/dev/null
TOKEN=$("$BIN" tokens create soak --scope write --store "$STORE" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["secret"])')
[ -n "$TOKEN" ] || { echo "no token from monazite tokens create" >&2; exit 1; }

# One import every 5 s, each a new month (walking back from 1999-12, before any bundled figure)
# of 20 synthetic series (China's exports of HS 8505.11 and 2805.30 to ten partners): the way a
# store grows in service, a month at a time, rather than thousands of new series per import.
# With SOAK_IMPORT_MONTHS=N, import k revises month k mod N, released a day after the one before.
python3 - "$W" $(( SECONDS_TOTAL / 5 + 2 )) "${SOAK_IMPORT_MONTHS:-0}" <<'PY'
import datetime, random, sys
out, n, cycle = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(11)
partners = ["USA", "JPN", "DEU", "KOR", "VNM", "IND", "MYS", "THA", "MEX", "ITA"]
for k in range(n):
    y, m = divmod(1999 * 12 + 11 - (k % cycle if cycle > 0 else k), 12)
    release = datetime.date(2000, 1, 15) + datetime.timedelta(days=k) if cycle > 0 else datetime.date(2026, 1, 15)
    with open(f"{out}/slice.{k:04d}.csv", "w") as f:
        f.write("period,reporter,partner,flow,commodity,quantity,unit,status,source,url,release\n")
        for p in partners:
            for c in ("8505.11", "2805.30"):
                f.write(f"{y}-{m + 1:02d},CHN,{p},export,{c},{rng.randint(1, 900000) / 100},t,reported,"
                        f"synthetic soak test (not real data),https://example.org/synthetic-soak,{release}\n")
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
"$BIN" serve --store "$STORE" --port "$PORT" --log-level error >"$W/serve.log" 2>&1 & SERVER=$!
PIDS+=("$SERVER")
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do curl -fsS "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$BASE/health" >/dev/null || { echo "the server did not start:" >&2; cat "$W/serve.log" >&2; exit 1; }
echo "soak: $BACKEND, $CONF build, ${SECONDS_TOTAL} s, warm-up ${WARMUP} s, $(nproc) cores, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)"
echo "imports: every ${SOAK_IMPORT_EVERY:-5} s (0: none), $([ "${SOAK_IMPORT_MONTHS:-0}" -gt 0 ] && echo "revising the same ${SOAK_IMPORT_MONTHS} months" || echo "each a new month")"

# RSS sampler.
( while kill -0 "$SERVER" 2>/dev/null; do
    echo "$(date +%s) $(awk '/^(VmRSS|RssAnon|RssFile):/ {printf "%s ", $2}' /proc/"$SERVER"/status 2>/dev/null)"; sleep 10
  done ) >"$W/rss.txt" & PIDS+=("$!")
START=$(date +%s)

# Imports every 5 s (SOAK_IMPORT_EVERY seconds; 0: none, so that the store does not grow and
# memory that grows anyway is not the data's).
IMPORT_EVERY=${SOAK_IMPORT_EVERY:-5}
( i=0
  [ "$IMPORT_EVERY" -gt 0 ] || exit 0
  for slice in "$W"/slice.*; do
    [ $(( $(date +%s) - START )) -ge "$SECONDS_TOTAL" ] && break
    code=$(curl -s -o "$W/import.out" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
      --data-binary @"$slice" "$BASE/api/v1/imports?name=soak-$i.csv")
    echo "$code"
    [ "$code" = 200 ] || [ "$code" = 201 ] || { echo "import $i: $code $(head -c 300 "$W/import.out")" >>"$W/failures.txt"; }
    i=$((i + 1)); sleep "$IMPORT_EVERY"
  done ) >"$W/imports.txt" & PIDS+=("$!")

# Simulation jobs every 30 s, each polled until it ends.
( n=0
  while [ $(( $(date +%s) - START )) -lt "$SECONDS_TOTAL" ]; do
    loc=$(curl -s -D - -o "$W/sim.out" -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data "{\"scenario\": \"april-2025-heavy-licensing\", \"runs\": 200, \"seed\": $n}" "$BASE/api/v1/simulations" \
      | tr -d '\r' | awk 'tolower($1) == "location:" {print $2} /^HTTP/ {code=$2} END {print "code " code}')
    code=$(echo "$loc" | awk '$1 == "code" {print $2}'); path=$(echo "$loc" | grep -v '^code' | head -1)
    if [ "$code" != 202 ] || [ -z "$path" ]; then
      echo "post $code"; echo "simulation $n: POST $code $(head -c 300 "$W/sim.out")" >>"$W/failures.txt"
    else
      state=""
      for _ in $(seq 1 120); do
        state=$(curl -s "$BASE$path" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("state",""))' 2>/dev/null || true)
        case "$state" in succeeded|failed|cancelled) break ;; esac
        sleep 1
      done
      echo "job $state"
      [ "$state" = succeeded ] || echo "simulation $n: ended $state" >>"$W/failures.txt"
    fi
    n=$((n + 1))
    for _ in $(seq 1 30); do [ $(( $(date +%s) - START )) -ge "$SECONDS_TOTAL" ] && break; sleep 1; done
  done ) >"$W/sims.txt" & PIDS+=("$!")

# Reads, in chunks.
cp scripts/soak.lua "$W/soak.lua"
chunk=0; elapsed=0
printf "%-8s %10s %8s %8s %8s %10s %6s %8s %9s\n" "chunk" "requests" "non-2xx" "5xx" "errors" "p99 ms" "load" "figures" "cache MB"
while [ "$elapsed" -lt "$SECONDS_TOTAL" ]; do
  d=$CHUNK; [ $((elapsed + d)) -gt "$SECONDS_TOTAL" ] && d=$((SECONDS_TOTAL - elapsed))
  wrk -t2 -c8 -d"${d}s" --timeout 10s --latency -s "$W/soak.lua" "$BASE" >"$W/wrk-$chunk.txt" 2>&1 || true
  req=$(awk '/requests in/ {print $1}' "$W/wrk-$chunk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$W/wrk-$chunk.txt")
  non2=$(awk '/^soak non2xx/ {print $3}' "$W/wrk-$chunk.txt"); s5=$(awk '/^soak 5xx/ {print $3}' "$W/wrk-$chunk.txt")
  errs=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$W/wrk-$chunk.txt"); errs=${errs:-0}
  # The machine's 1-minute load average and the store's figure count: p99 moves with both.
  load=$(cut -d' ' -f1 /proc/loadavg)
  figures=$(curl -s "$BASE/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["figures"]["observations"])' 2>/dev/null || echo "?")
  # What the answer and page caches hold (bounded at 32 MiB each): part of the memory sampled.
  cache=$(curl -s "$BASE/metrics" | awk '/^monazite_cache_bytes/ {s += $2} END {printf "%.1f", s / 1048576}')
  printf "%-8s %10s %8s %8s %8s %10s %6s %8s %9s\n" "$chunk" "${req:-?}" "${non2:-?}" "${s5:-?}" "$errs" "${p99:-?}" "$load" "$figures" "${cache:-?}"
  echo "$chunk ${req:-0} ${non2:-1} ${s5:-1} $errs ${p99:-0}" >>"$W/chunks.txt"
  awk '/^soak status/ {print}' "$W/wrk-$chunk.txt" | sed 's/^/         /'
  chunk=$((chunk + 1)); elapsed=$((elapsed + d))
done
# Let the last import and job end.
for p in "${PIDS[@]:2}"; do wait "$p" 2>/dev/null || true; done
kill "${PIDS[1]}" 2>/dev/null || true

FAIL=0
read -r reqs non2 s5 errs <<<"$(awk '{r += $2; n += $3; f += $4; e += $5} END {print r, n, f, e}' "$W/chunks.txt")"
imports=$(wc -l <"$W/imports.txt"); imp5=$(grep -c '^5' "$W/imports.txt" || true)
jobs=$(grep -c '^job succeeded' "$W/sims.txt" || true); jobtotal=$(wc -l <"$W/sims.txt")
echo "reads: $reqs requests, $non2 non-2xx, $s5 5xx, $errs socket errors; p99 per chunk (ms): $(awk '{printf "%s ", $6}' "$W/chunks.txt")"
echo "imports: $imports posted, $(grep -c '^20' "$W/imports.txt" || true) succeeded, $imp5 5xx; simulation jobs: $jobs of $jobtotal succeeded"
awk -v start="$START" '{printf "%s", ($1 - start) "s:" int($2 / 1024) "/" int($3 / 1024) "MB "} END {print ""}' "$W/rss.txt" | sed 's/^/rss (total\/anonymous): /'
# Column N at its highest over the minute after the warm-up, and over the load's last minute
# (shorter runs: a third of what follows the warm-up each; at least one sample). Peaks, not
# single samples: the server hands free heap back each minute, so a sample just after that would
# read low and make the comparison depend on where the 10 s samples fall. Samples taken after
# the load's end, while the last import and job finish, are left out of both windows.
PEAK_WINDOW=$(( (SECONDS_TOTAL - WARMUP) / 3 )); [ "$PEAK_WINDOW" -gt 60 ] && PEAK_WINDOW=60
peak_col() {  # peak_col COLUMN warm|end
  awk -v c="$1" -v which="$2" -v from=$((START + WARMUP)) -v w="$PEAK_WINDOW" -v stop=$((START + SECONDS_TOTAL)) '
    $c != "" && $1 <= stop { t[NR] = $1; v[NR] = $c; n = NR }
    END {
      last = t[n]; best = ""
      for (i = 1; i <= n; i++) {
        if (!(i in t)) continue
        inside = (which == "warm") ? (t[i] >= from && t[i] < from + w) : (t[i] > last - w)
        if (inside && (best == "" || v[i] + 0 > best + 0)) best = v[i]
      }
      if (best == "") for (i = 1; i <= n; i++) if ((i in t) && t[i] >= from) { best = v[i]; break }
      print best
    }' "$W/rss.txt"
}
warm=$(peak_col 2 warm); end=$(peak_col 2 end)
growth=$(python3 -c "print(f'{($end - $warm) / $warm * 100:.1f}')")
echo "rss, peak over ${PEAK_WINDOW} s after the warm-up (${WARMUP} s): $((warm / 1024)) MB; over the last ${PEAK_WINDOW} s: $((end / 1024)) MB; growth ${growth}%"
# Of which anonymous (heap, stacks: where a leak shows) and file-backed (pages of the executable
# and libraries, read in as code runs for the first time: bounded by their size).
echo "  anonymous: $(( $(peak_col 3 warm) / 1024 )) MB → $(( $(peak_col 3 end) / 1024 )) MB; file-backed: $(( $(peak_col 4 warm) / 1024 )) MB → $(( $(peak_col 4 end) / 1024 )) MB"
if [ "${SOAK_HEAP_REPORT:-0}" = 1 ] && kill -0 "$SERVER" 2>/dev/null; then
  # How much of the anonymous memory the allocator holds free: glibc's malloc_stats (on the
  # server's stderr), then malloc_trim(0), which hands free pages back, and the RSS after it.
  command -v gdb >/dev/null 2>&1 || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq gdb >/dev/null; }
  gdb -p "$SERVER" -batch -ex 'call (void)malloc_stats()' -ex 'call (int)malloc_trim(0)' >"$W/gdb.txt" 2>&1 || true
  sleep 1
  echo "  heap (glibc, all arenas): $(grep -A2 '^Total' "$W/serve.log" | tail -3 | tr -s ' \n' ' ')"
  echo "  after malloc_trim(0): $(awk '/^(VmRSS|RssAnon):/ {printf "%s %d MB ", $1, $2 / 1024}' /proc/"$SERVER"/status)"
fi
[ "$s5" -eq 0 ] && [ "$imp5" -eq 0 ] || { echo "FAIL: 5xx answers" >&2; FAIL=1; }
[ "$non2" -eq 0 ] && [ "$errs" -eq 0 ] || { echo "FAIL: non-2xx reads or socket errors" >&2; FAIL=1; }
[ ! -s "$W/failures.txt" ] || { echo "FAIL:" >&2; cat "$W/failures.txt" >&2; FAIL=1; }
python3 -c "import sys; sys.exit(0 if ($end - $warm) / $warm * 100 < $MAX_GROWTH else 1)" || { echo "FAIL: resident memory grew ${growth}% (under ${MAX_GROWTH}% allowed)" >&2; FAIL=1; }
if ! kill -0 "$SERVER" 2>/dev/null; then echo "FAIL: the server died" >&2; FAIL=1; fi
[ "$FAIL" -eq 0 ] && echo "soak: passed" || { echo "soak: FAILED (server log: last lines)" >&2; tail -5 "$W/serve.log" >&2; exit 1; }
