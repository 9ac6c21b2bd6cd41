# Shared by scripts/test and scripts/bench: installs PostgreSQL 15 from Debian's packages when missing and starts a
# private instance on 127.0.0.1:${INFRALEDGER_PG_PORT:-55432}; exports INFRALEDGER_TEST_POSTGRES.
. "$(dirname "${BASH_SOURCE[0]}")/packages.sh"

# --- PostgreSQL 15 -------------------------------------------------------------------------------------
pg_bin=/usr/lib/postgresql/15/bin
if [ ! -x "$pg_bin/initdb" ]; then
  echo "scripts/test: installing PostgreSQL 15 (Debian package postgresql-15)"
  apt_install postgresql-15
fi
pg_port=${INFRALEDGER_PG_PORT:-55432}
pg_dir=${INFRALEDGER_PG_DIR:-${TMPDIR:-/tmp}/infraledger-test-pg-$pg_port}
# initdb refuses to run as root: the server runs as the 'postgres' user the package created.
if [ "$(id -u)" = 0 ]; then pg_as() { runuser -u postgres -- "$@"; }; else pg_as() { "$@"; }; fi
if ! pg_as "$pg_bin/pg_ctl" -D "$pg_dir" status >/dev/null 2>&1; then
  if [ ! -f "$pg_dir/PG_VERSION" ]; then
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
    pg_as "$pg_bin/initdb" -D "$pg_dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  echo "scripts/test: starting PostgreSQL 15 on 127.0.0.1:$pg_port ($pg_dir)"
  # Durability off: a throw-away test server.
  pg_as "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w start \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
fi
export INFRALEDGER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

