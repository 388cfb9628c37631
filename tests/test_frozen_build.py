"""The real frozen build (PyInstaller onedir from build.spec) runs the self-check and a CLI session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import OFFERING, cohort_values

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
         str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")],
        capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stderr[-4000:]
    exe = work / "dist" / "kafaat" / ("kafaat.exe" if os.name == "nt" else "kafaat")
    assert exe.exists()
    return exe


def run(exe: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KAFAAT"))}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300,
                          env=clean | {"QT_QPA_PLATFORM": "offscreen"} | env, cwd=exe.parent)


@pytest.mark.slow
def test_frozen_selftest(frozen: Path) -> None:
    result = run(frozen, "selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ÉCHEC" not in result.stdout and result.stdout.count("OK") == 5


@pytest.mark.slow
def test_frozen_cli_session(frozen: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    passphrase = {"KAFAAT_PASSPHRASE": "une phrase de passe assez longue"}
    assert run(frozen, "--data-dir", data, "init", "--role", "establishment", "--establishment", "ECC",
               **passphrase).returncode == 0
    added = run(frozen, "--data-dir", data, "records", "add", "offering", "--json", json.dumps(OFFERING))
    assert added.returncode == 0, added.stderr
    refused = run(frozen, "--data-dir", data, "records", "add", "cohort", "--json",
                  json.dumps(cohort_values(added.stdout.strip(), women=1)))
    assert refused.returncode == 1 and "women" in refused.stderr
    listed = run(frozen, "--data-dir", data, "records", "list", "offering", "--json")
    assert [r["code"] for r in json.loads(listed.stdout)] == ["MS-CYBER"]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_frozen_window_opens_every_page(frozen: Path, tmp_path: Path, lang: str) -> None:
    """The packaged window (QtCharts, translations, pages imported by name) on real data."""
    data = str(tmp_path / "data")
    passphrase = {"KAFAAT_PASSPHRASE": "une phrase de passe assez longue"}
    assert run(frozen, "--data-dir", data, "init", "--role", "establishment", "--establishment", "ECC",
               **passphrase).returncode == 0
    added = run(frozen, "--data-dir", data, "records", "add", "offering", "--json", json.dumps(OFFERING))
    assert added.returncode == 0, added.stderr
    assert run(frozen, "--data-dir", data, "records", "add", "cohort", "--json",
               json.dumps(cohort_values(added.stdout.strip()))).returncode == 0
    settings = tmp_path / "data" / "settings.json"
    settings.write_text(settings.read_text(encoding="utf-8").replace('"language": "fr"', f'"language": "{lang}"'),
                        encoding="utf-8")
    report = tmp_path / "report.json"
    shown = run(frozen, "--data-dir", data, KAFAAT_UI_SMOKE=str(report))
    assert shown.returncode == 0, shown.stderr[-3000:]
    seen = json.loads(report.read_text(encoding="utf-8"))
    assert seen["errors"] == []
    assert seen["language"] == lang and seen["charts"] > 0
    assert set(seen["editors"]) == {"offering", "cohort", "internship"}
    if lang == "ar":
        assert seen["translations_loaded"] is True
