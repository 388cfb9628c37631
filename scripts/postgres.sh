#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: Debian's `postgresql` package (installed with apt-get when
# missing and we are root), a cluster in a temporary folder owned by the `postgres` user (initdb refuses
# root), listening on a Unix socket in that folder only (no TCP port opens). Prints the shell lines to
# eval:   eval "$(bash scripts/postgres.sh start)"   …   bash scripts/postgres.sh stop "$KAFAAT_PG_DIR"
set -euo pipefail

find_bin() {
  # the newest version whose server is installed (a newer client alone, psql without initdb, is skipped)
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Every path below is absolute; the server's programs run as `postgres`, who may not enter the clone's folder
# (CI clones under /root): « could not change directory » otherwise.
cd /

case "${1:-}" in
  start)
    bin="$(find_bin || true)"
    if [ -z "$bin" ]; then
      if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        # a new machine may still be running its own apt at start-up: wait for dpkg's lock, not fail on it
        apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >/dev/null
        bin="$(find_bin)"
      else
        echo "PostgreSQL introuvable (paquet Debian « postgresql ») et pas de droits root pour l'installer" >&2
        exit 1
      fi
    fi
    dir="$(mktemp -d /tmp/kafaat-pg.XXXXXX)"
    as=()
    if [ "$(id -u)" = "0" ]; then
      chown postgres:postgres "$dir"
      as=(runuser -u postgres --)
    fi
    "${as[@]}" "$bin/initdb" -D "$dir/data" -U kafaat -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses= -c fsync=off -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export KAFAAT_PG_DIR=$dir"
    echo "export KAFAAT_TEST_PG_URL='postgresql+psycopg://kafaat@/postgres?host=$dir'"
    ;;
  stop)
    dir="${2:?dossier du serveur}"
    bin="$(find_bin)"
    as=()
    [ "$(id -u)" = "0" ] && as=(runuser -u postgres --)
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
