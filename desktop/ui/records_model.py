"""A table model over SQL that knows its row count and fetches pages of rows on demand.

* ``reload()`` (a new filter, sort or data) starts a new *generation*: the first page, then the count, are
  read off the GUI thread (``OperationRunner``); a result of an older generation is dropped when it arrives
  (a superseded search never overwrites the newer one), and queued work of an older generation is skipped.
* Once the count is known the model has all its rows: the scroll bar and Ctrl+End reach the last record of
  a 1 000 000-row list. A row whose page is not loaded yet shows « … » and asks for its page; the pages
  arrive from a worker and are kept in a bounded cache (``MAX_PAGES``), so memory does not grow with the
  list. A page in the second half of the list is read in the reverse order from its end (``LIMIT``/``OFFSET``
  counted from the nearer end), which makes Ctrl+End as quick as the first screen.
* Without a runner (the ministry's national lists, scripts, benchmarks) the same pages are read on the
  calling thread, and rows are added as the view scrolls (``canFetchMore``/``fetchMore``) until a count is
  given with ``set_total``.

Worker functions are module functions that receive plain values (the query, the filter): no Qt object is
touched off the GUI thread, and callbacks reach the model through a weak reference (nothing an operation
holds refers back to the model). Nothing is ever sorted in Python: sorting and filtering run in SQL.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.ui.i18n import format_date, format_number
from desktop.ui.list_query import PAGE_SIZE, ListFilter, ListQuery, link_titles
from forms.i18n import comma
from forms.schema import Field, FieldType
from forms.store.records import DRAFT
from forms.tasks import Cancelled

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SYSTEM = 4  # id, status, error_count, warning_count come first in every fetched row

DRAFT_BRUSH = QBrush(QColor("#fff4d6"))
WARNING_COLOR = QColor("#b35c00")
ERROR_COLOR = QColor("#b00020")
ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                   Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, ID_ROLE, STATUS_ROLE})
HEADER_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})
PENDING = "…"
"""What a row whose page is still being read shows."""

MAX_PAGES = 64
"""Pages kept in memory (64 × 200 rows); the least recently shown are dropped and read again if needed."""
REQUEST_DELAY_MS = 15
MAX_REQUESTS = 4
"""Pages asked at once: a fast scroll asks for many, only the last ones asked (still on screen) are read."""

Titles = dict[str, dict[str, str]]


# ------------------------------------------------------------------------------ worker functions (no Qt)
def _check(stale: threading.Event) -> None:
    if stale.is_set():  # a newer search or sort replaced this one while it waited for a thread
        raise Cancelled()
    # (and once running, SQLite itself asks ``stale.is_set`` every few thousand steps and stops: the count
    # of a filter that reads a third of 10^6 rows does not hold a thread and a core while the next list
    # is read)


def _titles(titles_of: Callable[[Any, str, set[str]], dict[str, str]], query: ListQuery,
            rows: list[tuple[Any, ...]]) -> Titles:
    out: Titles = {}
    for column, f in enumerate(query.fields, start=SYSTEM):
        if f.type is FieldType.LINK and f.link:
            ids = {row[column] for row in rows if row[column]}
            if ids:
                out.setdefault(f.link, {}).update(titles_of(query.engine, f.link, ids))
    return out


def read_page(query: ListQuery, flt: ListFilter, sort_key: str | None, descending: bool, page: int,
              total: int | None, cancelled: Callable[[], bool] | None = None) -> list[tuple[Any, ...]]:
    """Rows ``page * PAGE_SIZE`` … of the list. Past the middle of a counted list the page is read from the
    end in the reverse order (SQLite walks ``OFFSET`` rows one by one: the nearer end is the cheaper).
    ``cancelled``: SQLite stops reading when it answers True (``Cancelled``)."""
    offset = page * PAGE_SIZE
    if total is not None and getattr(query, "reversible", False) and offset > total // 2:
        size = max(0, min(PAGE_SIZE, total - offset))
        rows = query.fetch(flt, sort_key, descending, offset=total - offset - size, limit=size, reverse=True,
                           cancelled=cancelled)
        rows.reverse()
        return rows
    return query.fetch(flt, sort_key, descending, offset=offset, limit=PAGE_SIZE, cancelled=cancelled)


def _page_job(query: ListQuery, flt: ListFilter, sort_key: str | None, descending: bool, page: int,
              total: int | None, titles_of: Any, refusals: Callable[[], dict[str, list[Any]]] | None,
              stale: threading.Event, state: Any = None) -> tuple[list[tuple[Any, ...]], Titles, Any]:
    _check(stale)
    rows = read_page(query, flt, sort_key, descending, page, total, stale.is_set)
    refused = refusals() if refusals is not None else None
    return rows, _titles(titles_of, query, rows), refused


def _count_job(query: ListQuery, flt: ListFilter, stale: threading.Event, state: Any = None) -> int:
    _check(stale)
    return query.count(flt, stale.is_set)


class _Deliver:
    """An operation's callback: reaches the model through a weak reference (a closed page is not kept
    alive by a read still running, and nothing refers back from the operation to the model)."""

    def __init__(self, model: RecordsModel, method: str, *args: Any) -> None:
        self.model = weakref.ref(model)
        self.method = method
        self.args = args

    def __call__(self, result: Any) -> None:
        model = self.model()
        if model is not None:
            with contextlib.suppress(RuntimeError):  # the C++ side is gone with its page
                getattr(model, self.method)(*self.args, result)


class RecordsModel(QAbstractTableModel):
    """Column 0 is the record's state (draft/complete, warnings); then one column per list field."""

    loaded = Signal()
    """The first page of the current generation arrived (``is_empty()`` is then meaningful)."""
    counted = Signal(int)
    """The number of rows of the current generation is known."""

    titles_of: Callable[[Any, str, set[str]], dict[str, str]] = staticmethod(link_titles)  # type: ignore[assignment]
    """How a link column's ids become titles (the national lists read the national tables)."""

    def __init__(self, query: ListQuery, lang: str = "fr", parent: Any = None, runner: Any = None) -> None:
        super().__init__(parent)
        self.query = query
        self.lang = lang
        self.runner = runner
        """An ``OperationRunner``: reads run off the GUI thread. ``None``: read on the calling thread."""
        self.fields: tuple[Field, ...] = query.fields
        self.filter = ListFilter()
        self.sort_key: str | None = None
        self.descending = False
        self.generation = 0
        self.pages: OrderedDict[int, list[tuple[Any, ...]]] = OrderedDict()
        self.total: int | None = None
        self.length = 0
        """Rows the view sees: the count once known, else the rows read from the top so far."""
        self.loading = False
        """The first page of the current generation is being read."""
        self._early_total: int | None = None
        self._in_flight: set[int] = set()
        self._wanted: list[int] = []
        self._stale = threading.Event()
        self._titles: Titles = {}
        self.refusals: Callable[[], dict[str, list[Any]]] | None = None
        """Records a ministry refused (``sync.refusals``), asked at each reload; None: not shown."""
        self.refused: dict[str, list[Any]] = {}
        self._request_scheduled = False

    # ------------------------------------------------------------------------------------- loading
    def reload(self) -> None:
        """Read the list again for the current filter and sort (the first page, and the count when a runner
        is given). Work still queued for the previous reload is skipped, results still running are dropped."""
        self._stale.set()
        self._stale = threading.Event()
        self.generation += 1
        self.beginResetModel()
        self.pages.clear()
        self._in_flight = {0}
        self._wanted = []
        self.total = None
        self._early_total = None
        self.length = 0
        self.loading = True
        self.endResetModel()
        generation, flt = self.generation, self.filter
        job = partial(_page_job, self.query, flt, self.sort_key, self.descending, 0, None, self.titles_of,
                      self.refusals, self._stale)
        if self.runner is None:
            self._first_page(generation, job())
            return
        self.runner.run(job, on_success=_Deliver(self, "_first_page", generation))

    def set_filter(self, flt: ListFilter) -> None:
        self.filter = flt
        self.reload()

    def _first_page(self, generation: int, result: tuple[list[tuple[Any, ...]], Titles, Any]) -> None:
        if generation != self.generation:
            return  # a superseded search or sort
        rows, titles, refused = result
        self.refused = refused or {}
        self.loading = False
        early, self._early_total = self._early_total, None
        if early is not None and len(rows) == PAGE_SIZE:
            self.set_total(generation, early)
        self._store_page(0, rows, titles)
        if len(rows) < PAGE_SIZE and self.total is None:
            self.set_total(generation, len(rows))  # the whole list is in this page: nothing to count
        elif self.total is None:
            if len(rows) > self.length:
                self.beginInsertRows(QModelIndex(), self.length, len(rows) - 1)
                self.length = len(rows)
                self.endInsertRows()
            if self.runner is not None:
                # counted once the first screen is there: the two reads do not compete for the machine
                self.runner.run(partial(_count_job, self.query, self.filter, self._stale),
                                on_success=_Deliver(self, "set_total", generation))
        self.loaded.emit()

    def set_total(self, generation: int, total: int) -> None:
        """The list's row count (of ``generation``): from then on every row is reachable. A count that
        arrives before the first page waits for it (the view paints once, with rows to show)."""
        if generation != self.generation or self.total == total:
            return
        if self.loading:
            self._early_total = total
            return
        self.total = total
        if total > self.length:
            self.beginInsertRows(QModelIndex(), self.length, total - 1)
            self.length = total
            self.endInsertRows()
        elif total < self.length:
            self.beginRemoveRows(QModelIndex(), total, self.length - 1)
            self.length = total
            self.endRemoveRows()
        self.counted.emit(total)

    def _store_page(self, page: int, rows: list[tuple[Any, ...]], titles: Titles) -> None:
        self._in_flight.discard(page)
        for form_key, known in titles.items():
            self._titles.setdefault(form_key, {}).update(known)
        self.pages[page] = rows
        self.pages.move_to_end(page)
        while len(self.pages) > MAX_PAGES:
            self.pages.popitem(last=False)
        first, last = page * PAGE_SIZE, min(page * PAGE_SIZE + len(rows), self.length) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _page_arrived(self, generation: int, page: int, result: tuple[list[tuple[Any, ...]], Titles, Any]) -> None:
        if generation != self.generation:
            return
        rows, titles, _refused = result
        if self.total is None:  # rows added at the bottom as the view scrolls (count not known yet)
            self._in_flight.discard(page)
            self.pages[page] = rows
            for form_key, known in titles.items():
                self._titles.setdefault(form_key, {}).update(known)
            end = page * PAGE_SIZE + len(rows)
            if end > self.length:
                self.beginInsertRows(QModelIndex(), self.length, end - 1)
                self.length = end
                self.endInsertRows()
            if len(rows) < PAGE_SIZE:
                self.set_total(generation, end)
            return
        self._store_page(page, rows, titles)

    def _want(self, page: int) -> None:
        if page in self._in_flight or page in self._wanted:
            return
        self._wanted.append(page)
        if not self._request_scheduled:  # once the view has asked for every row it paints
            self._request_scheduled = True
            QTimer.singleShot(REQUEST_DELAY_MS, self, self._request_pages)

    def _request_pages(self) -> None:
        """Read the pages asked since the last time, the most recent first (a fast scroll leaves many
        behind: those still on screen are asked again by the view)."""
        self._request_scheduled = False
        wanted, self._wanted = self._wanted[-MAX_REQUESTS:], []
        for page in reversed(wanted):
            self._start_page(page)

    def _start_page(self, page: int) -> None:
        if page in self.pages or page in self._in_flight:
            return
        self._in_flight.add(page)
        job = partial(_page_job, self.query, self.filter, self.sort_key, self.descending, page, self.total,
                      self.titles_of, None, self._stale)
        if self.runner is None:
            self._page_arrived(self.generation, page, job())
        else:
            self.runner.run(job, on_success=_Deliver(self, "_page_arrived", self.generation, page))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return (not parent.isValid() and self.total is None and not self.loading
                and self.length % PAGE_SIZE == 0 and self.length > 0)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._start_page(self.length // PAGE_SIZE)

    def row(self, row: int) -> tuple[Any, ...] | None:
        """The fetched row at ``row``, or None while its page is being read (then it is asked for)."""
        page = row // PAGE_SIZE
        rows = self.pages.get(page)
        if rows is None:
            if 0 <= row < self.length:
                self._want(page)
            return None
        offset = row - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """The rows loaded from the top without a gap (tests, small lists)."""
        out: list[tuple[Any, ...]] = []
        page = 0
        while page in self.pages:
            out.extend(self.pages[page])
            if len(self.pages[page]) < PAGE_SIZE:
                break
            page += 1
        return out

    def is_empty(self) -> bool:
        """Nothing matches the current filter (known once the first page arrived)."""
        return not self.loading and self.length == 0

    # ---------------------------------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.length

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields) + 1

    def header_text(self, section: int) -> str:
        if section == 0:
            return self.tr("État")
        return self.fields[section - 1].label.get(self.lang)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the display text, and the same as tooltip (a header cut by its column's width is read whole there)
        if role not in HEADER_ROLES or orientation != Qt.Orientation.Horizontal:
            return None
        return self.header_text(section)

    def sort_key_of(self, column: int) -> str:
        return "status" if column == 0 else self.fields[column - 1].key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:  # no sort indicator: the default order (last changed first)
            if self.sort_key is None and (self.pages or self.loading):
                return
            self.sort_key, self.descending = None, False
            self.reload()
            return
        self.sort_key = self.sort_key_of(column)
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def record_id(self, row: int) -> str | None:
        found = self.row(row)
        return found[0] if found is not None else None

    def row_of(self, record_id: str) -> int:
        """The position of ``record_id`` among the loaded pages, -1 when it is not loaded."""
        for page, rows in self.pages.items():
            for offset, row in enumerate(rows):
                if row[0] == record_id:
                    return page * PAGE_SIZE + offset
        return -1

    def display(self, f: Field, value: Any) -> str:
        if value is None:
            return ""
        if f.type is FieldType.CHOICE:
            table = f.choices()
            return table.label(value, self.lang) if table else str(value)
        if f.type is FieldType.MULTI_CHOICE:
            table = f.choices()
            return comma(self.lang).join(table.label(code, self.lang) if table else code for code in value)
        if f.type is FieldType.LINK and f.link:
            return self._titles.get(f.link, {}).get(value, value)
        if f.type is FieldType.DATE:
            return format_date(value)
        if f.type is FieldType.BOOLEAN:
            return self.tr("Oui") if value else self.tr("Non")
        if f.type in (FieldType.INTEGER, FieldType.DECIMAL):
            return format_number(value)
        return str(value)

    def status_text(self, row: tuple[Any, ...]) -> str:
        text = self.tr("Brouillon") if row[1] == DRAFT else self.tr("Complet")
        if row[2]:
            text += " · " + self.tr("%n erreur(s)", "", row[2])
        if row[3]:
            text += " · " + self.tr("%n avertissement(s)", "", row[3])
        for refusal in self.refused.get(row[0], []):
            text += " · " + self.tr("refusé par {0}").format(refusal.ministry)
        return text

    def refusal_text(self, record_id: str) -> str:
        return "\n".join(self.tr("Refusé par {0} (lot n° {1}) : {2}").format(
            r.ministry, r.sequence, " ; ".join(r.reasons)) for r in self.refused.get(record_id, []))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES or not index.isValid():  # a view asks ~10 roles a cell: most are not ours
            return None
        row = self.row(index.row())
        column = index.column()
        if row is None:  # its page is on its way
            return PENDING if role == Qt.ItemDataRole.DisplayRole and column == 0 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.status_text(row)
            f = self.fields[column - 1]
            return self.display(f, row[SYSTEM + column - 1])
        if role == ID_ROLE:
            return row[0]
        if role == STATUS_ROLE:
            return row[1]
        if role == Qt.ItemDataRole.BackgroundRole and row[1] == DRAFT:
            return DRAFT_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            if row[2] or row[0] in self.refused:
                return QBrush(ERROR_COLOR)
            if row[3]:
                return QBrush(WARNING_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell cut by its column's width is read whole here
            if column == 0:
                return "\n".join(filter(None, (self.status_text(row), self.refusal_text(row[0]))))
            text = self.display(self.fields[column - 1], row[SYSTEM + column - 1])
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            f = self.fields[column - 1]
            if f.type in (FieldType.INTEGER, FieldType.DECIMAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
