"""The ``kafaat`` command line (see ``shared/brief/cli.md`` for the contract).

Sub-commands never import Qt: they must start fast and run on machines with no screen. Each group of
sub-commands lives in its own module exposing ``register(subparsers, parent)``.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.cli.common import (
    EXIT_REFUSED,
    EXIT_USAGE,
    Refused,
    close_workspaces,
    data_dir,
    language,
    set_language,
    tr,
    warn,
)
from desktop.logfile import log_outcome, remove_logging, setup_logging
from forms.i18n import LANGUAGES
from forms.messages import Message, os_reason
from forms.version import __version__

log = logging.getLogger("kafaat.cli")

COMMAND_MODULES = (
    "desktop.cli.setup",
    "desktop.cli.records",
    "desktop.cli.maintenance",
    "desktop.cli.crypto",
    "desktop.cli.programme",
    "desktop.cli.ministry",
    "desktop.cli.report",
    "desktop.cli.reference",
    "desktop.cli.excel",
)


ARGPARSE_WORDS = (  # argparse's own English words: French, Arabic (English stays as argparse writes it)
    ("usage: ", "utilisation : ", "الاستعمال: "),
    ("positional arguments:", "arguments :", "المعطيات:"),
    ("options:", "options :", "الخيارات:"),
    ("show this help message and exit", "afficher cette aide et quitter", "عرض هذه المساعدة ثم الخروج"),
    ("show program's version number and exit", "afficher la version et quitter", "عرض رقم الإصدار ثم الخروج"),
    ("invalid choice:", "choix invalide :", "اختيار غير صالح:"),
    ("choose from", "valeurs possibles :", "القيم الممكنة:"),
    ("the following arguments are required:", "arguments obligatoires manquants :", "معطيات إلزامية ناقصة:"),
    ("unrecognized arguments:", "arguments non reconnus :", "معطيات غير معروفة:"),
    ("expected one argument", "une valeur est attendue", "قيمة واحدة منتظرة"),
    ("invalid int value:", "nombre entier invalide :", "عدد صحيح غير صالح:"),
)


def _words(text: str) -> str:
    """argparse's own English words in the language of ``--lang`` (the help and the errors users read)."""
    column = {"fr": 1, "ar": 2}.get(language())
    if column is None:
        return text
    for words in ARGPARSE_WORDS:
        text = text.replace(words[0], words[column])
    return text


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse in the language of ``--lang`` (French by default)."""

    def format_usage(self) -> str:
        return _words(super().format_usage())

    def format_help(self) -> str:
        return _words(super().format_help())

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        if message.startswith("argument ") and language() == "ar":  # « argument FORMULAIRE: … »
            message = "المعطى " + message.removeprefix("argument ")
        warn(Message("usage.error", prog=self.prog, message=_words(message)))
        raise SystemExit(EXIT_USAGE)


def argv_language(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv``, read before parsing so that usage errors are in that language."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # Accepted before or after the sub-command; SUPPRESS keeps a value given before it.
    common.add_argument("--data-dir", metavar="DOSSIER", default=argparse.SUPPRESS,
                        help="dossier de données (par défaut : KAFAAT_HOME, sinon le dossier de l'utilisateur)")
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help="langue des messages (fr par défaut)")
    parser = FrenchArgumentParser(prog="kafaat", description=tr(Message("help.description")), parents=[common])
    parser.add_argument("--version", action="version", version=f"Kafaat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    from desktop.cli.help_texts import translate_help

    translate_help(parser, language())
    return parser


def reader_gone() -> None:
    """Standard output's reader closed the pipe (``kafaat forms | head``): point the descriptor at the null
    device, so that Python's own flush at exit does not fail on it too (the documented way: Python's
    « Note on SIGPIPE »)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no descriptor (a windowed build): nothing to redirect
        pass


def tolerant_console() -> None:
    """Never fail on a console or a redirection that cannot show a character (cp1252 or cp850 on Windows,
    Arabic labels, « » or an em dash): such a character is written as a ``\\uXXXX`` escape instead of
    raising ``UnicodeEncodeError`` halfway through the output (in JSON output the escape is valid JSON).
    Streams are absent (``None``) in a windowed build."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    tolerant_console()
    set_language(argv_language(list(sys.argv[1:] if argv is None else argv)))
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(getattr(args, "lang", None) or language())
    if not getattr(args, "command", None):
        return open_window(args)
    console_logging()
    logs = command_log(args)
    name = command_name(args)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a reader that stopped early (« | head ») is met here, not at the interpreter's exit
        log.info("%s : terminé (code %d)", name, code)
        return code
    except BrokenPipeError:  # the reader has all it wanted: no message, and nothing more written to the pipe
        reader_gone()
        log.info("%s : lecteur de la sortie parti (tube fermé)", name)
        return 0
    except Refused as exc:
        log_outcome(name, exc, logger=log)
        warn(exc.text)
        for line in exc.details:
            warn(line)
        return exc.exit_code
    except Exception as exc:  # the database or the disk failed under the command: a sentence, not a traceback
        log_outcome(name, exc, logger=log)
        if store_refusal(exc):
            warn(tr(exc))
            return EXIT_REFUSED
        return database_failure(args, exc)
    except KeyboardInterrupt:
        log.info("%s : interrompu", name)
        warn(Message("interrupted"))
        return 130
    finally:
        close_workspaces()
        if logs is not None:
            remove_logging(logs)


def console_logging() -> None:
    """Warnings on stderr (a journal set aside, SQLite's own), as ``logging.basicConfig`` would, except what the
    ``kafaat`` loggers write: that goes to the log file only, the command itself says what the user must read
    (in a sentence). Nothing is changed when logging is already configured (tests, an embedding program)."""
    root = logging.getLogger()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(lambda record: not (record.name == "kafaat" or record.name.startswith("kafaat.")))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)


def command_log(args: argparse.Namespace) -> Path | None:
    """The data folder's ``logs/kafaat.log``, for an initialised data folder that can be written."""
    folder = data_dir(args)
    try:
        if not (folder / "settings.json").is_file():
            return None
    except OSError:  # a path the system refuses (« File name too long »): the command itself says so
        return None
    logs = folder / "logs"
    return logs if setup_logging(logs) is not None else None


def command_name(args: argparse.Namespace) -> str:
    """« kafaat bundle export »: the command's name only, never its arguments (``--json`` holds personal
    data; passphrases are never on the command line)."""
    handler = getattr(args.handler, "__name__", "").removeprefix("cmd_").replace("_", " ")
    command = str(args.command)
    return f"kafaat {handler}" if handler.startswith(command) else f"kafaat {command} {handler}".rstrip()


def store_refusal(exc: BaseException) -> bool:
    """``exc`` is the data folder's own refusal (``forms.store.database.StoreError``) or a bundle's, a key's or
    a receipt's (``sync.errors.SyncError``): a sentence for the user.
    Only a command that loaded that module can raise one: the others (``--help``, ``forms``, ``template``)
    never import it, nor SQLAlchemy behind it."""
    database = sys.modules.get("forms.store.database")
    if database is not None and isinstance(exc, database.StoreError):
        return True
    # a bundle, key or receipt refusal a command did not word itself (``sync.errors.SyncError``): still a sentence
    errors = sys.modules.get("sync.errors")
    return errors is not None and isinstance(exc, errors.SyncError)


def database_failure(args: argparse.Namespace, exc: Exception) -> int:
    """SQLAlchemy, sqlite3 and OS errors met by a command, in French (full disk, busy, read-only folder,
    damaged database: checked now with ``PRAGMA integrity_check``), exit 1; anything else is a bug."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from forms.store.database import DATABASE_FILE, explain

    if not isinstance(exc, sqlite3.Error | DBAPIError | OSError):
        raise exc
    folder = data_dir(args)
    outside = isinstance(exc, OSError) and exc.filename is not None and not _within(Path(exc.filename), folder)
    if outside and exc.errno == errno.ENOSPC:  # the destination's disk (a USB key), not the data folder's
        where = Path(exc.filename)
        warn(Message("output.disk_full", file=where, folder=where.parent))
        return EXIT_REFUSED
    explained = explain(exc, folder / DATABASE_FILE, folder / "backups")
    if explained is not None:
        warn(tr(explained))
    elif isinstance(exc, OSError):  # a file or folder that cannot be read or written: say which
        where = exc.filename if exc.filename is not None else ""
        warn(Message("os.access", file=where, reason=os_reason(exc)))
    else:
        warn(Message("database.failed", file=folder / DATABASE_FILE, reason=getattr(exc, "orig", exc)))
    return EXIT_REFUSED


def _within(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python 3.11's resolve)
        return False


def open_window(args: argparse.Namespace) -> int:
    """No sub-command: the desktop window (imported only now, so that sub-commands never load Qt)."""
    try:
        app_module = importlib.import_module("desktop.app")
    except ModuleNotFoundError:
        build_parser().print_help()
        return 0
    return int(app_module.run(args))
