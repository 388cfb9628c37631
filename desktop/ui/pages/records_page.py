"""The list of one form's records: search, filters, sort on any column (all in SQL), drafts and records
with warnings marked, Enter or double-click to edit, multi-selection delete, Excel template and export."""

from __future__ import annotations

import heapq
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.fields import ElidingComboBox
from desktop.ui.list_query import (
    ERRORS,
    PAGE_SIZE,
    WARNINGS,
    ListFilter,
    ListQuery,
    filter_fields,
    picker_items,
)
from desktop.ui.pages.base import Page
from desktop.ui.records_model import ID_ROLE, RecordsModel
from forms.definitions import FORMS
from forms.schema import FieldType
from forms.store.records import COMPLETE, DRAFT

SEARCH_DELAY_MS = 250
FILTERS_PER_ROW = 3
"""Filters a row (state + the form's): each wide enough for its whole label at 1280 px."""
COLUMN_MIN, COLUMN_MAX = 80, 360
HEADER_MAX = 200
"""A long header (« Code national de l'étudiant (CNE / Massar) ») widens its column up to this; beyond, it is
elided and read whole in its tooltip, so that more columns fit in 1280 px."""


class RecordsView(QTableView):
    """Enter opens the current record (the table would otherwise move to the next row)."""

    def __init__(self, page: RecordsPage) -> None:
        super().__init__(page)
        self.page = page

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.page.open_current()
            return
        if event.matches(QKeySequence.StandardKey.Delete):
            self.page.delete_selected()
            return
        super().keyPressEvent(event)


def _refusals(workspace: Any, form_key: str) -> dict[str, list[Any]]:
    """The records of this form that a ministry refused (receipts imported), until corrected."""
    from sync.refusals import open_refusals

    try:
        return open_refusals(workspace).get(form_key, {})
    except Exception:  # a damaged outbox row must not empty the list: the export page says what is wrong
        return {}


class RecordsPage(Page):
    def __init__(self, context: AppContext, form_key: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = FORMS[form_key]
        self.setObjectName(f"page_{form_key}")
        self.query = ListQuery(context.store.engine, form_key, context.store.establishment)
        self.model = RecordsModel(self.query, context.lang, self, runner=context.runner)
        self.model.refusals = partial(_refusals, context.workspace, form_key)
        self.total: int | None = None
        self._pending_selection: str | None = None
        self._user_sized = False
        self._search_for_empty = False
        """The search box has the keyboard only because the list was empty (the table takes it back)."""

        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{self.form.plural.get(self.lang)}</h2>")
        layout.addWidget(heading)

        tools = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Rechercher (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        tools.addWidget(self.search, 2)
        self.new_button = QPushButton(self.tr("Nouveau"))
        self.new_button.setObjectName("new")
        self.new_button.setToolTip(self.tr("Nouvel enregistrement (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Ouvrir"))
        self.open_button.setObjectName("open")
        self.delete_button = QPushButton(self.tr("Supprimer"))
        self.delete_button.setObjectName("delete")
        self.template_button = QPushButton(self.tr("Modèle Excel"))
        self.template_button.setObjectName("template")
        self.export_button = QPushButton(self.tr("Exporter"))
        self.export_button.setObjectName("export")
        for button in (self.new_button, self.open_button, self.delete_button, self.template_button,
                       self.export_button):
            tools.addWidget(button)
        layout.addLayout(tools)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filter_status")
        self.status_filter.addItem(self.tr("Tous les états"), None)
        self.status_filter.addItem(self.tr("Brouillons"), DRAFT)
        self.status_filter.addItem(self.tr("Complets"), COMPLETE)
        self.status_filter.addItem(self.tr("Avec avertissements"), WARNINGS)
        self.status_filter.addItem(self.tr("Avec erreurs"), ERRORS)
        combos = [self.status_filter]
        self.field_filters: dict[str, QComboBox] = {}
        for f in filter_fields(self.form):
            combo = ElidingComboBox()
            combo.setObjectName(f"filter_{f.key}")
            combo.setToolTip(f.label.get(self.lang))
            # a long choice (an offering's title) does not widen the combo; the whole text is its tooltip
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            self.field_filters[f.key] = combo
            combos.append(combo)
        # FILTERS_PER_ROW a row: each filter wide enough for its whole label (« Type de formation : tous »)
        for position, combo in enumerate(combos):
            filters.addWidget(combo, position // FILTERS_PER_ROW, position % FILTERS_PER_ROW)
        for column in range(FILTERS_PER_ROW):
            filters.setColumnStretch(column, 1)
        layout.addLayout(filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        tools.insertWidget(1, self.count_label)

        self.view = RecordsView(self)
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.empty = QWidget()
        self.empty.setObjectName("empty")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty_text")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty_layout.addWidget(self.empty_label)
        self.clear_button = QPushButton(self.tr("Effacer la recherche et les filtres"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.clicked.connect(self.clear_filters)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.clear_button)
        centred.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addStretch(2)
        self.list_area = QStackedWidget()
        self.list_area.addWidget(self.view)
        self.list_area.addWidget(self.empty)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # sorts by the indicator: -1, the default order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list (to the buttons, the filters, the navigation): it went from cell to cell of a
        # table nobody edits, and a keyboard could never get out of it (the arrows move in it)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)  # the spare width goes to the columns that need it (_fit_columns)
        # widths measured on the rows on screen only: Qt would otherwise read 1 000 rows (5 pages to fetch)
        header.setResizeContentsPrecision(0)
        header.setSortIndicatorShown(True)
        header.sectionResized.connect(self._section_resized)
        self.view.viewport().installEventFilter(self)
        layout.addWidget(self.list_area, 1)
        legend = QLabel(self.tr("Fond jaune : brouillon (jamais envoyé au ministère). Entrée ou double-clic : "
                                "ouvrir. Suppr : supprimer."))
        legend.setStyleSheet("color: palette(mid);")
        layout.addWidget(legend)
        self.export_message = QLabel()
        self.export_message.setObjectName("export_message")
        layout.addWidget(self.export_message)

        self.search_timer = QTimer(self)
        self.search_timer.setObjectName("search_timer")
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view.doubleClicked.connect(lambda _index: self.open_current())
        self.new_button.clicked.connect(self.new_record)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_selected)
        # « Ouvrir » and « Supprimer » act on the selection: greyed while there is none (they did nothing)
        self.view.selectionModel().selectionChanged.connect(lambda *_args: self._update_buttons())
        self.view.selectionModel().currentChanged.connect(lambda *_args: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.rowsRemoved.connect(lambda *_args: self._update_buttons())
        self._update_buttons()
        self.template_button.clicked.connect(self.write_template)
        self.export_button.clicked.connect(self.export_xlsx)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_record)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.model.loaded.connect(self._first_page_shown)
        self.model.counted.connect(self._counted)
        self.fill_filters()
        for key in self._dependent_filters():
            self.field_filters[key].currentIndexChanged.connect(lambda _i, k=key: self._parent_filter_changed(k))
        for combo in self.field_filters.values():
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
            combo.currentIndexChanged.connect(lambda _i, c=combo: _show_whole_text(c))
            _show_whole_text(combo)
        self.apply_filter()

    # ------------------------------------------------------------------------------------- filters
    def fill_filters(self, keys: Any = None) -> None:
        """Fill the filters (``keys``: only those). A link declared to name a record of the same parent as
        another filter's (an internship's cohort belongs to its offering) lists, once that filter names one,
        only the records of that one."""
        engine = self.context.store.engine
        for key, combo in self.field_filters.items():
            if keys is not None and key not in keys:
                continue
            f = self.form.field(key)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("{0} : tous").format(f.label.get(self.lang)), None)
            if f.type is FieldType.LINK and f.link:
                chosen = {c.same_as: self.field_filters[c.same_as].currentData() for c in f.link_conditions
                          if c.same_as in self.field_filters}
                for rid, title in picker_items(engine, f.link, f.link_conditions, chosen):
                    combo.addItem(title, rid)
            elif f.choices() is not None:
                for choice in f.choices().choices:
                    combo.addItem(choice.label.get(self.lang), choice.code)
            else:
                for value in self.query.distinct_values(key):
                    combo.addItem(str(value), value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _dependent_filters(self) -> dict[str, list[str]]:
        """{a filter: the filters whose choices follow it} (offering → cohort)."""
        out: dict[str, list[str]] = {}
        for key in self.field_filters:
            for condition in self.form.field(key).link_conditions:
                if condition.same_as in self.field_filters:
                    out.setdefault(condition.same_as, []).append(key)
        return out

    def _parent_filter_changed(self, key: str) -> None:
        """The offering filter changed: the cohort filter lists that offering's cohorts (its choice is kept when
        it is one of them, else « tous »), before the list is filtered again (the same change)."""
        followers = self._dependent_filters().get(key, [])
        self.fill_filters(followers)
        for follower in followers:
            _show_whole_text(self.field_filters[follower])

    def current_filter(self) -> ListFilter:
        state = self.status_filter.currentData()
        return ListFilter(
            search=self.search.text(),
            status=state if state in (DRAFT, COMPLETE) else None,
            quality=state if state in (WARNINGS, ERRORS) else None,
            equals={key: combo.currentData() for key, combo in self.field_filters.items()
                    if combo.currentData() is not None},
        )

    def apply_filter(self) -> None:
        self.search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._show_state()

    def clear_filters(self) -> None:
        """The « aucun résultat » panel's way back: search, state and field filters emptied."""
        for widget in (self.search, self.status_filter, *self.field_filters.values()):
            widget.blockSignals(True)
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        for combo in self.field_filters.values():
            combo.setCurrentIndex(0)
            _show_whole_text(combo)
        for widget in (self.search, self.status_filter, *self.field_filters.values()):
            widget.blockSignals(False)
        self.apply_filter()

    def _first_page_shown(self) -> None:
        if self._pending_selection is not None:
            record_id, self._pending_selection = self._pending_selection, None
            self.select_record(record_id)
        self._show_state()
        if not self._user_sized:
            self._fit_columns()
            QTimer.singleShot(0, self._refit)  # again once painted (fonts for every script resolved)

    def _counted(self, n: int) -> None:
        self.total = n
        self._show_state()

    def _show_state(self) -> None:
        """The count (or « N affichés… » while counting), and the « aucun résultat » panel in place of the
        table when nothing matches."""
        model = self.model
        self.total = model.total
        if model.loading:
            self.count_label.setText(self.tr("Recherche…"))
        elif model.total is None:
            self.count_label.setText(self.tr("%n affiché(s)…", "", model.length))
        else:
            self.count_label.setText(self._count_text(model.total))
        empty = model.is_empty()
        if empty:
            self.empty_label.setText(self._empty_text())
            self.clear_button.setVisible(self._filtered())
        if empty and self.view.hasFocus():  # the table goes: the keyboard to the search box, not to the next page
            self._search_for_empty = True
            self.search.setFocus()
        self.list_area.setCurrentWidget(self.empty if empty else self.view)

    def _filtered(self) -> bool:
        flt = self.model.filter
        return bool(flt.search.strip() or flt.status or flt.quality or flt.equals)

    def _empty_text(self) -> str:
        typed = " ".join(self.model.filter.search.split())
        if typed:
            text = self.tr("Aucun résultat : aucun enregistrement ne contient « {0} »").format(typed)
            if self._filtered() and (self.model.filter.equals or self.model.filter.status
                                     or self.model.filter.quality):
                text += "\n" + self.tr("(avec les filtres choisis)")
            return text
        if self._filtered():
            return self.tr("Aucun résultat : aucun enregistrement ne correspond aux filtres choisis.")
        return self.tr("Aucun enregistrement pour l'instant. « Nouveau » (Ctrl+N) en crée un ; la page "
                       "Import lit un classeur Excel.")

    def _count_text(self, n: int) -> str:
        typed = self.model.filter.search.strip()
        if n == 0 and typed:
            return self.tr("Aucun enregistrement ne contient « {0} »").format(typed)
        return self.tr("%n enregistrement(s)", "", n)

    def focus_search(self) -> None:
        self._search_for_empty = False
        self.search.setFocus()
        self.search.selectAll()

    def _fit_columns(self) -> None:
        """Each column as wide as its header and the rows on screen need (up to ``COLUMN_MAX``); when the
        table is wider than that, the spare width goes to the columns that were cut, not to the last one.
        A column the user resized keeps its width."""
        header = self.view.horizontalHeader()
        columns = self.model.columnCount()
        if not columns:
            return
        needed = [max(self._content_width(column), min(header.sectionSizeHint(column), HEADER_MAX), COLUMN_MIN)
                  for column in range(columns)]
        shown = [min(width, COLUMN_MAX) for width in needed]
        spare = self.view.viewport().width() - sum(shown)
        if spare > 0:
            cut = [c for c in range(columns) if needed[c] > shown[c]]
            for column in cut:  # the cut ones first, up to what they need
                extra = min(needed[column] - shown[column], spare // max(1, len(cut)))
                shown[column] += extra
            spare = self.view.viewport().width() - sum(shown)
            if spare > 0:  # then shared by every column: no empty band, no single giant last column
                for column in range(columns):
                    shown[column] += spare // columns
        self._fitting = True
        try:
            for column, width in enumerate(shown):
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _content_width(self, column: int) -> int:
        """The width the cells of the first page need (not only the rows on screen now): the delegate's
        own measure of the few cells with the longest texts (the delegate lays text out in the window's
        direction, which a plain advance does not: its measure decides)."""
        metrics = self.view.fontMetrics()
        model = self.model
        advances = []
        for row in range(min(model.length, PAGE_SIZE)):
            text = model.data(model.index(row, column))
            if text:
                advances.append((metrics.horizontalAdvance(str(text)), row))
        longest = heapq.nlargest(8, advances)
        hints = [self.view.sizeHintForIndex(model.index(row, column)).width() for _advance, row in longest]
        return max([self.view.sizeHintForColumn(column), *hints])

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        # only a drag of the header's handle counts (a model reset resizes sections too)
        if not getattr(self, "_fitting", False) and QApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self._user_sized = True

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and watched is self.view.viewport()
                and not self._user_sized and self.model.length):
            QTimer.singleShot(0, self._refit)
        return super().eventFilter(watched, event)

    def _refit(self) -> None:
        if not self._user_sized:
            self._fit_columns()

    # ------------------------------------------------------------------------------------- records
    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows that are loaded (a selection may reach rows never shown)."""
        ids = (self.model.record_id(row) for row in self.selected_rows())
        return [rid for rid in ids if rid is not None]

    def _update_buttons(self) -> None:
        selection = self.view.selectionModel()
        self.open_button.setEnabled(self.view.currentIndex().isValid())
        self.delete_button.setEnabled(selection is not None and selection.hasSelection())

    def new_record(self) -> None:
        self.context.open_record(self.form.key, None)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.context.open_record(self.form.key, self.model.data(index, ID_ROLE))

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = self.selected_ids()
        if len(ids) < len(rows):  # Shift+Ctrl+End over rows never shown: their pages are read first
            flt, sort_key, descending = self.model.filter, self.model.sort_key, self.model.descending
            ids = [rid for rid in (self._ids_at(rows, flt, sort_key, descending)) if rid]
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Supprimer"),
            self.tr("Supprimer %n enregistrement(s) ? La suppression sera transmise au ministère avec le prochain "
                    "export.", "", len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        store, form_key = self.context.store, self.form.key
        self.context.runner.run(lambda state: store.delete(form_key, ids), title=self.tr("Suppression"),
                                changes_data=True, parent=self)

    def _ids_at(self, rows: list[int], flt: ListFilter, sort_key: str | None, descending: bool) -> list[str]:
        from desktop.ui.records_model import read_page

        pages: dict[int, list[Any]] = {}
        out = []
        for row in rows:
            rid = self.model.record_id(row)
            if rid is None:
                page = row // PAGE_SIZE
                if page not in pages:
                    pages[page] = read_page(self.query, flt, sort_key, descending, page, self.model.total)
                found = pages[page]
                offset = row - page * PAGE_SIZE
                rid = found[offset][0] if offset < len(found) else None
            out.append(rid)
        return out

    def show_saved(self, record_id: str) -> None:
        """A record just saved: selected now when listed, else (a new one) once the list is read again; the
        keyboard then on the table (the editor closed, Enter opens the record again, Ctrl+N makes the next)."""
        self._focus_selected = True
        if not self.select_record(record_id):
            self._pending_selection = record_id

    def select_record(self, record_id: str) -> bool:
        """Select ``record_id`` when it is in the loaded pages; while the list is being read, once it is."""
        if self.model.loading:
            self._pending_selection = record_id
            return True
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        if getattr(self, "_focus_selected", False):
            self._focus_selected = False
            focus = QApplication.focusWidget()
            # unless the person has gone elsewhere in the window meanwhile (Ctrl+F, a filter)
            if (focus is None or focus.window() is not self.window() or focus is self.view
                    or (focus is self.search and self._search_for_empty)):
                self.view.setFocus()
        return True

    # --------------------------------------------------------------------------------------- Excel
    def _proposed_path(self, stem: str) -> str:
        """« modèle-stages.xlsx », « stages-2025-2026.xlsx » (an export: the academic year), in the window's
        language, in the folder used last or the documents (never the program's): ``desktop.ui.files``."""
        from desktop.ui import files

        plural = self.form.plural.get(self.lang)
        if stem == self.tr("Export"):
            return files.proposed(plural, files.academic_year())
        return files.proposed(stem, plural)

    def write_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Modèle Excel"), self._proposed_path(self.tr("Modèle")),
                                              self.tr("Classeur Excel (*.xlsx)"))
        if path:
            self.write_template_to(path)

    def write_template_to(self, path: str) -> Any:
        from forms.excel import write_template

        form_key, lang = self.form.key, self.lang

        def done(_result: Any) -> None:
            self.export_message.setText(self.tr("Modèle écrit : {0}").format(path))

        return self.context.runner.run(lambda state: write_template(form_key, Path(path), lang),
                                       title=self.tr("Modèle Excel"), on_success=done, parent=self)

    def export_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Exporter"), self._proposed_path(self.tr("Export")),
                                              self.tr("Classeur Excel (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Any:
        """Export the records matching the current filter and sort, off the GUI thread, with progress."""

        form_key, lang = self.form.key, self.lang
        store, query = self.context.store, self.query
        flt, sort_key, descending = self.model.filter, self.model.sort_key, self.model.descending

        total = self.model.total
        return self.context.runner.run(
            partial(_export_work, store, query, form_key, flt, sort_key, descending, Path(path), lang, total),
            title=self.tr("Export Excel"), progress=True, on_success=self._exported,
            on_cancelled=self._export_cancelled, parent=self)

    def _exported(self, result: tuple[int, str]) -> None:
        count, path = result
        self.export_message.setText(self.tr("%n enregistrement(s) exporté(s) dans {0}", "", count).format(path))

    def _export_cancelled(self) -> None:
        self.export_message.setText(self.tr("Export annulé : aucun fichier n'a été écrit."))

    # ------------------------------------------------------------------------------------ Page hooks
    def refresh(self) -> None:
        selected = [self._pending_selection] if self._pending_selection else self.selected_ids()
        self.fill_filters()
        self.model.reload()
        self._show_state()
        for record_id in selected[:1]:
            self.select_record(record_id)

    def activated(self) -> None:
        # the table, or while it is empty (the « aucun enregistrement » panel in its place) the search box
        shown = self.list_area.currentWidget() is self.view
        self._search_for_empty = not shown
        (self.view if shown else self.search).setFocus()


def _export_work(store: Any, query: ListQuery, form_key: str, flt: ListFilter, sort_key: str | None,
                 descending: bool, path: Path, lang: str, total: int | None, state: Any) -> tuple[int, str]:
    """The export of « what I see » (worker thread): progress out of the list's count, cancellable at
    every step; written to a temporary file beside ``path`` and renamed at the end, so a cancelled or
    failed export leaves no partial file (and an existing file untouched)."""
    from forms.atomic import atomic_output
    from forms.excel import export_xlsx
    from forms.excel.columns import LinkNames

    with store.engine.connect() as conn, atomic_output(path) as partial_path:
        links = LinkNames(conn, store.establishment)
        records = query.records(flt, sort_key, descending, conn)
        count = export_xlsx(form_key, records, partial_path, lang, state, links=links, total=total or 0)
    return count, str(path)


def _show_whole_text(combo: QComboBox) -> None:
    """A filter narrowed by the window's width still says what it filters on: its whole text as tooltip."""
    combo.setToolTip(combo.currentText())
