"""What every sub-command shares: the data folder, messages on stderr, exit codes, passphrases, JSON."""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import getpass
import os
import re
import shutil
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import orjson

from forms.i18n import DEFAULT_LANGUAGE, normalise_lang
from forms.messages import Localizable, Message, localized, os_reason
from forms.paths import default_data_dir

if TYPE_CHECKING:  # the data folder's module loads SQLAlchemy: only the commands that open a folder import it
    from forms.workspace import Workspace

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2

ESTABLISHMENT, MINISTRY = "establishment", "ministry"
"""The roles as ``forms.workspace`` names them, and ``DRAFT``, ``COMPLETE`` the statuses as
``forms.store.records`` does (a test checks they are the same): the parser offers them as choices, and
``kafaat --help`` or ``kafaat forms`` should not load the database layer to read four words."""
DRAFT, COMPLETE = "draft", "complete"
STATUSES = (DRAFT, COMPLETE)


LANGUAGE = [DEFAULT_LANGUAGE]
"""The language of ``--lang`` for the running command (set by ``desktop.cli.main``)."""


def set_language(lang: str | None) -> str:
    LANGUAGE[0] = normalise_lang(lang)
    return LANGUAGE[0]


def language() -> str:
    return LANGUAGE[0]


def tr(value: object) -> str:
    """A ``Message``, ``Text`` or exception in the command's language (``str`` for anything else)."""
    return localized(value, LANGUAGE[0])


class Refused(Exception):
    """The input was refused: the message (rendered in the user's language) goes to stderr, exit code 1."""

    def __init__(self, message: Localizable, details: list[Localizable] | None = None) -> None:
        super().__init__(message)
        self.text = message
        self.message = str(message)
        self.details = details or []

    exit_code = EXIT_REFUSED


class WrongUsage(Refused):
    """Wrong usage found by the command itself (an unknown code): the message on stderr, exit code 2."""

    exit_code = EXIT_USAGE


def data_dir(args: argparse.Namespace) -> Path:
    value = getattr(args, "data_dir", None)
    return Path(value).expanduser() if value else default_data_dir()


OPENED: list[Workspace] = []
"""Data folders opened by the running command: closed (WAL checkpointed and truncated) when it ends."""


def open_workspace(args: argparse.Namespace, role: str | None = None) -> Workspace:
    from forms.workspace import Workspace

    workspace = Workspace.open(data_dir(args))
    OPENED.append(workspace)
    if role and workspace.role != role:
        key = "folder.not_establishment" if role == "establishment" else "folder.not_ministry"
        raise Refused(Message(key, folder=workspace.root, role=workspace.role))
    return workspace


def passphrase(prompt: Localizable = Message("prompt.passphrase"), *, confirm: bool = False,
               variable: str = "KAFAAT_PASSPHRASE") -> str:
    """The environment ``variable`` when set, else asked on the terminal without echo (twice with
    ``confirm``)."""
    env = os.environ.get(variable)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise Refused(Message("passphrase.needed", variable=variable))
    first = getpass.getpass(tr(prompt))
    if confirm and getpass.getpass(tr(Message("prompt.passphrase_confirm"))) != first:
        raise Refused(Message("passphrase.differ"))
    return first


def print_json(value: Any) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n")
    sys.stdout.flush()


TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What a terminal obeys rather than shows (ESC and CSI sequences that recolour, move the cursor, retitle
the window or write the clipboard; a carriage return that overwrites the line): a record's text, a file or
a folder name may hold them, and a listing must not run them on the analyst's terminal. Tabs and line
feeds stay."""


def shown(text: str) -> str:
    """``text`` as printed: each terminal control replaced by « � »."""
    return text if text.isprintable() else TERMINAL_CONTROLS.sub("\ufffd", text)


def say(message: Localizable) -> None:
    print(shown(tr(message)), flush=True)


def warn(message: Localizable) -> None:
    print(shown(tr(message)), file=sys.stderr, flush=True)


def fail(message: Localizable, details: list[Localizable] | None = None) -> NoReturn:
    raise Refused(message, details)


def read_json_argument(value: str) -> Any:
    """``--json`` takes a JSON text, or ``@FILE`` to read it from a file (``@-``: standard input)."""
    if value.startswith("@"):
        name = value[1:]
        try:
            data = sys.stdin.buffer.read() if name == "-" else _read_input(Path(name))
        except OSError as exc:
            fail(Message("file.unreadable", file=name, reason=os_reason(exc)))
    else:
        data = value.encode("utf-8")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        # where, in the user's words (the parser's own text is English)
        fail(Message("json.invalid", start=repr(value[:40]),
                     reason=Message("json.position", line=exc.lineno, column=exc.colno)))


def _read_input(path: Path) -> bytes:
    from forms.inputs import open_input

    with open_input(path) as handle:  # never a pipe (it blocks) nor a device (it never ends)
        return handle.read()


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


def _drop_half_written(exc: BaseException) -> None:
    """Free now what the failed writer left open (openpyxl's zip archive, a write-only sheet's generator),
    quietly: freed later, at exit, closing them writes again to the full disk or the closed file, and Python
    prints « Exception ignored … Traceback » under the message."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        seen: BaseException | None = exc
        while seen is not None:
            traceback.clear_frames(seen.__traceback__)
            seen = seen.__cause__ or seen.__context__
        gc.collect()
    finally:
        sys.unraisablehook = hook


@contextlib.contextmanager
def output_file(path: Path) -> Iterator[Path]:
    """A file written beside ``path`` under a temporary name and renamed only once complete: a full disk or
    an error leaves no half-written file (and the one that was there, if any, untouched)."""
    from forms.atomic import atomic_output

    try:
        with atomic_output(path) as tmp:
            yield tmp
    except (OSError, ValueError) as exc:
        _drop_half_written(exc)
        if _disk_full(exc, path.parent):
            fail(Message("output.disk_full", file=path, folder=path.parent))
        if isinstance(exc, OSError):
            fail(Message("output.not_written", file=path, reason=os_reason(exc)))
        raise
