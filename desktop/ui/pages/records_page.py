"""The list of one form's records: search, filters, sort on any column (all in SQL), drafts and records
with warnings marked, Enter or double-click to edit, multi-selection delete, Excel template and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.list_query import (
    ERRORS,
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
        self.model = RecordsModel(self.query, context.lang, self)
        self.model.refusals = lambda: _refusals(context.workspace, form_key)
        self.total: int | None = None
        self._count_generation = 0

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

        filters = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("filter_status")
        self.status_filter.addItem(self.tr("Tous les états"), None)
        self.status_filter.addItem(self.tr("Brouillons"), DRAFT)
        self.status_filter.addItem(self.tr("Complets"), COMPLETE)
        self.status_filter.addItem(self.tr("Avec avertissements"), WARNINGS)
        self.status_filter.addItem(self.tr("Avec erreurs"), ERRORS)
        filters.addWidget(self.status_filter)
        self.field_filters: dict[str, QComboBox] = {}
        for f in filter_fields(self.form):
            combo = QComboBox()
            combo.setObjectName(f"filter_{f.key}")
            combo.setToolTip(f.label.get(self.lang))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # they share the row's width; the tooltip shows the whole text
            self.field_filters[f.key] = combo
            filters.addWidget(combo, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.view = RecordsView(self)
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # sorts by the indicator: -1, the default order
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        layout.addWidget(self.view, 1)
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
        self.template_button.clicked.connect(self.write_template)
        self.export_button.clicked.connect(self.export_xlsx)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_record)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self.fill_filters()
        for combo in self.field_filters.values():
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
            combo.currentIndexChanged.connect(lambda _i, c=combo: _show_whole_text(c))
            _show_whole_text(combo)
        self.apply_filter()
        self._fit_columns()

    # ------------------------------------------------------------------------------------- filters
    def fill_filters(self) -> None:
        engine = self.context.store.engine
        for key, combo in self.field_filters.items():
            f = self.form.field(key)
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("{0} : tous").format(f.label.get(self.lang)), None)
            if f.type is FieldType.LINK and f.link:
                for rid, title in picker_items(engine, f.link, f.link_conditions):
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
        self.update_count()

    def update_count(self) -> None:
        """The first window is already shown; the total is counted off the GUI thread."""
        self._count_generation += 1
        generation = self._count_generation
        flt = self.model.filter
        self.count_label.setText(self.tr("{0} affiché(s)…").format(len(self.model.rows))
                                 if not self.model.exhausted else self._count_text(len(self.model.rows)))
        if self.model.exhausted:
            self.total = len(self.model.rows)
            return
        self.total = None

        def counted(n: int) -> None:
            if generation == self._count_generation:
                self.total = n
                self.count_label.setText(self._count_text(n))

        query = self.query
        self.context.runner.run(lambda state: query.count(flt), title=self.tr("Comptage"), on_success=counted,
                                parent=self)

    def _count_text(self, n: int) -> str:
        typed = self.model.filter.search.strip()
        if n == 0 and typed:
            return self.tr("Aucun enregistrement ne contient « {0} »").format(typed)
        return self.tr("%n enregistrement(s)", "", n)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(max(header.sectionSize(column), 80), 320))

    # ------------------------------------------------------------------------------------- records
    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [self.model.record_id(row) for row in rows]

    def new_record(self) -> None:
        self.context.open_record(self.form.key, None)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.context.open_record(self.form.key, self.model.data(index, ID_ROLE))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
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

    def select_record(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    # --------------------------------------------------------------------------------------- Excel
    def _proposed_path(self, stem: str) -> str:
        """A file name in the window's language, in the user's documents folder (not the program's)."""
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = f"{stem} - {self.form.plural.get(self.lang)}.xlsx"
        return str(Path(folder) / name) if folder else name

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
        from forms.excel import export_xlsx

        form_key, lang = self.form.key, self.lang
        store, query = self.context.store, self.query
        flt, sort_key, descending = self.model.filter, self.model.sort_key, self.model.descending

        def work(state: Any) -> Any:
            from forms.excel.columns import LinkNames

            with store.engine.connect() as conn:
                links = LinkNames(conn, store.establishment)
                records = query.records(flt, sort_key, descending, conn)
                return export_xlsx(form_key, records, Path(path), lang, state, links=links)

        def done(count: int) -> None:
            self.export_message.setText(self.tr("%n enregistrement(s) exporté(s) dans {0}", "", count).format(path))

        return self.context.runner.run(work, title=self.tr("Export Excel"), progress=True, on_success=done,
                                       parent=self)

    # ------------------------------------------------------------------------------------ Page hooks
    def refresh(self) -> None:
        selected = self.selected_ids()
        self.fill_filters()
        self.model.reload()
        self.update_count()
        for record_id in selected[:1]:
            self.select_record(record_id)

    def activated(self) -> None:
        self.view.setFocus()


def _show_whole_text(combo: QComboBox) -> None:
    """A filter narrowed by the window's width still says what it filters on: its whole text as tooltip."""
    combo.setToolTip(combo.currentText())
