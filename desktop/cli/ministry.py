"""``kafaat ministry public-key | enroll | enrolled | verify`` (the ministry's half of the loop)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import open_workspace, passphrase, print_json, say
from desktop.cli.crypto import _read, _write_copy, confirm_fingerprint, refusing
from forms.definitions import FORMS
from forms.workspace import MINISTRY


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    m = sub.add_parser("ministry", parents=[common], help="(ministère) clés publiques, enregistrement, vérification")
    ms = m.add_subparsers(dest="ministry_command", metavar="ACTION", required=True)
    p = ms.add_parser("public-key", parents=[common], help="écrire le fichier de clé publique du ministère")
    p.add_argument("out", metavar="FICHIER")
    p.set_defaults(handler=cmd_public_key)
    p = ms.add_parser("enroll", parents=[common], help="enregistrer un établissement depuis sa demande")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--yes", action="store_true", help="empreinte déjà vérifiée (pas de question)")
    p.set_defaults(handler=cmd_enroll)
    p = ms.add_parser("enrolled", parents=[common], help="lister les établissements enregistrés")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_enrolled)
    p = ms.add_parser("verify", parents=[common], help="vérifier et déchiffrer un lot (rien n'est enregistré)")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--receipt", metavar="FICHIER", help="écrire aussi l'accusé de réception signé")
    p.set_defaults(handler=cmd_verify)


@refusing
def cmd_public_key(args: argparse.Namespace) -> int:
    from sync.keys import load_public, public_path

    workspace = open_workspace(args, MINISTRY)
    public = load_public(workspace)
    _write_copy(public_path(workspace), Path(args.out))
    say(f"Clé publique écrite : {args.out}")
    say(f"Empreinte à communiquer aux établissements : {public.fingerprint}")
    return 0


@refusing
def cmd_enroll(args: argparse.Namespace) -> int:
    from sync.errors import DocumentInvalid
    from sync.keys import DOCUMENT_MAX_BYTES
    from sync.ministry import enroll, read_enrollment

    workspace = open_workspace(args, MINISTRY)
    data = _read(args.file, DOCUMENT_MAX_BYTES, DocumentInvalid)
    confirm_fingerprint(args, read_enrollment(data, args.file))
    public, new = enroll(workspace, data, args.file)
    say(f"{public.code} enregistré." if new else f"{public.code} était déjà enregistré avec cette clé.")
    return 0


@refusing
def cmd_enrolled(args: argparse.Namespace) -> int:
    from sync.ministry import list_enrolled

    items = list_enrolled(open_workspace(args, MINISTRY))
    if args.json:
        print_json([p.describe() for p in items])
        return 0
    for p in items:
        say(f"{p.code:<10} {p.fingerprint}  {p.name}")
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
    say(f"Lot valide : {clean_text(opened.signer.name)} ({opened.establishment}), n° {opened.sequence} "
        f"(format {opened.version})")
    say(f"  signé par la clé {opened.signer.fingerprint} ; empreinte du lot : {opened.bundle_hash}")
    period = manifest.get("period") if isinstance(manifest.get("period"), dict) else {}
    say(f"  créé le {clean_text(manifest['created_at'])} ; lot précédent : "
        f"{manifest['previous_hash'] or 'aucun (premier lot)'}")
    say(f"  période : {clean_text(period.get('from') or 'début')} → {clean_text(period.get('to') or '?')}"
        f"{' (complet)' if manifest.get('full') is True else ''}")
    say(f"  schéma {clean_text(manifest.get('schema_version', '?'), 40)}, application "
        f"{clean_text(manifest.get('application_version', '?'), 40)}")
    for key, c in counts.items():
        label = FORMS[key].plural.fr if key in FORMS else clean_text(key, 40)
        bad = f", dont {refused[key]} invalide(s)" if refused.get(key) else ""
        say(f"  {label:<24} {c['records']:>7} enregistrement(s){bad}, {c['tombstones']} suppression(s)")
    for form_key, columns in opened.dropped.items():
        say(f"  {FORMS[form_key].plural.fr} : champs personnels écartés à l'arrivée ({', '.join(columns)})")
    for line in problems(outcomes):
        say(f"  refusé : {clean_text(line, 400)}")
    if args.receipt:
        say(f"Accusé de réception écrit : {args.receipt}")
    return 0
