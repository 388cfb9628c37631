"""``kafaat restore FILE`` in a ministry folder: the national store (SQLite) replaced by a checked backup.

The same promise as an establishment's restore (``forms/backup.py``): the file must be a sound national store
of this ministry, not written by a newer Kafaat; the store it replaces is kept in ``backups/`` (copied when it
can be read, moved aside as it is when it is emptied or damaged); the restored store is then opened as every
command opens it (migrated when older). A store on a PostgreSQL server is restored with the server's tools.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from forms.backup import copy_database, integrity_problems, sqlite_reason, unused_name
from forms.messages import Message
from forms.store.database import ro_uri
from sync.ministry.database import KNOWN_REVISIONS, VERSION_TABLE, NationalStoreError, store_file


def _check(workspace: Any, source: Path) -> None:
    if source.is_dir():
        raise NationalStoreError(Message("file.unreadable", file=source, reason=Message("oserror.EISDIR")))
    if not source.is_file():
        raise NationalStoreError(Message("file.not_found", file=source))
    try:
        conn = sqlite3.connect(ro_uri(source), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if VERSION_TABLE not in tables or "meta" not in tables:
                key = "restore.establishment_db" if "alembic_version" in tables else "restore.not_national"
                raise NationalStoreError(Message(key, file=source))
            found = conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
            revision = found[0] if found else None
            row = conn.execute("SELECT value FROM meta WHERE key = 'ministry'").fetchone()
        finally:
            conn.close()
        problems = integrity_problems(source)
    except sqlite3.DatabaseError as exc:
        raise NationalStoreError(Message("restore.unreadable", file=source, reason=sqlite_reason(exc))) from exc
    if revision not in KNOWN_REVISIONS:
        raise NationalStoreError(Message("restore.too_new", file=source, revision=revision))
    if problems:
        raise NationalStoreError(Message("restore.damaged", file=source, detail=problems[0]))
    owner = row[0] if row else ""
    if owner != workspace.ministry:
        raise NationalStoreError(Message("restore.other_ministry", file=source, owner=owner,
                                         ministry=workspace.ministry))


def _sound(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        return not integrity_problems(path)
    except (OSError, sqlite3.DatabaseError):
        return False


def restore_national(workspace: Any, source: Path) -> Path:
    """Replace the national store by the backup ``source`` after its checks; returns where the replaced store
    is kept (an empty path when there was none)."""
    target = store_file(workspace)
    if target is None:
        raise NationalStoreError(Message("restore.postgresql"))
    _check(workspace, source)
    from sync.ministry.store import close_national_store, national_store

    close_national_store(workspace)
    backups = Path(workspace.backups_dir)
    backups.mkdir(parents=True, exist_ok=True)
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    kept = Path()
    if target.exists():
        journals = [target.with_name(target.name + suffix) for suffix in ("-wal", "-shm")]
        if _sound(target):  # a consistent copy (its journal included), then the files go
            kept = unused_name(backups / f"national-{workspace.ministry}-avant-restauration-{stamp}.db")
            copy_database(target, kept)
            for extra in journals:
                extra.unlink(missing_ok=True)
            target.unlink()
        else:  # emptied or damaged: moved aside as it is, journal too, nothing deleted
            kept = unused_name(backups / f"national-{workspace.ministry}-endommage-{stamp}.db")
            target.replace(kept)
            for extra in journals:
                if extra.exists():
                    extra.replace(kept.with_name(kept.name + extra.name[len(target.name):]))
    copy_database(source, target)
    national_store(workspace)  # the checks and upgrades of every command
    return kept
