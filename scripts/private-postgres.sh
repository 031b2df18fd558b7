# Sourced by the fault scripts that stop, crash or fill a PostgreSQL server (fault-test.sh,
# crash-test.sh): a cluster of the test's own, on a free port, so that the shared cluster other
# tests use (scripts/postgres.sh, port 5432) is never disturbed. Needs the postgresql package
# (scripts/postgres.sh installs it) and root or sudo.
#
#   private_cluster_create NAME     makes and starts the cluster NAME of the newest installed
#                                   version; sets PRIVATE_CLUSTER ("VERSION NAME") and PRIVATE_PORT
#   private_cluster_ctl ACTION...   pg_ctlcluster ACTION (start, stop -m fast, restart …) on it
#   private_cluster_ready           waits (up to 30 s) until it accepts connections
#   private_cluster_sql SQL...      runs each SQL as the postgres superuser on it (ON_ERROR_STOP)
#   private_cluster_drop            stops and drops it (safe to call twice: the caller's EXIT trap)
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
PRIVATE_CLUSTER=""
PRIVATE_PORT=""

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# private_cluster_create NAME [INITDB_OPTION ...]
private_cluster_create() {
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  PRIVATE_PORT=$(free_port)  # not a fixed port: two runs at once (other worktrees) must not collide
  PRIVATE_CLUSTER="$version $1"
  if ! $SUDO pg_createcluster "$version" "$1" --port "$PRIVATE_PORT" -- "${@:2}" >/dev/null 2>&1; then
    PRIVATE_CLUSTER=""
    echo "pg_createcluster $version $1 failed" >&2
    return 1
  fi
  private_cluster_ctl start
  private_cluster_ready
}

# No systemd here (containers, CI): pg_ctlcluster must not redirect to systemctl.
private_cluster_ctl() { $SUDO pg_ctlcluster --skip-systemctl-redirect $PRIVATE_CLUSTER "$@"; }

private_cluster_ready() {
  for _ in $(seq 1 150); do pg_isready -q -h 127.0.0.1 -p "$PRIVATE_PORT" && return 0; sleep 0.2; done
  echo "the cluster $PRIVATE_CLUSTER on port $PRIVATE_PORT is not ready after 30 s" >&2
  return 1
}

private_cluster_sql() {
  local args="" q
  for q in "$@"; do args="$args -c \"$q\""; done
  as_postgres "PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -p $PRIVATE_PORT -tA $args"
}

# private_cluster_sql_db DB QUERY: one query in DB as the superuser, whose reserved connection
# slots answer even when every ordinary slot is taken.
private_cluster_sql_db() {
  as_postgres "PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -p $PRIVATE_PORT -d $1 -tA -c \"$2\""
}

private_cluster_drop() {
  if [ -n "$PRIVATE_CLUSTER" ]; then $SUDO pg_dropcluster --stop $PRIVATE_CLUSTER >/dev/null 2>&1 || true; fi
  PRIVATE_CLUSTER=""
}
