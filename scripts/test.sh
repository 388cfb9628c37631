#!/usr/bin/env bash
# Set everything up, then run every check: ruff, the layering contract, and the whole test suite.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
echo "== layering contract (desktop -> sync -> forms; no Qt in forms/ or sync/)"
.venv/bin/lint-imports --no-cache
echo "== tests"
# The national store's tests run on SQLite and on a real PostgreSQL server: a throwaway cluster (Debian's
# `postgresql`, installed when missing and root; Unix socket in a temporary folder, no port opened) unless a
# server is given (KAFAAT_TEST_PG_URL) or its cases are skipped on purpose (KAFAAT_SKIP_POSTGRES=1).
if [ -z "${KAFAAT_TEST_PG_URL:-}" ] && [ "${KAFAAT_SKIP_POSTGRES:-}" != "1" ]; then
  eval "$(bash scripts/postgres.sh start)"
  trap 'bash scripts/postgres.sh stop "$KAFAAT_PG_DIR"' EXIT
fi
.venv/bin/python -m pytest "$@"
