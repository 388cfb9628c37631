"""``kafaat backup``, ``restore`` and ``selftest`` on real folders."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.cli import main
from forms.backup import backup, restore
from forms.store.database import StoreError
from forms.workspace import ESTABLISHMENT, Workspace
from tests.conftest import OFFERING, cohort_values


def test_backup_of_a_live_wal_database_holds_everything(workspace, store, offering_id, tmp_path: Path) -> None:
    store.save("cohort", cohort_values(offering_id))
    # The database is live (WAL, connection open): a plain copy could miss the last commits.
    copy = backup(workspace, tmp_path / "copie.db")
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM cohort").fetchone() == (1,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_restore_replaces_the_database_and_keeps_the_old_one(workspace, store, offering_id, tmp_path: Path) -> None:
    snapshot = backup(workspace, tmp_path / "avant.db")
    store.save("cohort", cohort_values(offering_id))
    assert store.count("cohort") == 1
    safety = restore(workspace, snapshot)
    assert workspace.records().count("cohort") == 0
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT count(*) FROM cohort").fetchone() == (1,)
    conn.close()


def test_restore_refuses_another_establishment_or_a_damaged_file(workspace, store, tmp_path: Path) -> None:
    other = Workspace.create(tmp_path / "autre", ESTABLISHMENT, establishment="ISCAE", operator="X")
    other.records().save("offering", OFFERING)
    foreign = backup(other, tmp_path / "iscae.db")
    other.close()
    store.save("offering", {**OFFERING, "code": "A1"})
    with pytest.raises(StoreError, match="ISCAE"):
        restore(workspace, foreign)
    damaged = tmp_path / "abimee.db"
    damaged.write_bytes(foreign.read_bytes()[:8192])
    with pytest.raises(StoreError):
        restore(workspace, damaged)
    assert [r.values["code"] for r in workspace.records().list("offering")] == ["A1"]


def test_cli_backup_restore(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KAFAAT_PASSPHRASE", "correct horse battery staple")
    data = str(tmp_path / "D")
    assert main(["--data-dir", data, "init", "--role", "establishment", "--establishment", "ECC"]) == 0
    assert main(["--data-dir", data, "backup"]) == 0
    out = capsys.readouterr().out
    written = Path(out.strip().splitlines()[-1].split(" : ", 1)[1])
    assert written.parent == tmp_path / "D" / "backups" and written.exists()
    assert main(["--data-dir", data, "restore", str(written)]) == 0
    assert main(["--data-dir", data, "restore", str(tmp_path / "absent.db")]) == 1
    assert "introuvable" in capsys.readouterr().err


def test_selftest_passes_here(capsys, qapp) -> None:
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    assert out.count("OK") == 5 and "ÉCHEC" not in out


def test_selftest_checks_the_algorithms_of_the_bundles(monkeypatch) -> None:
    """A build whose cryptography lacks ML-DSA (or ML-KEM) cannot write a single bundle: the self-check of
    the packaged build must say so, not only try Ed25519 and classic X25519."""
    from types import SimpleNamespace

    import sync.keys
    from desktop.selftest import run_checks

    monkeypatch.setattr(sync.keys, "mldsa", SimpleNamespace())
    results = {name: (ok, detail) for name, ok, detail in run_checks()}
    assert results["cryptographie"][0] is False, results["cryptographie"]
