"""The SQL behind the window's lists (no Qt here): filter, search and sort done by SQLite, windows of rows
fetched with LIMIT/OFFSET, so that a list over 1 000 000 records shows its first screen at once.

Columns and filters are derived from the form declaration: the list columns are the fields with
``list_column=True``; the filters are the list columns that hold a reference or an inline choice, the
academic-year identifiers and the links.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, false, func, literal, or_, select, text

from forms.definitions import ACADEMIC_YEAR_PATTERN, FORMS
from forms.schema import Field, FieldType, Form, LinkCondition
from forms.store.columns import MULTI_SEPARATOR
from forms.store.records import COMPLETE, DRAFT, Record
from forms.store.search import has_search_index, matching
from forms.store.tables import record_table

WARNINGS = "warnings"
ERRORS = "errors"
SEARCHABLE = (FieldType.TEXT, FieldType.IDENTIFIER, FieldType.EMAIL)
SYSTEM_SORTS = ("status", "updated_at")
PAGE_SIZE = 200


def list_fields(form: Form) -> tuple[Field, ...]:
    return tuple(f for f in form.fields if f.list_column)


def filter_fields(form: Form) -> tuple[Field, ...]:
    """Fields offered as filters above a list (choices, academic years, links), in declaration order."""
    def offered(f: Field) -> bool:
        if f.type is FieldType.LINK:
            return True
        if f.type is FieldType.IDENTIFIER:
            return f.pattern == ACADEMIC_YEAR_PATTERN
        return f.list_column and f.type in (FieldType.CHOICE, FieldType.MULTI_CHOICE)

    return tuple(f for f in form.fields if offered(f))


@dataclass
class ListFilter:
    search: str = ""
    status: str | None = None
    """``draft`` or ``complete``; ``None`` for both."""
    quality: str | None = None
    """``warnings`` (records with open warnings) or ``errors`` (drafts with open errors)."""
    equals: dict[str, str] = field(default_factory=dict)
    """Field key → code (choice), value (academic year) or id (link)."""


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ListQuery:
    """Windows of live records of one form, filtered and sorted in SQL."""

    reversible = True
    """Whether ``fetch(reverse=True)`` reads the list from its end (``order_by`` can flip every term)."""

    full_text = False
    """Whether the database has the form's full-text index (set in ``__init__``; a store without it, such as
    the ministry's national store, keeps the substring search)."""

    def __init__(self, engine: Engine, form_key: str, establishment: str) -> None:
        self.engine = engine
        self.form: Form = FORMS[form_key]
        self.table = record_table(form_key)
        self.establishment = establishment
        self.fields = list_fields(self.form)
        self.indexed = {next(iter(index.columns)).name for index in self.table.indexes
                        if index.dialect_options["sqlite"].get("where") is None}
        """Columns that lead a full index (a sort on them is read from the index; a partial index, such as
        the live drafts', serves only the queries whose conditions include its own)."""
        self.full_text = has_search_index(engine, form_key)

    # ------------------------------------------------------------------------------------- building
    def where(self, flt: ListFilter) -> ColumnElement[bool]:
        t = self.table
        # ``deleted = 0`` (not ``IS 0``) so that the partial natural-key indexes apply. No condition on the
        # establishment: a local store holds one establishment, and an equality on it would lure SQLite
        # into the natural-key index instead of the index of the sort column.
        clauses: list[ColumnElement[bool]] = [t.c.deleted == false()]
        if flt.status in (DRAFT, COMPLETE):
            # The status written into the SQL (it is one of our two constants, never user text) so that
            # SQLite can use the partial index of live drafts (migration 0004).
            clauses.append(t.c.status == literal(flt.status, literal_execute=True))
        if flt.quality == WARNINGS:
            clauses.append(t.c.warning_count > 0)
        elif flt.quality == ERRORS:
            clauses.append(t.c.error_count > 0)
        for key, value in flt.equals.items():
            if value in (None, ""):
                continue
            f = self.form.field(key)
            column = t.c[key]
            if f.type is FieldType.MULTI_CHOICE:
                wrapped = literal(MULTI_SEPARATOR) + column + literal(MULTI_SEPARATOR)
                clauses.append(wrapped.like(f"%{MULTI_SEPARATOR}{_like_escape(value)}{MULTI_SEPARATOR}%",
                                            escape="\\"))
            else:
                clauses.append(column == value)
        term = " ".join(flt.search.split())
        if term and self.full_text:
            # the full-text index (migration 0005): every word, as a word's beginning, accents folded
            found = matching(t, term)
            if found is not None:  # punctuation alone searches nothing: the list stays as it is
                clauses.append(found)
        elif term:  # a database without the index (never migrated past 0004): the old substring search
            pattern = f"%{_like_escape(term)}%"
            searchable = [t.c[f.key] for f in self.fields if f.type in SEARCHABLE]
            if searchable:
                clauses.append(or_(*(c.like(pattern, escape="\\") for c in searchable)))
        return and_(*clauses)

    def order_by(self, sort_key: str | None, descending: bool, *, scan: bool = False,
                 reverse: bool = False) -> list[Any]:
        """ORDER BY terms that SQLite reads straight from an index, so ``LIMIT`` stops after one window.

        * Sorting by the first field of the natural key follows the unique natural-key index
          ``(establishment, *natural_key)`` (unique among live rows: no tie-breaker needed).
        * Otherwise ``col, rowid``: SQLite keeps the rowid in every index, so an index on ``col`` serves.
        * ``scan=True`` (a search term is present) writes ``+col``, which keeps SQLite from walking the
          sort index row by row: for a selective search a scan feeding a top-N sorter is much faster.
        * ``reverse=True``: every term flipped, the same list read from its end (a page near the end of a
          long list is then read with a small ``OFFSET``). The orders are total (rowid or the unique natural
          key breaks ties; SQLite puts NULL first ascending and last descending), so the reversed order is
          exactly the list backwards.
        """
        t = self.table
        if sort_key and (sort_key in SYSTEM_SORTS or self.form.has_field(sort_key)):
            column = t.c[sort_key]
        else:
            column, descending = t.c.updated_at, True
        if reverse:
            descending = not descending
        direction = "DESC" if descending else "ASC"
        if scan:
            return [text(f'+"{t.name}"."{column.name}" {direction}'), text(f"rowid {direction}")]
        if self.form.natural_key and column.name == self.form.natural_key[0]:
            keys = [t.c.establishment, *(t.c[k] for k in self.form.natural_key)]
            # rowid last: drafts may leave the key empty (NULLs are not unique); read from the same index
            return [*(k.desc() if descending else k.asc() for k in keys), text(f"rowid {direction}")]
        if column.name in self.indexed:
            return [column.desc() if descending else column.asc(), text(f"rowid {direction}")]
        # no index: a scan in rowid order feeds SQLite's top-N sorter, which is fastest (3x here) when
        # the tie-breaker follows the scan's own order
        return [column.desc() if descending else column.asc(), text("rowid DESC" if reverse else "rowid ASC")]

    def select_rows(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False, *,
                    reverse: bool = False) -> Select:
        t = self.table
        cols = [t.c.id, t.c.status, t.c.error_count, t.c.warning_count, *(t.c[f.key] for f in self.fields)]
        order = self.order_by(sort_key, descending, scan=bool(flt.search.strip()), reverse=reverse)
        return select(*cols).where(self.where(flt)).order_by(*order)

    # -------------------------------------------------------------------------------------- reading
    def fetch(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False, *,
              offset: int = 0, limit: int = PAGE_SIZE, reverse: bool = False) -> list[tuple[Any, ...]]:
        """One window of rows: ``(id, status, error_count, warning_count, *list column values)``;
        ``reverse=True`` (when ``reversible``): the window ``offset`` rows from the end, last row first."""
        stmt = (self.select_rows(flt, sort_key, descending, reverse=True) if reverse
                else self.select_rows(flt, sort_key, descending)).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(stmt)]

    def count(self, flt: ListFilter) -> int:
        stmt = select(func.count()).select_from(self.table).where(self.where(flt))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def records(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False,
                conn: Any = None) -> Iterator[Record]:
        """Every matching record, in list order, streamed (the export of « what I see »)."""
        order = self.order_by(sort_key, descending, scan=bool(flt.search.strip()))
        stmt = select(self.table).where(self.where(flt)).order_by(*order)
        if conn is None:
            with self.engine.connect() as own:
                yield from self.records(flt, sort_key, descending, own)
            return
        for row in conn.execution_options(yield_per=1000).execute(stmt).mappings():
            yield Record.from_row(self.form, row)

    def distinct_values(self, key: str, limit: int = 200) -> list[str]:
        column = self.table.c[key]
        stmt = (select(column).where(self.table.c.deleted.is_(False), column.is_not(None)).distinct()
                .order_by(column.desc()).limit(limit))
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(stmt)]


def link_titles(engine: Engine, form_key: str, ids: Iterable[str] | None = None,
                where: Iterable[ColumnElement[bool]] = ()) -> dict[str, str]:
    """Id → the linked record's title (``form.title``), for link columns and link pickers.

    ``ids=None``: every live record of the form meeting ``where`` (pickers)."""
    form, table = FORMS[form_key], record_table(form_key)
    stmt = select(table)
    if ids is None:
        stmt = stmt.where(table.c.deleted.is_(False), *where)
    else:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        stmt = stmt.where(table.c.id.in_(wanted))
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for row in conn.execute(stmt).mappings():
            out[row["id"]] = row_title(form, row)
    return out


def row_title(form: Form, row: Any) -> str:
    """A record row's title (``form.title``), its id when the title fields are empty."""
    values = {k: row[k] for k in form.field_keys}
    title = form.title(values).strip(" —")
    return title or row["id"]


def key_titles(engine: Engine, form_key: str, where: Iterable[ColumnElement[bool]] = ()) -> dict[str, str]:
    """Live records of a form that belongs to another (its natural key holds a link) → its natural key as
    people read it, the linked record's own key first: « MS-CYBER · 2025-2026 · 2 » for a cohort,
    « FC-IA · FC-IA-2025-1 » for a continuing-education session."""
    form, table = FORMS[form_key], record_table(form_key)
    stmt = select(table.c.id, *(table.c[k] for k in form.natural_key)).where(table.c.deleted.is_(False), *where)
    parents = {k: _key_names(engine, form.field(k).link or "") for k in form.natural_key
               if form.field(k).type is FieldType.LINK}
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for row in conn.execute(stmt):
            parts = []
            for k, value in zip(form.natural_key, row[1:], strict=True):
                if k in parents:
                    parts.append(parents[k].get(value, "?") if value else "?")
                else:
                    parts.append("?" if value is None else value.strftime("%d/%m/%Y") if isinstance(value, date)
                                 else str(value))
            out[row[0]] = " · ".join(parts)
    return out


def link_codes(engine: Engine, form_key: str) -> dict[str, str]:
    """Live records → their natural key alone (« MS-CYBER »), for the records that name them."""
    form, table = FORMS[form_key], record_table(form_key)
    stmt = select(table.c.id, *(table.c[k] for k in form.natural_key)).where(table.c.deleted.is_(False))
    with engine.connect() as conn:
        return {row[0]: " · ".join(str(v) for v in row[1:] if v is not None) or row[0] for row in conn.execute(stmt)}


def _key_names(engine: Engine, form_key: str) -> dict[str, str]:
    return key_titles(engine, form_key) if _belongs(FORMS[form_key]) else link_codes(engine, form_key)


def _belongs(form: Form) -> bool:
    """Whether the form's records belong to another's (a link in its natural key)."""
    return any(form.field(k).type is FieldType.LINK for k in form.natural_key)


def picker_items(engine: Engine, form_key: str, conditions: Iterable[LinkCondition] = (),
                 values: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """(id, title) of the live records a link to ``form_key`` may name, sorted by title: only those meeting the
    link field's declared ``conditions`` (a type among codes; the same offering as ``values`` names, when it
    names one). Records that belong to another read as their key path (``key_titles``), others as their title."""
    table = record_table(form_key)
    where: list[ColumnElement[bool]] = []
    for condition in conditions:
        column = table.c[condition.field]
        if condition.codes:
            if FORMS[form_key].field(condition.field).type is FieldType.MULTI_CHOICE:
                wrapped = literal(MULTI_SEPARATOR) + column + literal(MULTI_SEPARATOR)
                where.append(or_(*(wrapped.like(f"%{MULTI_SEPARATOR}{_like_escape(c)}{MULTI_SEPARATOR}%",
                                                escape="\\") for c in condition.codes)))
            else:
                where.append(column.in_(condition.codes))
        elif condition.same_as and values and isinstance(values.get(condition.same_as), str):
            where.append(column == values[condition.same_as])
    if _belongs(FORMS[form_key]):
        titles = key_titles(engine, form_key, where)
    else:
        titles = link_titles(engine, form_key, where=where)
    return sorted(titles.items(), key=lambda item: item[1].casefold())
