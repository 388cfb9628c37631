"""Backups are named to the second: two in the same second must not replace each other."""

from __future__ import annotations

from datetime import UTC, datetime

import forms.backup as backup_module
from forms.backup import backup, restore, unused_name


class _Frozen(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime(2026, 12, 2, 3, 4, 5, tzinfo=UTC)


def test_two_backups_in_the_same_second_are_both_kept(workspace, store, offering_id, monkeypatch) -> None:
    monkeypatch.setattr(backup_module, "datetime", _Frozen)
    first = backup(workspace)
    second = backup(workspace)
    assert first != second and first.exists() and second.exists()
    assert second.name.endswith("-2.db")


def test_two_restores_in_the_same_second_keep_both_replaced_databases(workspace, store, offering_id,
                                                                      monkeypatch) -> None:
    monkeypatch.setattr(backup_module, "datetime", _Frozen)
    source = backup(workspace)
    restore(workspace, source)
    restore(workspace, source)
    kept = sorted(p.name for p in workspace.backups_dir.glob("kafaat-avant-restauration-*.db"))
    assert kept == ["kafaat-avant-restauration-20261202T030405Z-2.db",
                    "kafaat-avant-restauration-20261202T030405Z.db"]


def test_unused_name_counts_on(tmp_path) -> None:
    path = tmp_path / "a.db"
    assert unused_name(path) == path
    path.touch()
    (tmp_path / "a-2.db").touch()
    assert unused_name(path) == tmp_path / "a-3.db"
