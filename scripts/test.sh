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
  # captured first: ``eval "$(…)"`` alone ignores a failed start (set -e sees only eval's own status), and the
  # run went on to fail forty minutes later on « aucun serveur PostgreSQL »
  pg_env="$(bash scripts/postgres.sh start)"
  eval "$pg_env"
  trap 'bash scripts/postgres.sh stop "$KAFAAT_PG_DIR"' EXIT
fi
# The window's test on the real X11 platform (tests/desktop/test_xcb.py) needs Xvfb, which a new machine lacks
# (« no screen ») and whose absence fails CI: Debian's `xvfb`, installed when missing and we are root.
if ! command -v Xvfb >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing xvfb (Debian) for the X11 window test"
    apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq xvfb >/dev/null
  else
    echo "Xvfb absent : le test de la fenêtre sur X11 sera ignoré hors CI (sudo apt-get install xvfb)" >&2
  fi
fi
# Our workbooks are opened, converted and re-saved by a real LibreOffice (tests/forms/test_excel_libreoffice.py,
# tests/contract/test_office_loop.py), which a new machine lacks: Debian's `libreoffice-calc-nogui` (~45 s),
# installed when missing and we are root; elsewhere those tests say they are skipped and why.
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing LibreOffice Calc (Debian, no GUI) for the office round-trip tests"
    # not fatal: without it those tests are skipped (and say so), the others still run
    { apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
        libreoffice-calc-nogui >/dev/null; } ||
      echo "LibreOffice n'a pas pu être installé : les tests d'aller-retour bureautique seront ignorés" >&2
  else
    echo "LibreOffice absent : les tests d'aller-retour bureautique seront ignorés (sudo apt-get install libreoffice-calc-nogui)" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
