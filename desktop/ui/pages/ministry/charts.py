"""QtCharts charts of the national figures (``sync.ministry.dashboard.NationalFigures``), shared by the
national dashboard and the PDF summary: each function returns a ``QChart``, or None when there is
nothing to draw."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor

from desktop.ui.pages.ministry import isolate, words
from forms.reference import reference

PALETTE = ("#1f6f8b", "#e07a1f", "#3a9d5d", "#8e44ad", "#c0392b", "#2c3e50", "#d4ac0d", "#16a085")


def _base(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setLocalizeNumbers(True)
    chart.legend().setVisible(False)
    return chart


def _axes(chart: QChart, series: Any, categories: list[str], top: float, horizontal: bool) -> None:
    categories_axis = QBarCategoryAxis()
    categories_axis.append(categories)
    values_axis = QValueAxis()
    values_axis.setLabelFormat("%.0f")
    values_axis.setRange(0, top)
    values_axis.applyNiceNumbers()
    left, bottom = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
    for axis, side in ((categories_axis, left if horizontal else bottom), (values_axis, bottom if horizontal else left)):
        chart.addAxis(axis, side)
        series.attachAxis(axis)


def bar_chart(title: str, items: list[tuple[str, int]], color: str = PALETTE[0]) -> QChart | None:
    if not items:
        return None
    chart = _base(title)
    bars = QBarSet(title)
    bars.setColor(QColor(color))
    labels = []
    for label, n in reversed(items[:12]):
        labels.append(label if len(label) <= 34 else label[:32] + "…")
        bars.append(n)
    series = QHorizontalBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    _axes(chart, series, labels, max(n for _label, n in items[:12]) * 1.2 or 1, horizontal=True)
    return chart


def pie_chart(title: str, items: list[tuple[str, int]]) -> QChart | None:
    items = [(label, n) for label, n in items if n]
    if not items:
        return None
    chart = _base(title)
    series = QPieSeries()
    total = sum(n for _label, n in items)
    for index, (label, n) in enumerate(items):
        part = series.append(f"{label} ({round(100 * n / total)} %)", n)
        part.setColor(QColor(PALETTE[index % len(PALETTE)]))
    chart.addSeries(series)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def year_chart(lang: str, title: str, by_year: list[tuple[str, int, int]]) -> QChart | None:
    if not by_year:
        return None
    chart = _base(title)
    women = QBarSet(words(lang, "Femmes", "الإناث", "Women"))
    women.setColor(QColor(PALETTE[1]))
    men = QBarSet(words(lang, "Hommes", "الذكور", "Men"))
    men.setColor(QColor(PALETTE[0]))
    years = by_year[-8:]
    for _year, enrolled, w in years:
        women.append(w)
        men.append(max(enrolled - w, 0))
    series = QStackedBarSeries()
    series.append(women)
    series.append(men)
    chart.addSeries(series)
    _axes(chart, series, [y for y, _e, _w in years], max(e for _y, e, _w in years) * 1.1 or 1, horizontal=False)
    chart.legend().setVisible(True)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def national_charts(lang: str, figures: Any) -> list[tuple[str, QChart | None]]:
    """The dashboard's four charts, titled in ``lang``: (title, chart or None when empty)."""
    domains, types = reference("domains"), reference("training_types")
    internship_types, regions = reference("internship_types"), reference("regions")
    titles = (words(lang, "Places par domaine", "المقاعد حسب المجال", "Places by domain"),
              words(lang, "Inscrits par année universitaire", "المسجلون حسب السنة الجامعية",
                    "Enrolled by academic year"),
              words(lang, "Stages par type", "التداريب حسب النوع", "Internships by type"),
              words(lang, "Places par type de formation", "المقاعد حسب نوع التكوين", "Places by training type"),
              words(lang, "Inscrits par région", "المسجلون حسب الجهة", "Enrolled by region"))
    by_domain = sorted(((domains.label(c, lang), p) for c, p, _n in figures.places_by_domain), key=lambda i: -i[1])
    return [
        (titles[0], bar_chart(titles[0], by_domain)),
        (titles[1], year_chart(lang, titles[1], figures.enrolled_by_year)),
        (titles[2], bar_chart(titles[2], [(internship_types.label(c, lang), n)
                                          for c, n in figures.internships_by_type], PALETTE[2])),
        (titles[3], pie_chart(titles[3], [(types.label(c, lang), p) for c, p in figures.places_by_training_type])),
        (titles[4], bar_chart(titles[4], [(regions.label(c, lang) if c != "?" else "?", n)
                                          for c, n in figures.enrolled_by_region], PALETTE[3])),
    ]


def headline(lang: str, figures: Any, locale: Any) -> list[tuple[str, str]]:
    """The headline indicators as (label, value) in ``lang``, numbers formatted by ``locale``."""
    def n(value: int) -> str:
        return locale.toString(int(value))

    def pct(part: int, whole: int) -> str:
        share = figures.share(part, whole)
        return "—" if share is None else locale.toString(100 * share, "f", 1) + " %"

    w = lambda fr, ar, en: words(lang, fr, ar, en)  # noqa: E731
    if not figures.internships_loaded:  # still being counted: the tiles say so
        n_i = pct_i = lambda *_args: "…"
    else:
        n_i, pct_i = n, pct
    return [
        (w("Établissements ayant déclaré", "المؤسسات المصرحة", "Establishments reporting"),
         isolate(f"{n(figures.reporting)} / {n(figures.expected)}")),
        (w("Offres de formation", "عروض التكوين", "Course offerings"), n(figures.offerings)),
        (w("Places ouvertes", "المقاعد المفتوحة", "Places opened"), n(figures.places)),
        (w("Offres co-construites avec un partenaire", "عروض مشتركة مع شريك", "Offerings with an industry partner"),
         pct(figures.partnered, figures.offerings)),
        (w("Inscrits", "المسجلون", "Enrolled"), n(figures.enrolled)),
        (w("Part des femmes", "نسبة الإناث", "Share of women"), pct(figures.women, figures.enrolled)),
        (w("Part en alternance", "نسبة التكوين بالتناوب", "Share in work-study"),
         pct(figures.work_study, figures.enrolled)),
        (w("Diplômés", "الخريجون", "Graduates"), n(figures.graduates)),
        (w("Insertion à 6 mois", "الإدماج بعد 6 أشهر", "Insertion at 6 months"),
         pct(figures.employed_6m, figures.graduates)),
        (w("Stages", "التداريب", "Internships"), n_i(figures.internships)),
        (w("Stagiaires femmes", "المتدربات", "Women interns"), pct_i(figures.internships_women, figures.internships)),
        (w("Stagiaires recrutés par l'organisme", "المتدربون الموظفون من طرف الجهة", "Interns hired by the host"),
         pct_i(figures.hired, figures.internships)),
        *((ind.label.get(lang), _formatted(ind.fmt, value, locale)) for ind, value in figures.tiles),
    ]


def _formatted(fmt: str, value: Any, locale: Any) -> str:
    """An indicator of a form's profile (``NationalFigures.tiles``) as its tile shows it."""
    from sync.ministry.measures import RATE

    if value is None:
        return "—"
    if fmt == RATE:
        return locale.toString(100 * value, "f", 1) + " %"
    return locale.toString(float(value), "f", 0)
