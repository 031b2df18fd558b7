# Sourced by scripts that test a running server (api-fuzz.sh, browser-signin-test.sh).
#
#   fresh_store_with_token NAME SCOPE
#
# Sets BIN (the debug build, built if missing) and WORK (a temporary folder, removed on exit with
# the server in it), makes WORK/store.sqlite with the bundled data, and sets TOKEN to the secret of
# a new token NAME with SCOPE.
fresh_store_with_token() {
  BIN="$(swift build --show-bin-path)/monazite"
  [ -x "$BIN" ] || swift build --product monazite
  WORK="$(mktemp -d)"
  SERVER=""
  trap '[ -n "$SERVER" ] && { kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; }; rm -rf "$WORK"' EXIT
  "$BIN" init --store "$WORK/store.sqlite" >/dev/null
  TOKEN="$("$BIN" tokens create "$1" --scope "$2" --store "$WORK/store.sqlite" --format json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')"
}

#   serve_on_free_port DIR ARGS...
#
# Starts `"$BIN" serve ARGS... --port 0` with its output in DIR/server.out and DIR/server.err, waits
# until it answers /health, and sets SERVER (its pid) and URL (http://127.0.0.1:PORT). The caller
# stops it (its EXIT trap). Fails, printing the server's output, when it does not come up in 20 s.
serve_on_free_port() {
  local dir=$1
  shift
  "$BIN" serve "$@" --port 0 >"$dir/server.out" 2>"$dir/server.err" &
  SERVER=$!
  URL=""
  for _ in $(seq 1 200); do
    URL="$(grep -so 'http://127.0.0.1:[0-9]*' "$dir/server.out" | head -1 || true)"
    [ -n "$URL" ] && curl -fsS "$URL/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server did not start:"
  cat "$dir/server.out" "$dir/server.err"
  return 1
}
