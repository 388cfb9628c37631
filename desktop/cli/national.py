"""``kafaat ministry consolidate | receipt | status | records | export-xlsx``: the national store's commands.
JSON shapes: ``docs/ministry-cli.md``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    MINISTRY,
    WrongUsage,
    language,
    open_workspace,
    output_file,
    passphrase,
    print_json,
    say,
    shown,
    tr,
    warn,
)
from desktop.cli.crypto import refusing
from forms.atomic import make_folder
from forms.definitions import FORMS
from forms.i18n import lowered
from forms.messages import Localizable, Message, localized


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
    p = ms.add_parser("status", parents=[common], help="où en est chaque établissement (retardataires en premier)")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_status)
    p = ms.add_parser("records", parents=[common], help="les enregistrements consolidés d'un formulaire")
    # An unknown form is wrong usage (exit 2), as for « records list »: listed in the message.
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("--establishment", metavar="CODE", help="un seul établissement")
    p.add_argument("--deleted", action="store_true", help="inclure les enregistrements supprimés")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_records)
    p = ms.add_parser("export-xlsx", parents=[common], help="exporter les enregistrements consolidés (Excel)")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("out", metavar="SORTIE.xlsx")
    p.add_argument("--establishment", metavar="CODE", help="un seul établissement")
    p.set_defaults(handler=cmd_export_xlsx)


@refusing
def cmd_consolidate(args: argparse.Namespace) -> int:
    from forms.tasks import TaskState
    from sync.keys import load_identity
    from sync.ministry.consolidation import consolidate

    workspace = open_workspace(args, MINISTRY)
    identity = load_identity(workspace, passphrase())
    receipts = Path(args.receipts) if args.receipts else None
    if receipts is not None:
        make_folder(receipts)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        from desktop.cli.common import fail

        fail(Message("consolidate.missing", paths=missing))
    show = sys.stderr.isatty() and not args.json

    def progress(done: int, total: int, text: Localizable) -> None:
        if show:
            print(f"\r{done}/{total} {shown(localized(text, language())[:60]):<60}", end="", file=sys.stderr, flush=True)

    report = consolidate(workspace, identity, [Path(p) for p in args.paths], receipts, state=TaskState(progress))
    if show:
        print(file=sys.stderr)
    unwritten = None
    if report.receipts_unwritten is not None:
        folder, reason = report.receipts_unwritten
        unwritten = Message("consolidate.receipts_not_written", folder=folder, reason=reason)
    # What was refused (a bundle, a record) is said on stderr (exit 1, cli.md), with --json too: stdout then
    # holds the JSON report only.
    lang = language()
    if args.json:
        print_json(report.to_json())
    for outcome in report.outcomes:
        bad = outcome.state in ("refused", "fork", "rollback")
        if not args.json or bad or outcome.refused_records:
            (warn if bad or args.json else say)(outcome.line(lang))
        for item in outcome.refused_records[:20]:
            warn(Message("consolidate.record_refused", form=item["form"], id=item["id"],
                         reasons=" ; ".join(item["reasons"])))
        if len(outcome.refused_records) > 20:
            warn(Message("consolidate.more_refused", n=len(outcome.refused_records) - 20))
        if not args.json:
            for problem in outcome.problems:
                say(Message("consolidate.remark", problem=problem))
    if not args.json:
        say(report.summary_line(lang))
    if unwritten is not None:
        warn(unwritten)
        return EXIT_REFUSED
    return EXIT_REFUSED if report.failed else EXIT_OK


@refusing
def cmd_receipt(args: argparse.Namespace) -> int:
    from sync.keys import load_identity
    from sync.ministry.acknowledgement import write_receipt
    from sync.ministry.store import national_store

    workspace = open_workspace(args, MINISTRY)
    identity = load_identity(workspace, passphrase())
    path = write_receipt(national_store(workspace), identity, args.establishment.upper(), args.sequence,
                         Path(args.out))
    say(Message("receipt.written", file=path))
    return EXIT_OK


@refusing
def cmd_status(args: argparse.Namespace) -> int:
    from sync.ministry.status import establishments_status, reporting_period

    workspace = open_workspace(args, MINISTRY)
    items = establishments_status(workspace)
    if args.json:
        period = reporting_period(workspace)
        print_json([{**s.to_json(), "reporting_period_days": period} for s in items])
        return EXIT_OK
    from forms.reference import reference
    from sync.ministry.establishments import all_establishments

    lang = language()
    colon = tr(Message("colon"))
    rows = all_establishments(workspace)
    for s in items:
        row = rows.get(s.code) or {}
        name = row.get(f"label_{lang}") or s.name
        region = reference("regions").label(row["region"], lang) if row.get("region") else s.region
        mark = tr(Message("status.late" if s.late else "status.up_to_date"))
        enrolled = Message("status.enrolled") if s.enrolled else (
            Message("status.key_state", state=s.key_state) if s.key_state else Message("status.not_enrolled"))
        records = [f"{lowered(FORMS[form].plural.get(lang)) if form in FORMS else form}{colon}{n}"
                   for form, n in s.records.items()]
        say(f"{s.code:<8} {mark:<9} " + tr(Message("status.line", name=name, region=region, enrolled=enrolled,
                                                   sequence=s.last_sequence, made=s.last_created_at or "—",
                                                   got=s.last_received_at or "—", records=records)))
        if s.held:
            say("         " + tr(Message("status.held", held=[str(n) for n in s.held], waiting=s.waiting_for)))
        if s.refused_records:
            say("         " + tr(Message("status.refused_records", n=s.refused_records)))
    return EXIT_OK


@refusing
def cmd_records(args: argparse.Namespace) -> int:
    from sync.ministry.extract import iter_records
    from sync.ministry.received import received_form

    workspace = open_workspace(args, MINISTRY)
    establishment = known_establishment(workspace, args.establishment)
    records = iter_records(workspace, args.form, establishment, deleted=args.deleted)
    if args.json:
        print_json(list(records))
        return EXIT_OK
    form = received_form(args.form)
    shown = [f.key for f in form.fields if f.list_column][:5]
    count = 0
    for r in records:
        values = " | ".join(str(r.get(k) or "") for k in shown)
        deleted = tr(Message("record.deleted")) if r["deleted"] else ""
        bundle = tr(Message("outbox.number", sequence=r["bundle_sequence"]))
        say(f"{r['establishment']:<8} {r['id']}  v{r['version']}  {bundle}{deleted}  {values}")
        count += 1
    say(Message("count.records", n=count))
    return EXIT_OK


@refusing
def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from sync.ministry.extract import export_xlsx

    workspace = open_workspace(args, MINISTRY)
    establishment = known_establishment(workspace, args.establishment)
    # under a temporary name, renamed once whole: a read-only or full medium, or a folder named as the file,
    # is a sentence, never openpyxl's half-closed archive (and the file that was there stays as it was)
    with output_file(Path(args.out)) as partial:
        n = export_xlsx(workspace, args.form, partial, establishment, language())
    say(Message("records.exported", n=n, file=args.out))
    return EXIT_OK


def known_establishment(workspace: object, value: str | None) -> str | None:
    """``--establishment CODE`` upper-cased; a code neither in the establishments list nor enrolled is wrong
    usage (exit 2), its message naming the known codes — never an empty result that looks like « no data »."""
    if not value:
        return None
    from sync.ministry.establishments import all_establishments
    from sync.ministry.registry import list_keys

    code = value.strip().upper()
    known = set(all_establishments(workspace)) | {k.public.code for k in list_keys(workspace)}
    if code not in known:
        raise WrongUsage(Message("establishment.unknown", code=code, known=sorted(known)))
    return code
