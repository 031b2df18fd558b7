#!/usr/bin/env bash
# Browser test of the dashboard: starts `monazite serve` on a fresh store with the bundled data,
# loads the home and trade pages in headless Chromium (Debian package), checks the rendered DOM
# for the June 2025 figures, and saves screenshots under .build/screenshots/.
# Run by scripts/test.sh; on its own: bash scripts/browser-test.sh (after `swift build`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
BIN="$(swift build --show-bin-path)/monazite"
[ -x "$BIN" ] || swift build --product monazite
WORK="$(mktemp -d)"
SHOTS=".build/screenshots"
mkdir -p "$SHOTS"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$BIN" init --store "$WORK/store.sqlite" >/dev/null
"$BIN" serve --store "$WORK/store.sqlite" --port "$PORT" --log-level warning >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null || { echo "server did not start:"; cat "$WORK/server.log"; exit 1; }

chrome() {
  # A private profile per call, so runs do not share state; no sandbox (CI runs as root).
  chromium --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$WORK/profile-$RANDOM" "$@" 2>>"$WORK/chromium.log"
}

fail=0
check() { # page-name, file, pattern, description
  if grep -q -- "$3" "$2"; then echo "ok   $1: $4"; else echo "FAIL $1: $4 (pattern: $3)"; fail=1; fi
}

chrome --dump-dom "http://127.0.0.1:$PORT/" >"$WORK/home.html"
chrome --dump-dom "http://127.0.0.1:$PORT/trade/8505.11/CHN?from=2025-01&to=2025-12" >"$WORK/trade.html"
check home "$WORK/home.html" '<main' "a main landmark"
check home "$WORK/home.html" 'HS 8505.11' "names the magnet series"
check trade "$WORK/trade.html" '<svg' "an SVG chart"
check trade "$WORK/trade.html" 'data-period="2025-06"' "a June 2025 row"
check trade "$WORK/trade.html" '3,188' "June 2025 world exports, 3,188 t"
check trade "$WORK/trade.html" '1,238' "May 2025 world exports, 1,238 t"
check trade "$WORK/trade.html" '+157' "June 2025 month-on-month change"

chrome --screenshot="$PWD/$SHOTS/home.png" --window-size=1280,1600 "http://127.0.0.1:$PORT/" >/dev/null
chrome --screenshot="$PWD/$SHOTS/trade.png" --window-size=1280,2400 "http://127.0.0.1:$PORT/trade/8505.11/CHN?from=2024-01&to=2025-12" >/dev/null
chrome --screenshot="$PWD/$SHOTS/trade-phone.png" --window-size=390,2400 "http://127.0.0.1:$PORT/trade/8505.11/CHN?from=2025-01&to=2025-12" >/dev/null
chrome --screenshot="$PWD/$SHOTS/dependence.png" --window-size=1280,1800 "http://127.0.0.1:$PORT/dependence" >/dev/null
chrome --screenshot="$PWD/$SHOTS/policy.png" --window-size=1280,1800 "http://127.0.0.1:$PORT/policy" >/dev/null
chrome --screenshot="$PWD/$SHOTS/sources.png" --window-size=1280,2000 "http://127.0.0.1:$PORT/sources" >/dev/null
chrome --dump-dom "http://127.0.0.1:$PORT/dependence" >"$WORK/dependence.html"
check dependence "$WORK/dependence.html" 'MCS 2026: 53' "MCS 2026 revises the 2024 net import reliance, shown beside MCS 2025"
chrome --dump-dom "http://127.0.0.1:$PORT/sources" >"$WORK/sources.html"
check sources "$WORK/sources.html" 'behind' "series behind their release rhythm are flagged"
check home "$WORK/home.html" 'What holds today' "what holds today leads the home page"
# Every page in the navigation opens (GET /claims was a 404 until 2026-11-30: a POST-only route hid it).
chrome --dump-dom "http://127.0.0.1:$PORT/claims?text=China%20exported%203%2C188%20t%20of%20magnets%20in%20June%202025" >"$WORK/claims.html"
check claims "$WORK/claims.html" 'verdict-agrees' "a pasted sentence is checked and marked"
chrome --dump-dom "http://127.0.0.1:$PORT/prices" >"$WORK/prices.html"
check prices "$WORK/prices.html" '<svg' "the stress-index chart"
chrome --dump-dom "http://127.0.0.1:$PORT/projects" >"$WORK/projects.html"
check projects "$WORK/projects.html" '<svg' "the capacity vs US demand chart"
check projects "$WORK/projects.html" 'Narva magnet plant' "a cited project row"
chrome --dump-dom "http://127.0.0.1:$PORT/briefing/2025-06" >"$WORK/briefing.html"
check briefing "$WORK/briefing.html" '3,188' "the June 2025 briefing"
chrome --screenshot="$PWD/$SHOTS/claims.png" --window-size=1280,1600 "http://127.0.0.1:$PORT/claims?text=China%20exported%203%2C188%20t%20of%20magnets%20in%20June%202025" >/dev/null
chrome --screenshot="$PWD/$SHOTS/prices.png" --window-size=1280,1800 "http://127.0.0.1:$PORT/prices" >/dev/null
chrome --screenshot="$PWD/$SHOTS/projects.png" --window-size=1280,2400 "http://127.0.0.1:$PORT/projects" >/dev/null
chrome --screenshot="$PWD/$SHOTS/briefing.png" --window-size=1280,2400 "http://127.0.0.1:$PORT/briefing/2025-06" >/dev/null
for f in home trade trade-phone dependence policy sources claims prices projects briefing; do
  if [ -s "$SHOTS/$f.png" ]; then echo "ok   screenshot $SHOTS/$f.png"; else echo "FAIL screenshot $f"; fail=1; fi
done
if [ "$fail" -ne 0 ]; then echo "browser test failed; server log:"; tail -20 "$WORK/server.log"; exit 1; fi
echo "browser test passed"
