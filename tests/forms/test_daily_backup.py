"""The automatic daily backup (issue 16, item 6): one a day, checked, rotated over simulated days (the day is
given, never read from the clock), never made from a damaged database, refused cleanly on a full disk or a
read-only folder (real filesystems when the tests may mount them), and never touching the backups taken before
a migration or a restore."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.daily_backups import take_daily
from forms.daily_backup import (
    ALREADY,
    DAMAGED,
    DISK_FULL,
    READ_ONLY,
    REFUSED,
    TAKEN,
    daily_backup,
    daily_backups,
    days_to_keep,
)
from forms.workspace import Workspace
from tests.conftest import cohort_values
from tests.e2e.test_reliability_cli import _fill_disk, mounted

START = date(2026, 1, 5)  # a Monday


def _count(path: Path, table: str = "cohort") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _flip_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = bytes((i * 37 + 11) % 256 for i in range(4096))
    path.write_bytes(bytes(data))


def _flip_table_page(path: Path, table: str) -> None:
    """Damage the first page of a record table (the schema stays readable: the page in the middle of a small
    database may be one of the schema's own, which makes it unreadable rather than damaged)."""
    conn = sqlite3.connect(path)
    try:
        (root,), = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
        (size,), = conn.execute("PRAGMA page_size")
    finally:
        conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * size
    data[start:start + size] = bytes((i * 37 + 11) % 256 for i in range(size))
    path.write_bytes(bytes(data))


def _fill(store, offering_id: str, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        store.save("cohort", cohort_values(offering_id, academic_year=f"{2000 + i % 60}-{2001 + i % 60}",
                                           year_of_study=1 + (i // 60) % 5, final_year=False, graduates=None,
                                           employed_6m=None, dropouts=None))


def test_one_backup_a_day_checked_and_holding_the_data(workspace, store, offering_id) -> None:
    _fill(store, offering_id, 3)
    first = take_daily(workspace, today=START)
    assert [r.status for r in first] == [TAKEN]
    path = first[0].path
    assert path == workspace.backups_dir / "kafaat-ECC-quotidienne-2026-01-05.db"
    assert _count(path) == 3 and _integrity(path) == "ok"
    _fill(store, offering_id, 2, start=3)
    again = take_daily(workspace, today=START)
    assert [r.status for r in again] == [ALREADY]
    assert _count(path) == 3  # at most one a day: the morning's copy is not replaced
    nothing_left = [p.name for p in workspace.backups_dir.iterdir() if not p.name.endswith(".db")]
    assert nothing_left == []
    assert _count(take_daily(workspace, today=START + timedelta(days=1))[0].path) == 5


def test_rotation_over_sixty_simulated_days_keeps_7_daily_and_4_weekly(workspace, store, offering_id) -> None:
    backups = workspace.backups_dir
    backups.mkdir(exist_ok=True)
    kept_apart = ["kafaat-avant-migration-0004-20260101T000000000000Z.db",
                  "kafaat-avant-restauration-20260102T000000Z.db", "kafaat-endommagee-20260103T000000Z.db",
                  "kafaat-ECC-20260104T000000Z.db", "kafaat-ESITH-quotidienne-2025-12-01.db", "notes.txt"]
    for name in kept_apart:
        (backups / name).write_bytes(b"a backup the rotation must not touch")
    day = START
    for n in range(60):
        if n % 9 != 4:  # some days the PC stays off
            _fill(store, offering_id, 1, start=n)
            result = take_daily(workspace, today=day)[0]
            assert result.status == TAKEN
            found = sorted(daily_backups(backups, "kafaat-ECC"))
            assert day in found
            daily, older = found[-7:], found[:-7]
            assert len(daily) == min(7, len(found))
            weeks = [d.isocalendar()[:2] for d in older]
            assert len(weeks) == len(set(weeks)) <= 4  # one per week, four weeks at most
            if older:  # the most recent of each of those weeks
                last_week_days = [d for d in found if d.isocalendar()[:2] == weeks[-1] and d not in daily]
                assert older[-1] == max(last_week_days)
        day += timedelta(days=1)
    found = sorted(daily_backups(backups, "kafaat-ECC"))
    assert len(found) == 11
    assert all(_integrity(p) == "ok" for p in daily_backups(backups, "kafaat-ECC").values())
    for name in kept_apart:
        assert (backups / name).read_bytes() == b"a backup the rotation must not touch", name


def test_days_to_keep_by_hand() -> None:
    days = [START + timedelta(days=i) for i in range(35)]  # 5 full ISO weeks, Monday to Sunday
    today = days[-1]
    kept = days_to_keep(days, today)
    assert sorted(kept)[-7:] == days[-7:]  # the last week, whole
    assert sorted(kept)[:-7] == [days[6], days[13], days[20], days[27]]  # the Sunday of each week before
    assert days_to_keep(days, today, keep_daily=3, keep_weekly=1) == {days[-1], days[-2], days[-3], days[-4]}
    # A clock set back: backups dated after « today » are kept, not counted.
    assert days_to_keep(days, days[10]) >= set(days[11:])


def test_a_damaged_database_is_not_backed_up_over_the_good_ones(workspace, store, offering_id) -> None:
    _fill(store, offering_id, 150)
    good = take_daily(workspace, today=START)[0].path
    good_bytes = good.read_bytes()
    workspace.close()
    _flip_middle_page(workspace.db_path)
    for n in range(1, 12):  # days go by with the damage: no new backup, none rotated away
        result = daily_backup(workspace.db_path, workspace.backups_dir, "kafaat-ECC", today=START + timedelta(days=n))
        assert result.status == REFUSED and result.reason == DAMAGED, result
        assert "endommagée" in result.message("fr") and "تالفة" in result.message("ar")
        assert "damaged" in result.message("en")
    assert sorted(p.name for p in workspace.backups_dir.iterdir()) == [good.name]
    assert good.read_bytes() == good_bytes and _integrity(good) == "ok"
    assert not (workspace.root / ".kafaat.db.verifie").exists()  # the next open checks the base again


def test_the_backup_is_refused_before_it_could_fill_the_disk(tmp_path: Path) -> None:
    with mounted(tmp_path / "petit", "-t", "tmpfs", "-o", "size=3m", "tmpfs") as disk:
        ws = Workspace.create(disk / "D", "establishment", establishment="ECC", operator="Amina")
        ws.close()
        # The whole disk is 3 MB: the reserve left for saving (16 MB) can never be kept.
        result = daily_backup(ws.db_path, ws.backups_dir, "kafaat-ECC", today=START)
        assert result.status == REFUSED and result.reason == DISK_FULL, result
        assert "Mo" in result.message("fr") and "MB" in result.message("en")
        assert not ws.backups_dir.exists() or list(ws.backups_dir.iterdir()) == []
        # A real ENOSPC half-way (no reserve asked, 48 KB left): the partial copy is removed.
        _fill_disk(disk)
        filler = disk / "remplissage.bin"
        os.truncate(filler, filler.stat().st_size - 48 * 1024)
        result = daily_backup(ws.db_path, ws.backups_dir, "kafaat-ECC", today=START, reserve=0)
        assert result.status == REFUSED and result.reason == DISK_FULL, result
        assert [p for p in disk.rglob("*") if "quotidienne" in p.name] == []
        # The folder keeps working: it opens, reads and, with room again, saves and backs up.
        filler.unlink()
        again = Workspace.open(ws.root)
        try:
            again.records().save("offering", _offering())
            assert again.records().count("offering") == 1
        finally:
            again.close()
        result = daily_backup(ws.db_path, ws.backups_dir, "kafaat-ECC", today=START, reserve=0)
        assert result.status == TAKEN and _count(result.path, "offering") == 1


def _offering() -> dict[str, object]:
    from tests.conftest import OFFERING

    return dict(OFFERING)


def test_a_read_only_folder_is_refused_with_a_sentence(workspace, store, offering_id, tmp_path: Path) -> None:
    workspace.close()
    view = tmp_path / "vue"
    with mounted(view, "--bind", str(workspace.root)):
        done = subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"remontage en lecture seule impossible ici : {done.stderr.strip()}")
        result = daily_backup(view / "kafaat.db", view / "backups", "kafaat-ECC", today=START)
        assert result.status == REFUSED and result.reason == READ_ONLY, result
        for lang, word in (("fr", "lecture seule"), ("ar", "للقراءة فقط"), ("en", "read-only")):
            assert word in result.message(lang)
    assert not workspace.backups_dir.exists() or not list(workspace.backups_dir.iterdir())


def test_the_command_for_a_scheduled_task(workspace, store, offering_id, capsys) -> None:
    workspace.close()
    d = ("--data-dir", str(workspace.root))
    assert main([*d, "backup", "--daily"]) == 0
    out, err = capsys.readouterr()
    assert "Sauvegarde du jour écrite et vérifiée" in out, (out, err)
    assert main([*d, "--lang", "en", "backup", "--daily"]) == 0
    assert "already exists" in capsys.readouterr().out
    assert main([*d, "backup", "--daily", str(workspace.root)]) == 1
    assert "retirez SORTIE" in capsys.readouterr().err
    _flip_table_page(workspace.db_path, "offering")
    (workspace.root / ".kafaat.db.verifie").unlink(missing_ok=True)
    code = main([*d, "backup", "--daily"])
    out, err = capsys.readouterr()
    assert code == 1 and "endommagée" in err and "Traceback" not in err, err


def test_the_ministry_national_store_is_backed_up_too(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("KAFAAT_PASSPHRASE", "une phrase de passe assez longue")
    root = tmp_path / "ministere"
    assert main(["--data-dir", str(root), "init", "--role", "ministry", "--ministry", "MIC"]) == 0 \
        or pytest.fail(capsys.readouterr().err)
    capsys.readouterr()
    ws = Workspace.open(root)
    results = take_daily(ws, today=START)
    assert [r.status for r in results] == [TAKEN]
    assert results[0].path.name == "national-MIC-quotidienne-2026-01-05.db"
    assert _integrity(results[0].path) == "ok"
    ws.update_settings(db_url="postgresql+psycopg://kafaat@serveur/national")
    assert take_daily(ws, today=START + timedelta(days=1)) == []  # PostgreSQL: the server's own backups
