"""``kafaat ministry consolidate | receipt | status | records | export-xlsx``: the national store's commands.
JSON shapes: ``docs/ministry-cli.md``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, EXIT_REFUSED, open_workspace, passphrase, print_json, say, warn
from desktop.cli.crypto import refusing
from forms.workspace import MINISTRY


def register_national(ms: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = ms.add_parser("consolidate", parents=[common],
                      help="consolider des lots (fichiers ou dossiers) dans le magasin national")
    p.add_argument("paths", metavar="CHEMIN", nargs="+", help="fichiers .kfb ou dossiers (clé USB, téléchargements)")
    p.add_argument("--receipts", metavar="DOSSIER", help="écrire l'accusé de réception signé de chaque lot appliqué")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_consolidate)
    p = ms.add_parser("receipt", parents=[common], help="écrire à nouveau l'accusé de réception d'un lot consolidé")
    p.add_argument("establishment", metavar="ÉTABLISSEMENT")
    p.add_argument("sequence", metavar="NUMÉRO", type=int)
    p.add_argument("out", metavar="SORTIE", help="fichier, ou dossier (nom standard accuse-MIN-ÉTAB-N.json)")
    p.set_defaults(handler=cmd_receipt)


@refusing
def cmd_consolidate(args: argparse.Namespace) -> int:
    from forms.tasks import TaskState
    from sync.keys import load_identity
    from sync.ministry.consolidation import consolidate

    workspace = open_workspace(args, MINISTRY)
    identity = load_identity(workspace, passphrase())
    receipts = Path(args.receipts) if args.receipts else None
    if receipts is not None:
        receipts.mkdir(parents=True, exist_ok=True)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        from desktop.cli.common import fail

        fail(f"introuvable : {', '.join(missing)} ; rien n'a été consolidé")
    show = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int, text: str) -> None:
        if show:
            print(f"\r{done}/{total} {text[:60]:<60}", end="", file=sys.stderr, flush=True)

    report = consolidate(workspace, identity, [Path(p) for p in args.paths], receipts, state=TaskState(progress))
    if show:
        print(file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    else:
        for outcome in report.outcomes:
            (warn if outcome.state in ("refused", "fork", "rollback") else say)(outcome.line())
            for item in outcome.refused_records[:20]:
                say(f"    refusé : {item['form']} {item['id']} — {' ; '.join(item['reasons'])}")
            if len(outcome.refused_records) > 20:
                say(f"    … et {len(outcome.refused_records) - 20} autre(s) (voir l'accusé de réception)")
            for problem in outcome.problems:
                say(f"    remarque : {problem}")
        say(report.summary_line())
    return EXIT_REFUSED if report.failed else EXIT_OK


@refusing
def cmd_receipt(args: argparse.Namespace) -> int:
    from sync.keys import load_identity
    from sync.ministry.consolidation import write_receipt
    from sync.ministry.store import national_store

    workspace = open_workspace(args, MINISTRY)
    identity = load_identity(workspace, passphrase())
    path = write_receipt(national_store(workspace), identity, args.establishment.upper(), args.sequence,
                         Path(args.out))
    say(f"Accusé de réception écrit : {path}")
    return EXIT_OK
