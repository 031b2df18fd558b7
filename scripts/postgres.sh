#!/usr/bin/env bash
# Installs (Debian package), starts and prepares a local PostgreSQL server for the test suite,
# then prints its URL on stdout (and nothing else there; progress goes to stderr).
#
#   url=$(bash scripts/postgres.sh)   # postgres://monazite:…@127.0.0.1:5432/monazite_test
#
# Idempotent: every step checks first. Works as root without systemd (containers, CI).
# The role and database are for local tests only; override with MONAZITE_PG_USER,
# MONAZITE_PG_PASSWORD, MONAZITE_PG_DB, MONAZITE_PG_PORT.
set -euo pipefail

user="${MONAZITE_PG_USER:-monazite}"
password="${MONAZITE_PG_PASSWORD:-monazite-test}"
db="${MONAZITE_PG_DB:-monazite_test}"
port="${MONAZITE_PG_PORT:-5432}"

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

# 1. The server package (Debian 12 ships PostgreSQL 15).
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  log "installing the postgresql package"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

# 2. A cluster: the package creates "main"; make one if it was dropped.
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  log "creating cluster $version/main"
  $SUDO pg_createcluster "$version" main --port "$port" >&2
fi
cluster_port="$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')"
if [ "$cluster_port" != "$port" ]; then
  log "cluster $version/main listens on $cluster_port, not $port; set MONAZITE_PG_PORT=$cluster_port"
  exit 1
fi

# 3. Started (no systemd here: pg_ctlcluster must not redirect to systemctl).
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $version/main"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
fi

# 4. Ready to accept connections (the server may still be recovering right after start).
for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "server on 127.0.0.1:$port is not ready"; exit 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi
}
psql_admin() { as_postgres "psql -X -q -v ON_ERROR_STOP=1 -p $port -tAc \"$1\""; }

# 5. The role (password refreshed every run, so a changed MONAZITE_PG_PASSWORD takes effect)
#    and the database it owns. CREATEDB is not needed: tests use schemas of this database.
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != "1" ]; then
  log "creating role $user"
  psql_admin "CREATE ROLE $user LOGIN"
fi
psql_admin "ALTER ROLE $user PASSWORD '$password'" >/dev/null
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  log "creating database $db"
  psql_admin "CREATE DATABASE $db OWNER $user"
fi

url="postgres://$user:$password@127.0.0.1:$port/$db"
PGPASSWORD="$password" psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -tAc "SELECT 1" >/dev/null \
  || { log "cannot log in as $user to $db"; exit 1; }
log "ready: postgres://$user:***@127.0.0.1:$port/$db"
echo "$url"
