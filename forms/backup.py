"""Consistent backups of the local database and checked restores."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from forms.messages import Message, message_of
from forms.store.database import (
    BUSY_TIMEOUT_MS,
    KNOWN_REVISIONS,
    DamagedDatabase,
    DatabaseBusy,
    StoreError,
    backup_sqlite,
    damage,
    explain,
    folder_writable,
    holders,
    read_only_message,
    read_revision,
    ro_uri,
    stale_wal,
    summary,
    way_out,
)
from forms.workspace import Workspace

RESTORE_WAIT_S = 5
"""How long a restore waits for another writer before refusing."""


def unused_name(path: Path) -> Path:
    """``path``, or ``name-2.db``, ``name-3.db``… when a file of that name exists: backups are named to the
    second, and two in the same second must not replace each other (the first may be the only copy of what
    a restore replaced)."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def default_backup_name(workspace: Workspace) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    who = workspace.establishment or workspace.ministry or "kafaat"
    return unused_name(workspace.backups_dir / f"kafaat-{who}-{stamp}.db")


def backup(workspace: Workspace, out: Path | None = None) -> Path:
    """A consistent copy of the live database (SQLite backup API), checked after writing."""
    if not workspace.db_path.exists():
        raise StoreError(Message("backup.no_database", folder=workspace.root))
    destination = out or default_backup_name(workspace)
    if destination.is_dir():
        destination = destination / default_backup_name(workspace).name
    workspace.engine  # noqa: B018 - the same checks as every open (owner, schema, journal)
    problems = damage(workspace.db_path)
    if problems:
        raise DamagedDatabase(Message("backup.damaged", file=workspace.db_path, detail=summary(problems),
                                      way_out=way_out(workspace.db_path)))
    copy_database(workspace.db_path, destination)
    problems = integrity_problems(destination)
    if problems:
        raise StoreError(Message("backup.inconsistent", file=destination, detail=problems[0]))
    return destination


def copy_database(source: Path, destination: Path) -> None:
    """A consistent copy of the SQLite database ``source`` (the backup API); a disk or folder that refuses it is
    said in a sentence (``backup.not_written``)."""
    try:
        backup_sqlite(source, destination)
    except (OSError, sqlite3.Error) as exc:
        explained = explain(exc, destination)
        if explained is None:
            raise
        raise type(explained)(Message("backup.not_written", file=destination, reason=message_of(explained) or str(explained))) from exc


def integrity_problems(path: Path) -> list[str]:
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def sqlite_reason(exc: sqlite3.DatabaseError) -> Message | sqlite3.DatabaseError:
    """SQLite's refusal of a file, in the user's language when it is one of the common ones."""
    text = str(exc).lower()
    if "not a database" in text:
        return Message("sqlite.not_a_database")
    if "malformed" in text:
        return Message("sqlite.malformed")
    return exc


def check_restorable(workspace: Workspace, source: Path) -> str:
    """Refuse a file that is not a sound Kafaat database of this establishment; returns its revision."""
    if source.is_dir():
        raise StoreError(Message("file.unreadable", file=source, reason=Message("oserror.EISDIR")))
    if not source.is_file():
        raise StoreError(Message("file.not_found", file=source))
    try:
        if _is_national_store(source):
            raise StoreError(Message("restore.national_here", file=source))
        revision = read_revision(source)
        problems = integrity_problems(source)
    except sqlite3.DatabaseError as exc:
        raise StoreError(Message("restore.unreadable", file=source, reason=sqlite_reason(exc))) from exc
    if revision is None:
        raise StoreError(Message("restore.not_a_backup", file=source))
    if revision not in KNOWN_REVISIONS:
        raise StoreError(Message("restore.too_new", file=source, revision=revision))
    if problems:
        raise StoreError(Message("restore.damaged", file=source, detail=problems[0]))
    conn = sqlite3.connect(ro_uri(source), uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'establishment'").fetchone()
    finally:
        conn.close()
    owner = row[0] if row else ""
    if workspace.establishment and owner != workspace.establishment:
        raise StoreError(Message("restore.foreign", file=source, owner=owner, establishment=workspace.establishment))
    return revision


def _is_national_store(path: Path) -> bool:
    """A ministry's national store (its schema's version table, named here as a string: forms knows no sync)."""
    conn = sqlite3.connect(ro_uri(path), uri=True)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kafaat_national_version'"
                            ).fetchone() is not None
    finally:
        conn.close()


STATE_RANK = {"reserved": 0, "written": 1, "acknowledged": 2}


def _outbox_rows(path: Path) -> list[dict[str, object]]:
    """The bundle outbox of the database being replaced (none when it has no such table)."""
    conn = sqlite3.connect(ro_uri(path), uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='bundles'").fetchone():
            return []
        return [dict(row) for row in conn.execute("SELECT * FROM bundles")]
    finally:
        conn.close()


def _keep_outbox(db_path: Path, rows: list[dict[str, object]]) -> None:
    """Bring back the outbox rows that the restored (older) database does not know, and let change sequences
    continue after the last one exported: a sequence number already written must never be reused for
    another bundle, and records changed after the restore must not hide below an exported range."""
    if not rows:
        return
    conn = sqlite3.connect(db_path, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("BEGIN IMMEDIATE")
        columns = {r[1] for r in conn.execute("PRAGMA table_info(bundles)")}
        for row in rows:
            current = conn.execute("SELECT state FROM bundles WHERE sequence = ?", (row["sequence"],)).fetchone()
            if current is not None and STATE_RANK.get(current[0], 0) >= STATE_RANK.get(str(row["state"]), 0):
                continue
            kept = {k: v for k, v in row.items() if k in columns}
            names = ", ".join(f'"{k}"' for k in kept)
            conn.execute(f"INSERT OR REPLACE INTO bundles ({names}) VALUES ({', '.join('?' for _ in kept)})",
                         tuple(kept.values()))
        up_to = conn.execute("SELECT max(up_to_change_seq) FROM bundles").fetchone()[0] or 0
        found = conn.execute("SELECT value FROM meta WHERE key = 'change_seq'").fetchone()
        if found is None:
            conn.execute("INSERT INTO meta (key, value) VALUES ('change_seq', ?)", (str(up_to),))
        elif int(found[0]) < up_to:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'change_seq'", (str(up_to),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def _refuse_if_busy(db_path: Path) -> None:
    """A restore never runs under another writer (an import, a save, an export in the window or another
    command): it waits a little for the write lock, then refuses and says who holds it."""
    conn = sqlite3.connect(db_path, isolation_level=None, timeout=RESTORE_WAIT_S)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc) and "busy" not in str(exc):
            raise
        who = holders(db_path)
        by = Message("db.busy_by", who=", ".join(who)) if who else Message("db.busy_other")
        raise DatabaseBusy(Message("restore.busy", file=db_path, by=by)) from exc
    finally:
        conn.close()


def _sound(db_path: Path) -> bool:
    """Whether the live database can be read and copied page by page (header, schema, quick check)."""
    try:
        with open(db_path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return False
        return stale_wal(db_path) is None and not damage(db_path, full=False)
    except OSError:
        return False


def _set_aside(workspace: Workspace, stamp: str) -> Path:
    """Move the damaged database (and its journal files) into ``backups/`` as it is, under a name that says
    so; nothing is deleted."""
    workspace.backups_dir.mkdir(parents=True, exist_ok=True)
    kept = unused_name(workspace.backups_dir / f"kafaat-endommagee-{stamp}.db")
    for suffix in ("-wal", "-shm"):
        extra = workspace.db_path.with_name(workspace.db_path.name + suffix)
        if extra.exists():
            extra.replace(kept.with_name(kept.name + suffix))
    workspace.db_path.replace(kept)
    return kept


def restore(workspace: Workspace, source: Path) -> Path:
    """Replace the live database by a checked backup. The current one is kept first: copied with the backup
    API when it is sound, or, when it is damaged (even its header) or missing, moved aside as it is. The
    outbox of bundles already written is kept (``_keep_outbox``). Refused while another process writes.

    Returns the path where the replaced database is kept (``None``-like empty path when there was none)."""
    check_restorable(workspace, source)
    workspace.close()
    if not folder_writable(workspace.root):
        raise StoreError(read_only_message(workspace.root))
    stamp = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}"
    db_path = workspace.db_path
    outbox: list[dict[str, object]] = []
    if db_path.exists() and _sound(db_path):
        _refuse_if_busy(db_path)
        safety = unused_name(workspace.backups_dir / f"kafaat-avant-restauration-{stamp}.db")
        backup_sqlite(db_path, safety)
        outbox = _outbox_rows(safety)
        src = sqlite3.connect(ro_uri(source), uri=True)
        try:
            dst = sqlite3.connect(db_path)
            try:
                dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                src.backup(dst)
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            src.close()
    else:
        safety = _set_aside(workspace, stamp) if db_path.exists() else Path()
        if safety != Path():
            try:
                outbox = _outbox_rows(safety)
            except sqlite3.DatabaseError:
                outbox = []  # unreadable: the export finds the bundles in outbox/ and never overwrites them
        backup_sqlite(source, db_path, journal_mode="WAL")
    # Opening applies any migration the restored file needs (with its own backup first).
    workspace.engine  # noqa: B018
    _keep_outbox(db_path, outbox)
    return safety
