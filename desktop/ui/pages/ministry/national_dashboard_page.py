"""Tableau de bord national: the headline indicators and their charts (QtCharts), filtered by academic
year, region and supervising ministry. The figures are SQL aggregates (``sync.ministry.dashboard``)
computed off the GUI thread; the page paints at once and fills in when they arrive."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pages.ministry.base import MinistryPage
from forms.reference import reference


class NationalDashboardPage(MinistryPage):
    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_national_dashboard")
        self.figures: Any = None
        self.loading = False
        self.pending = False
        self.choices_loaded = False
        """The filters' choices have arrived (the figures for « all » are read meanwhile)."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        self.body.addWidget(self.heading("Tableau de bord national", "لوحة القيادة الوطنية", "National dashboard"))

        filters = QHBoxLayout()
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.region = QComboBox()
        self.region.setObjectName("region")
        self.ministry = QComboBox()
        self.ministry.setObjectName("ministry")
        for label, combo in ((self.w("Année universitaire", "السنة الجامعية", "Academic year"), self.year),
                             (self.w("Région", "الجهة", "Region"), self.region),
                             (self.w("Ministère de tutelle", "الوزارة الوصية", "Supervising ministry"), self.ministry)):
            combo.addItem(self.w("Toutes", "الكل", "All"), None)
            combo.setMinimumWidth(170)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self.refresh)
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        self.body.addLayout(filters)

        self.tiles = QGridLayout()
        self.tiles.setSpacing(6)
        self.body.addLayout(self.tiles)
        self.charts = QGridLayout()
        self.charts.setColumnStretch(0, 1)
        self.charts.setColumnStretch(1, 1)
        self.body.addLayout(self.charts)
        self.status = QLabel(self.w("Calcul des indicateurs…", "حساب المؤشرات…", "Computing the indicators…"))
        self.status.setObjectName("status")
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self._load_choices()  # the filters' choices and the figures for « all » are read side by side
        self.refresh()
        # QtCharts is imported while the worker reads the figures, not after they arrive
        QTimer.singleShot(0, lambda: importlib.import_module("desktop.ui.pages.ministry.charts"))

    def _load_choices(self) -> None:
        from sync.ministry.dashboard import filter_choices

        workspace = self.context.workspace
        self.context.runner.run(lambda state: filter_choices(workspace),
                                title=self.w("Tableau de bord national", "لوحة القيادة الوطنية", "National dashboard"),
                                on_success=self._fill_choices, parent=self)

    def _fill_choices(self, choices: Any) -> None:
        regions, ministries = reference("regions"), reference("ministries")
        for combo in (self.year, self.region, self.ministry):
            combo.blockSignals(True)
        for year in choices.years:
            self.year.addItem(year, year)
        for code in choices.regions:
            self.region.addItem(regions.label(code, self.lang), code)
        for code in choices.ministries:
            self.ministry.addItem(code, code)
            self.ministry.setItemData(self.ministry.count() - 1, ministries.label(code, self.lang),
                                      Qt.ItemDataRole.ToolTipRole)
        for combo in (self.year, self.region, self.ministry):
            combo.blockSignals(False)
        self.choices_loaded = True

    def filters(self) -> Any:
        from sync.ministry.dashboard import Filters

        return Filters(self.year.currentData(), self.region.currentData(), self.ministry.currentData())

    def refresh(self) -> None:
        """Offerings and cohorts first (painted at once), then the internships (the big table)."""
        from sync.ministry.dashboard import add_internship_figures, programme_figures

        if self.loading:
            self.pending = True
            return
        self.loading = True
        workspace, filters = self.context.workspace, self.filters()
        title = self.w("Tableau de bord national", "لوحة القيادة الوطنية", "National dashboard")
        self.status.setText(self.w("Calcul des indicateurs…", "حساب المؤشرات…", "Computing the indicators…"))
        self.status.setVisible(True)

        def first(figures: Any) -> None:
            if self.pending:  # the filters changed meanwhile: start again with them
                self.loading = self.pending = False
                self.refresh()
                return
            self.show_figures(figures)
            self.context.runner.run(lambda state: add_internship_figures(workspace, filters, figures), title=title,
                                    on_success=self._internships, on_failure=self._failed, parent=self)

        self.context.runner.run(lambda state: programme_figures(workspace, filters), title=title,
                                on_success=first, on_failure=self._failed, parent=self)

    def _internships(self, figures: Any) -> None:
        self.loading = False
        if self.pending:
            self.pending = False
            self.refresh()
            return
        self.show_figures(figures)

    def _failed(self, exc: BaseException) -> None:
        self.loading = self.pending = False
        self.context.runner.report(exc, self.w("Tableau de bord national", "لوحة القيادة الوطنية",
                                               "National dashboard"), self)

    def show_figures(self, figures: Any) -> None:
        from PySide6.QtCharts import QChartView

        from desktop.ui.pages.ministry.charts import headline, national_charts

        self.figures = figures
        _clear(self.tiles)
        for index, (label, value) in enumerate(headline(self.lang, figures, self.locale())):
            tile = QGroupBox()
            tile.setObjectName(f"tile_{index}")
            layout = QVBoxLayout(tile)
            number = QLabel(f"<span style='font-size:18pt; font-weight:600; color:#1f4e79'>{value}</span>")
            number.setObjectName(f"value_{index}")
            text = QLabel(label)
            text.setWordWrap(True)
            layout.addWidget(number)
            layout.addWidget(text)
            self.tiles.addWidget(tile, index // 6, index % 6)
        _clear(self.charts)
        for index, (title, chart) in enumerate(national_charts(self.lang, figures)[:4]):
            if chart is None:
                widget: QWidget = QGroupBox(title)
                waiting = index == 2 and not figures.internships_loaded
                QVBoxLayout(widget).addWidget(QLabel(
                    self.w("Calcul des stages…", "حساب التداريب…", "Counting the internships…") if waiting else
                    self.w("Pas encore de données.", "لا توجد بيانات بعد.", "No data yet.")))
            else:
                widget = QChartView(chart)
                widget.setRenderHint(QPainter.RenderHint.Antialiasing)
            widget.setObjectName(f"chart_{index}")
            widget.setMinimumHeight(300)
            self.charts.addWidget(widget, index // 2, index % 2)
        self.status.setVisible(not figures.internships_loaded)
        if not figures.internships_loaded:
            self.status.setText(self.w("Calcul des stages…", "حساب التداريب…", "Counting the internships…"))


def _clear(grid: QGridLayout) -> None:
    while grid.count():
        widget = grid.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.setObjectName("")
            widget.deleteLater()
