"""``kafaat ministry report OUT.xlsx [--year 2025-2026] [--lang fr|ar|en]``: the steering committee's indicators
workbook (``sync.ministry.report``). Registered under ``kafaat ministry`` (whose parser
``desktop.cli.ministry`` builds) so that each group of commands keeps its own module."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import EXIT_OK, MINISTRY, language, open_workspace, say, shown
from desktop.cli.crypto import refusing
from forms.messages import Localizable, Message, localized


def _ministry_actions(sub: argparse._SubParsersAction) -> argparse._SubParsersAction:
    parser = sub.choices["ministry"]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise AssertionError("kafaat ministry has no sub-commands")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    ms = _ministry_actions(sub)
    p = ms.add_parser("report", parents=[common],
                      help="le classeur d'indicateurs du comité de suivi (Excel) ; --lang : sa langue")
    p.add_argument("out", metavar="SORTIE.xlsx")
    p.add_argument("--year", metavar="AAAA-AAAA",
                   help="année universitaire (par défaut : la plus récente pour laquelle il y a des données)")
    p.set_defaults(handler=cmd_report)


@refusing
def cmd_report(args: argparse.Namespace) -> int:
    from forms.tasks import TaskState
    from sync.ministry.report import write_report

    workspace = open_workspace(args, MINISTRY)
    show = sys.stderr.isatty()

    def progress(done: int, total: int, text: Localizable) -> None:
        if show:
            print(f"\r{done}/{total} {shown(localized(text, language())[:60]):<60}", end="", file=sys.stderr, flush=True)

    result = write_report(workspace, Path(args.out), year=args.year, lang=getattr(args, "lang", None) or "fr",
                          state=TaskState(progress))
    if show:
        print(file=sys.stderr)
    say(Message("report.written", file=result.path, sheets=Message("report.sheets", n=len(result.sheets)),
                year=result.year, covered=Message("count.establishments", n=result.covered),
                expected=result.expected))
    return EXIT_OK
