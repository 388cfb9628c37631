"""The national extract: consolidated records with their establishment's code and name, as JSON objects
(``kafaat ministry records``) or as a workbook with the same columns as an establishment's export
(``kafaat ministry export-xlsx``, via ``forms.excel.columns``), preceded by the establishment's code and
name. Links are written by the linked record's natural key (an offering's code…), as at the establishment.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, not_, select

from forms.atomic import atomic_output
from forms.definitions import FORMS
from forms.excel.columns import CONTROL_CHARS, DATE_FORMAT, FORMULA_PREFIXES, ID_KEY, cell_value, form_columns
from forms.i18n import Text
from forms.messages import Message
from forms.reference import reference
from forms.schema import Field, FieldType
from forms.tasks import TaskState, step
from sync.errors import SyncError
from sync.ministry.received import received_form
from sync.ministry.store import national_store
from sync.ministry.tables import never_held, record_table

ESTABLISHMENT_CODE = Text("Code établissement", "رمز المؤسسة", "Establishment code")
ESTABLISHMENT_NAME = Text("Établissement", "المؤسسة", "Establishment")
SYSTEM_OUT = ("establishment", "id", "version", "change_seq", "created_at", "updated_at", "deleted",
              "bundle_sequence")


def _check_form(form_key: str) -> None:
    if form_key not in FORMS:
        raise SyncError(Message("extract.unknown_form", form=form_key[:40], forms=list(FORMS)))


def establishment_name(code: str, lang: str = "fr") -> str:
    return reference("establishments").label(code, lang) if reference("establishments").get(code) else code


def json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def iter_records(workspace: Any, form_key: str, establishment: str | None = None, *, deleted: bool = False,
                 conn: Connection | None = None) -> Iterator[dict[str, Any]]:
    """The consolidated records of a form (live ones; with ``deleted``, the records held then deleted too, not
    the deletions of records the store never held: ``tables.never_held``), by establishment then id, each in the shape of ``kafaat records list --json`` (``id``, ``status``, ``version``,
    ``updated_at``, one member per field) plus ``establishment``, ``establishment_name``, ``deleted``,
    ``change_seq``, ``created_at`` and ``bundle_sequence``."""
    _check_form(form_key)
    form, table = received_form(form_key), record_table(form_key)
    stmt = select(table).order_by(table.c.establishment, table.c.id)
    if establishment:
        stmt = stmt.where(table.c.establishment == establishment)
    stmt = stmt.where(not_(never_held(table)) if deleted else table.c.deleted.is_(False))
    own = conn is None
    connection = national_store(workspace).read() if own else conn
    try:
        names: dict[str, str] = {}
        for row in connection.execute(stmt).mappings():
            code = row["establishment"]
            if code not in names:
                names[code] = establishment_name(code)
            out: dict[str, Any] = {k: row[k] for k in SYSTEM_OUT}
            out["establishment_name"] = names[code]
            out["status"] = "complete"
            for k in form.field_keys:
                out[k] = json_value(row[k])
            yield out
    finally:
        if own:
            connection.close()


class NationalLinkNames:
    """A linked record's natural key as people write it, looked up in the national store."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._names: dict[str, dict[tuple[str, str], str]] = {}
        self.establishment = ""

    def _load(self, form_key: str) -> dict[tuple[str, str], str]:
        if form_key not in self._names:
            form, table = received_form(form_key), record_table(form_key)
            parts = [k for k in form.natural_key if form.field(k).type is not FieldType.LINK]
            names = {}
            for row in self.conn.execute(select(table.c.establishment, table.c.id, *(table.c[k] for k in parts))):
                names[(row[0], row[1])] = " / ".join(
                    v.strftime("%d/%m/%Y") if isinstance(v, date) else str(v) for v in row[2:] if v is not None)
            self._names[form_key] = names
        return self._names[form_key]

    def name(self, field: Field, record_id: str) -> str:
        return self._load(field.link or "").get((self.establishment, record_id), record_id)


def export_xlsx(workspace: Any, form_key: str, path: Path, establishment: str | None = None, lang: str = "fr",
                state: TaskState | None = None) -> int:
    """Write the consolidated records of ``form_key`` to ``path``; returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill

    _check_form(form_key)
    form = received_form(form_key)
    columns = form_columns(form, with_status=False, with_id=True)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(FORMS[form_key].plural.get(lang)[:31])
    ws.freeze_panes = "C2"

    def cell(value: Any, number_format: str | None = None) -> Any:
        if isinstance(value, str) and CONTROL_CHARS.search(value):
            value = CONTROL_CHARS.sub("\ufffd", value)
        c = WriteOnlyCell(ws, value=value)
        if isinstance(value, str) and value.startswith((*FORMULA_PREFIXES, "#")):
            c.data_type = "s"
        if number_format:
            c.number_format = number_format
        return c

    header = []
    for text in (f"{ESTABLISHMENT_CODE.get(lang)} [establishment]", f"{ESTABLISHMENT_NAME.get(lang)} [establishment_name]",
                 *(c.header(lang) for c in columns)):
        c = cell(text)
        c.font, c.fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
        header.append(c)
    ws.append(header)
    count = 0
    with national_store(workspace).read() as conn:
        links = NationalLinkNames(conn)
        for record in iter_records(workspace, form_key, establishment, conn=conn):
            links.establishment = record["establishment"]
            values = record
            row: list[Any] = [record["establishment"], record["establishment_name"]]
            for column in columns:
                if column.key == ID_KEY:
                    row.append(record["id"])
                    continue
                f = column.field
                value = values.get(column.key)
                if f is None or value is None:
                    row.append(None)
                    continue
                if f.type is FieldType.DATE:
                    row.append(cell(date.fromisoformat(value), DATE_FORMAT))
                    continue
                if f.type is FieldType.MULTI_CHOICE:
                    value = tuple(value)
                shown = cell_value(f, value, lang, links)  # type: ignore[arg-type]
                row.append(cell(shown) if isinstance(shown, str) else shown)
            ws.append(row)
            count += 1
            if count % 2000 == 0:
                step(state, count, 0, Message("progress.exporting"))
    with atomic_output(path) as partial:  # a full or read-only medium leaves no half-written file
        wb.save(partial)
    step(state, count, count, Message("progress.exported"))
    return count
