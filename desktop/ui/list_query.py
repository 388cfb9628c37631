"""The SQL behind the window's lists (no Qt here): filter, search and sort done by SQLite, windows of rows
fetched with LIMIT/OFFSET, so that a list over 1 000 000 records shows its first screen at once.

Columns and filters are derived from the form declaration: the list columns are the fields with
``list_column=True``; the filters are the list columns that hold a reference or an inline choice, the
academic-year identifiers and the links.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, and_, false, func, literal, or_, select, text
from sqlalchemy.exc import OperationalError

from forms.definitions import ACADEMIC_YEAR_PATTERN, FORMS
from forms.schema import Field, FieldType, Form, LinkCondition
from forms.store.columns import MULTI_SEPARATOR
from forms.store.records import COMPLETE, DRAFT, Record
from forms.store.search import fts_query, has_search_index, matching, search_table
from forms.store.tables import record_table
from forms.tasks import Cancelled

WARNINGS = "warnings"
ERRORS = "errors"
SEARCHABLE = (FieldType.TEXT, FieldType.IDENTIFIER, FieldType.EMAIL)
SYSTEM_SORTS = ("status", "updated_at")
PAGE_SIZE = 200
PROBE_MIN = 1000
PROBE_SHARE = 0.5
WALK_STEPS_PER_ROW = 2
PROGRESS_STEPS = 1000
"""SQLite steps (virtual machine instructions) between two looks at a read's budget and cancellation."""


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

    index_columns: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    """Column → the columns of the full index it leads (the shortest when several do): a sort on it is read
    from that index, in the order of all its columns then rowid. A partial index, such as the live drafts',
    serves only the queries whose conditions include its own, and is not listed."""
    indexed: set[str] = set()

    def __init__(self, engine: Engine, form_key: str, establishment: str) -> None:
        self.engine = engine
        self.form: Form = FORMS[form_key]
        self.table = record_table(form_key)
        self.establishment = establishment
        self.fields = list_fields(self.form)
        self.index_columns = {}
        for index in sorted(self.table.indexes, key=lambda i: (len(i.columns), i.name or "")):
            if index.dialect_options["sqlite"].get("where") is None:
                columns = tuple(c.name for c in index.columns)
                self.index_columns.setdefault(columns[0], columns)
        self.indexed = set(self.index_columns)
        self.full_text = has_search_index(engine, form_key)

    # ------------------------------------------------------------------------------------- building
    def where(self, flt: ListFilter, *, order: tuple[str, ...] | None = None,
              walk: bool = False) -> ColumnElement[bool]:
        """The list's conditions. ``order``: the columns of the list's order when it is read from an index
        (``order_keys``), so that an equality on a code with an index of its own that does not serve this order
        (« outcome = … » while sorted by name) is kept from luring SQLite into reading a third of the table
        through that index and sorting it. ``walk=True``: the search is a condition checked on each row of
        that walk rather than the rows the walk starts from (frequent terms, see ``fetch``)."""
        t = self.table
        # ``deleted = 0`` (not ``IS 0``) so that the partial natural-key indexes apply. No condition on the
        # establishment: a local store holds one establishment, and an equality on it would lure SQLite
        # into the natural-key index instead of the index of the sort column.
        clauses: list[ColumnElement[bool]] = [t.c.deleted == false()]
        if flt.status in (DRAFT, COMPLETE):
            # The status written into the SQL (it is one of our two constants, never user text) so that
            # SQLite can use the partial index of live drafts (migration 0004).
            value = literal(flt.status, literal_execute=True)
            if flt.status == COMPLETE and self._lures("status", order):
                clauses.append(text(f'+"{t.name}".status = \'{COMPLETE}\''))
            else:
                clauses.append(t.c.status == value)
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
            elif f.type is FieldType.CHOICE and self._lures(key, order):
                clauses.append(text(f'+"{t.name}"."{key}" = :eq_{key}').bindparams(**{f"eq_{key}": value}))
            else:
                clauses.append(column == value)
        term = " ".join(flt.search.split())
        if term and self.full_text:
            # the full-text index (migration 0005): every word, as a word's beginning, accents folded
            found = matching(t, term, driving=not walk)
            if found is not None:  # punctuation alone searches nothing: the list stays as it is
                clauses.append(found)
        elif term:  # a database without the index (never migrated past 0004): the old substring search
            pattern = f"%{_like_escape(term)}%"
            searchable = [t.c[f.key] for f in self.fields if f.type in SEARCHABLE]
            if searchable:
                clauses.append(or_(*(c.like(pattern, escape="\\") for c in searchable)))
        return and_(*clauses)

    def _lures(self, key: str, order: tuple[str, ...] | None) -> bool:
        """Whether an equality on ``key`` would draw SQLite to ``key``'s own index although the list is read
        in ``order`` from another index (the code's index serves the order only when it starts with it)."""
        columns = self.index_columns.get(key)
        if order is None or columns is None or order[0] == key:
            return False
        return not (len(columns) > 1 and tuple(order[: len(columns) - 1]) == columns[1:])

    def order_keys(self, sort_key: str | None) -> tuple[tuple[str, ...], bool]:
        """The columns of the list's order for ``sort_key`` (then rowid), and whether an index gives them in
        that order (``LIMIT`` then stops after one window).

        * Sorting by the first field of the natural key follows the unique natural-key index
          ``(establishment, *natural_key)`` (unique among live rows; rowid breaks ties among drafts).
        * A column that leads an index: that index's columns (``("outcome", "updated_at")`` for a composite
          one), then rowid, which SQLite keeps in every index.
        * Otherwise the column, then rowid, sorted by SQLite.
        """
        t = self.table
        column = sort_key if sort_key and (sort_key in SYSTEM_SORTS or self.form.has_field(sort_key)) else None
        column = column or "updated_at"
        if self.form.natural_key and column == self.form.natural_key[0]:
            return ("establishment", *self.form.natural_key), True
        if column in self.index_columns:
            return self.index_columns[column], True
        return (t.c[column].name,), False

    def _descending(self, sort_key: str | None, descending: bool) -> bool:
        if sort_key and (sort_key in SYSTEM_SORTS or self.form.has_field(sort_key)):
            return descending
        return True  # the default order: last changed first

    def order_by(self, sort_key: str | None, descending: bool, *, scan: bool = False,
                 reverse: bool = False) -> list[Any]:
        """ORDER BY terms: ``order_keys`` then rowid, all in the same direction, which an index gives.

        * ``scan=True`` (a search term, read from the rows it matches) writes ``+col``: the same order, but
          SQLite does not walk the sort index row by row; for a selective search a scan feeding a top-N
          sorter is much faster.
        * ``reverse=True``: every term flipped, the same list read from its end (a page near the end of a
          long list is then read with a small ``OFFSET``). The orders are total (rowid, or the unique natural
          key, breaks ties; SQLite puts NULL first ascending and last descending), so the reversed order is
          exactly the list backwards.
        * A column without an index is followed by ``rowid ASC`` whatever the direction: the scan in rowid
          order feeds SQLite's top-N sorter, which is fastest (3x here) when the tie-breaker follows the
          scan's own order.
        """
        t = self.table
        descending = self._descending(sort_key, descending)
        if reverse:
            descending = not descending
        direction = "DESC" if descending else "ASC"
        keys, from_index = self.order_keys(sort_key)
        tie = direction if from_index else ("DESC" if reverse else "ASC")
        if scan:
            return [*(text(f'+"{t.name}"."{k}" {direction}') for k in keys), text(f"rowid {tie}")]
        return [*(t.c[k].desc() if descending else t.c[k].asc() for k in keys), text(f"rowid {tie}")]

    def select_rows(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False, *,
                    reverse: bool = False, walk: bool = False) -> Select:
        """The list's rows in order. A search reads the rows it matches and sorts them (``scan``), unless
        ``walk=True``: the sort index is walked and each row checked against the search (frequent terms)."""
        t = self.table
        cols = [t.c.id, t.c.status, t.c.error_count, t.c.warning_count, *(t.c[f.key] for f in self.fields)]
        searching = bool(flt.search.strip())
        keys, from_index = self.order_keys(sort_key)
        order = self.order_by(sort_key, descending, scan=searching and not walk, reverse=reverse)
        where = self.where(flt, order=keys if from_index and (walk or not searching) else None,
                           walk=walk and searching)
        return select(*cols).where(where).order_by(*order)

    # -------------------------------------------------------------------------------------- reading
    def fetch(self, flt: ListFilter, sort_key: str | None = None, descending: bool = False, *,
              offset: int = 0, limit: int = PAGE_SIZE, reverse: bool = False,
              cancelled: Callable[[], bool] | None = None) -> list[tuple[Any, ...]]:
        """One window of rows: ``(id, status, error_count, warning_count, *list column values)``;
        ``reverse=True`` (when ``reversible``): the window ``offset`` rows from the end, last row first.
        ``cancelled``: asked while SQLite works; when it answers True the read stops and raises ``Cancelled``.

        A search picks its plan by how often its words occur (``search_plan``): a rare term reads the rows it
        matches and sorts them; a frequent one walks the sort index, checking each row, and stops after the
        window — unless that walk turns out long (other conditions that few rows meet, a window far down), in
        which case it stops within a budget and the first plan reads the window. Both plans give the same rows
        in the same order (the same ORDER BY, written so that SQLite reads it differently)."""
        with self.engine.connect() as conn:
            if self.full_text and flt.search.strip():
                budget = self.walk_budget(conn, flt, sort_key)
                if budget is not None:
                    stmt = self.select_rows(flt, sort_key, descending, reverse=reverse, walk=True)
                    rows = _run(conn, stmt.limit(limit).offset(offset), cancelled, budget)
                    if rows is not None:
                        return rows
            stmt = (self.select_rows(flt, sort_key, descending, reverse=True) if reverse
                    else self.select_rows(flt, sort_key, descending)).limit(limit).offset(offset)
            rows = _run(conn, stmt, cancelled)
            assert rows is not None
            return rows

    def walk_budget(self, conn: Any, flt: ListFilter, sort_key: str | None) -> int | None:
        """How many SQLite steps walking the sort index may take for this search, or ``None`` when the words
        are rare enough (or the sort has no index) that reading their matches is the better plan.

        A bounded probe counts the matches up to ``probe``, about √(window × rows) ÷ 2: walking the index
        reads about window × rows ÷ matches rows (and first gathers the matches into a set, a few SQLite steps
        each), reading the matches costs about 20 steps each and a sort; measured on 10^6 rows the two meet
        near 6 000 matches. The walk may take ``WALK_STEPS_PER_ROW`` steps per row of the table (what reading
        the matches of a word found in a tenth of the rows costs): a walk longer than that gives way to the
        other plan (conditions few rows meet, a window far down, words that rarely occur near the top of the
        sort). A link filter (one offering, one cohort) is read from its index, as without the search. Words
        frequent in the sorted column itself (« tazi » sorted by last name) have their matches together along
        the index, wherever the sort puts them: the matches are read."""
        term = " ".join(flt.search.split())
        query = fts_query(term)
        _keys, from_index = self.order_keys(sort_key)
        if query is None or not from_index:
            return None
        if any(value not in (None, "") and self.form.field(key).type is FieldType.LINK
               for key, value in flt.equals.items()):
            return None  # a link names few records: their index finds them, whatever the words
        index = search_table(self.table.name)
        size = conn.execute(text(f'SELECT max(rowid) FROM "{self.table.name}"')).scalar() or 0
        probe = max(PROBE_MIN, int(math.sqrt(PAGE_SIZE * size) * PROBE_SHARE))
        found = conn.execute(text(f"SELECT count(*) FROM (SELECT rowid FROM {index} WHERE {index} MATCH :q "
                                  "LIMIT :probe)"), {"q": query, "probe": probe}).scalar_one()
        if found < probe:
            return None
        column = sort_key if sort_key in self.form.search else None
        if column is not None:
            # the words are frequent in the sorted column itself (« tazi » sorted by last name): its matches
            # lie together somewhere along the index, which the walk would read up to
            within = "{" + column + "} : (" + query.replace(" AND ", " OR ") + ")"
            clustered = conn.execute(text(f"SELECT count(*) FROM (SELECT rowid FROM {index} WHERE {index} "
                                          "MATCH :q LIMIT :probe)"), {"q": within, "probe": probe}).scalar_one()
            if clustered >= probe:
                return None
        return max(probe, size) * WALK_STEPS_PER_ROW

    def count(self, flt: ListFilter, cancelled: Callable[[], bool] | None = None) -> int:
        stmt = select(func.count()).select_from(self.table).where(self.where(flt))
        with self.engine.connect() as conn:
            rows = _run(conn, stmt, cancelled)
            assert rows is not None
            return int(rows[0][0])

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


def _run(conn: Any, stmt: Any, cancelled: Callable[[], bool] | None = None,
         budget: int | None = None) -> list[tuple[Any, ...]] | None:
    """The rows of ``stmt``. SQLite is asked every ``PROGRESS_STEPS`` steps whether to go on: it stops when
    ``cancelled()`` answers True (``Cancelled`` is raised: a newer search or sort replaced this read) or after
    ``budget`` steps (``None`` is returned: the caller tries another plan)."""
    raw = getattr(conn.connection, "driver_connection", None)
    if (cancelled is None and budget is None) or not hasattr(raw, "set_progress_handler"):
        return [tuple(row) for row in conn.execute(stmt)]
    steps = 0
    over = False

    def progress() -> int:
        nonlocal steps, over
        steps += PROGRESS_STEPS
        if cancelled is not None and cancelled():
            return 1
        if budget is not None and steps > budget:
            over = True
            return 1
        return 0

    raw.set_progress_handler(progress, PROGRESS_STEPS)
    try:
        return [tuple(row) for row in conn.execute(stmt)]
    except OperationalError:
        if cancelled is not None and cancelled():
            conn.rollback()
            raise Cancelled() from None
        if over:
            conn.rollback()
            return None
        raise
    finally:
        raw.set_progress_handler(None, 0)


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
            out[row[0]] = _path(form, dict(zip(form.natural_key, row[1:], strict=True)), parents)
    return out


def key_path(engine: Engine, form_key: str, values: Mapping[str, Any]) -> str | None:
    """The name ``key_titles`` gives a record of a form that belongs to another, from its values (stored or
    being typed): « MS-CYBER · 2025-2026 · 2 »; ``None`` for a form whose records stand alone."""
    form = FORMS[form_key]
    if not _belongs(form):
        return None
    parents = {}
    for k in form.natural_key:
        field = form.field(k)
        if field.type is FieldType.LINK:
            value = values.get(k)
            parents[k] = ({value: _key_names(engine, field.link or "").get(value, "?")}
                          if isinstance(value, str) and value else {})
    return _path(form, values, parents)


def _path(form: Form, values: Mapping[str, Any], parents: Mapping[str, Mapping[Any, str]]) -> str:
    parts = []
    for k in form.natural_key:
        value = values.get(k)
        if k in parents:
            parts.append(parents[k].get(value, "?") if value else "?")
        else:
            parts.append("?" if value is None or value == "" else value.strftime("%d/%m/%Y")
                         if isinstance(value, date) else str(value))
    return " · ".join(parts)


def belonging_titles(engine: Engine, form_key: str, ids: Iterable[str]) -> dict[str, str]:
    """Id → key path (``key_titles``) of the given records of a form that belongs to another; empty for a form
    whose records stand alone (their ``form.title`` names them)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted or not _belongs(FORMS[form_key]):
        return {}
    return key_titles(engine, form_key, [record_table(form_key).c.id.in_(wanted)])


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
