"""Nothing lost, and a French sentence instead of a traceback, whatever the disk, the folder, the database file
or the other processes do (issue 11). Real filesystems (a size-limited tmpfs, a read-only bind mount) when
the tests run as root and may mount; real concurrent processes; real damaged files."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from forms.workspace import Workspace
from tests.conftest import OFFERING, cohort_values

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "Error:" not in err, err


@contextlib.contextmanager
def mounted(target: Path, *options: str) -> Iterator[Path]:
    """``mount`` as root (a tmpfs with a size limit, a read-only bind mount); the test is skipped, with the
    reason printed, where the machine does not allow it."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("il faut être root (et avoir « mount ») pour monter un vrai système de fichiers de test")
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", *options, str(target)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"montage impossible ici : {done.stderr.strip()}")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], capture_output=True)


def _fill_disk(folder: Path) -> None:
    """Use every free byte of the filesystem that holds ``folder``."""
    fd = os.open(folder / "remplissage.bin", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while os.write(fd, b"\0" * size):
                    pass
    finally:
        os.close(fd)


def _cohort_csv(path: Path, offering_code: str, n: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["offering", "academic_year", "year_of_study", "final_year", "enrolled", "women", "men"])
        for i in range(n):
            out.writerow([offering_code, f"{2000 + i % 60}-{2001 + i % 60}", 1 + (i // 60) % 5, "non", 30, 13, 17])
    return path


# ------------------------------------------------------------------------------- finding 6: full disk
def test_a_full_disk_is_a_sentence_and_nothing_is_half_written(tmp_path: Path, capsys) -> None:
    with mounted(tmp_path / "petit", "-t", "tmpfs", "-o", "size=3m", "tmpfs") as disk:
        data = disk / "D"
        ws = Workspace.create(data, "establishment", establishment="ECC", operator="Amina")
        offering, _ = ws.records().save("offering", OFFERING)
        ws.close()
        rows = _cohort_csv(tmp_path / "cohortes.csv", OFFERING["code"], 200)
        _fill_disk(disk)
        d = ("--data-dir", str(data))
        for argv in (("records", "add", "cohort", "--json", json.dumps(cohort_values(offering.id))),
                     ("import", "cohort", str(rows)),
                     ("backup",),
                     ("export-xlsx", "offering", str(disk / "offres.xlsx"))):
            code, _out, err = run(capsys, *d, *argv)
            assert code == 1, (argv, err)
            assert "disque" in err and "plein" in err, (argv, err)
            no_traceback(err)
        assert not [p.name for p in disk.rglob("*") if p.name.endswith((".part", ".tmp")) or p.suffix == ".xlsx"]
        # Room enough to open the database (its -shm) but not for the import nor the backup: the failure
        # comes half-way through the writing, and rolls back.
        filler = disk / "remplissage.bin"
        os.truncate(filler, filler.stat().st_size - 48 * 1024)
        for argv in (("import", "cohort", str(rows)), ("backup",)):
            code, _out, err = run(capsys, *d, *argv)
            assert code == 1, (argv, err)
            assert "disque" in err and "plein" in err, (argv, err)
            no_traceback(err)
        assert not [p.name for p in disk.rglob("*") if p.name.endswith((".part", ".tmp"))]
        conn = sqlite3.connect(data / "kafaat.db")
        assert conn.execute("SELECT count(*) FROM cohort").fetchone() == (0,)
        conn.close()
        filler.unlink()
        code, _out, err = run(capsys, *d, "import", "cohort", str(rows))
        assert code == 0, err
        # The journal does not keep the folder full after a successful import.
        wal = data / "kafaat.db-wal"
        assert not wal.exists() or wal.stat().st_size == 0
        conn = sqlite3.connect(data / "kafaat.db")
        assert conn.execute("SELECT count(*) FROM cohort").fetchone() == (200,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


def test_the_journal_is_cut_back_after_an_import(workspace, store, offering_id, tmp_path: Path, capsys) -> None:
    workspace.close()
    rows = _cohort_csv(tmp_path / "cohortes.csv", OFFERING["code"], 300)
    code, _out, err = run(capsys, "--data-dir", str(workspace.root), "import", "cohort", str(rows))
    assert code == 0, err
    wal = workspace.root / "kafaat.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0


# ------------------------------------------------------------------------------- finding 6: a busy base
HOLDER = r"""
import select, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO meta (key, value) VALUES ('tenu', 'oui')")
print("locked", flush=True)
select.select([sys.stdin], [], [], 20)  # told to go on, or 20 s at most (never a hung test)
conn.execute(sys.argv[2])
print("done", flush=True)
"""


@contextlib.contextmanager
def holding_the_write_lock(db: Path, end: str = "COMMIT") -> Iterator[subprocess.Popen]:
    """Another process in the middle of a write transaction (what a long import in the window is)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), end], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdin is not None
    try:
        assert proc.stdout.readline().strip() == "locked"
        yield proc
        proc.stdin.write("\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "done"
    finally:
        proc.kill()
        proc.wait(timeout=30)


def test_a_busy_database_says_who_holds_it(workspace, store, offering_id, capsys, monkeypatch) -> None:
    import forms.store.database as database

    workspace.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    with holding_the_write_lock(workspace.db_path) as holder:
        code, _out, err = run(capsys, "--data-dir", str(workspace.root), "records", "add", "cohort", "--json",
                              json.dumps(cohort_values(offering_id)))
        assert code == 1
        assert "occupée" in err and "rien n'a été enregistré" in err, err
        if Path("/proc").is_dir():
            assert str(holder.pid) in err
        no_traceback(err)
        # Reading is never blocked by a writer (WAL).
        code, _out, err = run(capsys, "--data-dir", str(workspace.root), "records", "list", "offering")
        assert code == 0, err


# ------------------------------------------------------------------ finding 4: a restore during a write
def test_a_restore_refuses_while_another_process_writes(workspace, store, offering_id, capsys, monkeypatch) -> None:
    import forms.backup as backup_module

    monkeypatch.setattr(backup_module, "RESTORE_WAIT_S", 0.3)
    code, out, _ = run(capsys, "--data-dir", str(workspace.root), "backup")
    assert code == 0
    snapshot = out.strip().split(" : ", 1)[1]
    workspace.close()
    with holding_the_write_lock(workspace.db_path):
        code, _out, err = run(capsys, "--data-dir", str(workspace.root), "restore", snapshot)
        assert code == 1
        assert "en cours d'écriture" in err and "rien n'a été restauré" in err, err
        no_traceback(err)
    # The other process's write went through and was not replaced.
    conn = sqlite3.connect(workspace.db_path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'tenu'").fetchone() == ("oui",)
    conn.close()


# ------------------------------------------------------------------------ finding 7: read-only folder
def test_a_read_only_folder_reads_and_refuses_to_write(workspace, store, offering_id, tmp_path: Path,
                                                       capsys) -> None:
    workspace.close()
    view = tmp_path / "lecture-seule"
    with mounted(view, "--bind", str(workspace.root)):
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"remontage en lecture seule impossible ici : {done.stderr.strip()}")
        d = ("--data-dir", str(view))
        code, out, err = run(capsys, *d, "records", "list", "offering")
        assert code == 0, err
        assert offering_id in out
        code, _out, err = run(capsys, *d, "records", "add", "cohort", "--json", json.dumps(cohort_values(offering_id)))
        assert code == 1
        assert "ne peut pas être écrit" in err and "lecture seule" in err, err
        assert "n'est pas une base de données Kafaat lisible" not in err
        no_traceback(err)
        code, _out, err = run(capsys, *d, "backup")
        assert code == 1 and "lecture seule" in err, err
        no_traceback(err)
        code, _out, err = run(capsys, *d, "backup", str(tmp_path / "copie.db"))
        assert code == 0, err  # a copy can be written elsewhere


# ------------------------------------------------------------------------ finding 8: damaged, via CLI
def test_backup_of_a_damaged_database_is_refused_without_a_part_file(workspace, store, offering_id, capsys) -> None:
    for i in range(150):
        store.save("cohort", cohort_values(offering_id, academic_year=f"{2000 + i % 60}-{2001 + i % 60}",
                                           year_of_study=1 + (i // 60) % 5, final_year=False, graduates=None,
                                           employed_6m=None, dropouts=None))
    workspace.close()
    data = bytearray(workspace.db_path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = b"\xa5" * 4096
    workspace.db_path.write_bytes(bytes(data))
    for argv in (("backup",), ("records", "list", "cohort"), ("records", "add", "cohort", "--json",
                                                                 json.dumps(cohort_values(offering_id)))):
        code, _out, err = run(capsys, "--data-dir", str(workspace.root), *argv)
        assert code == 1, argv
        assert "endommagée" in err and "kafaat restore" in err, err
        no_traceback(err)
    assert not list(workspace.root.rglob("*.part"))
