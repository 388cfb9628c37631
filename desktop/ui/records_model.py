"""A table model over SQL: it holds the rows fetched so far and asks ``ListQuery`` for the next window
when the view scrolls (``canFetchMore``/``fetchMore``). Sorting and filtering reset it and run in SQL;
nothing is ever sorted in Python (a ``QSortFilterProxyModel`` over 100 000 rows takes seconds)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.ui.i18n import format_date, format_number
from desktop.ui.list_query import PAGE_SIZE, ListFilter, ListQuery, link_titles
from forms.schema import Field, FieldType
from forms.store.records import DRAFT

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SYSTEM = 4  # id, status, error_count, warning_count come first in every fetched row

DRAFT_BRUSH = QBrush(QColor("#fff4d6"))
WARNING_COLOR = QColor("#b35c00")
ERROR_COLOR = QColor("#b00020")


class RecordsModel(QAbstractTableModel):
    """Column 0 is the record's state (draft/complete, warnings); then one column per list field."""

    def __init__(self, query: ListQuery, lang: str = "fr", parent: Any = None) -> None:
        super().__init__(parent)
        self.query = query
        self.lang = lang
        self.fields: tuple[Field, ...] = query.fields
        self.filter = ListFilter()
        self.sort_key: str | None = None
        self.descending = False
        self.rows: list[tuple[Any, ...]] = []
        self.exhausted = False
        self._titles: dict[str, dict[str, str]] = {}

    # ------------------------------------------------------------------------------------- loading
    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.query.fetch(self.filter, self.sort_key, self.descending, offset=0, limit=PAGE_SIZE)
        self.exhausted = len(self.rows) < PAGE_SIZE
        self._resolve_links(self.rows)
        self.endResetModel()

    def set_filter(self, flt: ListFilter) -> None:
        self.filter = flt
        self.reload()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if parent.isValid() or self.exhausted:
            return
        more = self.query.fetch(self.filter, self.sort_key, self.descending, offset=len(self.rows),
                                limit=PAGE_SIZE)
        self.exhausted = len(more) < PAGE_SIZE
        if more:
            self._resolve_links(more)
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def _resolve_links(self, rows: list[tuple[Any, ...]]) -> None:
        for column, f in enumerate(self.fields, start=SYSTEM):
            if f.type is not FieldType.LINK or not f.link:
                continue
            known = self._titles.setdefault(f.link, {})
            missing = {row[column] for row in rows if row[column] and row[column] not in known}
            if missing:
                known.update(link_titles(self.query.engine, f.link, missing))

    # ---------------------------------------------------------------------------------- Qt interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("État")
        return self.fields[section - 1].label.get(self.lang)

    def sort_key_of(self, column: int) -> str:
        return "status" if column == 0 else self.fields[column - 1].key

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:  # no sort indicator: the default order (last changed first)
            if self.sort_key is None and self.rows:
                return
            self.sort_key, self.descending = None, False
            self.reload()
            return
        self.sort_key = self.sort_key_of(column)
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def record_id(self, row: int) -> str:
        return self.rows[row][0]

    def row_of(self, record_id: str) -> int:
        for index, row in enumerate(self.rows):
            if row[0] == record_id:
                return index
        return -1

    def display(self, f: Field, value: Any) -> str:
        if value is None:
            return ""
        if f.type is FieldType.CHOICE:
            table = f.choices()
            return table.label(value, self.lang) if table else str(value)
        if f.type is FieldType.MULTI_CHOICE:
            table = f.choices()
            return ", ".join(table.label(code, self.lang) if table else code for code in value)
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
        return text

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
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
            if row[2]:
                return QBrush(ERROR_COLOR)
            if row[3]:
                return QBrush(WARNING_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:  # a cell cut by its column's width is read whole here
            if column == 0:
                return self.status_text(row)
            text = self.display(self.fields[column - 1], row[SYSTEM + column - 1])
            return text or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            f = self.fields[column - 1]
            if f.type in (FieldType.INTEGER, FieldType.DECIMAL):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
