"""``scripts/bootstrap.sh`` with a stand-in Python: a failed package installation must stop it (and not
be recorded as done, or every later run would skip the installation)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FAKE_PYTHON = """#!/usr/bin/env bash
# stands in for .venv/bin/python: "pip install -e" fails as a broken download would
if [ "$1 $2 $3" = "-m pip install" ] && [ "$4" != "--quiet" -o "$5" != "--upgrade" ]; then
  echo "ERROR: Could not install packages due to an OSError" >&2
  exit 1
fi
exit 0
"""


@pytest.mark.skipif(shutil.which("bash") is None or os.name != "posix", reason="bash script")
def test_a_failed_installation_stops_the_bootstrap(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "bootstrap.sh", tmp_path / "scripts" / "bootstrap.sh")
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    result = subprocess.run(["bash", "scripts/bootstrap.sh"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PYTHON": str(python)})
    assert result.returncode != 0, result.stderr
    assert "Could not install" in result.stderr
    assert not (tmp_path / ".venv" / ".kafaat-installed").exists()
