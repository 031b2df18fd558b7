#!/usr/bin/env bash
# PostgreSQL outage check (issue 15, item 4): `monazite serve` on PostgreSQL through a TCP proxy
# (socat); the proxy is killed, requests must fail fast with 503 and Retry-After, and the server
# must answer again once the proxy is back, without a restart.
# Needs a running PostgreSQL (scripts/postgres-setup.sh) and MONAZITE_TEST_POSTGRES_URL, or the default below.
# Usage: scripts/outage-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v socat >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq socat >/dev/null; }
BASE=${MONAZITE_TEST_POSTGRES_URL:-postgres://monazite:monazite-test@127.0.0.1:5432/monazite_test}
HOSTPORT=$(echo "$BASE" | sed -E 's#^postgres://[^@]*@([^/]*)/.*#\1#')
PROXY_URL=$(echo "$BASE" | sed -E "s#@[^/]*/#@127.0.0.1:15433/#")"?schema=outage_check"
swift build --product monazite >/dev/null 2>&1
BIN=$(swift build --show-bin-path)/monazite
socat TCP-LISTEN:15433,fork,reuseaddr "TCP:$HOSTPORT" & S=$!
trap 'kill $S $P 2>/dev/null || true; pkill -f "socat TCP-LISTEN:15433" || true' EXIT
sleep 0.5
"$BIN" init --store "$PROXY_URL" >/dev/null
"$BIN" serve --store "$PROXY_URL" --port 18600 --page-cache 0 --log-level error >/dev/null 2>&1 & P=$!
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18600/health >/dev/null 2>&1 && break; sleep 0.1; done
URL="http://127.0.0.1:18600/api/v1/trade?from=2025-01&to=2025-06"
curl -s -o /dev/null -w "up:        %{http_code} in %{time_total} s\n" "$URL"
kill $S; pkill -f "socat TCP-LISTEN:15433" || true; sleep 0.3
for i in 1 2 3; do curl -s -D - -o /dev/null -w "down:      %{http_code} in %{time_total} s\n" "$URL" | grep -E -i "^retry-after|^down"; done
curl -s -o /dev/null -w "health:    %{http_code} in %{time_total} s\n" http://127.0.0.1:18600/health
socat TCP-LISTEN:15433,fork,reuseaddr "TCP:$HOSTPORT" & S=$!
sleep 1
curl -s -o /dev/null -w "back:      %{http_code} in %{time_total} s\n" "$URL"
curl -s -o /dev/null -w "health:    %{http_code} in %{time_total} s\n" http://127.0.0.1:18600/health
