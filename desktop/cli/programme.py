"""``kafaat programme-key create | import | show``: the key that turns students' national codes into
pseudonyms (``sync.pseudonym``). Establishments hold it; ministries never do."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import ESTABLISHMENT, fail, open_workspace, print_json, say, tr
from desktop.cli.crypto import _read, confirm_fingerprint_text, refusing
from forms.messages import Message, os_reason


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    pk = sub.add_parser("programme-key", parents=[common],
                        help="la clé de programme qui pseudonymise les codes des étudiants")
    ps = pk.add_subparsers(dest="programme_command", metavar="ACTION", required=True)
    p = ps.add_parser("create", parents=[common],
                      help="(dépositaire du programme) créer une clé à distribuer aux établissements")
    p.add_argument("out", metavar="FICHIER")
    p.add_argument("--key-version", type=int, default=1, help="numéro de version (1 d'abord, puis 2… à chaque rotation)")
    p.set_defaults(handler=cmd_create)
    p = ps.add_parser("import", parents=[common], help="(établissement) installer la clé reçue")
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--yes", action="store_true", help="empreinte déjà vérifiée (pas de question)")
    p.set_defaults(handler=cmd_import)
    p = ps.add_parser("show", parents=[common], help="(établissement) la clé installée et son empreinte")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.set_defaults(handler=cmd_show)


@refusing
def cmd_create(args: argparse.Namespace) -> int:
    from forms.atomic import write_atomic
    from sync.pseudonym import MAX_VERSION, dump_key, new_key

    if not 1 <= args.key_version <= MAX_VERSION:
        fail(Message("programme.bad_version", version=args.key_version, max=MAX_VERSION))
    out = Path(args.out)
    if out.exists():
        fail(Message("programme.exists", file=out))
    key = new_key(args.key_version)
    try:
        write_atomic(out, dump_key(key), private=True)
    except OSError as exc:
        fail(Message("file.not_writable", file=out, reason=os_reason(exc)))
    say(Message("programme.written", version=key.version, file=out))
    say(Message("keys.fingerprint_for_establishments", fingerprint=key.fingerprint))
    say(Message("programme.only_establishments"))
    return 0


@refusing
def cmd_import(args: argparse.Namespace) -> int:
    from sync.errors import DocumentInvalid
    from sync.pseudonym import MAX_BYTES, install_key, read_key

    workspace = open_workspace(args, ESTABLISHMENT)
    data = _read(args.file, MAX_BYTES, DocumentInvalid)
    key = read_key(data, args.file)
    confirm_fingerprint_text(args, tr(Message("programme.key", version=key.version)), key.fingerprint)
    key, changed = install_key(workspace, data, args.file)
    say(Message("programme.installed" if changed else "programme.already", version=key.version))
    return 0


@refusing
def cmd_show(args: argparse.Namespace) -> int:
    from sync.pseudonym import installed_key

    key = installed_key(open_workspace(args, ESTABLISHMENT))
    if args.json:
        print_json(key.describe() if key is not None else None)
        return 0
    if key is None:
        say(Message("programme.none"))
    else:
        say(Message("programme.show", version=key.version, fingerprint=key.fingerprint))
    return 0
