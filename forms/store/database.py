"""Opening the local SQLite database: one place where engines are made, pragmas set and schemas upgraded.

* WAL journal, ``synchronous=FULL``, foreign keys on, a busy timeout: set on every connection.
* Migrations (Alembic) are applied automatically when a database is opened, after a consistent
  backup made with the SQLite backup API. A database written by a newer Kafaat is refused.
* ``alembic`` itself is only imported when an upgrade is needed, so that commands start fast.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DATABASE_FILE = "kafaat.db"
BACKUP_DIR = "backups"
BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def known_revisions() -> tuple[str, ...]:
    """Every revision this build knows, oldest first, read from the file names ``NNNN_*.py`` without
    importing Alembic (commands must start fast). ``tests/forms/test_migrations.py`` checks that these
    names are Alembic's revision ids and form one linear chain."""
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return tuple(name[:4] for name in names)


KNOWN_REVISIONS = known_revisions()
HEAD_REVISION = KNOWN_REVISIONS[-1]


class StoreError(Exception):
    """A problem with the database itself, with a message in French for the user."""


class DatabaseTooNew(StoreError):
    pass


class NotInitialised(StoreError):
    pass


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Leave the driver's implicit transactions alone; SQLAlchemy emits BEGIN itself (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _begin(conn: Any) -> None:
    # pysqlite's own transaction handling is off (isolation_level = None): SQLAlchemy begins here.
    # Writers ask for ``immediate`` so that they take the write lock at the start: no "database is
    # locked" half-way through a save, and change sequences are allocated without races. Readers use
    # a deferred BEGIN and never wait for a writer (WAL).
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions start with ``BEGIN IMMEDIATE`` on SQLite."""
    return engine.execution_options(immediate=True)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """The one place engines are created. SQLite engines get the pragmas and ``BEGIN IMMEDIATE``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def read_revision(path: Path) -> str | None:
    """The schema revision of the database file at ``path``, read without changing a byte of it."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        has_table = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if not has_table:
            if conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
                raise StoreError(f"{path} est une base SQLite d'une autre application : rien n'a été modifié")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def backup_sqlite(source: Path, destination: Path) -> Path:
    """A consistent copy of a live database (WAL included) through the SQLite backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)
    return destination


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def run_migrations(engine: Engine, target: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        # PRAGMA foreign_keys does nothing inside a transaction: switch it off on the raw connection
        # (autocommit) before Alembic begins, so that batch migrations (copy, drop, rename) neither
        # cascade nor fail half-way.
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            config.attributes["connection"] = conn
            command.upgrade(config, target)
            conn.commit()
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
        problems = raw.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise StoreError(f"la migration a laissé des références orphelines : {problems[:5]}")


def open_database(path: Path, *, create: bool = False, backup_dir: Path | None = None) -> Engine:
    """An engine on the database at ``path``, upgraded to this build's schema.

    A missing file is an error unless ``create``; a database written by a newer version is refused;
    an older one is backed up (SQLite backup API) and then migrated.
    """
    if not path.exists() and not create:
        raise NotInitialised(
            f"aucune base de données dans {path.parent} : initialisez d'abord le dossier avec « kafaat init »"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    revision: str | None = None
    if path.exists():
        try:
            revision = read_revision(path)
        except sqlite3.DatabaseError as exc:  # a file that is not a database at all
            raise StoreError(f"{path} n'est pas une base de données Kafaat lisible : {exc}") from exc
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise DatabaseTooNew(
                f"la base de données {path} a été écrite par une version plus récente de Kafaat "
                f"(schéma {revision}) : installez cette version ou une plus récente ; rien n'a été modifié"
            )
    engine = make_engine(sqlite_url(path))
    if revision == HEAD_REVISION:
        return engine
    if revision is not None:
        folder = backup_dir or path.parent / BACKUP_DIR
        backup_sqlite(path, folder / f"kafaat-avant-migration-{revision}-{_timestamp()}.db")
    run_migrations(engine)
    return engine
