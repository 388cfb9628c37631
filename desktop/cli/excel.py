"""``kafaat template``, ``kafaat import`` and ``kafaat export-xlsx``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.cli.common import ESTABLISHMENT, fail, open_workspace, output_file, say, warn
from desktop.cli.help_texts import import_rules
from forms.definitions import FORMS
from forms.i18n import normalise_lang
from forms.messages import Message

MAX_LINES = 1000
"""Messages printed on stderr; the error report holds every one."""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("template", parents=[common], help="écrire le modèle Excel d'un formulaire")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("out", metavar="SORTIE.xlsx")
    p.set_defaults(handler=cmd_template)

    p = sub.add_parser("import", parents=[common],
                       help="importer un fichier .xlsx ou .csv (tout ou rien, rapport d'erreurs par ligne)",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog=import_rules("fr"))
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("file", metavar="FICHIER")
    p.add_argument("--dry-run", action="store_true", help="tout vérifier sans rien enregistrer")
    p.add_argument("--errors", metavar="RAPPORT.xlsx",
                   help="écrire le rapport d'erreurs (lignes d'origine, colonne « Problèmes », cellules en couleur)")
    p.add_argument("--map", action="append", default=[], metavar="COLONNE=CHAMP",
                   help="corriger la correspondance : lettre de colonne ou en-tête = clé du champ (CHAMP vide : "
                        "ignorer la colonne), par ex. --map \"N° Massar=student_code\" ; répétable")
    p.add_argument("--operator", metavar="NOM", help="nom de la personne qui importe")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export-xlsx", parents=[common], help="exporter les enregistrements d'un formulaire vers Excel")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("out", metavar="SORTIE.xlsx")
    p.add_argument("--status", choices=("draft", "complete"), help="seulement les brouillons ou les complets")
    p.set_defaults(handler=cmd_export)


def _xlsx_path(value: str) -> Path:
    path = Path(value).expanduser()
    if path.suffix.lower() != ".xlsx":
        fail(Message("xlsx.extension", file=path.name))
    return path


def cmd_template(args: argparse.Namespace) -> int:
    from forms.excel import write_template

    path = _xlsx_path(args.out)
    with output_file(path) as partial:  # a full or read-only medium: a sentence, no half-written template
        write_template(args.form, partial, normalise_lang(getattr(args, "lang", None)))
    say(Message("template.written", form=FORMS[args.form].label, file=path))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from forms.excel import export_records

    path = _xlsx_path(args.out)
    store = open_workspace(args, ESTABLISHMENT).records()
    with output_file(path) as tmp:
        n = export_records(store, args.form, tmp, normalise_lang(getattr(args, "lang", None)), status=args.status)
    say(Message("records.exported", n=n, file=path))
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links (RuntimeError before Python 3.13): read says so
        return False


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.cli.common import Refused
    from forms.excel import run_import, write_error_report

    lang = normalise_lang(getattr(args, "lang", None))
    report = _xlsx_path(args.errors) if args.errors else None
    store = open_workspace(args, ESTABLISHMENT).records(args.operator)
    path = Path(args.file).expanduser()
    if report is not None and _same_file(report, path):
        fail(Message("import.report_overwrites", file=report.name))
    overrides: dict[str, str] = {}
    for item in args.map:
        name, sep, key = item.partition("=")
        key = key.strip()
        if not sep or not name.strip():
            fail(Message("import.map_syntax", item=item))
        if key and key not in FORMS[args.form].field_keys and key not in ("status", "id"):
            fail(Message("import.map_field", item=item, key=key, form=args.form))
        overrides[name.strip()] = key
    plan = run_import(store, args.form, path, dry_run=args.dry_run, lang=lang, overrides=overrides)
    for note in plan.notes:
        warn(Message("file.named", file=path.name, message=note))
    lines = plan.lines(lang)
    for line in lines[:MAX_LINES]:
        warn(line)
    if len(lines) > MAX_LINES:
        warn(Message("import.more_lines" if report else "import.more_lines_hint", n=len(lines) - MAX_LINES))
    if report is not None and plan.problems:
        try:  # written beside, renamed when complete; a report that cannot be written leaves the import's outcome
            with output_file(report) as tmp:
                write_error_report(plan, tmp)
        except Refused as exc:
            warn(exc.text)
        else:
            warn(Message("import.report_written", file=report))
    if not plan.ok:
        rows = plan.refused_rows
        fail(Message("import.refused_rows", file=path.name, problems=Message("count.problems", n=len(plan.errors)),
                     rows=Message("import.on_rows", n=rows) if rows else "",
                     hint="" if report is not None or plan.file_refused else Message("import.errors_hint")))
    summary = plan.summary(lang)
    say(Message("import.checked" if args.dry_run else "import.done", summary=summary))
    sys.stdout.flush()
    return 0
