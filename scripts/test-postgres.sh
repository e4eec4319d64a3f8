#!/usr/bin/env bash
# Starts (start DIR) or stops (stop DIR) a throwaway PostgreSQL cluster on 127.0.0.1 (a free
# port from 55432) for the test run and prints its URL. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
set -euo pipefail
cmd=$1
dir=$2
# The first free port from 55432 up, unless one is given: a developer's own PostgreSQL or a
# second test run may already hold one.
free_port() {
  for p in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "no free port for PostgreSQL" >&2; exit 1
}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case $cmd in
start)
  port=${ONSITE_TEST_PG_PORT:-$(free_port)}
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >"$dir/initdb.log" 2>&1
  fi
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" >/dev/null; then
    cat "$dir/server.log" >&2
    exit 1
  fi
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
  ;;
stop)
  as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  ;;
esac
