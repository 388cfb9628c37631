"""``kafaat keys rotate``: new keys for this establishment, and the request (signed by the old and the new
keys) that its ministries apply with ``kafaat ministry enroll FILE`` without breaking the chain of bundles."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.common import ESTABLISHMENT, open_workspace, passphrase, say
from desktop.cli.crypto import refusing
from forms.messages import Message


def register_rotate(ks: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = ks.add_parser("rotate", parents=[common],
                      help="nouvelles clés, et la demande de rotation à envoyer aux ministères")
    p.add_argument("out", metavar="DEMANDE", nargs="?", help="où écrire la demande (défaut : dans keys/)")
    p.set_defaults(handler=cmd_keys_rotate)


@refusing
def cmd_keys_rotate(args: argparse.Namespace) -> int:
    from sync.rotation import rotate_keys

    workspace = open_workspace(args, ESTABLISHMENT)
    old, new, request = rotate_keys(workspace, passphrase(), Path(args.out) if args.out else None)
    say(Message("rotation.new_keys", code=new.code, old=old.fingerprint))
    say(Message("rotation.fingerprint", fingerprint=new.fingerprint))
    say(Message("rotation.written", file=request))
    return 0
