"""``kafaat keys``, ``kafaat recipients``, ``kafaat bundle`` and ``kafaat receipt`` (establishment side;
``keys`` serves both roles). No Qt here; the work is done by ``sync``."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.common import (
    ESTABLISHMENT,
    fail,
    language,
    open_workspace,
    passphrase,
    print_json,
    say,
    tr,
    warn,
)
from desktop.cli.setup import INIT_HOOKS
from desktop.cli.table import table_lines
from forms.messages import CATALOGUE, Message, message_of, os_reason
from forms.tasks import Cancelled
from sync.errors import SyncError

if TYPE_CHECKING:
    from forms.workspace import Workspace
    from sync.keys import PublicKeys
    from sync.outbox import ExportPlan

Handler = Callable[[argparse.Namespace], int]


def refusing(handler: Handler) -> Handler:
    """``SyncError`` and ``Cancelled`` become a refusal (exit 1, French message on stderr)."""

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (SyncError, Cancelled) as exc:
            message = message_of(exc) or str(exc)
            # A refused file is named (what and where), whatever the error's own text says.
            file = getattr(args, "file", None)
            if isinstance(exc, SyncError) and isinstance(file, str) and file and Path(file).name not in str(message):
                message = Message("file.named", file=file, message=message)
            # the lines of a refused list (establishments CSV), each in the command's language
            details = [Message("detail.line", detail=p) for p in getattr(exc, "problems", [])[:50]]
            fail(message, details)

    return wrapper


def confirm_fingerprint(args: argparse.Namespace, public: PublicKeys) -> None:
    """The fingerprint is shown; the operator compares it with the one read by the other side (phone)."""
    confirm_fingerprint_text(args, f"{public.name} ({public.code})", public.fingerprint)


def confirm_fingerprint_text(args: argparse.Namespace, what: str, fingerprint: str) -> None:
    say(what)
    say(Message("fingerprint.line", fingerprint=fingerprint))
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        fail(Message("fingerprint.confirm_yes"))
    answer = input(tr(Message("fingerprint.question"))).strip().lower()
    if answer not in ("o", "oui", "y", "yes", "نعم"):
        fail(Message("fingerprint.not_confirmed"))


def show_public(public: PublicKeys) -> None:
    role = "keys.establishment" if public.role == ESTABLISHMENT else "keys.ministry"
    say(Message(role, name=public.name, code=public.code))
    say(Message("keys.fingerprint", fingerprint=public.fingerprint))
    say(Message("keys.key_id", key_id=public.key_id_hex))
    say(Message("keys.algorithms", algorithms=list(public.describe()["algorithms"])))


def init_hook(workspace: Workspace, args: argparse.Namespace) -> None:
    """After ``kafaat init``: create the keys when a passphrase is available, else say how to later."""
    from sync.keys import create_keys

    if os.environ.get("KAFAAT_PASSPHRASE") is None and not sys.stdin.isatty():
        warn(Message("keys.not_created_no_passphrase"))
        return
    try:
        secret = passphrase(Message("prompt.passphrase_new_keys"), confirm=True)
        public = create_keys(workspace, secret)
    except SyncError as exc:
        warn(Message("keys.not_created", reason=message_of(exc) or str(exc)))
        return
    say(Message("keys.created", fingerprint=public.fingerprint))


INIT_HOOKS.append(init_hook)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    keys = sub.add_parser("keys", parents=[common], help="les clés de ce dossier (création, empreinte…)")
    ks = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ks.add_parser("create", parents=[common], help="créer les clés (si « init » ne l'a pas fait)")
    p.set_defaults(handler=cmd_keys_create)
    p = ks.add_parser("show", parents=[common], help="afficher les empreintes des clés")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_keys_show)
    p = ks.add_parser("passphrase", parents=[common],
                      help="changer la phrase de passe (nouvelle : KAFAAT_NEW_PASSPHRASE ou saisie)")
    p.set_defaults(handler=cmd_keys_passphrase)
    p = ks.add_parser("enrollment-request", parents=[common],
                      help="écrire la demande d'enregistrement à envoyer au ministère")
    p.add_argument("out", metavar="FICHIER")
    p.set_defaults(handler=cmd_enrollment_request)

    from desktop.cli.rotation import register_rotate

    register_rotate(ks, common)
    rec = sub.add_parser("recipients", parents=[common], help="les ministères destinataires des lots")
    rs = rec.add_subparsers(dest="recipients_command", metavar="ACTION", required=True)
    p = rs.add_parser("add", parents=[common], help="faire confiance à la clé publique d'un ministère")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--yes", action="store_true", help="empreinte déjà vérifiée (pas de question)")
    p.set_defaults(handler=cmd_recipients_add)
    p = rs.add_parser("list", parents=[common], help="lister les ministères destinataires")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_recipients_list)

    bun = sub.add_parser("bundle", parents=[common], help="le lot signé et chiffré pour les ministères")
    bs = bun.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    p = bs.add_parser("export", parents=[common], help="écrire le prochain lot dans un dossier (clé USB…)")
    p.add_argument("outdir", metavar="DOSSIER")
    p.add_argument("--full", action="store_true", help="tout envoyer, pas seulement les changements")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_bundle_export)
    p = bs.add_parser("preview", parents=[common], help="ce que contiendra le prochain lot")
    p.add_argument("--full", action="store_true")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_bundle_preview)
    p = bs.add_parser("outbox", parents=[common], help="les lots écrits, accusés ou en attente")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_bundle_outbox)

    p = bs.add_parser("reminder", parents=[common],
                      help="période de rappel d'export (jours ; 30 par défaut) et si un export est attendu")
    p.add_argument("--days", type=int, metavar="JOURS", help="nouvelle période, en jours (1 à 366)")
    p.set_defaults(handler=cmd_bundle_reminder)

    rc = sub.add_parser("receipt", parents=[common], help="accusés de réception des ministères")
    rcs = rc.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    p = rcs.add_parser("import", parents=[common], help="vérifier un accusé et marquer le lot reçu")
    p.add_argument("file", metavar="FICHIER")
    p.set_defaults(handler=cmd_receipt_import)


# --------------------------------------------------------------------------------------------- keys
@refusing
def cmd_keys_create(args: argparse.Namespace) -> int:
    from sync.keys import create_keys

    workspace = open_workspace(args)
    public = create_keys(workspace, passphrase(Message("prompt.passphrase_new_keys"), confirm=True))
    show_public(public)
    return 0


@refusing
def cmd_keys_show(args: argparse.Namespace) -> int:
    from sync.keys import load_public

    public = load_public(open_workspace(args))
    if args.json:
        print_json(public.describe())
    else:
        show_public(public)
    return 0


@refusing
def cmd_keys_passphrase(args: argparse.Namespace) -> int:
    from sync.keys import change_passphrase

    workspace = open_workspace(args)
    old = passphrase(Message("prompt.passphrase_current"))
    new = passphrase(Message("prompt.passphrase_next"), confirm=True, variable="KAFAAT_NEW_PASSPHRASE")
    change_passphrase(workspace, old, new)
    say(Message("keys.passphrase_changed"))
    return 0


@refusing
def cmd_enrollment_request(args: argparse.Namespace) -> int:
    from sync.keys import load_public, public_path

    workspace = open_workspace(args, ESTABLISHMENT)
    public = load_public(workspace)
    _write_copy(public_path(workspace), Path(args.out))
    say(Message("keys.request_written", file=args.out))
    say(Message("keys.fingerprint_for_ministry", fingerprint=public.fingerprint))
    return 0


def _write_copy(source: Path, out: Path) -> None:
    from forms.atomic import write_atomic

    try:
        write_atomic(out, source.read_bytes())
    except OSError as exc:
        fail(Message("file.not_writable", file=out, reason=os_reason(exc)))


def _read(name: str, limit: int, error: Callable[[str], Exception]) -> bytes:
    """A file from outside, refused (``error``) beyond ``limit`` bytes without being loaded whole."""
    from sync.encoding import read_limited

    try:
        return read_limited(Path(name), limit, name, error)
    except OSError as exc:
        fail(Message("file.unreadable", file=name, reason=os_reason(exc)))


# --------------------------------------------------------------------------------------- recipients
@refusing
def cmd_recipients_add(args: argparse.Namespace) -> int:
    from sync.recipients import add_recipient, read_recipient_file

    workspace = open_workspace(args, ESTABLISHMENT)
    public, data = read_recipient_file(Path(args.file))
    confirm_fingerprint(args, public)
    if add_recipient(workspace, public, data):
        say(Message("recipients.added", code=public.code))
    else:
        say(Message("recipients.already", code=public.code))
    return 0


@refusing
def cmd_recipients_list(args: argparse.Namespace) -> int:
    from sync.recipients import list_recipients

    recipients = list_recipients(open_workspace(args, ESTABLISHMENT))
    if args.json:
        print_json([r.describe() for r in recipients])
        return 0
    if not recipients:
        say(Message("recipients.none"))
    for r in recipients:
        say(f"{r.code:<8} {r.fingerprint}  {r.name}")
    return 0


# ------------------------------------------------------------------------------------------ bundles
def count_row(label: str, counts: dict[str, int], note: str = "") -> list[str]:
    """One form's line of a bundle's counts, as cells for ``table_lines``: label, records (a figure, aligned on
    the right), « records » (then ``note``, e.g. how many were refused), deletions."""
    return [label, str(counts["records"]), f"{tr(Message('count.records_word', n=counts['records']))}{note},",
            tr(Message("count.deletions", n=counts["tombstones"]))]


def _plan_lines(plan: ExportPlan) -> list[str]:
    from forms.definitions import FORMS
    from forms.i18n import lowered

    lang = language()
    lines = table_lines([count_row(FORMS[key].plural.get(lang), c) for key, c in plan.counts.items()],
                        right=(1,))  # aligned by display width, as ministry verify's
    drafts = {k: n for k, n in plan.drafts.items() if n}
    if drafts:
        lines.append(tr(Message("export.drafts_left", counts=[
            f"{lowered(FORMS[k].plural.get(lang))}{tr(Message('colon'))}{n}" for k, n in drafts.items()])))
        for key, rid, title in plan.draft_samples[:20]:
            lines.append(f"  - {FORMS[key].label.get(lang)} « {title} » ({rid})")
    for key, sharing in plan.sharing(lang).items():
        if sharing["withheld"]:
            lines.append(tr(Message("export.withheld", form=FORMS[key].plural, fields=list(sharing["withheld"]))))
        if sharing["pseudonymised"]:
            lines.append(tr(Message("export.pseudonymised", form=FORMS[key].plural, key=plan.pseudonym_key,
                                    fields=list(sharing["pseudonymised"]))))
    if plan.pseudonym_key is None and any(f.pseudonymised_fields for f in FORMS.values()):
        lines.append(tr(Message("export.no_programme_key")))
    return lines


@refusing
def cmd_bundle_preview(args: argparse.Namespace) -> int:
    from sync.outbox import preview_export

    plan = preview_export(open_workspace(args, ESTABLISHMENT), full=args.full)
    if args.json:
        print_json({"sequence": plan.sequence, "full": plan.full, "counts": plan.counts, "drafts": plan.drafts,
                    "recipients": plan.recipients, "keys_ready": plan.keys_ready, "problems": plan.problems(),
                    "pseudonym_key": plan.pseudonym_key, "sharing": plan.sharing()})
        return 0
    say(Message("export.next", sequence=plan.sequence, full=Message("export.full") if plan.full else "",
                recipients=list(plan.recipients) or "—"))
    for line in _plan_lines(plan) + [tr(m) for m in plan.problem_messages()]:
        say(line)
    return 0


@refusing
def cmd_bundle_export(args: argparse.Namespace) -> int:
    from sync.keys import has_keys, load_identity
    from sync.outbox import check_destination, export_bundle

    workspace = open_workspace(args, ESTABLISHMENT)
    if not has_keys(workspace):
        fail(Message("export.no_keys"))
    check_destination(Path(args.outdir))  # before the passphrase is asked for (export_bundle checks it too)
    identity = load_identity(workspace, passphrase())
    result = export_bundle(workspace, identity, Path(args.outdir), full=args.full)
    entry = result.entry
    if args.json:
        print_json({"path": str(result.path), **entry.to_json(), "drafts_left_out": result.plan.drafts,
                    "recovered": result.recovered, "delivered": result.delivered,
                    "not_delivered": result.not_delivered})
        return 0
    for seq in result.recovered:
        say(Message("export.recovered", sequence=seq))
    say(Message("export.written", sequence=entry.sequence, file=result.path))
    # The bundle hash (docs/bundle-format.md § 4, over the signed part), as « ministry verify » and the receipt
    # name it: not the file's SHA-256 (« sha256sum » gives another value).
    say(Message("export.recipients", recipients=list(entry.recipients), hash=entry.file_hash))
    for line in _plan_lines(result.plan):
        say(line)
    for seq in result.delivered:
        say(Message("export.delivered", sequence=seq, folder=args.outdir))
    for line in result.not_delivered:
        warn(Message("export.to_carry", line=line))
    return 0


@refusing
def cmd_bundle_outbox(args: argparse.Namespace) -> int:
    from sync.outbox import export_due, list_outbox, undelivered

    workspace = open_workspace(args, ESTABLISHMENT)
    entries = list_outbox(workspace)
    due = export_due(workspace)
    if args.json:
        print_json({"bundles": [e.to_json() for e in entries], "export_due": due.due,
                    "period_days": due.period_days, "last_written_at": due.last_written_at})
        return 0
    for e in entries:
        state = "never_out" if e.state == "written" and e.delivered_at is None else e.state
        label = tr(Message(f"outbox.{state}")) if f"outbox.{state}" in CATALOGUE else e.state
        say(f"{tr(Message('outbox.number', sequence=e.sequence)):<9} {label:<28} {e.written_at or e.created_at}  "
            f"{tr(Message('count.records', n=e.total))}  {e.file_name or ''}")
    pending = undelivered(entries)
    if pending:
        say(Message("outbox.undelivered", numbers=[str(e.sequence) for e in pending], folder=workspace.outbox_dir))
    say(due.message())
    return 0


@refusing
def cmd_bundle_reminder(args: argparse.Namespace) -> int:
    from forms.workspace import PERIOD_DAYS_RANGE
    from sync.outbox import export_due

    workspace = open_workspace(args, ESTABLISHMENT)
    if args.days is not None:
        low, high = PERIOD_DAYS_RANGE
        if not low <= args.days <= high:
            fail(Message("reminder.bad_days", days=args.days, low=low, high=high))
        workspace.update_settings(reporting_period_days=args.days)
        say(Message("reminder.set", days=Message("count.days", n=args.days)))
    due = export_due(workspace)
    say(Message("reminder.period", days=Message("count.days", n=due.period_days), due=due.message()))
    return 0


@refusing
def cmd_receipt_import(args: argparse.Namespace) -> int:
    from sync.errors import ReceiptRefused
    from sync.keys import DOCUMENT_MAX_BYTES
    from sync.outbox import import_receipt

    workspace = open_workspace(args, ESTABLISHMENT)
    data = _read(args.file, DOCUMENT_MAX_BYTES, ReceiptRefused)
    entry = import_receipt(workspace, data, args.file)
    say(Message("receipt.imported", sequence=entry.sequence))
    for ministry, body in (entry.receipt or {}).items():
        say(Message("receipt.counts", ministry=ministry, accepted=Message("count.accepted", n=sum(body["accepted"].values())),
                    refused=Message("count.refused", n=sum(body["refused"].values()))))
    return 0
