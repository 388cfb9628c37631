"""``kafaat backup``, ``kafaat restore`` and ``kafaat selftest``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_REFUSED, Refused, language, open_workspace, say, warn
from forms.messages import Message


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="copie cohérente de la base de données")
    p.add_argument("out", nargs="?", metavar="SORTIE", help="fichier ou dossier (par défaut : DONNÉES/backups/)")
    p.add_argument("--daily", action="store_true",
                   help="la sauvegarde du jour dans DONNÉES/backups/ (une par jour au plus, vérifiée, rotation : "
                        "7 quotidiennes et 4 hebdomadaires), pour une tâche planifiée")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", parents=[common], help="restaurer une sauvegarde après vérification")
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=cmd_restore)
    p = sub.add_parser("selftest", parents=[common],
                       help="vérifier Qt (hors écran), la base de données, Excel et la cryptographie")
    p.set_defaults(handler=cmd_selftest)


def cmd_backup(args: argparse.Namespace) -> int:
    from forms.backup import backup

    if args.daily:
        return daily(args)
    workspace = open_workspace(args)
    if workspace.role == "ministry":
        return national_backup(workspace, Path(args.out) if args.out else None)
    path = backup(workspace, Path(args.out) if args.out else None)
    say(Message("backup.written", file=path))
    return 0


def national_backup(workspace: Any, out: Path | None) -> int:
    """``kafaat backup [OUT]`` in a ministry folder: a consistent, checked copy of the national store when it
    is a SQLite file (it said « no database to back up » of a folder holding national.db)."""
    from datetime import UTC, datetime

    from desktop.daily_backups import targets
    from forms.backup import copy_database, integrity_problems, unused_name
    from forms.store.database import StoreError
    from sync.ministry.store import national_store

    national_store(workspace)  # the same checks and upgrades as every command, before the copy
    found = targets(workspace)
    if not found:
        say(Message("backup.nothing"))
        return 0
    ((source, prefix),) = found
    name = f"{prefix}-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}.db"
    destination = out or unused_name(workspace.backups_dir / name)
    if destination.is_dir():
        destination = unused_name(destination / name)
    copy_database(source, destination)
    problems = integrity_problems(destination)
    if problems:
        destination.unlink(missing_ok=True)
        raise StoreError(Message("national.store_damaged", file=source, reason=problems[0],
                                 backups=workspace.backups_dir))
    say(Message("backup.written", file=destination))
    return 0


def daily(args: argparse.Namespace) -> int:
    from desktop.daily_backups import take_daily

    if args.out:
        raise Refused(Message("backup.daily_out"))
    workspace = open_workspace(args)
    if workspace.role == "ministry":
        from sync.ministry.store import national_store

        national_store(workspace)  # the same checks and upgrades as every command, before the copy
    else:
        workspace.engine  # noqa: B018 - owner, schema, a journal left by another database set aside
    results = take_daily(workspace)
    lang = language()
    for result in results:
        (warn if result.refused else say)(result.message(lang))
        for removed in result.removed:
            say(Message("backup.rotated", file=removed.name))
    if not results:
        say(Message("backup.nothing"))
    return EXIT_REFUSED if any(r.refused for r in results) else 0


def cmd_restore(args: argparse.Namespace) -> int:
    from forms.backup import restore

    workspace = open_workspace(args)
    if workspace.role == "ministry":  # the national store (it refused its own backup as another application's)
        from sync.ministry.restore import restore_national

        safety = restore_national(workspace, Path(args.file))
    else:
        safety = restore(workspace, Path(args.file))
    say(Message("restore.done", file=args.file))
    if safety != Path():
        say(Message("restore.kept", file=safety))
    if workspace.role == "ministry":
        say(Message("restore.national_again"))
    if workspace.role == "establishment":  # docs/ministry-cli.md, « consolidate » § 6
        say(Message("restore.send_full"))
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    from desktop.selftest import run_checks

    failures = 0
    for name, ok, detail in run_checks():
        say(Message("selftest.line", mark="OK   " if ok else Message("selftest.failed"), name=name, detail=detail))
        failures += not ok
    if failures:
        say(Message("selftest.failures", n=failures))
        return 1
    say(Message("selftest.passed"))
    return 0
