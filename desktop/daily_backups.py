"""Which databases of a data folder get the automatic daily backup (``forms.daily_backup``), and whether the
folder wants it (setting ``daily_backup``, on unless set to ``false``). Used by the window (at start-up and at
the first change of a new day) and by ``kafaat backup --daily``. No Qt here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from forms.daily_backup import DailyBackup, daily_backup

SETTING = "daily_backup"


def enabled(workspace: Any) -> bool:
    return workspace.settings.get(SETTING, True) is not False


def targets(workspace: Any) -> list[tuple[Path, str]]:
    """(database file, name prefix) of each database to back up: the establishment's ``kafaat.db``; the
    ministry's national store when it is a SQLite file (a PostgreSQL server has its own backups)."""
    if workspace.role == "establishment":
        return [(workspace.db_path, f"kafaat-{workspace.establishment or 'etablissement'}")]
    if workspace.role == "ministry":
        from sync.ministry.database import store_file

        path = store_file(workspace)
        return [(path, f"national-{workspace.ministry or 'ministere'}")] if path is not None else []
    return []


def take_daily(workspace: Any, *, today: date | None = None) -> list[DailyBackup]:
    """Today's backup of every database of the folder that exists (none when already taken today)."""
    return [daily_backup(path, workspace.backups_dir, prefix, today=today) for path, prefix in targets(workspace)
            if path.is_file()]
