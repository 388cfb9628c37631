"""The ``kafaat`` command line (see ``shared/brief/cli.md`` for the contract).

Sub-commands never import Qt: they must start fast and run on machines with no screen. Each group of
sub-commands lives in its own module exposing ``register(subparsers, parent)``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from desktop.cli.common import EXIT_REFUSED, EXIT_USAGE, Refused, close_workspaces, data_dir, warn
from forms.i18n import LANGUAGES
from forms.store.database import DATABASE_FILE, StoreError, explain
from forms.version import __version__

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


ARGPARSE_FRENCH = (
    ("usage: ", "utilisation : "),
    ("positional arguments:", "arguments :"),
    ("options:", "options :"),
    ("show this help message and exit", "afficher cette aide et quitter"),
    ("show program's version number and exit", "afficher la version et quitter"),
    ("invalid choice:", "choix invalide :"),
    ("choose from", "valeurs possibles :"),
    ("the following arguments are required:", "arguments obligatoires manquants :"),
    ("unrecognized arguments:", "arguments non reconnus :"),
    ("expected one argument", "une valeur est attendue"),
)


def _french(text: str) -> str:
    """argparse's own English words, in French (the help and the errors users read)."""
    for english, french in ARGPARSE_FRENCH:
        text = text.replace(english, french)
    return text


class FrenchArgumentParser(argparse.ArgumentParser):
    def format_usage(self) -> str:
        return _french(super().format_usage())

    def format_help(self) -> str:
        return _french(super().format_help())

    def error(self, message: str) -> None:  # type: ignore[override]
        message = _french(message)
        self.print_usage(sys.stderr)
        warn(f"{self.prog} : erreur d'utilisation : {message}")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # Accepted before or after the sub-command; SUPPRESS keeps a value given before it.
    common.add_argument("--data-dir", metavar="DOSSIER", default=argparse.SUPPRESS,
                        help="dossier de données (par défaut : KAFAAT_HOME, sinon le dossier de l'utilisateur)")
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help="langue des messages (fr par défaut)")
    parser = FrenchArgumentParser(
        prog="kafaat",
        description="Kafaat : saisie hors ligne, export chiffré et consolidation des indicateurs du programme.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"Kafaat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


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
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        return open_window(args)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.handler(args) or 0)
    except Refused as exc:
        warn(exc.message)
        for line in exc.details:
            warn(line)
        return EXIT_REFUSED
    except StoreError as exc:
        warn(str(exc))
        return EXIT_REFUSED
    except Exception as exc:  # the database or the disk failed under the command: a sentence, not a traceback
        return database_failure(args, exc)
    except KeyboardInterrupt:
        warn("interrompu : rien n'a été modifié par l'opération en cours")
        return 130
    finally:
        close_workspaces()


def database_failure(args: argparse.Namespace, exc: Exception) -> int:
    """SQLAlchemy, sqlite3 and OS errors met by a command, in French (full disk, busy, read-only folder,
    damaged database: checked now with ``PRAGMA integrity_check``), exit 1; anything else is a bug."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, sqlite3.Error | DBAPIError | OSError):
        raise exc
    folder = data_dir(args)
    explained = explain(exc, folder / DATABASE_FILE, folder / "backups")
    if explained is not None:
        warn(str(explained))
    elif isinstance(exc, OSError):  # a file or folder that cannot be read or written: say which
        where = exc.filename if exc.filename is not None else ""
        warn(f"{where} : accès au fichier impossible ({exc.strerror or exc})")
    else:
        warn(f"erreur de la base de données {folder / DATABASE_FILE} ({getattr(exc, 'orig', exc)}) : "
             "l'opération a été annulée, rien n'a été enregistré")
    return EXIT_REFUSED


def open_window(args: argparse.Namespace) -> int:
    """No sub-command: the desktop window (imported only now, so that sub-commands never load Qt)."""
    try:
        app_module = importlib.import_module("desktop.app")
    except ModuleNotFoundError:
        build_parser().print_help()
        return 0
    return int(app_module.run(args))
