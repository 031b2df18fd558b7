#!/usr/bin/env bash
# Two `monazite serve` processes on one PostgreSQL database (issue 11, item 6): an import through
# one server's API is seen by the other at once (each checks the store's revision before answering
# from its one-hour cache), and a simulation job submitted to one is visible and finished on both
# (one queue in the database, claimed with FOR UPDATE SKIP LOCKED).
# Needs PostgreSQL (scripts/postgres.sh) and MONAZITE_TEST_POSTGRES_URL, or the default below.
# Usage: scripts/two-servers.sh        (exit status 0 = every check passed)
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${MONAZITE_TEST_POSTGRES_URL:-postgres://monazite:monazite-test@127.0.0.1:5432/monazite_test}
SCHEMA="two_servers_$$"
URL="$BASE?schema=$SCHEMA"
swift build --product monazite >/dev/null 2>&1
BIN=$(swift build --show-bin-path)/monazite
PA=$((18700 + RANDOM % 200)); PB=$((PA + 1))
WORK=$(mktemp -d)
cleanup() {
  kill "${A:-}" "${B:-}" 2>/dev/null || true
  wait 2>/dev/null || true
  PGPASSWORD=$(echo "$BASE" | sed -E 's#^postgres://[^:]*:([^@]*)@.*#\1#') psql "$(echo "$BASE" | sed -E 's#//([^:]*):[^@]*@#//\1@#')" \
    -qc "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "two-servers: FAILED: $*" >&2; exit 1; }

"$BIN" init --store "$URL" >/dev/null
TOKEN=$("$BIN" tokens create two-servers --store "$URL" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
"$BIN" serve --store "$URL" --port "$PA" --page-cache 3600 --log-level error >"$WORK/a.log" 2>&1 & A=$!
"$BIN" serve --store "$URL" --port "$PB" --page-cache 3600 --log-level error >"$WORK/b.log" 2>&1 & B=$!
for p in "$PA" "$PB"; do
  for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$p/health" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -fsS "http://127.0.0.1:$p/health" >/dev/null || fail "server on port $p did not start: $(cat "$WORK"/*.log)"
done

april() { curl -fsS "http://127.0.0.1:$1/api/v1/trade?from=2026-04&to=2026-04" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["quantity_t"])'; }
# Both servers answer (and cache for an hour) before the import.
[ "$(april "$PA")" = "None" ] || fail "A already has 2026-04"
[ "$(april "$PB")" = "None" ] || fail "B already has 2026-04"

# A synthetic release (test data only), imported through server A's API.
printf 'period,reporter,partner,flow,commodity,quantity,unit,source,release\n2026-04,CHN,WLD,export,8505.11,5400,t,synthetic test release,2026-05-20\n' >"$WORK/april.csv"
code=$(curl -s -o "$WORK/import.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
  --data-binary @"$WORK/april.csv" "http://127.0.0.1:$PA/api/v1/imports?format=observations&name=april.csv")
[ "$code" = "201" ] || [ "$code" = "200" ] || fail "import through A answered $code: $(cat "$WORK/import.json")"
[ "$(april "$PB")" = "5400.0" ] || [ "$(april "$PB")" = "5400" ] || fail "B does not see the import made through A: $(april "$PB")"
[ "$(april "$PA")" = "5400.0" ] || [ "$(april "$PA")" = "5400" ] || fail "A does not see its own import"
echo "two-servers: an import through A (port $PA) is seen by B (port $PB) at once, despite a 3600 s cache"

# A simulation job submitted to B, seen on A, run by whichever server's worker claims it.
job=$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"scenario":"april-2025-heavy-licensing","runs":20,"seed":1}' "http://127.0.0.1:$PB/api/v1/simulations" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
state=""
for _ in $(seq 1 600); do
  state=$(curl -fsS "http://127.0.0.1:$PA/api/v1/simulations/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
  [ "$state" = "succeeded" ] || [ "$state" = "failed" ] && break
  sleep 0.5
done
[ "$state" = "succeeded" ] || fail "job $job submitted to B is '$state' on A"
stateB=$(curl -fsS "http://127.0.0.1:$PB/api/v1/simulations/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')
[ "$stateB" = "succeeded" ] || fail "job $job is '$stateB' on B"
curl -fsS "http://127.0.0.1:$PA/api/v1/simulations/$job/result" >/dev/null || fail "no result for $job on A"
echo "two-servers: job $job submitted to B is seen and finished on A and B (one queue in PostgreSQL)"
echo "two-servers: passed"
