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

from desktop.cli.common import fail, open_workspace, passphrase, print_json, say, warn
from desktop.cli.setup import INIT_HOOKS
from forms.i18n import plural
from forms.tasks import Cancelled
from forms.workspace import ESTABLISHMENT, Workspace
from sync.errors import SyncError
from sync.keys import PublicKeys, change_passphrase, create_keys, load_identity, load_public, public_path

if TYPE_CHECKING:
    from sync.outbox import ExportPlan

Handler = Callable[[argparse.Namespace], int]


def refusing(handler: Handler) -> Handler:
    """``SyncError`` and ``Cancelled`` become a refusal (exit 1, French message on stderr)."""

    @functools.wraps(handler)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (SyncError, Cancelled) as exc:
            message = str(exc)
            # A refused file is named (what and where), whatever the error's own text says.
            file = getattr(args, "file", None)
            if isinstance(exc, SyncError) and isinstance(file, str) and file and Path(file).name not in message:
                message = f"{file} : {message}"
            fail(message)

    return wrapper


def confirm_fingerprint(args: argparse.Namespace, public: PublicKeys) -> None:
    """The fingerprint is shown; the operator compares it with the one read by the other side (phone)."""
    confirm_fingerprint_text(args, f"{public.name} ({public.code})", public.fingerprint)


def confirm_fingerprint_text(args: argparse.Namespace, what: str, fingerprint: str) -> None:
    say(what)
    say(f"  empreinte : {fingerprint}")
    if getattr(args, "yes", False):
        return
    if not sys.stdin.isatty():
        fail("vérifiez cette empreinte avec l'expéditeur (par téléphone), puis relancez avec --yes ; "
             "rien n'a été modifié")
    answer = input("Cette empreinte est-elle celle que l'expéditeur vous a lue ? [o/N] ").strip().lower()
    if answer not in ("o", "oui", "y", "yes"):
        fail("empreinte non confirmée : rien n'a été modifié")


def show_public(public: PublicKeys) -> None:
    role = "Établissement" if public.role == ESTABLISHMENT else "Ministère"
    say(f"{role} : {public.name} ({public.code})")
    say(f"Empreinte (à lire au téléphone) : {public.fingerprint}")
    say(f"Identifiant de clé : {public.key_id_hex}")
    say(f"Algorithmes : {', '.join(public.describe()['algorithms'])}")


def init_hook(workspace: Workspace, args: argparse.Namespace) -> None:
    """After ``kafaat init``: create the keys when a passphrase is available, else say how to later."""
    if os.environ.get("KAFAAT_PASSPHRASE") is None and not sys.stdin.isatty():
        warn("Attention : les clés ne sont pas encore créées (aucune phrase de passe : KAFAAT_PASSPHRASE n'est "
             "pas définie et il n'y a pas de terminal). Créez-les avec « kafaat keys create » avant tout export.")
        return
    try:
        secret = passphrase("Phrase de passe qui protégera les clés : ", confirm=True)
        public = create_keys(workspace, secret)
    except SyncError as exc:
        warn(f"Attention : les clés ne sont pas créées ({exc}). Créez-les avec « kafaat keys create ».")
        return
    say(f"Clés créées. Empreinte : {public.fingerprint}")


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
    workspace = open_workspace(args)
    public = create_keys(workspace, passphrase("Phrase de passe qui protégera les clés : ", confirm=True))
    show_public(public)
    return 0


@refusing
def cmd_keys_show(args: argparse.Namespace) -> int:
    public = load_public(open_workspace(args))
    if args.json:
        print_json(public.describe())
    else:
        show_public(public)
    return 0


@refusing
def cmd_keys_passphrase(args: argparse.Namespace) -> int:
    workspace = open_workspace(args)
    old = passphrase("Phrase de passe actuelle : ")
    new = passphrase("Nouvelle phrase de passe : ", confirm=True, variable="KAFAAT_NEW_PASSPHRASE")
    change_passphrase(workspace, old, new)
    say("Phrase de passe changée.")
    return 0


@refusing
def cmd_enrollment_request(args: argparse.Namespace) -> int:
    workspace = open_workspace(args, ESTABLISHMENT)
    public = load_public(workspace)
    _write_copy(public_path(workspace), Path(args.out))
    say(f"Demande d'enregistrement écrite : {args.out}")
    say(f"Empreinte à communiquer au ministère : {public.fingerprint}")
    return 0


def _write_copy(source: Path, out: Path) -> None:
    from forms.atomic import write_atomic

    try:
        write_atomic(out, source.read_bytes())
    except OSError as exc:
        fail(f"{out} : écriture impossible ({exc.strerror})")


def _read(name: str, limit: int, error: Callable[[str], Exception]) -> bytes:
    """A file from outside, refused (``error``) beyond ``limit`` bytes without being loaded whole."""
    from sync.encoding import read_limited

    try:
        return read_limited(Path(name), limit, name, error)
    except OSError as exc:
        fail(f"{name} : fichier illisible ({exc.strerror})")


# --------------------------------------------------------------------------------------- recipients
@refusing
def cmd_recipients_add(args: argparse.Namespace) -> int:
    from sync.recipients import add_recipient, read_recipient_file

    workspace = open_workspace(args, ESTABLISHMENT)
    public, data = read_recipient_file(Path(args.file))
    confirm_fingerprint(args, public)
    if add_recipient(workspace, public, data):
        say(f"{public.code} ajouté aux destinataires des lots.")
    else:
        say(f"{public.code} était déjà un destinataire avec cette clé : rien n'a changé.")
    return 0


@refusing
def cmd_recipients_list(args: argparse.Namespace) -> int:
    from sync.recipients import list_recipients

    recipients = list_recipients(open_workspace(args, ESTABLISHMENT))
    if args.json:
        print_json([r.describe() for r in recipients])
        return 0
    if not recipients:
        say("Aucun destinataire : « kafaat recipients add FICHIER ».")
    for r in recipients:
        say(f"{r.code:<8} {r.fingerprint}  {r.name}")
    return 0


# ------------------------------------------------------------------------------------------ bundles
def _plan_lines(plan: ExportPlan) -> list[str]:
    from forms.definitions import FORMS
    from forms.i18n import lowered

    lines = []
    width = max((len(FORMS[key].plural.fr) for key in plan.counts), default=24)
    for key, c in plan.counts.items():
        lines.append(f"  {FORMS[key].plural.fr:<{width}} {c['records']:>7} "
                     f"{plural(c['records'], 'enregistrement|enregistrements')}, "
                     f"{plural(c['tombstones'], '{n} suppression|{n} suppressions')}")
    drafts = {k: n for k, n in plan.drafts.items() if n}
    if drafts:
        lines.append("Brouillons laissés de côté (jamais envoyés) : "
                     + ", ".join(f"{lowered(FORMS[k].plural.fr)} : {n}" for k, n in drafts.items()))
        for key, rid, title in plan.draft_samples[:20]:
            lines.append(f"  - {FORMS[key].label.fr} « {title} » ({rid})")
    for key, sharing in plan.sharing().items():
        if sharing["withheld"]:
            lines.append(f"{FORMS[key].plural.fr} — restent à l'établissement (jamais envoyés) : "
                         + ", ".join(sharing["withheld"]))
        if sharing["pseudonymised"]:
            lines.append(f"{FORMS[key].plural.fr} — envoyés sous pseudonyme (clé de programme n° "
                         f"{plan.pseudonym_key}) : " + ", ".join(sharing["pseudonymised"]))
    if plan.pseudonym_key is None and any(f.pseudonymised_fields for f in FORMS.values()):
        lines.append("Aucune clé de programme installée : le code national des étudiants n'est pas envoyé "
                     "(« kafaat programme-key import FICHIER » pour l'envoyer sous pseudonyme).")
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
    say(f"Prochain lot : n° {plan.sequence}{' (complet)' if plan.full else ''}, pour {', '.join(plan.recipients) or '—'}")
    for line in _plan_lines(plan) + plan.problems():
        say(line)
    return 0


@refusing
def cmd_bundle_export(args: argparse.Namespace) -> int:
    from sync.keys import has_keys
    from sync.outbox import export_bundle

    workspace = open_workspace(args, ESTABLISHMENT)
    if not has_keys(workspace):
        fail("les clés de l'établissement n'existent pas encore : créez-les avec « kafaat keys create » ; "
             "aucun lot n'a été écrit")
    identity = load_identity(workspace, passphrase())
    result = export_bundle(workspace, identity, Path(args.outdir), full=args.full)
    entry = result.entry
    if args.json:
        print_json({"path": str(result.path), **entry.to_json(), "drafts_left_out": result.plan.drafts,
                    "recovered": result.recovered, "delivered": result.delivered,
                    "not_delivered": result.not_delivered})
        return 0
    for seq in result.recovered:
        say(f"Lot n° {seq} retrouvé dans la boîte d'envoi après une interruption : enregistré comme écrit.")
    say(f"Lot n° {entry.sequence} écrit : {result.path}")
    # The bundle hash (docs/bundle-format.md § 4, over the signed part), as « ministry verify » and the receipt
    # name it: not the file's SHA-256 (« sha256sum » gives another value).
    say(f"Destinataires : {', '.join(entry.recipients)} ; empreinte du lot : {entry.file_hash}")
    for line in _plan_lines(result.plan):
        say(line)
    for seq in result.delivered:
        say(f"Lot n° {seq} copié aussi vers {args.outdir} : il n'avait jamais quitté la boîte d'envoi.")
    for line in result.not_delivered:
        warn(f"à porter au ministère : {line}")
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
    labels = {"reserved": "réservé (non écrit)", "written": "écrit, en attente d'accusé",
              "acknowledged": "accusé de réception reçu"}
    for e in entries:
        label = labels.get(e.state, e.state)
        if e.state == "written" and e.delivered_at is None:
            label = "écrit, jamais sorti du poste"
        say(f"n° {e.sequence:<5} {label:<28} {e.written_at or e.created_at}  "
            f"{plural(e.total, '{n} enregistrement|{n} enregistrements')}  {e.file_name or ''}")
    pending = undelivered(entries)
    if pending:
        numbers = ", ".join(str(e.sequence) for e in pending)
        say(f"Jamais copiés hors de la boîte d'envoi : n° {numbers} ({workspace.outbox_dir}) ; le prochain "
            "« kafaat bundle export DOSSIER » les copie aussi, ou portez ces fichiers au ministère.")
    say(due.message())
    return 0


@refusing
def cmd_bundle_reminder(args: argparse.Namespace) -> int:
    from sync.outbox import export_due

    workspace = open_workspace(args, ESTABLISHMENT)
    if args.days is not None:
        if not 1 <= args.days <= 366:
            fail(f"--days {args.days} : la période doit être comprise entre 1 et 366 jours ; rien n'a été modifié")
        workspace.update_settings(reporting_period_days=args.days)
        say(f"Période de rappel : {args.days} jours.")
    due = export_due(workspace)
    say(f"Période : {due.period_days} jours ; {due.message()}")
    return 0


@refusing
def cmd_receipt_import(args: argparse.Namespace) -> int:
    from sync.errors import ReceiptRefused
    from sync.keys import DOCUMENT_MAX_BYTES
    from sync.outbox import import_receipt

    workspace = open_workspace(args, ESTABLISHMENT)
    data = _read(args.file, DOCUMENT_MAX_BYTES, ReceiptRefused)
    entry = import_receipt(workspace, data, args.file)
    say(f"Accusé de réception vérifié : lot n° {entry.sequence} marqué comme reçu.")
    for ministry, body in (entry.receipt or {}).items():
        accepted = sum(body["accepted"].values())
        refused = sum(body["refused"].values())
        say(f"  {ministry} : {plural(accepted, '{n} accepté|{n} acceptés')}, {plural(refused, '{n} refusé|{n} refusés')}")
    return 0
