# Sourced by scripts that test a running server (api-fuzz.sh, browser-signin-test.sh).
#
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
    URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/server.out" | head -1 || true)"
    [ -n "$URL" ] && curl -fsS "$URL/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "server did not start:"
  cat "$dir/server.out" "$dir/server.err"
  return 1
}
