"""Tableau de bord: counts per form and status, charts (QtCharts) by domain, training type, region and
academic year, then every declared form's summary charts as its profile names them (``sync.ministry.profiles``:
the charts the committee's workbook draws, over this establishment's records), and a data-quality panel (drafts, records with warnings) that opens a record in one click.
The figures are read off the GUI thread (``desktop.ui.dashboard_data``)."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import dashboard_data
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from forms.definitions import FORMS
from forms.reference import reference
from forms.store.records import DRAFT

CHART_HEIGHT = 300
CHART_FRAME = 110
"""Title, value axis and margins of a chart, in pixels."""
BAND_PADDING = 12
"""A category label is drawn in a text box a little higher than the font (QtCharts' own margins)."""
PALETTE = ("#1f6f8b", "#e07a1f", "#3a9d5d", "#8e44ad", "#c0392b", "#2c3e50", "#d4ac0d", "#16a085")


class DashboardPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("page_dashboard")
        self.data: dashboard_data.DashboardData | None = None
        self.profile_charts: list[dashboard_data.ProfileChart] = []
        """The forms' summary charts, read apart from ``data`` (``refresh``)."""
        self.loading = self.stale = False
        self.waiting: set[str] = set()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.body = QVBoxLayout(body)
        establishment = reference("establishments").label(context.workspace.establishment, self.lang)
        title = self.tr("Tableau de bord")
        self.body.addWidget(QLabel(f"<h2>{title}</h2><p>{establishment}</p>"))

        top = QHBoxLayout()
        self.counts_box = QGroupBox(self.tr("Enregistrements"))
        self.counts_grid = QGridLayout(self.counts_box)
        top.addWidget(self.counts_box, 1)
        self.quality_box = QGroupBox(self.tr("Qualité des données"))
        quality_layout = QVBoxLayout(self.quality_box)
        self.quality_hint = QLabel()
        self.quality_hint.setWordWrap(True)
        # at the top of its box when the list below is hidden (nothing to list)
        self.quality_hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        quality_layout.addWidget(self.quality_hint)
        self.quality_list = QListWidget()
        self.quality_list.setObjectName("quality")
        self.quality_list.itemClicked.connect(self._open_item)
        self.quality_list.itemActivated.connect(self._open_item)
        quality_layout.addWidget(self.quality_list)
        top.addWidget(self.quality_box, 1)
        self.body.addLayout(top)

        self.charts_grid = QGridLayout()
        for column in (0, 1):  # the two columns share the width equally (a chart was squeezed to 80 px)
            self.charts_grid.setColumnStretch(column, 1)
        self.body.addLayout(self.charts_grid)
        self.status = QLabel(self.tr("Calcul des indicateurs…"))
        self.body.addWidget(self.status)
        self.body.addStretch(1)
        self.refresh()

    # ------------------------------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Read the figures again, off the GUI thread, in two parts run side by side: the counts, the quality
        panel and the four first charts (shown as soon as read), and the forms' summary charts (the longer
        read, added when they arrive). A refresh asked for while reading runs once the reading is done."""
        if self.loading:
            self.stale = True
            return
        self.loading, self.stale = True, False
        self.waiting = {"data", "profiles"}
        engine = self.context.store.engine
        runner = self.context.runner
        runner.run(lambda state: dashboard_data.load(engine), title=self.tr("Tableau de bord"),
                   on_success=self.show_data, on_failure=self._failed, parent=self)
        runner.run(lambda state: dashboard_data.load_profile_charts(engine), title=self.tr("Tableau de bord"),
                   on_success=self.show_profile_charts, on_failure=self._failed, parent=self)

    def _part_done(self, part: str) -> None:
        self.waiting.discard(part)
        if not self.waiting:
            self.loading = False
            if self.stale:
                self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if self.loading:  # one report for the two parts: they read the same database
            self.waiting.clear()
            self.loading = False
            self.context.runner.report(exc, self.tr("Tableau de bord"), self)

    def show_data(self, data: dashboard_data.DashboardData) -> None:
        self.data = data
        self._fill_counts(data)
        self._fill_quality(data)
        self._fill_charts(data)
        self.status.setVisible(False)
        self._part_done("data")

    def show_profile_charts(self, charts: list[dashboard_data.ProfileChart]) -> None:
        self.profile_charts = charts
        if self.data is not None:
            self._fill_charts(self.data)
        self._part_done("profiles")

    def _fill_counts(self, data: dashboard_data.DashboardData) -> None:
        _clear(self.counts_grid)
        headers = ("", self.tr("Complets"), self.tr("Brouillons"), self.tr("Avec avertissements"))
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            self.counts_grid.addWidget(label, 0, column)
        for row, (key, form) in enumerate(FORMS.items(), start=1):
            entry = data.counts.get(key, {})
            link = QLabel(f"<a href='{key}'>{form.plural.get(self.lang)}</a>")
            link.linkActivated.connect(self.context.navigate)
            self.counts_grid.addWidget(link, row, 0)
            for column, value in enumerate((entry.get("complete", 0), entry.get("draft", 0),
                                            entry.get("warnings", 0)), start=1):
                cell = QLabel(self.locale().toString(int(value)))
                cell.setObjectName(f"count_{key}_{column}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.counts_grid.addWidget(cell, row, column)
        self.counts_grid.setRowStretch(len(FORMS) + 1, 1)

    def _fill_quality(self, data: dashboard_data.DashboardData) -> None:
        self.quality_list.clear()
        for item in data.quality:
            form = FORMS[item.form]
            flags = []
            if item.status == DRAFT:
                flags.append(self.tr("brouillon"))
            if item.errors:
                flags.append(self.tr("%n erreur(s)", "", item.errors))
            if item.warnings:
                flags.append(self.tr("%n avertissement(s)", "", item.warnings))
            entry = QListWidgetItem(f"{form.label.get(self.lang)} — {item.title}  ({', '.join(flags)})")
            entry.setData(Qt.ItemDataRole.UserRole, (item.form, item.id))
            entry.setForeground(QColor("#b00020") if item.errors else QColor("#9a5000"))
            entry.setToolTip(self.tr("Cliquer pour ouvrir"))
            self.quality_list.addItem(entry)
        self.quality_list.setVisible(bool(data.quality))
        held = sum(entry.get("complete", 0) + entry.get("draft", 0) for entry in data.counts.values())
        if data.quality:
            self.quality_hint.setText(self.tr("Brouillons et enregistrements avec avertissements : un clic ouvre "
                                              "l'enregistrement."))
        elif not held:  # a new establishment: nothing is « ready for the export » yet
            self.quality_hint.setText(self.tr(
                "Aucun enregistrement pour l'instant. Commencez par vos offres de formation (les cohortes et les "
                "stages s'y rattachent), une à une ou en important un classeur depuis la page « Import »."))
        else:
            self.quality_hint.setText(self.tr("Aucun brouillon ni avertissement : tout est prêt pour l'export."))

    def _open_item(self, item: QListWidgetItem) -> None:
        form_key, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.context.open_record(form_key, record_id)

    # -------------------------------------------------------------------------------------- charts
    def _fill_charts(self, data: dashboard_data.DashboardData) -> None:
        _clear(self.charts_grid)
        domains = reference("domains")
        types = reference("training_types")
        regions = reference("regions")
        charts = [
            self._bar_chart(self.tr("Offres par domaine"),
                            [(domains.label(code, self.lang), n) for code, n in data.by_domain.items()]),
            self._bar_chart(self.tr("Offres par type de formation"),
                            [(types.label(code, self.lang), n) for code, n in data.by_training_type.items()]),
            self._bar_chart(self.tr("Stages par région d'accueil"),
                            sorted(((regions.label(code, self.lang), n) for code, n in data.by_region.items()),
                                   key=lambda item: -item[1])),
            self._year_chart(self.tr("Inscrits par année universitaire"), data.by_year),
            # then every declared form's summary charts, as its profile names them (new forms included), once
            # the form has records (a new establishment sees four empty boxes, not ten)
            *(self._profile_chart(item) for item in self.profile_charts if item.rows),
        ]
        for index, chart in enumerate(charts):
            chart.setObjectName(f"chart_{index}")
            self.charts_grid.addWidget(chart, index // 2, index % 2)

    def _chart_view(self, chart: Any, bands: int = 0) -> QWidget:
        """A chart at least ``CHART_HEIGHT`` high, more when it has many horizontal bars (``bands``): QtCharts
        replaces a category label by « … » when its band is lower than the label (12 regions in 300 px)."""
        from PySide6.QtCharts import QChartView

        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setVisible(False)
        chart.setAnimationOptions(chart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setLocale(self.locale())  # « 8 334 » in French, not the system's « 8.334 »
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        band = self.fontMetrics().height() + BAND_PADDING
        view.setMinimumHeight(max(CHART_HEIGHT, bands * band + CHART_FRAME))
        view.setMinimumWidth(360)
        return view

    def mirrored(self) -> bool:
        """Arabic: charts read from the right (labels on the right, bars and years running leftwards)."""
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _empty(self, title: str) -> QWidget:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        label = QLabel(self.tr("Pas encore de données."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        box.setMinimumHeight(260)
        return box

    def _bar_chart(self, title: str, items: list[tuple[str, int]]) -> QWidget:
        if not items:
            return self._empty(title)
        from PySide6.QtCharts import QBarSet, QChart, QHorizontalBarSeries

        chart = QChart()
        chart.setTitle(title)
        bars = QBarSet(title)
        bars.setColor(QColor(PALETTE[0]))
        labels = []
        for label, n in reversed(items[:12]):
            labels.append(label if len(label) <= 38 else label[:36] + "…")
            bars.append(n)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        _axes(chart, series, labels, max(n for _label, n in items) * 1.15 or 1, horizontal=True,
              mirrored=self.mirrored())
        return self._chart_view(chart, bands=len(labels))

    def _profile_chart(self, item: dashboard_data.ProfileChart) -> QWidget:
        """A form's summary chart (``sync.ministry.profiles``): one horizontal bar a code of the breakdown
        field, one bar set a measure (stacked when the measures are parts of a whole), a legend when there
        are several."""
        title = item.chart.title.get(self.lang)
        if not item.rows:
            return self._empty(title)
        from PySide6.QtCharts import QBarSet, QChart, QHorizontalBarSeries, QHorizontalStackedBarSeries

        table = FORMS[item.field_form].field(item.field).choices()
        rows = item.rows[:12]
        chart = QChart()
        chart.setTitle(title)
        series = QHorizontalStackedBarSeries() if item.chart.stacked else QHorizontalBarSeries()
        for index, (key, label) in enumerate(item.series):
            bars = QBarSet(label.get(self.lang))
            bars.setColor(QColor(PALETTE[index % len(PALETTE)]))
            for _code, values in reversed(rows):
                bars.append(float(values.get(key) or 0))
            series.append(bars)
        labels = []
        for code, _values in reversed(rows):
            label = table.label(str(code), self.lang) if table is not None else str(code)
            labels.append(label if len(label) <= 38 else label[:36] + "…")
        chart.addSeries(series)
        if item.chart.stacked:
            top = max(sum(float(v.get(k) or 0) for k, _label in item.series) for _code, v in rows)
        else:
            top = max(float(v.get(k) or 0) for k, _label in item.series for _code, v in rows)
        several = len(item.series) > 1
        bands = len(labels) * (1 if item.chart.stacked or not several else len(item.series))
        _axes(chart, series, labels, top * 1.15 or 1, horizontal=True, mirrored=self.mirrored())
        view = self._chart_view(chart, bands=bands)
        if several:
            chart.legend().setVisible(True)
            chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view.setMinimumHeight(view.minimumHeight() + self.fontMetrics().height() + 12)
        return view

    def _year_chart(self, title: str, by_year: dict[str, tuple[int, int, int]]) -> QWidget:
        if not by_year:
            return self._empty(title)
        from PySide6.QtCharts import QBarSet, QChart, QStackedBarSeries

        chart = QChart()
        chart.setTitle(title)
        women = QBarSet(self.tr("Femmes"))
        women.setColor(QColor(PALETTE[1]))
        men = QBarSet(self.tr("Hommes"))
        men.setColor(QColor(PALETTE[0]))
        years = list(by_year)[-8:]
        if self.mirrored():  # read from the right: the oldest year on the right (a bar axis cannot be reversed)
            years.reverse()
        for year in years:
            _enrolled, w, m = by_year[year]
            women.append(w)
            men.append(m)
        series = QStackedBarSeries()
        series.append(women)
        series.append(men)
        chart.addSeries(series)
        top = max(w + m for _e, w, m in by_year.values()) or 1
        _axes(chart, series, years, top * 1.1, horizontal=False, mirrored=self.mirrored())
        view = self._chart_view(chart)
        chart.legend().setVisible(True)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return view


def _clear(grid: QGridLayout) -> None:
    """Remove and delete the widgets of ``grid`` (before it is filled again)."""
    while grid.count():
        widget = grid.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.setObjectName("")
            widget.deleteLater()


def _axes(chart: Any, series: Any, categories: list[str], top: float, *, horizontal: bool,
          mirrored: bool = False) -> None:
    """A category axis (left for horizontal bars, else bottom) and a value axis from 0 to ``top``; mirrored
    (right to left): the vertical axis on the right, and the horizontal one running leftwards."""
    from PySide6.QtCharts import QBarCategoryAxis, QValueAxis

    categories_axis = QBarCategoryAxis()
    categories_axis.append(categories)
    values_axis = QValueAxis()
    # "%.0f", not "%d": with localised numbers QtCharts writes no label at all for "%d" (empty axes)
    values_axis.setLabelFormat("%.0f")
    values_axis.setTickCount(5)
    values_axis.setRange(0, top)
    if top <= 10:  # small counts: one tick per unit (« 0 1 1 2 » otherwise, with the labels rounded)
        values_axis.setRange(0, math.ceil(top))
        values_axis.setTickCount(math.ceil(top) + 1)
    else:
        values_axis.applyNiceNumbers()  # ticks on round numbers (0, 2 500, 5 000…)
    if mirrored and horizontal:
        values_axis.setReverse(True)  # bars grow leftwards from the labels on the right
    side = Qt.AlignmentFlag.AlignRight if mirrored else Qt.AlignmentFlag.AlignLeft
    left, bottom = side, Qt.AlignmentFlag.AlignBottom
    for axis, side in ((categories_axis, left if horizontal else bottom), (values_axis, bottom if horizontal else left)):
        chart.addAxis(axis, side)
        series.attachAxis(axis)
