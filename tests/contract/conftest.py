"""Black-box checks of the documented contract: the ``kafaat`` command in fresh processes, real data folders,
real keys, real bundles carried from an establishment's folder to a ministry's.

These tests are written from the documents only (``shared/brief/cli.md``, ``docs/bundle-format.md``,
``docs/ministry-cli.md``): they import nothing from the application except sample values, so that what they
check is what a script or a support engineer can rely on.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import (
    CE_OFFERING,
    OFFERING,
    ce_session_values,
    cohort_values,
    internship_values,
    rd_project_values,
)

PASSPHRASE = "une phrase de passe assez longue"
FORMS = ("offering", "cohort", "internship", "rd_project", "ce_session")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def kafaat(*args: str | Path, data: Path | None = None, lang: str | None = None, stdin: str | None = None,
           env: dict[str, str] | None = None) -> Run:
    """The real program in a fresh process, as a script or support staff would run it. Never a traceback."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("KAFAAT_HOME", "KAFAAT_PASSPHRASE")}
    full_env |= {"KAFAAT_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"} | (env or {})
    argv = [sys.executable, "-m", "desktop"]
    if data is not None:
        argv += ["--data-dir", str(data)]
    if lang is not None:
        argv += ["--lang", lang]
    done = subprocess.run([*argv, *map(str, args)], capture_output=True, text=True, env=full_env,
                          input=stdin if stdin is not None else "", timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 1, 2), (done.returncode, done.stderr)
    return Run(done.returncode, done.stdout, done.stderr)


def ok(*args: str | Path, **kwargs) -> Run:
    run = kafaat(*args, **kwargs)
    assert run.code == 0, (args, run.err)
    return run


def refused(*args: str | Path, **kwargs) -> Run:
    """Exit 1 with a message on stderr."""
    run = kafaat(*args, **kwargs)
    assert run.code == 1, (args, run.code, run.out, run.err)
    assert run.err.strip(), args
    return run


JOURNALS = ('INSERT INTO "bundles_received"', 'INSERT INTO "consolidation_audit"')
"""The ministry's journal of what arrived: a refused bundle is noted there (« refused », with its reason), which
changes no record, chain or held bundle (``docs/ministry-cli.md``)."""


def tree_digest(*folders: Path, journals: bool = False) -> dict[str, str]:
    """Every file's SHA-256 under the folders (what « nothing changed » means, byte for byte), a database by its
    content (a checkpoint rewrites pages without changing anything). SQLite's write-ahead log and index and
    the stamp of the last integrity check (« .verifie ») and the logs are left out: reading a database or
    writing a log line is no change."""
    digest = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.name.endswith(("-shm", "-wal", ".verifie")) \
                    or "logs" in path.relative_to(folder).parts:
                continue
            if path.suffix == ".db":
                with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                    lines = [line for line in db.iterdump() if not (journals and line.startswith(JOURNALS))]
                    content = "\n".join(lines).encode()
            else:
                content = path.read_bytes()
            digest[str(path)] = hashlib.sha256(content).hexdigest()
    return digest


@dataclass
class Pair:
    """An establishment (ECC) and a ministry (MIC) that trust each other, with the establishment's data in
    its database (every form) and its first bundle written (not yet consolidated)."""

    root: Path
    est: Path
    min: Path
    ids: dict[str, str]
    bundle1: Path

    def copy(self, dest: Path) -> Pair:
        for name in ("est", "min"):
            shutil.copytree(getattr(self, name), dest / name)
        shutil.copy2(self.bundle1, dest / self.bundle1.name)
        for name in ("ministry.pub.json", "request.json"):
            shutil.copy2(self.root / name, dest / name)
        return Pair(dest, dest / "est", dest / "min", dict(self.ids), dest / self.bundle1.name)


def add(folder: Path, form: str, values: dict) -> str:
    return ok("records", "add", form, "--json", json.dumps(values), data=folder).out.strip()


def make_pair(root: Path, establishment: str = "ECC", ministry: str = "MIC") -> tuple[Path, Path]:
    est, mini = root / "est", root / "min"
    ok("init", "--role", "establishment", "--establishment", establishment, "--operator", "Amina", data=est)
    ok("init", "--role", "ministry", "--ministry", ministry, data=mini)
    ok("ministry", "public-key", root / "ministry.pub.json", data=mini)
    ok("recipients", "add", root / "ministry.pub.json", "--yes", data=est)
    ok("keys", "enrollment-request", root / "request.json", data=est)
    ok("ministry", "enroll", root / "request.json", "--yes", data=mini)
    return est, mini


def fill(est: Path) -> dict[str, str]:
    ids = {"offering": add(est, "offering", OFFERING)}
    ids["ce_offering"] = add(est, "offering", CE_OFFERING)
    ids["cohort"] = add(est, "cohort", cohort_values(ids["offering"]))
    ids["internship"] = add(est, "internship", internship_values(ids["offering"], ids["cohort"]))
    ids["rd_project"] = add(est, "rd_project", rd_project_values(ids["offering"]))
    ids["ce_session"] = add(est, "ce_session", ce_session_values(ids["ce_offering"]))
    return ids


@pytest.fixture(scope="session")
def pair_template(tmp_path_factory) -> Pair:
    root = tmp_path_factory.mktemp("contract-pair")
    est, mini = make_pair(root)
    ids = fill(est)
    ok("bundle", "export", root / "usb", data=est)
    (bundle,) = sorted((root / "usb").glob("*.kfb"))
    return Pair(root, est, mini, ids, bundle)


@pytest.fixture
def pair(pair_template: Pair, tmp_path: Path) -> Pair:
    """A private copy of the pair: a test may change it."""
    return pair_template.copy(tmp_path)
