"""The national store of one ministry data folder: its engine (SQLite or PostgreSQL, ``database.py``),
the ministry it belongs to, and the import of the old ``registry/*.json`` folder on first open.

``national_store(workspace)`` opens it once per workspace object and keeps it there; every ministry
function takes the workspace (as the establishment's functions do) and asks for its store.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from forms.messages import Message
from forms.store.database import ReadOnlyFolder, read_only_message, writer
from sync.encoding import now_utc
from sync.ministry.database import NationalStoreError, display_url, open_store, read_only_store, store_url
from sync.ministry.tables import meta

_ATTRIBUTE = "_national_store"


@dataclass
class NationalStore:
    engine: Engine
    ministry: str
    root: Path
    operator: str = ""
    read_only: bool = False
    """Opened in a folder that cannot be written (``database.read_only_store``): reading works, ``write``
    refuses at once, naming the folder."""

    @property
    def url(self) -> str:
        return display_url(str(self.engine.url))

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` on SQLite: the write lock from the start). In a folder
        that cannot be written, ``ReadOnlyFolder`` at once, naming the folder: nothing has been changed."""
        self.check_writable()
        with writer(self.engine).begin() as conn:
            yield conn

    def check_writable(self) -> None:
        """``ReadOnlyFolder`` (the data folder named, what to do) when this store cannot be written: for the
        commands that write, before they start."""
        if self.read_only:
            raise ReadOnlyFolder(read_only_message(self.root))

    def read(self) -> Any:
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(meta.insert().values(key=key, value=value))
    else:
        conn.execute(meta.update().where(meta.c.key == key).values(value=value))


def _bind(engine: Engine, ministry: str) -> None:
    """Record which ministry this store belongs to; refuse another ministry's store."""
    with writer(engine).begin() as conn:
        current = get_meta(conn, "ministry")
        if current is None:
            set_meta(conn, "ministry", ministry)
            set_meta(conn, "created_at", now_utc())
        elif current != ministry:
            raise NationalStoreError(Message("store.other_ministry", current=current, ministry=ministry))


def create_store(workspace_root: Path, ministry: str, url: str | None, backup_dir: Path | None = None) -> Engine:
    """Create (or join, for a shared PostgreSQL store) the national store before the folder is initialised."""
    from forms.store.database import sqlite_url
    from sync.ministry.database import NATIONAL_FILE, check_url

    engine = open_store(check_url(url) if url else sqlite_url(workspace_root / NATIONAL_FILE), create=True,
                        backup_dir=backup_dir, new=True)
    try:
        _bind(engine, ministry)
    except Exception:
        engine.dispose()
        raise
    return engine


def national_store(workspace: Any) -> NationalStore:
    store = getattr(workspace, _ATTRIBUTE, None)
    if store is not None:
        return store
    if workspace.role != "ministry":
        raise NationalStoreError(Message("store.establishment_folder"))
    # A ministry folder made before the national store existed gets its store now (create=True).
    engine = open_store(store_url(workspace), create=True, backup_dir=Path(workspace.backups_dir))
    try:
        read_only = read_only_store(engine)
        if read_only:  # nothing to record: only another ministry's store is refused
            with engine.connect() as conn:
                current = get_meta(conn, "ministry")
            if current is not None and current != workspace.ministry:
                raise NationalStoreError(Message("store.other_ministry", current=current,
                                                 ministry=workspace.ministry))
        else:
            _bind(engine, workspace.ministry)
        store = NationalStore(engine, workspace.ministry, Path(workspace.root), workspace.operator, read_only)
        if not read_only:  # an old registry/ folder is imported (and renamed) when the folder can be written
            from sync.ministry.registry import import_registry_folder

            import_registry_folder(store)
    except Exception:
        engine.dispose()
        raise
    setattr(workspace, _ATTRIBUTE, store)
    return store


def close_national_store(workspace: Any) -> None:
    store = getattr(workspace, _ATTRIBUTE, None)
    if store is not None:
        store.close()
        setattr(workspace, _ATTRIBUTE, None)


def timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
