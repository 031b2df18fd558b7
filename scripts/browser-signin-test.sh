#!/usr/bin/env bash
# Browser test of sign-in on a private server (issue 15): starts `monazite serve --private` on a
# fresh store with the bundled data and a read token, then headless Chromium, driven by Selenium
# through the Debian chromedriver (scripts/browser_signin_test.py), opens / and lands on the
# sign-in form, is refused a wrong token with a visible message, signs in with the read token
# and sees the home page's June 2025 figures and a Sign out button, checks the session cookie is
# HttpOnly (not in document.cookie), Secure and SameSite=Strict, that the API still answers the
# cookie with its JSON 401, checks an article on /claims and downloads its claims table (a form
# post: the article goes in no URL), signs out with the button, and finds the old cookie opens nothing.
# The browser talks to http://localhost: browsers keep Secure cookies from it without TLS.
# Screenshots go to .build/screenshots/ (signin-refused.png, signed-in.png, signed-in-phone.png,
# claims-signed-in.png).
#
# Installs what it needs when missing: chromium and chromium-driver from Debian, Selenium from
# PyPI into .venv-browser. Skips, saying why, only when those cannot be installed.
# Run by scripts/test.sh; on its own: bash scripts/browser-signin-test.sh (after `swift build`).
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
skip() { echo "SKIP browser sign-in test: $1"; exit 0; }
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; } ||
    skip "chromium and chromium-driver could not be installed from Debian"
fi
VENV=.venv-browser
if ! "$VENV/bin/python" -c 'import selenium' >/dev/null 2>&1; then
  { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet --disable-pip-version-check 'selenium>=4.20,<5'; } ||
    skip "Selenium could not be installed from PyPI into $VENV"
fi
SHOTS=".build/screenshots"
mkdir -p "$SHOTS"
. scripts/serve-on-free-port.sh
fresh_store_with_token browser read
serve_on_free_port "$WORK" --store "$WORK/store.sqlite" --private --log-level warning || exit 1
PORT="${URL##*:}"
status=0
"$VENV/bin/python" scripts/browser_signin_test.py "http://localhost:$PORT" "$TOKEN" "$PWD/$SHOTS" || status=$?
if [ "$status" -ne 0 ]; then echo "server log:"; tail -20 "$WORK/server.err"; fi
echo "browser sign-in test: exit $status in $(( $(date +%s) - START )) s"
exit $status
