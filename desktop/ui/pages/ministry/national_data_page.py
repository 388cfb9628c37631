"""Données: the national lists, read-only — one form at a time, with the establishment's search, filters and
sort on any column (SQL, windows of rows: ``desktop.ui.national_list``), an establishment filter, and the
Excel export of the form (``sync.ministry.extract.export_xlsx``, off the GUI thread)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.files import remember, start_folder
from desktop.ui.list_query import ListFilter, filter_fields
from desktop.ui.national_list import NationalListQuery, NationalRecordsModel
from desktop.ui.pages.ministry.base import MinistryPage
from forms.definitions import FORMS
from forms.schema import FieldType

SEARCH_DELAY_MS = 250


HEADER_WIDTHS = (90, 280)
"""The narrowest and widest a column is made to show its title, in pixels."""


class NationalDataPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_data")
        from sync.ministry.store import national_store

        self.engine = national_store(context.workspace).engine
        self.query: NationalListQuery | None = None
        self.model: NationalRecordsModel | None = None
        self.filters: dict[str, QComboBox] = {}
        self.count_generation = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading("Données nationales", "البيانات الوطنية", "National data",
                                      ("Lecture seule : les enregistrements consolidés, sans les champs que les "
                                       "établissements n'envoient pas.",
                                       "للقراءة فقط: التسجيلات المجمعة، دون الحقول التي لا ترسلها المؤسسات.",
                                       "Read-only: the consolidated records, without the fields establishments "
                                       "never send.")))
        tools = QHBoxLayout()
        self.form_box = QComboBox()
        self.form_box.setObjectName("form")
        for key, form in FORMS.items():
            self.form_box.addItem(form.plural.get(self.lang), key)
        tools.addWidget(self.form_box)
        self.establishment = QComboBox()
        self.establishment.setObjectName("establishment")
        self.establishment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.establishment.setMinimumContentsLength(24)
        tools.addWidget(self.establishment)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.w("Rechercher…", "بحث…", "Search…"))
        tools.addWidget(self.search, 2)
        self.export_button = QPushButton(self.w("Exporter vers Excel…", "تصدير إلى إكسل…", "Export to Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        tools.addWidget(self.export_button)
        layout.addLayout(tools)
        self.filter_row = QHBoxLayout()
        layout.addLayout(self.filter_row)

        self.view = QTableView()
        self.view.setObjectName("national_list")
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.count = QLabel()
        self.count.setObjectName("count")
        layout.addWidget(self.count)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.form_box.currentIndexChanged.connect(self.show_form)
        self.establishment.currentIndexChanged.connect(self.apply_filter)
        self._fill_establishments()
        self.show_form()

    def _fill_establishments(self) -> None:
        from sync.ministry.establishments import all_establishments

        listed = all_establishments(self.context.workspace)
        self.establishment.blockSignals(True)
        self.establishment.addItem(self.w("Tous les établissements", "كل المؤسسات", "All establishments"), None)
        for code in sorted(listed):
            label = listed[code].get(f"label_{self.lang}") or listed[code].get("label_fr") or code
            self.establishment.addItem(f"{code} — {label}", code)
        self.establishment.blockSignals(False)

    def form_key(self) -> str:
        return str(self.form_box.currentData())

    def fit_headers(self) -> None:
        """Each column as wide as its title (« Offre de formation continue » was cut on both sides in 150 px),
        within HEADER_WIDTHS; the person may then widen or narrow it."""
        header = self.view.horizontalHeader()
        low, high = HEADER_WIDTHS
        for column in range(self.model.columnCount()):
            header.resizeSection(column, max(low, min(header.sectionSizeHint(column) + 12, high)))

    def show_form(self) -> None:
        key = self.form_key()
        self.query = NationalListQuery(self.engine, key)
        self.model = NationalRecordsModel(self.query, self.lang, self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.fit_headers()
        while self.filter_row.count():
            item = self.filter_row.takeAt(0)
            if item.widget() is not None:  # hidden at once: deleteLater waits for the event loop
                item.widget().hide()
                item.widget().deleteLater()
        self.filters = {}
        for f in filter_fields(self.query.form):
            if f.type is FieldType.LINK:
                continue
            combo = QComboBox()
            combo.setObjectName(f"filter_{f.key}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            colon = " : " if self.lang == "fr" else ": "
            combo.addItem(f"{f.label.get(self.lang)}{colon}{self.w('tous', 'الكل', 'all')}", None)
            if f.type is FieldType.IDENTIFIER:
                for value in self.query.distinct_values(f.key):
                    combo.addItem(value, value)
            else:
                table = f.choices()
                for code in (table.codes if table else ()):
                    combo.addItem(table.label(code, self.lang), code)
            combo.currentIndexChanged.connect(self.apply_filter)
            self.filters[f.key] = combo
            self.filter_row.addWidget(combo)
        self.filter_row.addStretch(1)
        self.apply_filter()

    def apply_filter(self) -> None:
        if self.query is None or self.model is None:
            return
        self.query.only = self.establishment.currentData()
        flt = ListFilter(search=self.search.text(),
                         equals={k: c.currentData() for k, c in self.filters.items() if c.currentData()})
        self.model.set_filter(flt)
        # the count of a national table (a million internships) is read off the GUI thread; the latest wins
        self.count_generation += 1
        generation, query = self.count_generation, self.query
        self.count.setText(self.w("Comptage…", "العد…", "Counting…"))

        def counted(total: int) -> None:
            if generation == self.count_generation:
                self.count.setText(self.n(total, "{n} enregistrement|{n} enregistrements",
                                          "لا تسجيلات|تسجيل واحد|تسجيلان|{n} تسجيلات|{n} تسجيلًا|{n} تسجيل",
                                          "{n} record|{n} records"))

        self.context.runner.run(lambda state: query.count(flt), title=self.w("Comptage", "العد", "Counting"),
                                on_success=counted, parent=self)

    def refresh(self) -> None:
        if self.model is not None:
            self.apply_filter()

    def export(self) -> None:
        from sync.ministry.extract import export_xlsx

        key = self.form_key()
        name, _ = QFileDialog.getSaveFileName(self, self.w("Exporter vers Excel", "تصدير إلى إكسل", "Export to Excel"),
                                              str(start_folder() / f"kafaat-national-{key}.xlsx"), "Excel (*.xlsx)")
        if not name:
            return
        remember(name)
        path = Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
        workspace, only, lang = self.context.workspace, self.establishment.currentData(), self.lang
        self.context.runner.run(lambda state: export_xlsx(workspace, key, path, only, lang, state),
                                title=self.w("Export Excel", "تصدير إكسل", "Excel export"), progress=True,
                                on_success=lambda _r: self.count.setText(
                                    self.w("Exporté : {0}", "صُدِّر: {0}", "Exported: {0}").format(path)),
                                parent=self)
