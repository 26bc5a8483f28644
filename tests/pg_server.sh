#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the test suite (idempotent) and print its URL.
#
#   export TECHAPPROVAL_TEST_DATABASE_URL="$(bash tests/pg_server.sh)"
#   QT_QPA_PLATFORM=offscreen uv run pytest -q
#
# Needs Debian's `postgresql` package (installed here when missing and running as root).
# Settings: PGTEST_DIR (default /tmp/techapproval-pg), PGTEST_PORT (default 55432).
# Stop it with: bash tests/pg_server.sh stop
set -euo pipefail

DIR="${PGTEST_DIR:-/tmp/techapproval-pg}"
PORT="${PGTEST_PORT:-55432}"
DATA="$DIR/data"
LOG="$DIR/server.log"

bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -z "$found" ]]; then
        if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
            apt-get update -qq >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
            found="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
        else
            echo "pg_server.sh: PostgreSQL is not installed (apt-get install postgresql)" >&2
            exit 1
        fi
    fi
    echo "$found"
}

BIN="$(bindir)"

# PostgreSQL refuses to run as root: run it as the `postgres` user (made by the Debian package).
as_owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [[ "${1:-start}" == "stop" ]]; then
    if [[ -f "$DATA/postmaster.pid" ]]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    fi
    exit 0
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
    mkdir -p "$DIR"
    [[ "$(id -u)" -eq 0 ]] && chown postgres: "$DIR"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    # fsync off: a test cluster need not survive a power cut, and tests create many databases.
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-p $PORT -k $DIR -c listen_addresses=localhost -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2
fi

for _ in $(seq 1 60); do
    if "$BIN/pg_isready" -q -h localhost -p "$PORT" -U postgres; then
        echo "postgresql+psycopg://postgres@localhost:$PORT/postgres"
        exit 0
    fi
    sleep 0.5
done
echo "pg_server.sh: the server did not become ready; see $LOG" >&2
exit 1
