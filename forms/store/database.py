"""Opening the local SQLite database: one place where engines are made, pragmas set and schemas upgraded.

* WAL journal, ``synchronous=FULL``, foreign keys on, a busy timeout: set on every connection.
* Migrations (Alembic) are applied automatically when a database is opened, after a consistent
  backup made with the SQLite backup API. A database written by a newer Kafaat is refused.
* ``alembic`` itself is only imported when an upgrade is needed, so that commands start fast.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
import shutil
import sqlite3
import struct
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import QueuePool

from forms.i18n import plural
from forms.messages import Message, os_reason

DATABASE_FILE = "kafaat.db"
BACKUP_DIR = "backups"
BUSY_TIMEOUT_MS = int(os.environ.get("KAFAAT_BUSY_TIMEOUT_MS") or 60_000)
"""How long a command waits for another writer (a long import in the window) before saying the base is busy
(``KAFAAT_BUSY_TIMEOUT_MS`` changes it, for tests and support)."""
JOURNAL_SIZE_LIMIT = 1 << 20
"""After a checkpoint the WAL file is cut back to this size: a full disk is not kept full by an old journal."""
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"

log = logging.getLogger(__name__)


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


class DamagedDatabase(StoreError):
    """The file is empty, not a Kafaat database, or fails SQLite's checks: nothing is written to it."""


class ForeignDatabase(StoreError):
    """A sound Kafaat database, but another establishment's."""


class ReadOnlyFolder(StoreError):
    pass


class DatabaseBusy(StoreError):
    pass


class DiskFull(StoreError):
    pass


# ------------------------------------------------------------------------------------------ messages
def latest_backup(folder: Path | None) -> Path | None:
    """The most recent ``*.db`` in the backups folder (automatic or manual), if any."""
    if folder is None or not folder.is_dir():
        return None
    found = [p for p in folder.glob("*.db") if p.is_file() and "endommagee" not in p.name]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def way_out(path: Path, backup_dir: Path | None = None) -> Message:
    """The one way out of a lost or damaged database: restore a backup (the current file is kept aside)."""
    latest = latest_backup(backup_dir or path.parent / BACKUP_DIR)
    if latest is not None:
        return Message("db.restore_latest", file=latest)
    return Message("db.restore_any")


def disk_nearly_full(folder: Path) -> bool:
    """Whether the filesystem of ``folder`` has (almost) no room left: SQLite then fails to make even its
    ``-shm`` file and reports a « disk I/O error »."""
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def disk_full_message(folder: Path) -> Message:
    return Message("db.disk_full", folder=folder)


def folder_writable(folder: Path) -> bool:
    """Whether new files can be made in ``folder`` (the journal and the lock files of SQLite are)."""
    return os.access(folder, os.W_OK | os.X_OK)


def holders(path: Path) -> list[str]:
    """Other processes that have ``path`` open (Linux: /proc), as « pid (commande) »; empty elsewhere."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    target = str(path.resolve())
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in (entry / "fd").iterdir():
                if os.readlink(fd) == target:
                    cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
                    found.append(f"{entry.name} ({_short_command(cmd)})")
                    break
        except OSError:
            continue
    return found


def _short_command(cmd: str) -> str:
    """« kafaat import … » for a command, « la fenêtre Kafaat » for the window, else the command line."""
    words = [w.rsplit("/", 1)[-1] for w in cmd.split()]
    commands = ("init", "records", "import", "export-xlsx", "bundle", "backup", "restore", "receipt", "keys")
    for i, word in enumerate(words):
        if word in commands:
            return "kafaat " + " ".join(words[i:i + 2])
    if any(w in ("kafaat", "desktop", "kafaat.exe") for w in words):
        return "la fenêtre Kafaat"
    return " ".join(words)[:80]


def busy_message(path: Path) -> Message:
    who = holders(path)
    by = Message("db.busy_by", who=", ".join(who)) if who else Message("db.busy_other")
    return Message("db.busy", file=path, by=by, seconds=BUSY_TIMEOUT_MS // 1000)


def explain(exc: BaseException, path: Path, backup_dir: Path | None = None) -> StoreError | None:
    """A French sentence for a database or file error met while using the database at ``path``
    (SQLAlchemy's wrappers, ``sqlite3`` errors, ``OSError``); ``None`` when it is not one of ours."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, StoreError):
        return orig
    text = str(orig).lower()
    folder = path.parent
    if (isinstance(orig, OSError) and orig.errno == errno.ENOSPC) or "disk is full" in text \
            or "no space left" in text or ("i/o error" in text and disk_nearly_full(folder)):
        return DiskFull(disk_full_message(folder))
    if isinstance(orig, OSError) and orig.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        where = orig.filename or folder
        return ReadOnlyFolder(Message("db.cannot_write_path", file=where))
    if not isinstance(orig, sqlite3.Error):
        return None
    if "locked" in text or "busy" in text:
        return DatabaseBusy(busy_message(path))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        if not folder_writable(folder):
            return ReadOnlyFolder(read_only_message(folder))
        return ReadOnlyFolder(Message("db.file_read_only", file=path, reason=orig))
    problems = damage(path)
    if problems or "malformed" in text or "not a database" in text or "corrupt" in text:
        forget_checked(path)
        detail = summary(problems) if problems else str(orig)
        return DamagedDatabase(Message("db.damaged", file=path, detail=detail, way_out=way_out(path, backup_dir)))
    return None


def read_only_message(folder: Path) -> Message:
    return Message("db.read_only", folder=folder)


def summary(problems: list[str]) -> str:
    """The first problem SQLite reported, on one line, and how many more."""
    lines = [line for text in problems for line in str(text).splitlines() if line.strip()]
    if not lines:
        return ""
    more = " ; " + plural(len(lines) - 1, "et {n} autre problème|et {n} autres problèmes") if len(lines) > 1 else ""
    return lines[0][:160] + more


def damage(path: Path, *, full: bool = True) -> list[str]:
    """SQLite's own check of the file (``integrity_check``, or ``quick_check`` when not ``full``):
    empty when sound. A file SQLite cannot even read is damaged too."""
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True)
        try:
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


CHECK_STAMP = ".kafaat.db.verifie"
"""Beside the database: the file's identity (device, inode, size, modification time) when it last passed
``quick_check`` or was closed cleanly by Kafaat. An unchanged file is not checked again at every open (the
check reads the whole file: ~0.8 s for 100 000 records); any other change to it (a copy, a crash after a
checkpoint, bytes changed by another program) means a new check."""


def _file_identity(path: Path) -> str:
    st = path.stat()
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


def _stamp_path(path: Path) -> Path:
    return path.with_name(CHECK_STAMP)


def checked_before(path: Path) -> bool:
    try:
        return _stamp_path(path).read_text(encoding="ascii").strip() == _file_identity(path)
    except (OSError, ValueError):
        return False


def remember_checked(path: Path, *, only_refresh: bool = False) -> None:
    """Record that the file, as it is now, is sound (``only_refresh``: only if it was recorded sound before
    and no damage was found since)."""
    stamp = _stamp_path(path)
    if only_refresh and not stamp.exists():
        return
    with contextlib.suppress(OSError):  # a read-only folder: the check is simply made again next time
        stamp.write_text(_file_identity(path), encoding="ascii")


def forget_checked(path: Path) -> None:
    with contextlib.suppress(OSError):
        _stamp_path(path).unlink(missing_ok=True)


def ro_uri(path: Path) -> str:
    """A read-only SQLite URI; in a folder that cannot be written (no ``-shm`` can be made) the file is
    opened ``immutable`` (SQLite then ignores a ``-wal``: Kafaat leaves none behind when it closes)."""
    uri = path.resolve().as_uri()  # file:///C:/… on Windows; spaces, accents, « ? » and « # » escaped
    if folder_writable(path.parent):
        return f"{uri}?mode=ro"
    return f"{uri}?mode=ro&immutable=1"


# -------------------------------------------------------------------------------------- connections
def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    # Leave the driver's implicit transactions alone; SQLAlchemy emits BEGIN itself (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute(f"PRAGMA journal_size_limit = {JOURNAL_SIZE_LIMIT}")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    if record is not None:
        record.info["kafaat_id"] = cursor.execute("PRAGMA user_version").fetchone()[0]
    cursor.close()


def _set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA query_only = ON")


def _begin(conn: Any) -> None:
    # pysqlite's own transaction handling is off (isolation_level = None): SQLAlchemy begins here.
    # Writers ask for ``immediate`` so that they take the write lock at the start: no "database is
    # locked" half-way through a save, and change sequences are allocated without races. Readers use
    # a deferred BEGIN and never wait for a writer (WAL).
    if not conn.get_execution_options().get("immediate"):
        conn.exec_driver_sql("BEGIN")
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE")
    # Stamp the database's own id on page 1 in every write: the frames this database writes into its
    # WAL carry it, so that a -wal file from another database is recognised before SQLite replays it.
    stamp = conn.connection.info.get("kafaat_id")
    if stamp:
        conn.exec_driver_sql(f"PRAGMA user_version = {int(stamp)}")


def writer(engine: Engine) -> Engine:
    """The same engine, whose transactions start with ``BEGIN IMMEDIATE`` on SQLite."""
    return engine.execution_options(immediate=True)


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def local_engine(path: Path, *, read_only: bool = False) -> Engine:
    """The engine on the local database file. Connections are made from a ``file:`` URI built by
    ``Path.as_uri`` (not through a SQLAlchemy URL, which would read a « ? » or a « # » in a folder name as
    the start of options). ``read_only``: for a folder that cannot be written (``query_only``)."""
    uri = ro_uri(path) if read_only else path.resolve().as_uri()
    engine = create_engine("sqlite+pysqlite://", poolclass=QueuePool,
                           creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", _set_read_only_pragmas if read_only else _set_sqlite_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def make_engine(url: str, **kwargs: Any) -> Engine:
    """The one place engines are created. SQLite engines get the pragmas and ``BEGIN IMMEDIATE``."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


# ------------------------------------------------------------------------------------- inspection
def read_revision(path: Path) -> str | None:
    """The schema revision of the database file at ``path``, read without changing a byte of it."""
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        has_table = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
        if not has_table:
            if conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
                raise ForeignDatabase(Message("db.other_application", file=path))
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def read_owner(path: Path) -> str | None:
    """The establishment code recorded in the database (``meta``), read-only; ``None`` when there is none."""
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone():
            return None
        row = conn.execute("SELECT value FROM meta WHERE key = 'establishment'").fetchone()
        return str(row[0]) if row and row[0] else None
    finally:
        conn.close()


WAL_MAGIC = (0x377F0682, 0x377F0683)


def stale_wal(path: Path) -> str | None:
    """Why the ``-wal`` beside ``path`` is not this database's journal (``None`` when it is, or cannot be
    told). Every write transaction stamps the database's id (``user_version``) on page 1; the valid frames
    of page 1 in the journal must carry the file's id. Read with plain file reads, before SQLite sees it."""
    wal = path.with_name(path.name + "-wal")
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
        size = wal.stat().st_size
    except OSError:
        return None
    if size < 32 or len(head) < 100:
        return None
    db_page = struct.unpack(">H", head[16:18])[0]
    db_page = 65536 if db_page == 1 else db_page
    db_id = struct.unpack(">I", head[60:64])[0]
    with open(wal, "rb") as handle:
        header = handle.read(32)
        magic, _version, page_size, _ckpt, salt1, salt2 = struct.unpack(">6I", header[:24])
        if magic not in WAL_MAGIC:
            return None  # SQLite ignores (and resets) a journal without its magic number
        if page_size != db_page:
            return f"taille de page {page_size} au lieu de {db_page}"
        if not db_id:
            return None
        offset = 32
        while offset + 24 + page_size <= size:
            handle.seek(offset)
            frame = handle.read(24)
            page_no, _commit, f1, f2 = struct.unpack(">4I", frame[:16])
            if (f1, f2) != (salt1, salt2):
                break  # frames of an earlier generation: SQLite stops here too
            if page_no == 1:
                handle.seek(offset + 24 + 60)
                stamp = struct.unpack(">I", handle.read(4))[0]
                if stamp and stamp != db_id:
                    return f"journal d'une autre base (identifiant {stamp:08x} au lieu de {db_id:08x})"
            offset += 24 + page_size
    return None


def _set_aside_stale_wal(path: Path, reason: str) -> None:
    wal = path.with_name(path.name + "-wal")
    kept = path.with_name(f"{path.name}-wal.autre-base-{_timestamp()}")
    wal.replace(kept)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    log.warning("%s n'appartient pas à %s (%s) : mis à l'écart sous %s, sans être rejoué ; la base est "
                "telle qu'elle était avant ce journal", wal.name, path.name, reason, kept.name)


def backup_sqlite(source: Path, destination: Path, journal_mode: str = "DELETE") -> Path:
    """A consistent copy of a live database (WAL included) through the SQLite backup API, its journal mode
    set to ``journal_mode`` (a backup file: DELETE; a restored live database: WAL). Nothing is left behind
    when it fails (no ``.part`` file)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(ro_uri(source), uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute(f"PRAGMA journal_mode = {'WAL' if journal_mode == 'WAL' else 'DELETE'}")
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(destination)
    except BaseException:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
        raise
    return destination


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


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
            raise StoreError(Message("db.orphans", problems=str(problems[:5])))


def _give_identity(engine: Engine) -> None:
    """A random id for this database (``user_version``, page 1), written once, then checkpointed so that the
    file itself carries it."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if raw.execute("PRAGMA user_version").fetchone()[0]:
            return
        raw.execute(f"PRAGMA user_version = {secrets.randbelow(0x7FFFFFFF) + 1}")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()  # pooled connections read the id when they connect


def checkpoint(engine: Engine) -> None:
    """Copy the WAL into the database and cut the journal to zero bytes (after big writes, when closing)."""
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def open_database(path: Path, *, create: bool = False, backup_dir: Path | None = None,
                  establishment: str | None = None, check: bool = True) -> Engine:
    """An engine on the database at ``path``, upgraded to this build's schema.

    Only ``create`` (``kafaat init``) makes a new database. An existing file must be a sound Kafaat database
    (not empty, with Kafaat's tables, passing ``PRAGMA quick_check`` unless ``check`` is false) and, when
    ``establishment`` is given, that establishment's: anything else is refused with the way out (restore
    the latest backup). A database written by a newer version is refused; an older one is backed up (SQLite
    backup API) and then migrated. A ``-wal`` left by another database is set aside before SQLite replays
    it. In a folder that cannot be written the database is opened read-only.
    """
    folder = backup_dir or path.parent / BACKUP_DIR
    if not path.exists():
        if not create:
            latest = latest_backup(folder)
            hint = Message("db.or_if_lost", way_out=way_out(path, folder)) if latest else ""
            raise NotInitialised(Message("db.missing", folder=path.parent, hint=hint))
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = local_engine(path)
        run_migrations(engine)
        _give_identity(engine)
        return engine
    writable = folder_writable(path.parent)
    _check_file(path, folder)
    wal = path.with_name(path.name + "-wal")
    if writable:
        reason = stale_wal(path)
        if reason is not None:
            _set_aside_stale_wal(path, reason)
    elif wal.exists() and wal.stat().st_size > 0:
        log.warning("%s ne peut pas être écrit : les dernières modifications, restées dans %s, ne sont pas lues "
                    "tant que le dossier est en lecture seule", path.parent, wal.name)
    try:
        revision = read_revision(path)
        owner = read_owner(path) if revision is not None else None
        problems = damage(path, full=False) if check and not checked_before(path) else []
    except ForeignDatabase:
        raise
    except sqlite3.DatabaseError as exc:  # a file that is not a database at all, or a damaged one
        if "unable to open" in str(exc) and not writable:
            raise ReadOnlyFolder(read_only_message(path.parent)) from exc
        if disk_nearly_full(path.parent):
            raise DiskFull(disk_full_message(path.parent)) from exc
        raise DamagedDatabase(Message("db.unreadable", file=path, reason=exc, way_out=way_out(path, folder))) from exc
    if revision is None:
        raise DamagedDatabase(Message("db.no_tables", file=path, way_out=way_out(path, folder)))
    if revision not in KNOWN_REVISIONS:
        raise DatabaseTooNew(Message("db.too_new", file=path, revision=revision))
    if establishment and owner and owner != establishment:
        raise ForeignDatabase(Message("db.foreign", file=path, owner=owner, establishment=establishment,
                                      way_out=way_out(path, folder)))
    if problems:
        forget_checked(path)
        raise DamagedDatabase(Message("db.damaged", file=path, detail=summary(problems),
                                      way_out=way_out(path, folder)))
    if not writable:
        if revision != HEAD_REVISION:
            raise ReadOnlyFolder(Message("db.read_only_upgrade", read_only=read_only_message(path.parent),
                                         revision=revision))
        return local_engine(path, read_only=True)
    engine = local_engine(path)
    if revision != HEAD_REVISION:
        backup_sqlite(path, folder / f"kafaat-avant-migration-{revision}-{_timestamp()}.db")
        run_migrations(engine)
    _give_identity(engine)
    if check:
        remember_checked(path)
    return engine


def _check_file(path: Path, folder: Path) -> None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ReadOnlyFolder(Message("db.cannot_read", file=path, reason=os_reason(exc))) from exc
    if not head:
        raise DamagedDatabase(Message("db.empty", file=path, way_out=way_out(path, folder)))
    if head != SQLITE_MAGIC:
        raise DamagedDatabase(Message("db.bad_header", file=path, way_out=way_out(path, folder)))
