"""``kafaat reference import FILE``: apply a ministry's signed update of the establishments list (an older
update never replaces a newer one). In a folder not yet initialised (a new school, before ``kafaat
init``), ``--ministry-key FILE`` names the ministry's public key file, whose fingerprint is confirmed."""

from __future__ import annotations

import argparse

from desktop.cli.common import ESTABLISHMENT, data_dir, fail, open_workspace, say
from desktop.cli.crypto import _read, confirm_fingerprint, refusing
from forms.messages import Message


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    r = sub.add_parser("reference", parents=[common], help="mises à jour signées des listes de référence")
    rs = r.add_subparsers(dest="reference_command", metavar="ACTION", required=True)
    p = rs.add_parser("import", parents=[common], help="appliquer une mise à jour signée de la liste des établissements")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--ministry-key", metavar="FICHIER",
                   help="clé publique du ministère (dossier pas encore initialisé)")
    p.add_argument("--yes", action="store_true", help="empreinte déjà vérifiée (pas de question)")
    p.set_defaults(handler=cmd_reference_import)


@refusing
def cmd_reference_import(args: argparse.Namespace) -> int:
    from forms.workspace import Workspace
    from sync.errors import DocumentInvalid
    from sync.keys import DOCUMENT_MAX_BYTES
    from sync.recipients import list_recipients, read_recipient_file
    from sync.reference_update import import_update

    root = data_dir(args)
    trusted = []
    if Workspace.is_initialised(root):  # an establishment's folder: a ministry keeps its own list
        trusted = list_recipients(open_workspace(args, ESTABLISHMENT))
    if args.ministry_key:
        from pathlib import Path

        public, _data = read_recipient_file(Path(args.ministry_key))
        confirm_fingerprint(args, public)
        trusted.append(public)
    if not trusted:
        fail(Message("reference.no_trusted_key"))
    data = _read(args.file, 8 * DOCUMENT_MAX_BYTES, DocumentInvalid)
    body, applied = import_update(root, data, trusted, args.file)
    if applied:
        say(Message("reference.applied", serial=body["serial"], ministry=body["ministry"],
                    establishments=Message("count.establishments", n=len(body["rows"]))))
    else:
        say(Message("reference.already", serial=body["serial"], ministry=body["ministry"]))
    return 0
