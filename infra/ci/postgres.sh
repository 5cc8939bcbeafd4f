#!/usr/bin/env bash
# Start (or stop) a private, throw-away PostgreSQL cluster for the test suites.
#
#   infra/ci/postgres.sh start   -> prints the server URL to use as SPLOT_TEST_DATABASE_URL
#   infra/ci/postgres.sh stop
#
# It installs Debian's PostgreSQL when no server binaries are present, and never touches a
# cluster the machine already runs: it has its own data directory, port and trust auth.
set -euo pipefail

PGPORT="${SPLOT_TEST_PGPORT:-55432}"
PGDATA="${SPLOT_TEST_PGDATA:-/tmp/splot-test-pg}"
LOG="$PGDATA.log"

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

as_owner() {
  # initdb and pg_ctl refuse to run as root.
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin
  bin=$(find_bin) || true
  if [ -z "${bin:-}" ]; then
    echo "installing PostgreSQL (Debian package)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bin=$(find_bin)
  fi
  if ! as_owner "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      rm -rf "$PGDATA"
      mkdir -p "$PGDATA"
      [ "$(id -u)" = "0" ] && chown postgres:postgres "$PGDATA"
      as_owner "$bin/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    touch "$LOG"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$LOG"
    as_owner "$bin/pg_ctl" -D "$PGDATA" -l "$LOG" -w -t 60 \
      -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
  fi
  for _ in $(seq 1 30); do
    "$bin/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q && break
    sleep 1
  done
  "$bin/pg_isready" -h 127.0.0.1 -p "$PGPORT" >&2
  echo "postgresql+asyncpg://postgres@127.0.0.1:$PGPORT/postgres"
}

stop() {
  local bin
  bin=$(find_bin) || exit 0
  as_owner "$bin/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
