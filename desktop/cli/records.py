"""``kafaat records list / add / delete``."""

from __future__ import annotations

import argparse

from desktop.cli.common import (
    COMPLETE,
    DRAFT,
    ESTABLISHMENT,
    STATUSES,
    fail,
    open_workspace,
    print_json,
    read_json_argument,
    say,
    warn,
)
from forms.definitions import FORMS
from forms.i18n import normalise_lang
from forms.messages import Message


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    records = sub.add_parser("records", parents=[common], help="lister, ajouter, supprimer des enregistrements")
    rsub = records.add_subparsers(dest="records_command", metavar="ACTION", required=True,
                                  parser_class=type(records))
    p = rsub.add_parser("list", parents=[common], help="lister les enregistrements d'un formulaire")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--deleted", action="store_true", help="inclure les enregistrements supprimés")
    p.set_defaults(handler=cmd_list)

    p = rsub.add_parser("add", parents=[common], help="valider et enregistrer un enregistrement")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("--json", required=True, metavar="TEXTE_OU_@FICHIER", dest="payload",
                   help="l'enregistrement en JSON, ou @fichier.json (avec « id » pour modifier)")
    p.add_argument("--draft", action="store_true", help="enregistrer comme brouillon (peut être incomplet)")
    p.add_argument("--operator", metavar="NOM", help="nom de la personne qui saisit")
    p.set_defaults(handler=cmd_add)

    p = rsub.add_parser("delete", parents=[common], help="supprimer un enregistrement (pierre tombale)")
    p.add_argument("form", choices=list(FORMS), metavar="FORMULAIRE", help=" | ".join(FORMS))
    p.add_argument("ids", nargs="+", metavar="UUID")
    p.add_argument("--operator", metavar="NOM")
    p.set_defaults(handler=cmd_delete)


def cmd_list(args: argparse.Namespace) -> int:
    from sync.refusals import open_refusals

    workspace = open_workspace(args, ESTABLISHMENT)
    store = workspace.records()
    records = store.list(args.form, status=args.status, include_deleted=args.deleted)
    refused = open_refusals(workspace).get(args.form, {})
    if args.json:
        print_json([{**r.to_json(), "refused_by": [x.to_json() for x in refused.get(r.id, [])]} for r in records])
        return 0
    form = FORMS[args.form]
    lang = normalise_lang(getattr(args, "lang", None))
    if not records:
        say(Message("records.none", form=form.plural))
        return 0
    for r in records:
        status = Message("record.draft" if r.status == DRAFT else "record.complete").get(lang)
        flags = Message("record.deleted").get(lang) if r.deleted else ""
        flags += f" ⚠{r.warning_count}" if r.warning_count else ""
        for refusal in refused.get(r.id, []):
            flags += Message("record.refused_by", ministry=refusal.ministry, sequence=refusal.sequence,
                             reasons=" ; ".join(refusal.reasons) or Message("record.no_reason")).get(lang)
        say(f"{r.id}  {status:<9}  v{r.version:<3} {form.title(r.values)}{flags}")
    say(Message("records.count", n=len(records)))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from forms.store.records import ValidationFailed

    payload = read_json_argument(args.payload)
    if not isinstance(payload, dict):
        fail(Message("records.json_object"))
    store = open_workspace(args, ESTABLISHMENT).records(args.operator)
    lang = normalise_lang(getattr(args, "lang", None))
    status = DRAFT if args.draft else str(payload.get("status") or COMPLETE)
    if status not in STATUSES:
        fail(Message("records.bad_status", status=status))
    version = payload.get("version")
    record_id = payload.get("id")
    if record_id is not None and not isinstance(record_id, str):
        fail(Message("records.bad_id", id=str(record_id)[:40]))
    if record_id is not None:
        record_id = record_id.strip().lower()  # as ``records delete`` reads it; UUIDs are stored lower-case
    try:
        record, remaining = store.save(args.form, payload, status=status, record_id=record_id,
                                       expected_version=version if isinstance(version, int) else None)
    except ValidationFailed as exc:
        form = FORMS[args.form]
        fail(Message("record.refused", form=form.label, problems=Message("count.problems", n=len(exc.issues))),
             [i.render(lang) for i in exc.issues])
    for found in remaining:
        key = "record.warning" if found.severity == "warning" else "record.draft_error"
        warn(Message(key, issue=found.render(lang)))
    say(record.id)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    store = open_workspace(args, ESTABLISHMENT).records(args.operator)
    n = store.delete(args.form, [i.lower() for i in args.ids])
    say(Message("records.deleted", n=n))
    return 0
