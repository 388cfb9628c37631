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


def restore(workspace: Workspace, source: Path) -> Path:
    """Replace the live database by a checked backup; the current one is backed up first.

    Returns the path of the automatic backup of what was replaced."""
    check_restorable(workspace, source)
    workspace.close()
    safety = backup(workspace, workspace.backups_dir / f"kafaat-avant-restauration-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.db")
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
    return safety
