"""The real frozen build (PyInstaller onedir from build.spec) runs the self-check and a CLI session."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from forms.definitions import FORMS
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
    assert seen["editors"] == {key: len(form.fields) for key, form in FORMS.items()}
    if lang == "ar":
        assert seen["translations_loaded"] is True


@pytest.mark.slow
def test_frozen_check_script_version_and_windows_shaped_paths(frozen: Path) -> None:
    """installer/check_build.py, which the Windows workflow runs on the frozen and the installed program:
    ``--version`` is forms/version.py's, self-test, and a session in a folder named like a Windows profile."""
    result = subprocess.run([sys.executable, str(ROOT / "installer" / "check_build.py"), str(frozen)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tout est en ordre" in result.stdout


@pytest.mark.slow
def test_installer_script_covers_every_file_of_the_build(frozen: Path) -> None:
    from tests.test_installer import ISS, uncovered

    dist = frozen.parent
    assert dist.parent.name == "dist" and dist.name == "kafaat"  # where [Files] looks: dist\kafaat\*
    files = [p for p in dist.rglob("*") if p.is_file()]
    assert len(files) > 100
    assert uncovered(ISS.read_text(encoding="utf-8-sig"), dist) == []


@pytest.mark.slow
def test_trimmed_build_has_no_qt_quick_and_nothing_it_needs_is_missing(frozen: Path) -> None:
    """The files build.spec prunes are gone, and no library left in the folder needs one of them."""
    internal = frozen.parent / "_internal"
    names = {p.name for p in internal.rglob("*") if p.is_file()}
    assert not [n for n in names if re.match(r"(lib)?Qt6(Quick|Qml|VirtualKeyboard)", n)]
    assert {"kafaat_ar.qm", "kafaat_en.qm", "qtbase_ar.qm", "kafaat.ico", "kafaat.png"} <= names
    assert not [n for n in names if n.endswith(".qm") and n.startswith("qt") and n[-5:-3] not in ("ar", "fr", "en")]
    if os.name == "nt" or shutil.which("readelf") is None:
        pytest.skip("the dependency check reads ELF files with readelf")
    missing = set()
    for library in internal.rglob("*.so*"):
        dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True).stdout
        for needed in re.findall(r"\(NEEDED\).*\[(.+?)\]", dynamic):
            if needed.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu")) and needed not in names:
                missing.add((library.name, needed))
    assert not missing
