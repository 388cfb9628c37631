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
.venv/bin/python -m pytest "$@"
