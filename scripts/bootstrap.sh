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

# Qt needs system libraries that minimal Linux images lack: the basics, and those of the X11 platform
# plugin (« Could not load the Qt platform plugin "xcb" » without them). ``ldd`` on the plugin says what
# is missing; apt-get installs it when we may (root), otherwise the command to run is printed.
QT_SYSTEM_PACKAGES="libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
  libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render0 \
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 \
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0"
if [ "$(uname -s)" = "Linux" ]; then
  xcb_plugin="$(.venv/bin/python -c 'import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent / "Qt/plugins/platforms/libqxcb.so")' 2>/dev/null || true)"
  missing=""
  if ! .venv/bin/python -c 'import ctypes.util,sys; sys.exit(not ctypes.util.find_library("xkbcommon"))' 2>/dev/null; then
    missing="libxkbcommon"
  fi
  # no font at all: Qt draws no text (and no Arabic); the libraries above may all be there without one
  if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    missing="$missing fonts-dejavu-core"
  fi
  if [ -n "$xcb_plugin" ] && [ -f "$xcb_plugin" ] && command -v ldd >/dev/null; then
    missing="$missing $(LD_LIBRARY_PATH="$(dirname "$xcb_plugin")/../../lib" ldd "$xcb_plugin" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')"
  fi
  if [ -n "${missing// /}" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
      apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
      # shellcheck disable=SC2086
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $QT_SYSTEM_PACKAGES >/dev/null
    else
      echo "Bibliothèques système manquantes pour la fenêtre Qt :$missing" >&2
      echo "Installez-les (administrateur) : sudo apt-get install $(echo $QT_SYSTEM_PACKAGES)" >&2
    fi
  fi
fi

if [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py
fi
