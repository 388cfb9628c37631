#!/usr/bin/env bash
# Sets up everything Kafaat needs in .venv (idempotent): Python packages pinned by constraints.txt,
# then the compiled translations. Used by scripts/run.sh, scripts/test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Kafaat demande Python 3.11 ou plus récent ($PYTHON)." >&2
  exit 2
fi

stamp=".venv/.kafaat-installed"
wanted="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --upgrade "pip>=24" >/dev/null
  # A failed installation stops here (the stamp below is written only after a complete one).
  status=0
  .venv/bin/python -m pip install --quiet -c constraints.txt -e ".[dev]" > .venv/pip.log 2>&1 || status=$?
  grep -v "^WARNING: Location" .venv/pip.log >&2 || true
  if [ "$status" -ne 0 ]; then
    echo "L'installation des paquets a échoué (voir ci-dessus) : rien n'est marqué comme installé." >&2
    exit 1
  fi
  .venv/bin/python -c "import forms, desktop, PySide6, sqlalchemy"
  echo "$wanted" > "$stamp"
fi

# Qt needs a few system libraries that minimal Linux images lack (harmless where they exist).
if [ "$(uname -s)" = "Linux" ] && ! .venv/bin/python -c 'import ctypes.util,sys; sys.exit(not ctypes.util.find_library("xkbcommon"))' 2>/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core >/dev/null
  fi
fi

if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py
fi
