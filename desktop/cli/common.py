"""What every sub-command shares: the data folder, messages on stderr, exit codes, passphrases, JSON."""

from __future__ import annotations

import argparse
import contextlib
import errno
import getpass
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import orjson

from forms.paths import default_data_dir
from forms.workspace import Workspace

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2


class Refused(Exception):
    """The input was refused: the message (in the user's language) goes to stderr, exit code 1."""

    def __init__(self, message: str, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


def data_dir(args: argparse.Namespace) -> Path:
    value = getattr(args, "data_dir", None)
    return Path(value).expanduser() if value else default_data_dir()


OPENED: list[Workspace] = []
"""Data folders opened by the running command: closed (WAL checkpointed and truncated) when it ends."""


def open_workspace(args: argparse.Namespace, role: str | None = None) -> Workspace:
    workspace = Workspace.open(data_dir(args))
    OPENED.append(workspace)
    if role and workspace.role != role:
        wanted = "d'un établissement" if role == "establishment" else "d'un ministère"
        raise Refused(f"cette commande s'utilise dans le dossier {wanted} ; {workspace.root} est un dossier "
                      f"« {workspace.role} »")
    return workspace


def passphrase(prompt: str = "Phrase de passe : ", *, confirm: bool = False,
               variable: str = "KAFAAT_PASSPHRASE") -> str:
    """The environment ``variable`` when set, else asked on the terminal without echo (twice with
    ``confirm``)."""
    env = os.environ.get(variable)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise Refused(f"phrase de passe requise : définissez {variable} ou lancez la commande dans un terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Confirmez la phrase de passe : ") != first:
        raise Refused("les deux phrases de passe saisies diffèrent : rien n'a été modifié")
    return first


def print_json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n")
    sys.stdout.flush()


def say(message: str) -> None:
    print(message, flush=True)


def warn(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def fail(message: str, details: list[str] | None = None) -> NoReturn:
    raise Refused(message, details)


def read_json_argument(value: str) -> Any:
    """``--json`` takes a JSON text, or ``@FILE`` to read it from a file (``@-``: standard input)."""
    if value.startswith("@"):
        name = value[1:]
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            fail(f"{name} : fichier illisible ({exc.strerror})")
    else:
        data = value.encode("utf-8")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        fail(f"JSON invalide ({value[:40]!r}…) : {exc}")


def close_workspaces() -> None:
    while OPENED:
        OPENED.pop().close()


def _disk_full(exc: BaseException, folder: Path) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno == errno.ENOSPC:
            return True
        seen = seen.__cause__ or seen.__context__
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[Path]:
    """A file written beside ``path`` under a temporary name and renamed only once complete: a full disk or
    an error leaves no half-written file (and the one that was there, if any, untouched)."""
    from forms.atomic import atomic_output

    try:
        with atomic_output(path) as tmp:
            yield tmp
    except (OSError, ValueError) as exc:
        if _disk_full(exc, path.parent):
            fail(f"{path} n'a pas été écrit : le disque est plein ({path.parent}) ; libérez de la place puis "
                 "relancez ; aucun fichier à moitié écrit n'a été laissé")
        if isinstance(exc, OSError):
            fail(f"{path} n'a pas été écrit ({exc.strerror or exc}) : vérifiez que le dossier existe et peut "
                 "être écrit")
        raise
