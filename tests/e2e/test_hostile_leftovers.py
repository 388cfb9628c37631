"""Hostile input that earlier passes left over, through the real program in fresh processes: control
characters in a record's text, system error texts inside French and Arabic sentences, a read-only ministry or
establishment folder, and held bundles without a bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from forms.workspace import Workspace
from tests.conftest import OFFERING

PASSPHRASE = "une phrase de passe assez longue"


def kafaat(data: Path, *args: str | Path, lang: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KAFAAT_HOME"} | {"KAFAAT_PASSPHRASE": PASSPHRASE}
    langs = ("--lang", lang) if lang else ()
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *langs, *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300)


def no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, done.stderr


# ------------------------------------------------------------------------------------ control characters

@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "title: « Master\ufffd spécialisé\ufffd[2J » contient un caractère de contrôle invisible (U+0001) : "
           "supprimez-le"),
    ("ar", "« Master\ufffd spécialisé\ufffd[2J » يحتوي على حرف تحكم غير مرئي (U+0001): احذفه"),
    ("en", "title: 'Master\ufffd spécialisé\ufffd[2J' holds an invisible control character (U+0001): remove it")])
def test_records_add_refuses_control_characters(tmp_path: Path, lang: str, said: str) -> None:
    """``records add`` saved « Master\\x01 … \\x1b[2J » as a complete record (the import alone refused it), and
    the bundle carried it to the ministry: now the record's own check refuses it, each field named, in the
    user's language, and nothing is saved (not even as a draft)."""
    data = tmp_path / "D"
    Workspace.create(data, "establishment", establishment="ECC", operator="Amina").close()
    values = {**OFFERING, "title": "Master\x01 spécialisé\x1b[2J", "contact_email": "scol\x07@centrale.ma",
              "campus_city": "Casa\x00blanca"}
    (tmp_path / "offre.json").write_text(json.dumps(values), encoding="utf-8")
    for status in ((), ("--draft",)):
        done = kafaat(data, "records", "add", "offering", "--json", f"@{tmp_path / 'offre.json'}", *status, lang=lang)
        no_traceback(done)
        assert done.returncode == 1, done.stdout
        assert said in done.stderr, done.stderr
        lines = done.stderr.splitlines()
        assert any(line.startswith("contact_email:") and "(U+0007)" in line for line in lines), lines
        assert any(line.startswith("campus_city:") and "(U+0000)" in line for line in lines), lines
        assert "\x1b" not in done.stderr and "\x01" not in done.stderr
    listed = kafaat(data, "records", "list", "offering", "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout) == []
    # tab and line feed are white space: collapsed, the record saved
    (tmp_path / "offre.json").write_text(json.dumps({**OFFERING, "title": "Master\tspécialisé\nen cybersécurité"}),
                                         encoding="utf-8")
    done = kafaat(data, "records", "add", "offering", "--json", f"@{tmp_path / 'offre.json'}")
    assert done.returncode == 0, done.stderr
    assert json.loads(kafaat(data, "records", "list", "offering", "--json").stdout)[0]["title"] == (
        "Master spécialisé en cybersécurité")
