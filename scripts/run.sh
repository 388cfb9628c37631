#!/usr/bin/env bash
# Set everything up, then open Kafaat (extra arguments go to the `kafaat` command).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/kafaat "$@"
