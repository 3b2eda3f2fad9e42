#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the real-Postgres test leg.
#   scripts/pg-cluster.sh start DIR   -> prints the DATABASE_URL on stdout
#   scripts/pg-cluster.sh stop DIR
#   scripts/pg-cluster.sh resume DIR  -> starts a cluster made by `start` again, data kept, on its port (a benchmark
#                                        data set built once, e.g. /work/bench-data/copenhagen-pg), prints the URL
# initdb refuses to run as root, so as root the cluster runs as user postgres.
set -euo pipefail
cmd=${1:?start|resume|stop}
dir=${2:?directory}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | head -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg-cluster: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 3
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    rm -rf "$dir/pgdata" "$dir/sock"
    mkdir -p "$dir/pgdata" "$dir/sock"
    if [ "$(id -u)" = "0" ]; then chown -R postgres "$dir"; fi
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "'$bindir/initdb' -D '$dir/pgdata' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    as_owner "'$bindir/pg_ctl' -D '$dir/pgdata' -l '$dir/pg.log' -w -o \"-p $port -k '$dir/sock' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >'$dir/pg_ctl.log' 2>&1"
    echo "$port" >"$dir/port"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  resume)
    dir=$(cd "$dir" && pwd)
    port=$(cat "$dir/port")
    as_owner "'$bindir/pg_ctl' -D '$dir/pgdata' -l '$dir/pg.log' -w -o \"-p $port -k '$dir/sock' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start >'$dir/pg_ctl.log' 2>&1"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/pgdata" ]; then
      as_owner "'$bindir/pg_ctl' -D '$dir/pgdata' -m fast -w stop >/dev/null 2>&1" || true
    fi
    ;;
  *)
    echo "usage: $0 start|resume|stop DIR" >&2
    exit 2
    ;;
esac
