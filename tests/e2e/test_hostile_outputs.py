"""Where the commands write what the user named — an error report, an Excel export — and that place is a
folder, or on a full disk: one sentence in the command's language, exit code as ``cli.md`` says, nothing
half-written, and never a Python traceback under the sentence (the program runs in a fresh process: what
Python prints at exit is seen too)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from forms.workspace import Workspace
from tests.conftest import OFFERING
from tests.e2e.test_reliability_cli import _fill_disk, mounted

PASSPHRASE = "une phrase de passe assez longue"


def kafaat(data: Path, *args: str | Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300)


def offerings_csv(path: Path, n: int, blank_title_at: int | None = None) -> Path:
    def cell(value: object) -> str:
        return ",".join(value) if isinstance(value, list) else "oui" if value is True else str(value)

    lines = [";".join(OFFERING)]
    for i in range(n):
        values = OFFERING | {"code": f"LP-{i:05d}", "title": "" if i == blank_title_at else f"Licence n° {i}"}
        lines.append(";".join(cell(values[k]) for k in OFFERING))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr


def test_an_error_report_named_like_a_folder(tmp_path: Path) -> None:
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    bad = offerings_csv(tmp_path / "offres.csv", 3, blank_title_at=1)
    (tmp_path / "rapport.xlsx").mkdir()
    done = kafaat(data, "--lang", "en", "import", "offering", bad, "--errors", tmp_path / "rapport.xlsx")
    no_traceback(done)
    assert done.returncode == 1
    assert "rapport.xlsx was not written" in done.stderr, done.stderr
    # The import's own outcome is still said: the report is only a help.
    assert "import refused" in done.stderr and "nothing was saved" in done.stderr, done.stderr
    assert list((tmp_path / "rapport.xlsx").iterdir()) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_export_or_a_report_on_a_full_disk(tmp_path: Path) -> None:
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    done = kafaat(data, "import", "offering", offerings_csv(tmp_path / "offres.csv", 1500))
    assert done.returncode == 0, done.stderr
    bad = offerings_csv(tmp_path / "mauvais.csv", 1500, blank_title_at=700)
    with mounted(tmp_path / "cle", "-t", "tmpfs", "-o", "size=1m", "tmpfs") as usb:
        _fill_disk(usb)
        filler = usb / "remplissage.bin"
        os.truncate(filler, filler.stat().st_size - 32 * 1024)  # room for a few pages, not for the files
        done = kafaat(data, "--lang", "en", "export-xlsx", "offering", usb / "offres.xlsx")
        no_traceback(done)
        assert done.returncode == 1 and "the disk is full" in done.stderr, done.stderr
        done = kafaat(data, "--lang", "en", "import", "offering", bad, "--errors", usb / "rapport.xlsx")
        no_traceback(done)
        assert done.returncode == 1 and "the disk is full" in done.stderr, done.stderr
        assert "import refused" in done.stderr, done.stderr
        assert [p.name for p in usb.iterdir()] == ["remplissage.bin"], "nothing half-written"
    listed = kafaat(data, "records", "list", "offering", "--json")
    assert len(json.loads(listed.stdout)) == 1500
