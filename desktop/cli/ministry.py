"""``kafaat ministry …``: the ministry's half of the loop. Keys and the registry here; the national store's
commands (consolidate, receipt, status, records, export-xlsx) in ``desktop.cli.national``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import MINISTRY, language, open_workspace, passphrase, print_json, say, tr
from desktop.cli.crypto import _read, _write_copy, confirm_fingerprint, count_row, refusing
from desktop.cli.table import table_lines
from forms.definitions import FORMS
from forms.messages import Message


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    m = sub.add_parser("ministry", parents=[common], help="(ministère) clés publiques, enregistrement, vérification")
    ms = m.add_subparsers(dest="ministry_command", metavar="ACTION", required=True)
    p = ms.add_parser("public-key", parents=[common], help="écrire le fichier de clé publique du ministère")
    p.add_argument("out", metavar="FICHIER")
    p.set_defaults(handler=cmd_public_key)
    p = ms.add_parser("enroll", parents=[common], help="enregistrer un établissement depuis sa demande")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--yes", action="store_true", help="empreinte déjà vérifiée (pas de question)")
    p.add_argument("--replace", action="store_true",
                   help="remplacer la clé d'un établissement déjà enregistré (poste perdu) : nouvelle chaîne de lots")
    p.set_defaults(handler=cmd_enroll)
    p = ms.add_parser("revoke", parents=[common], help="révoquer la clé d'un établissement (ses lots sont refusés)")
    p.add_argument("code", metavar="ÉTABLISSEMENT")
    p.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    p.set_defaults(handler=cmd_revoke)
    p = ms.add_parser("enrolled", parents=[common], help="lister les établissements enregistrés")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_enrolled)
    p = ms.add_parser("verify", parents=[common], help="vérifier et déchiffrer un lot (rien n'est enregistré)")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--receipt", metavar="FICHIER", help="écrire aussi l'accusé de réception signé")
    p.set_defaults(handler=cmd_verify)
    p = ms.add_parser("establishments", parents=[common], help="la liste des établissements du ministère")
    es = p.add_subparsers(dest="establishments_command", metavar="ACTION", required=True)
    p = es.add_parser("import", parents=[common], help="ajouter ou corriger des établissements (CSV)")
    p.add_argument("file", metavar="FICHIER.csv")
    p.set_defaults(handler=cmd_establishments_import)
    p = ms.add_parser("reference-update", parents=[common],
                      help="écrire la mise à jour signée de la liste des établissements")
    p.add_argument("out", metavar="SORTIE")
    p.set_defaults(handler=cmd_reference_update)
    from desktop.cli.national import register_national

    register_national(ms, common)


@refusing
def cmd_public_key(args: argparse.Namespace) -> int:
    from sync.keys import load_public, public_path

    workspace = open_workspace(args, MINISTRY)
    public = load_public(workspace)
    _write_copy(public_path(workspace), Path(args.out))
    say(Message("keys.public_written", file=args.out))
    say(Message("keys.fingerprint_for_establishments", fingerprint=public.fingerprint))
    return 0


@refusing
def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.errors import DocumentInvalid
    from sync.keys import DOCUMENT_MAX_BYTES
    from sync.ministry import enroll, read_enrollment

    workspace = open_workspace(args, MINISTRY)
    data = _read(args.file, DOCUMENT_MAX_BYTES, DocumentInvalid)
    from sync.rotation import is_rotation

    if is_rotation(data):  # signed by the enrolled key: no fingerprint to confirm by phone
        from sync.ministry.registry import apply_rotation

        old, new_key, applied = apply_rotation(workspace, data, args.file)
        say(Message("enroll.rotation" if applied else "enroll.rotation_already", code=new_key.code,
                    old=old.fingerprint, new=new_key.fingerprint))
        return 0
    confirm_fingerprint(args, read_enrollment(data, args.file, workspace))
    public, new = enroll(workspace, data, args.file, replace=args.replace)
    if args.replace and new:
        say(Message("enroll.replaced", code=public.code))
    else:
        say(Message("enroll.done" if new else "enroll.already", code=public.code))
    return 0


@refusing
def cmd_revoke(args: argparse.Namespace) -> int:
    import sys

    from desktop.cli.common import fail
    from sync.ministry.registry import revoke

    workspace = open_workspace(args, MINISTRY)
    code = args.code.upper()
    if not args.yes:
        if not sys.stdin.isatty():
            fail(Message("revoke.confirm_yes", code=code))
        if input(tr(Message("revoke.question", code=code))).strip().lower() not in ("o", "oui", "y", "yes", "نعم"):
            fail(Message("revoke.not_confirmed"))
    key = revoke(workspace, code)
    say(Message("revoke.done", code=code, fingerprint=key.public.fingerprint))
    return 0


@refusing
def cmd_enrolled(args: argparse.Namespace) -> int:
    from sync.ministry.registry import list_keys, state_word

    items = list_keys(open_workspace(args, MINISTRY))
    if args.json:
        print_json([k.describe() for k in items])
        return 0
    from forms.reference import reference

    names = reference("establishments")
    for k in items:
        until = f" → {k.ended_at}" if k.ended_at else ""
        name = names.label(k.public.code, language()) if names.get(k.public.code) else k.public.name
        say(f"{k.public.code:<10} {k.public.fingerprint}  {tr(state_word(k.state)):<12} {k.enrolled_at}{until}  "
            f"{name}")
    return 0


@refusing
def cmd_verify(args: argparse.Namespace) -> int:
    from sync.bundle import DEFAULT_LIMITS, clean_text
    from sync.errors import BundleTooLarge
    from sync.keys import load_identity
    from sync.ministry import verify_bundle
    from sync.receipts import make_receipt
    from sync.received import check_bundle, problems

    workspace = open_workspace(args, MINISTRY)
    data = _read(args.file, DEFAULT_LIMITS.max_file, BundleTooLarge)
    identity = load_identity(workspace, passphrase())
    opened = verify_bundle(workspace, identity, data)
    outcomes = check_bundle(opened)  # reads every record: the counts below are the checked ones
    manifest = opened.manifest
    counts = manifest["counts"]
    refused = {form: len(o.refused) for form, o in outcomes.items()}
    if args.receipt:
        from forms.atomic import write_atomic

        # Only what was checked: the declarations' rules on every record (links and duplicates against the
        # national store are the consolidation's; it writes the receipts that count).
        write_atomic(Path(args.receipt), make_receipt(
            identity, opened, accepted={f: o.accepted for f, o in outcomes.items()}, refused=refused,
            problems=list(problems(outcomes))))
    if args.json:
        print_json({"bundle_hash": opened.bundle_hash, "file_hash": opened.bundle_hash,
                    "format_version": opened.version, "establishment": opened.establishment,
                    "establishment_name": opened.signer.name, "sequence": opened.sequence,
                    "signer_fingerprint": opened.signer.fingerprint, "manifest": manifest,
                    "records": {k: c["records"] + c["tombstones"] for k, c in counts.items()},
                    "invalid": refused, "dropped_fields": opened.dropped})
        return 0
    # The name shown is the enrolled one (the manifest's is the sender's claim); anything from the file is
    # printed without control characters.
    lang = language()
    say(Message("verify.valid", name=clean_text(opened.signer.name), code=opened.establishment,
                sequence=opened.sequence, version=opened.version))
    say(Message("verify.signed", fingerprint=opened.signer.fingerprint, hash=opened.bundle_hash))
    period = manifest.get("period") if isinstance(manifest.get("period"), dict) else {}
    say(Message("verify.created", created=clean_text(manifest["created_at"]),
                previous=manifest["previous_hash"] or Message("verify.first")))
    say(Message("verify.period", start=clean_text(period.get("from")) if period.get("from") else Message("verify.start"),
                end=clean_text(period.get("to") or "?"),
                full=Message("export.full") if manifest.get("full") is True else ""))
    say(Message("verify.versions", schema=clean_text(manifest.get("schema_version", "?"), 40),
                application=clean_text(manifest.get("application_version", "?"), 40)))
    rows = []
    for key, c in counts.items():
        label = FORMS[key].plural.get(lang) if key in FORMS else clean_text(key, 40)
        bad = tr(Message("count.invalid", n=refused[key])) if refused.get(key) else ""
        rows.append(count_row(label, c, bad))
    for line in table_lines(rows, right=(1,)):  # aligned by display width (Arabic, accents, wide characters)
        say(line)
    for form_key, columns in opened.dropped.items():
        say(Message("verify.dropped", form=FORMS[form_key].plural, fields=list(columns)))
    for line in problems(outcomes):
        say(Message("verify.refused", line=clean_text(line, 400)))
    if args.receipt:
        say(Message("receipt.written", file=args.receipt))
    return 0


@refusing
def cmd_establishments_import(args: argparse.Namespace) -> int:
    from sync.ministry.establishments import import_establishments

    added, corrected, same = import_establishments(open_workspace(args, MINISTRY), Path(args.file))
    say(Message("establishments.imported", added=Message("establishments.added", n=len(added)),
                corrected=Message("establishments.corrected", n=len(corrected)),
                same=Message("establishments.same", n=same)))
    for code in added:
        say(Message("establishments.added_one", code=code))
    for code in corrected:
        say(Message("establishments.corrected_one", code=code))
    return 0


@refusing
def cmd_reference_update(args: argparse.Namespace) -> int:
    from sync.keys import load_identity
    from sync.ministry.establishments import write_reference_update

    workspace = open_workspace(args, MINISTRY)
    serial, count = write_reference_update(workspace, load_identity(workspace, passphrase()), Path(args.out))
    say(Message("reference.written", serial=serial, establishments=Message("count.establishments", n=count),
                file=args.out))
    say(Message("reference.how"))
    return 0
