"""Nothing lost, whatever the database file does (issue 11): an empty, foreign, damaged or replaced file, a
journal from another database. Real files on disk, real SQLite, real processes."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from forms.backup import backup, restore
from forms.store.database import (
    DamagedDatabase,
    ForeignDatabase,
    NotInitialised,
    StoreError,
    stale_wal,
)
from forms.workspace import ESTABLISHMENT, Workspace
from tests.conftest import OFFERING, cohort_values

ROOT = Path(__file__).resolve().parents[2]


def _integrity(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _fill(store, offering_id: str, n: int = 40) -> None:
    for i in range(n):
        store.save("cohort", _cohort(offering_id, i))


def _cohort(offering_id: str, i: int) -> dict[str, object]:
    return cohort_values(offering_id, academic_year=f"{2000 + i % 60}-{2001 + i % 60}", year_of_study=1 + (i // 60) % 5,
                         final_year=False, graduates=None, employed_6m=None, dropouts=None)


# ------------------------------------------------------------------------- finding 1: empty or bare file
def test_an_empty_database_file_is_refused_with_the_way_out(workspace, store, offering_id) -> None:
    snapshot = backup(workspace)
    workspace.close()
    workspace.db_path.write_bytes(b"")  # ": > kafaat.db"
    again = Workspace.open(workspace.root)
    with pytest.raises(DamagedDatabase, match="vide") as refused:
        again.records().list("offering")
    assert "kafaat restore" in str(refused.value) and str(snapshot) in str(refused.value)
    assert workspace.db_path.stat().st_size == 0  # nothing was created in its place
    restore(again, snapshot)
    assert [r.id for r in again.records().list("offering")] == [offering_id]
    again.close()


def test_a_database_without_kafaat_tables_is_refused_not_recreated(workspace, store, offering_id) -> None:
    workspace.close()
    workspace.db_path.unlink()
    conn = sqlite3.connect(workspace.db_path)
    conn.execute("PRAGMA user_version = 7")  # a valid SQLite file with no table at all
    conn.close()
    with pytest.raises(DamagedDatabase, match="aucune des tables"):
        Workspace.open(workspace.root).records().list("offering")
    conn = sqlite3.connect(workspace.db_path)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)  # no schema was made
    conn.close()


def test_a_missing_database_is_not_created_by_opening(workspace, store) -> None:
    workspace.close()
    workspace.db_path.unlink()
    with pytest.raises(NotInitialised):
        Workspace.open(workspace.root).records()
    assert not workspace.db_path.exists()


# ------------------------------------------------------------------- finding 2: another establishment's
def test_another_establishments_database_is_refused(workspace, store, tmp_path: Path) -> None:
    other = Workspace.create(tmp_path / "esith", ESTABLISHMENT, establishment="ESITH", operator="X")
    other.records().save("offering", {**OFFERING, "code": "ESITH-1"})
    other.close()
    workspace.close()
    shutil.copyfile(other.db_path, workspace.db_path)
    with pytest.raises(ForeignDatabase, match="ESITH"):
        Workspace.open(workspace.root).records().list("offering")


# --------------------------------------------------------------------------- finding 8: damaged files
def _flip_middle_page(path: Path) -> None:
    """Overwrite one page of the cohorts' rows, in the middle of them, with garbage (what a failing disk does).
    A page of the table (found with SQLite's ``dbstat``), not of the schema: how many tables the schema has
    does not move the damage elsewhere."""
    conn = sqlite3.connect(path)
    try:
        pages = [n for (n,) in conn.execute("SELECT pageno FROM dbstat WHERE name = 'cohort' AND pagetype = 'leaf' "
                                            "ORDER BY pageno")]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert pages, "aucune page de cohortes"
    data = bytearray(path.read_bytes())
    start = (pages[len(pages) // 2] - 1) * size
    data[start:start + size] = bytes((i * 37 + 11) % 256 for i in range(size))
    path.write_bytes(bytes(data))


def test_a_damaged_database_stops_writes_and_restore_gets_out(workspace, store, offering_id) -> None:
    _fill(store, offering_id, 120)
    snapshot = backup(workspace)
    workspace.close()
    _flip_middle_page(workspace.db_path)
    damaged = Workspace.open(workspace.root)
    with pytest.raises(DamagedDatabase, match="endommagée") as refused:
        damaged.records().save("cohort", _cohort(offering_id, 299))
    assert "kafaat restore" in str(refused.value)
    with pytest.raises(StoreError, match="endommagée"):
        backup(damaged)
    assert not list(damaged.backups_dir.glob("*.part"))
    kept = restore(damaged, snapshot)
    assert kept.exists() and "endommagee" in kept.name
    assert damaged.records().count("cohort") == 120
    assert _integrity(damaged.db_path) == ["ok"]
    damaged.close()


def test_restore_works_when_the_header_is_damaged_or_the_file_is_gone(workspace, store, offering_id) -> None:
    snapshot = backup(workspace)
    workspace.close()
    data = bytearray(workspace.db_path.read_bytes())
    data[:100] = b"\0" * 100
    workspace.db_path.write_bytes(bytes(data))
    damaged = Workspace.open(workspace.root)
    with pytest.raises(DamagedDatabase, match="en-tête"):
        damaged.records().count("offering")
    kept = restore(damaged, snapshot)
    assert kept.read_bytes()[:100] == b"\0" * 100  # the damaged file is kept aside, as it was
    assert damaged.records().count("offering") == 1
    damaged.close()
    workspace.db_path.unlink()
    again = Workspace.open(workspace.root)
    restore(again, snapshot)
    assert again.records().count("offering") == 1
    again.close()


# ------------------------------------------------------------------------ finding 9: a stale journal
KILLED_WRITER = r"""
import os, signal, sys
from pathlib import Path
from forms.workspace import Workspace
from tests.conftest import OFFERING

ws = Workspace.open(Path(sys.argv[1]))
store = ws.records()
for i in range(30):
    store.save("offering", {**OFFERING, "code": f"AUTRE-{i}", "title": "Offre d'une autre base " * 5})
os.kill(os.getpid(), signal.SIGKILL)  # no checkpoint: the journal keeps the frames
"""


def test_a_journal_from_another_database_is_not_replayed(workspace, store, offering_id, tmp_path: Path) -> None:
    _fill(store, offering_id, 60)
    workspace.close()
    other = Workspace.create(tmp_path / "autre", ESTABLISHMENT, establishment="ECC", operator="X")
    other.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(other.root)], cwd=ROOT, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    foreign_wal = other.root / "kafaat.db-wal"
    assert foreign_wal.stat().st_size > 0
    shutil.copyfile(foreign_wal, workspace.root / "kafaat.db-wal")  # a folder copied with another's journal
    assert stale_wal(workspace.db_path) is not None
    again = Workspace.open(workspace.root)
    assert again.records().count("cohort") == 60
    assert not again.records().list("offering", include_deleted=True)[0].values["code"].startswith("AUTRE")
    assert _integrity(again.db_path) == ["ok"]
    assert list(workspace.root.glob("kafaat.db-wal.autre-base-*"))  # set aside, not deleted
    again.close()
    # Its own journal after a crash is replayed as always.
    assert stale_wal(other.db_path) is None
    assert Workspace.open(other.root).records().count("offering") == 30


def test_the_own_journal_left_by_a_crash_is_kept(workspace, store, offering_id) -> None:
    workspace.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(workspace.root)], cwd=ROOT, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert stale_wal(workspace.db_path) is None
    again = Workspace.open(workspace.root)
    assert again.records().count("offering") == 31
    again.close()
    assert not (workspace.root / "kafaat.db-wal").exists() or os.path.getsize(workspace.root / "kafaat.db-wal") == 0
