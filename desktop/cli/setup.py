"""``kafaat init`` and ``kafaat forms``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import ESTABLISHMENT, MINISTRY, data_dir, language, print_json, say
from forms.definitions import FORMS
from forms.i18n import normalise_lang
from forms.messages import Message, message_of

INIT_HOOKS: list = []
"""Callables ``hook(workspace, args)`` run after a data folder is created (keys are made there)."""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="créer le dossier de données, la base et les clés")
    p.add_argument("--role", required=True, choices=(ESTABLISHMENT, MINISTRY))
    p.add_argument("--establishment", metavar="CODE", help="code de l'établissement (rôle establishment)")
    p.add_argument("--ministry", metavar="CODE", help="code du ministère (rôle ministry)")
    p.add_argument("--operator", metavar="NOM", default="", help="nom de la personne qui saisit")
    p.add_argument("--db", metavar="URL", help="(ministère) URL SQLAlchemy du magasin consolidé")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("forms", parents=[common], help="lister les formulaires et leurs champs")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_forms)


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.cli.common import WrongUsage
    from forms.reference import reference
    from forms.workspace import Workspace

    # the synopsis not followed: wrong usage (exit 2), as the parser's own refusals
    if args.role == ESTABLISHMENT and not args.establishment:
        raise WrongUsage(Message("init.option_needed", option="--establishment", role=ESTABLISHMENT))
    if args.role == MINISTRY and not args.ministry:
        raise WrongUsage(Message("init.option_needed", option="--ministry", role=MINISTRY))
    extra = {"db_url": args.db} if args.db else {}
    root = data_dir(args)
    engine = None
    if args.role == MINISTRY:
        engine = _create_national_store(root, args)
    workspace = Workspace.create(root, args.role, establishment=(args.establishment or "").upper(),
                                 ministry=(args.ministry or "").upper(), operator=args.operator, **extra)
    for hook in INIT_HOOKS:
        hook(workspace, args)
    if args.role == ESTABLISHMENT:
        name = reference("establishments").label(workspace.establishment, language())
        say(Message("init.establishment", name=name, code=workspace.establishment, folder=root))
    else:
        name = reference("ministries").label(workspace.ministry, language())
        say(Message("init.ministry", name=name, code=workspace.ministry, folder=root))
        if engine is not None:
            from sync.ministry.database import display_url

            say(Message("init.store", url=display_url(str(engine.url))))
            engine.dispose()
    return 0


def _create_national_store(root: Path, args: argparse.Namespace) -> Any:
    """The ministry's national store (SQLite in the folder, or the PostgreSQL server of ``--db``), created or
    joined before the folder's settings are written: a store that cannot be reached leaves no settings."""
    from desktop.cli.common import fail
    from forms.reference import reference
    from forms.workspace import AlreadyInitialised, Workspace
    from sync.errors import SyncError
    from sync.ministry.store import create_store

    code = (args.ministry or "").upper()
    if Workspace.is_initialised(root):
        raise AlreadyInitialised(Message("folder.already_initialised", folder=root))
    if reference("ministries").get(code) is None:
        fail(Message("ministry.unknown", code=code, known=list(reference("ministries").codes)))
    try:
        return create_store(root, code, args.db, backup_dir=root / "backups")
    except SyncError as exc:
        fail(message_of(exc) or str(exc))


def cmd_forms(args: argparse.Namespace) -> int:
    lang = normalise_lang(getattr(args, "lang", None))
    if args.json:
        print_json({"forms": [form.describe() for form in FORMS.values()]})
        return 0
    for form in FORMS.values():
        say(f"{form.key} — {form.label.get(lang)}")
        for f in form.fields:
            mark = "*" if f.required else " "
            extra = f" → {f.link}" if f.link else ""
            table = f.choices()
            if table is not None:
                extra = " [" + ", ".join(table.codes) + "]"
            say(f"  {mark} {f.key:<22} {f.type.value:<13} {f.label.get(lang)}{extra}")
    return 0
