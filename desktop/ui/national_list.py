"""The national lists: the establishment's list machinery (``ListQuery``, ``RecordsModel``) over the national
store's tables. The same search (the list's text fields), filters (choices, academic years) and sort on
any column, done in SQL with windows of rows; the first column is the establishment instead of the
record's state (a national record is always complete), and an establishment filter is added.

Sorting is written in portable SQL (the national store may be PostgreSQL): the column, then the
establishment and the record id as tie-breakers; without a chosen sort, the primary key's order (its index
gives the first window at once). A sort on another column of a national table has no index behind it: on
a million internships it takes seconds (the count is read off the GUI thread; the sort is not yet).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, literal, select

from desktop.ui.list_query import ListFilter, ListQuery, list_fields
from desktop.ui.records_model import RecordsModel
from sync.ministry.received import received_form
from sync.ministry.tables import record_table


class NationalListQuery(ListQuery):
    """Windows of live national records of one form; rows are ``(id, establishment, 0, 0, *list fields)``."""

    reversible = False  # ``order_by`` below has no reversed form

    def __init__(self, engine: Engine, form_key: str) -> None:
        self.engine = engine
        self.form = received_form(form_key)
        self.table = record_table(form_key)
        self.establishment = ""
        self.fields = list_fields(self.form)
        self.indexed: set[str] = set()
        self.full_text = False  # the national store has no full-text index yet: substring search
        self.only: str | None = None
        """Only this establishment's records (None: all)."""

    def where(self, flt: ListFilter) -> ColumnElement[bool]:
        clause = super().where(ListFilter(search=flt.search, equals=flt.equals))
        if self.only:
            clause = and_(clause, self.table.c.establishment == self.only)
        return clause

    def order_by(self, sort_key: str | None, descending: bool, *, scan: bool = False) -> list[Any]:
        t = self.table
        if not (sort_key and (sort_key == "establishment" or self.form.has_field(sort_key))):
            # no sort chosen: the primary key's order, read from its index (the first window at once)
            return [t.c.establishment.asc(), t.c.id.asc()]
        terms = [t.c[sort_key], t.c.establishment, t.c.id]
        return [c.desc() if descending else c.asc() for c in dict.fromkeys(terms)]

    def select_rows(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False) -> Select:
        t = self.table
        cols = [t.c.id, t.c.establishment, literal(0), literal(0), *(t.c[f.key] for f in self.fields)]
        return select(*cols).where(self.where(flt)).order_by(*self.order_by(sort_key, descending))


class NationalRecordsModel(RecordsModel):
    """Column 0 is the establishment (its code; the name as tooltip)."""

    titles_of = staticmethod(lambda engine, form_key, ids: national_titles(engine, form_key, ids))

    def headerData(self, section: int, orientation: Any, role: int = 0) -> Any:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            from desktop.ui.pages.ministry import words

            return words(self.lang, "Établissement", "المؤسسة", "Establishment")
        return super().headerData(section, orientation, role)

    def status_text(self, row: tuple[Any, ...]) -> str:
        return str(row[1])

    def sort_key_of(self, column: int) -> str:
        return "establishment" if column == 0 else self.fields[column - 1].key



def national_titles(engine: Engine, form_key: str, ids: set[str]) -> dict[str, str]:
    """Record id → title (``form.title``) in the national table of ``form_key``."""
    form, table = received_form(form_key), record_table(form_key)
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(table).where(table.c.id.in_(list(ids)))).mappings():
            values = {k: row[k] for k in form.field_keys}
            out[row["id"]] = form.title(values).strip(" —") or row["id"]
    return out
