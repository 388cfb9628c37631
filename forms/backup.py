"""Consistent backups of the local database and checked restores."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from forms.store.database import KNOWN_REVISIONS, StoreError, backup_sqlite, read_revision
from forms.workspace import Workspace


def default_backup_name(workspace: Workspace) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    who = workspace.establishment or workspace.ministry or "kafaat"
    return workspace.backups_dir / f"kafaat-{who}-{stamp}.db"


def backup(workspace: Workspace, out: Path | None = None) -> Path:
    """A consistent copy of the live database (SQLite backup API), checked after writing."""
    if not workspace.db_path.exists():
        raise StoreError(f"aucune base de données à sauvegarder dans {workspace.root}")
    destination = out or default_backup_name(workspace)
    if destination.is_dir():
        destination = destination / default_backup_name(workspace).name
    backup_sqlite(workspace.db_path, destination)
    problems = integrity_problems(destination)
    if problems:
        raise StoreError(f"la sauvegarde {destination} est incohérente : {problems[0]}")
    return destination


def integrity_problems(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


def check_restorable(workspace: Workspace, source: Path) -> str:
    """Refuse a file that is not a sound Kafaat database of this establishment; returns its revision."""
    if not source.is_file():
        raise StoreError(f"{source} : fichier introuvable")
    try:
        revision = read_revision(source)
        problems = integrity_problems(source)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source} n'est pas une sauvegarde Kafaat lisible : {exc}") from exc
    if revision is None:
        raise StoreError(f"{source} n'est pas une sauvegarde Kafaat (aucun schéma)")
    if revision not in KNOWN_REVISIONS:
        raise StoreError(f"{source} vient d'une version plus récente de Kafaat (schéma {revision}) : "
                         "installez cette version pour la restaurer")
    if problems:
        raise StoreError(f"{source} est endommagée ({problems[0]}) : choisissez une autre sauvegarde")
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'establishment'").fetchone()
    finally:
        conn.close()
    owner = row[0] if row else ""
    if workspace.establishment and owner != workspace.establishment:
        raise StoreError(f"{source} est la sauvegarde de l'établissement « {owner} », pas de "
                         f"« {workspace.establishment} » : rien n'a été restauré")
    return revision


STATE_RANK = {"reserved": 0, "written": 1, "acknowledged": 2}


def _outbox_rows(path: Path) -> list[dict[str, object]]:
    """The bundle outbox of the database being replaced (none when it has no such table)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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


def restore(workspace: Workspace, source: Path) -> Path:
    """Replace the live database by a checked backup; the current one is backed up first (as it is, even
    damaged: that is when one restores). The outbox of bundles already written is kept (``_keep_outbox``).

    Returns the path of the automatic backup of what was replaced."""
    check_restorable(workspace, source)
    workspace.close()
    if not workspace.db_path.exists():
        raise StoreError(f"aucune base de données à remplacer dans {workspace.root}")
    safety = workspace.backups_dir / f"kafaat-avant-restauration-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.db"
    try:
        backup_sqlite(workspace.db_path, safety)
        outbox = _outbox_rows(safety)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"la base actuelle {workspace.db_path} est illisible ({exc}) : rien n'a été restauré ; "
                         "conservez-en une copie, supprimez-la, puis restaurez") from exc
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(workspace.db_path)
        try:
            dst.execute("PRAGMA busy_timeout = 10000")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    # Opening applies any migration the restored file needs (with its own backup first).
    workspace.engine  # noqa: B018
    _keep_outbox(workspace.db_path, outbox)
    return safety
