"""``kafaat --help``, ``kafaat forms`` and ``kafaat template`` start without the database layer (SQLAlchemy),
the cryptography or Qt: they import only what they print or write (``shared/brief/cli.md``: sub-commands start
fast). Each command runs in a fresh interpreter, as ``kafaat`` does, under ``-X importtime``, whose lines name
every module the command imported; no time is measured here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("sqlalchemy", "cryptography", "PySide6", "openpyxl", "python_calamine")


def imported(args: list[str], tmp_path: Path) -> tuple[set[str], subprocess.CompletedProcess]:
    """The top-level packages ``python -m desktop ARGS`` imported (``-X importtime`` writes one line per module
    on stderr, ``import time: self | cumulative | name``)."""
    env = dict(os.environ, KAFAAT_HOME=str(tmp_path / "home"))
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "desktop", *args], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=300)
    names = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in run.stderr.splitlines()
             if line.startswith("import time:") and line.count("|") == 2}
    assert "desktop" in names, run.stderr[-2000:]  # the reading of -X importtime's lines works
    return names, run


@pytest.mark.parametrize("args", [["--help"], ["forms", "--json"], ["forms", "--lang", "ar"], ["--version"],
                                  ["import", "--help"], ["records", "list", "--help"],
                                  ["--lang", "en", "ministry", "consolidate", "--help"]])
def test_help_and_forms_load_no_database_crypto_or_qt(args, tmp_path) -> None:
    names, run = imported(args, tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert not names & set(HEAVY), sorted(names & set(HEAVY))


def test_the_template_loads_the_workbook_writer_only(tmp_path) -> None:
    out = tmp_path / "modèle.xlsx"
    names, run = imported(["template", "cohort", str(out)], tmp_path)
    assert run.returncode == 0, run.stderr[-2000:]
    assert out.stat().st_size > 0
    assert "openpyxl" in names
    assert not names & {"sqlalchemy", "cryptography", "PySide6"}, sorted(names & set(HEAVY))


def test_a_command_on_a_folder_still_loads_what_it_needs_and_refuses_in_a_sentence(tmp_path) -> None:
    """The data folder's refusals (``StoreError``) are still told as a sentence, exit 1, once the command has
    loaded the database layer itself."""
    names, run = imported(["records", "list", "offering", "--data-dir", str(tmp_path / "vide")], tmp_path)
    assert "sqlalchemy" in names
    assert run.returncode == 1
    told = [line for line in run.stderr.splitlines() if not line.startswith("import time:")]
    assert told == [f"le dossier {tmp_path / 'vide'} n'est pas un dossier de données Kafaat : lancez d'abord "
                    "« kafaat init »"], told


def test_the_parsers_words_are_the_data_layers() -> None:
    """The roles and statuses the parser offers without importing the data layer are the ones it stores."""
    from desktop.cli import common
    from forms import workspace
    from forms.store import records

    assert (common.ESTABLISHMENT, common.MINISTRY) == (workspace.ESTABLISHMENT, workspace.MINISTRY)
    assert (common.DRAFT, common.COMPLETE, common.STATUSES) == (records.DRAFT, records.COMPLETE, records.STATUSES)
