#!/usr/bin/env bash
# A throwaway PostgreSQL server for the access-log benchmark, as the tests start theirs
# (CustomerCenter.Tests/Infrastructure/PostgreSqlTestServer.cs): Debian's binaries, a cluster in a folder of its own,
# run as the unprivileged postgres user (PostgreSQL refuses root), listening on 127.0.0.1 only.
#
#   bench/access-log/postgres.sh start [DIR] [PORT]   # prints the connection string to pass as --connection
#   bench/access-log/postgres.sh stop  [DIR]
#
# Unlike the tests' server it keeps fsync on and the default memory settings but for shared_buffers = 1GB (a small
# dedicated server would have at least that), so the numbers are those of a real server on this machine.
set -euo pipefail
command=${1:?start or stop}
dir=${2:-/tmp/customer-center-bench/postgres}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "No PostgreSQL under /usr/lib/postgresql (apt-get install -y postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_postgres "$bin/initdb" -D "$dir/data" -A trust -U cc --no-instructions >/dev/null
    fi
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c max_wal_size=4GB" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=cc;Database=customer_center_bench"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop
    ;;
  *) echo "start or stop" >&2; exit 2 ;;
esac
