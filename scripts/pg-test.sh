#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server (a fresh cluster in a temp dir, trust
# auth, 127.0.0.1 on a free port), exported to it as ANKIETA_TEST_DATABASE_URL; the server
# and its files are removed afterwards. Used by CI for the collector's PostgreSQL tests:
#   scripts/pg-test.sh npm run test:collector
# Needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql; as root this
# script installs them when missing). PostgreSQL refuses to run as root, so as root the
# server runs as the "postgres" user.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

find_bin() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "$0: PostgreSQL server binaries not found; install them (Debian: apt-get install -y postgresql)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  BIN="$(find_bin)"
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/ankieta-pg.XXXXXX")"
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/sh -c "$1"
  else
    sh -c "$1"
  fi
}

if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$DIR"
fi

cleanup() {
  as_owner "'$BIN/pg_ctl' -D '$DIR/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_owner "'$BIN/initdb' -D '$DIR/data' -A trust -U postgres -E UTF8 --no-sync" >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}
as_owner "'$BIN/pg_ctl' -D '$DIR/data' -w -t 30 -l '$DIR/server.log' -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1\" start" >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}

export ANKIETA_TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "pg-test: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $ANKIETA_TEST_DATABASE_URL" >&2
set +e
"$@"
STATUS=$?
set -e
exit $STATUS
