#!/usr/bin/env bash
# Starts PostgreSQL and Redis on 127.0.0.1 for the scale-out tests (installing Debian's packages
# where missing), creates the test database and user, and writes the connection strings:
#   - printed as `export DATABASE_URL_TEST=... REDIS_URL_TEST=...` lines on stdout
#     (use: eval "$(scripts/ci-services.sh)"), and
#   - written to out/ci-services.env, which tests/server/services.ts reads.
# Runs as root on a fresh Debian machine without stdin. Idempotent: a second run reuses both.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
log() { echo "ci-services: $*" >&2; }

PG_DB=${PG_DB:-gigawatt_test}
PG_USER=${PG_USER:-gigawatt}
PG_PASSWORD=${PG_PASSWORD:-gigawatt-test}
PG_PORT=${PG_PORT:-5432}
REDIS_PORT=${REDIS_PORT:-6379}

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} from Debian's packages"
  apt-get update -qq </dev/null >&2
  apt-get install -y -qq "${need[@]}" </dev/null >/dev/null
fi

# PostgreSQL: the first cluster Debian created (or a new "main" one), started on loopback.
read -r PG_VERSION PG_CLUSTER < <(pg_lsclusters -h | awk 'NR==1 {print $1, $2}') || true
if [ -z "${PG_VERSION:-}" ]; then
  PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)
  PG_CLUSTER=main
  log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" -- --auth-local=peer --auth-host=scram-sha-256 >&2
fi
PG_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $3}')
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start -- -o "-c listen_addresses=127.0.0.1" >&2 ||
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
fi
for _ in $(seq 1 50); do
  su postgres -c "psql -p $PG_PORT -Atqc 'SELECT 1'" >/dev/null 2>&1 </dev/null && break
  sleep 0.2
done
psql_admin() { su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -Atq" </dev/stdin; }
psql_admin >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
  ELSE
    ALTER ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
if [ "$(echo "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | psql_admin)" != "1" ]; then
  log "creating database $PG_DB"
  echo "CREATE DATABASE $PG_DB OWNER $PG_USER" | psql_admin >&2
fi

# Redis: answered already, or started as a daemon bound to loopback.
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no >&2
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
  done
fi

DATABASE_URL_TEST="postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
REDIS_URL_TEST="redis://127.0.0.1:$REDIS_PORT"
mkdir -p out
printf 'DATABASE_URL_TEST=%s\nREDIS_URL_TEST=%s\n' "$DATABASE_URL_TEST" "$REDIS_URL_TEST" >out/ci-services.env
log "PostgreSQL and Redis ready (also written to out/ci-services.env)"
echo "export DATABASE_URL_TEST='$DATABASE_URL_TEST'"
echo "export REDIS_URL_TEST='$REDIS_URL_TEST'"
