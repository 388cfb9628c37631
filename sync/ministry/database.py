"""Opening the national store: one engine factory for SQLite (the default, ``national.db`` in the data
folder) and PostgreSQL (``postgresql+psycopg://user@host/base``, for analysts sharing one store), and its
Alembic migrations (``sync/ministry/migrations``, version table ``kafaat_national_version``, apart from the
establishment store's).

A PostgreSQL password is never written into ``settings.json``: libpq finds it in ``PGPASSWORD`` or in a
``.pgpass`` file. A database written by a newer Kafaat is refused; an older one is upgraded when opened
(SQLite: after a consistent backup).
"""

from __future__ import annotations

import weakref
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from forms.messages import Message
from forms.store.database import (
    DiskFull,
    ReadOnlyFolder,
    StoreError,
    backup_sqlite,
    disk_full_message,
    disk_nearly_full,
    folder_writable,
    local_engine,
    make_engine,
    read_only_message,
    ro_uri,
    sqlite_url,
)
from sync.errors import SyncError

NATIONAL_FILE = "national.db"
VERSION_TABLE = "kafaat_national_version"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class NationalStoreError(SyncError):
    pass


def known_revisions() -> tuple[str, ...]:
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("n[0-9][0-9][0-9][0-9]_*.py"))
    return tuple(name.split("_")[0] for name in names)


KNOWN_REVISIONS = known_revisions()
HEAD_REVISION = KNOWN_REVISIONS[-1]


def check_url(url: str) -> str:
    """A store URL the application accepts: SQLite, or PostgreSQL through psycopg 3, with no password."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise NationalStoreError(Message("store.bad_url", url=url)) from exc
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if backend == "postgresql":
        if driver != "psycopg":
            raise NationalStoreError(Message("store.bad_driver", driver=driver))
        if parsed.password:
            raise NationalStoreError(Message("store.password_in_url"))
    elif backend != "sqlite":
        raise NationalStoreError(Message("store.bad_backend", backend=backend))
    return url


def store_url(workspace: Any) -> str:
    url = workspace.settings.get("db_url")
    return check_url(str(url)) if url else sqlite_url(Path(workspace.root) / NATIONAL_FILE)


def store_file(workspace: Any) -> Path | None:
    """The national store's file when it is SQLite (``None`` for PostgreSQL, which has its own backups)."""
    parsed = make_url(store_url(workspace))
    return Path(parsed.database) if parsed.get_backend_name() == "sqlite" and parsed.database else None


def display_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def new_engine(url: str, **kwargs: Any) -> Engine:
    try:
        return make_engine(url, **kwargs)
    except NoSuchModuleError as exc:
        raise NationalStoreError(Message("store.no_driver", url=display_url(url))) from exc


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision (None for an empty database); refuses a foreign database."""
    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if VERSION_TABLE not in names:
            if names - {"alembic_version"}:
                raise NationalStoreError(Message("store.foreign_tables", url=display_url(str(engine.url))))
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def run_migrations(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)
        conn.commit()


def check_sqlite_file(path: Path, backups: Path) -> None:
    """Refuse a national store file that SQLite cannot read — emptied (0 bytes: a failed copy or a
    synchronisation tool; never taken for a new, empty store), or with a damaged header or pages — saying
    where the daily backups are. Read only."""
    import sqlite3

    if path.stat().st_size == 0:
        raise NationalStoreError(Message("national.store_empty", file=path, backups=backups))
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)  # immutable in a folder that cannot be written
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            return  # busy, locked, cannot be opened here: not damage; the store's own open says what it is
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise NationalStoreError(Message("national.store_damaged", file=path, reason=reason,
                                         backups=backups)) from exc


_READ_ONLY: weakref.WeakSet[Engine] = weakref.WeakSet()


def read_only_store(engine: Engine) -> bool:
    """Whether ``engine`` was opened read-only by ``open_store`` (a SQLite store in a folder that cannot be
    written: a read-only share, a locked USB key, a folder without write permission)."""
    return engine in _READ_ONLY


def open_store(url: str, *, create: bool = False, backup_dir: Path | None = None, new: bool = False) -> Engine:
    """An engine on the national store at ``url``, upgraded to this build's schema. An empty SQLite file is
    refused unless the store is being made (``new``: ``kafaat init``).

    A SQLite store in a folder that cannot be written is opened read-only (``immutable``: SQLite can make
    neither the ``-shm`` nor the ``-wal`` a WAL database needs, even to read it; Kafaat leaves no ``-wal``
    behind when it closes), so that the commands that only read work there (``read_only_store``); one that
    would have to be upgraded first is refused, naming the folder."""
    check_url(url)
    parsed = make_url(url)
    read_only = False
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "")
        if not path.exists() and not create:
            raise NationalStoreError(Message("store.missing", folder=path.parent))
        read_only = not new and path.is_file() and not folder_writable(path.parent)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        if not new and path.is_file():  # at init, a file named by --db is not ours to judge
            check_sqlite_file(path, backup_dir or path.parent / "backups")
    if read_only:
        engine = local_engine(path, read_only=True)
        _READ_ONLY.add(engine)
    else:
        engine = new_engine(url)
    try:
        revision = current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        said = str(exc.orig).lower()
        if parsed.get_backend_name() == "sqlite" and ("disk is full" in said or (
                "i/o error" in said and disk_nearly_full(path.parent))):  # said as in an establishment's folder
            raise DiskFull(disk_full_message(path.parent)) from exc
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else exc
        raise NationalStoreError(Message("store.unreachable", url=display_url(url), reason=reason)) from exc
    if revision is not None and revision not in KNOWN_REVISIONS:
        engine.dispose()
        raise NationalStoreError(Message("store.too_new", revision=revision))
    if revision == HEAD_REVISION:
        return engine
    if read_only:
        engine.dispose()
        raise ReadOnlyFolder(Message("db.read_only_upgrade", read_only=read_only_message(path.parent),
                                     revision=revision))
    if revision is not None and parsed.get_backend_name() == "sqlite":
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = Path(parsed.database or "")
        backup_sqlite(path, (backup_dir or path.parent / "backups") / f"national-avant-migration-{revision}-{stamp}.db")
    try:
        run_migrations(engine)
    except StoreError:
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise NationalStoreError(Message("store.upgrade_failed", reason=exc.orig)) from exc
    return engine
