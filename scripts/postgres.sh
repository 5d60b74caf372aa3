#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback for tests and the local two-server deployment, from Debian's packages.
#   scripts/postgres.sh start FOLDER   → initialises FOLDER (if new), starts the server on a free port, prints
#                                        its Npgsql connection string (user "madrasah", trust on loopback only)
#   scripts/postgres.sh stop FOLDER    → stops it (the folder stays; delete it to forget the data)
# FAST=1 turns off flushing to disk (fsync, synchronous commit): for throw-away test data only, never for figures.
set -euo pipefail
action=${1:?start|stop}
folder=$(realpath -m "${2:?folder}")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; exit 1; }

# The server refuses to run as root: then it runs as Debian's "postgres" account, which owns the folder.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$action" in
start)
  mkdir -p "$folder"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$folder"
    # The "postgres" account must reach the folder: open the way through private parents (mktemp makes them 0700).
    d=$(dirname "$folder")
    while [ "$d" != / ] && [ "$(stat -c %A "$d" | cut -c10)" != x ] && [ "$(stat -c %A "$d" | cut -c10)" != t ]; do
      chmod o+x "$d"; d=$(dirname "$d")
    done
  fi
  if [ ! -f "$folder/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$folder/data" -U madrasah --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  durability=""
  [ "${FAST:-0}" = 1 ] && durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$folder' -c max_connections=300 $durability" start >/dev/null
  echo "$port" > "$folder/port"
  echo "Host=127.0.0.1;Port=$port;Username=madrasah"
  ;;
stop)
  [ -f "$folder/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null || true
  ;;
*) echo "usage: $0 start|stop FOLDER" >&2; exit 2 ;;
esac
