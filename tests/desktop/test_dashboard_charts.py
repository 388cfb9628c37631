"""The dashboard's charts over a large establishment, rendered at 1280×720 in French and Arabic: value axes
carry their numbers, the twelve regions keep their names (not « … »), and Arabic reads from the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from sync.ministry.profiles import PROFILES
from tests.conftest import fill_every_form
from tests.desktop.generate import populate


@pytest.fixture
def many(workspace):
    workspace.close()
    populate(workspace.db_path, 2_400, offerings=12, cohorts_per_offering=2)
    fill_every_form(workspace.records())  # an R&D project and a continuing-education session too
    workspace.close()
    return workspace


def dark_pixels(view, rect: QRect) -> int:
    image = view.grab().toImage()
    count = 0
    for y in range(max(0, rect.top()), min(image.height(), rect.bottom())):
        for x in range(max(0, rect.left()), min(image.width(), rect.right())):
            if image.pixelColor(x, y).lightness() < 110:
                count += 1
    return count


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_charts_are_readable_and_mirrored_in_arabic(qtbot, many, compiled_translations, lang):
    from PySide6.QtCharts import QBarCategoryAxis, QChartView, QValueAxis

    from desktop.app import Application

    app = Application(many, lang)
    window = app.attach_now()
    try:
        window.resize(1280, 720)
        page = window.navigate("dashboard")
        declared = [chart for profile in PROFILES.values() for chart in profile.summary]
        qtbot.waitUntil(lambda: page.data is not None and page.charts_grid.count() == 4 + len(declared),
                        timeout=20_000)
        QApplication.processEvents()
        views = [page.charts_grid.itemAt(i).widget() for i in range(page.charts_grid.count())]
        assert all(isinstance(v, QChartView) for v in views)
        # after the establishment's four, every form's summary charts as its profile declares them (R&D, CE…)
        titles = [v.chart().title() for v in views[4:]]
        assert titles == [chart.title.get(lang) for chart in declared]
        assert {p.form for p in PROFILES.values() if p.summary} >= {"rd_project", "ce_session"}
        for index, view in enumerate(views):
            chart = view.chart()
            values = next(a for a in chart.axes() if isinstance(a, QValueAxis))
            categories = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
            plot = chart.plotArea().toRect()
            horizontal = index != 3
            if horizontal:  # the value axis' numbers under the plot
                strip = QRect(plot.left(), plot.bottom() + 6, plot.width(), view.height() - plot.bottom() - 8)
            elif lang == "ar":  # the year chart's value axis, on the right in Arabic
                strip = QRect(plot.right() + 6, plot.top(), view.width() - plot.right() - 8, plot.height())
            else:
                strip = QRect(2, plot.top(), plot.left() - 8, plot.height())
            assert dark_pixels(view, strip) > 30, f"{lang}: no numbers on the value axis of « {chart.title()} »"
            if horizontal:  # every category label has a band as high as its text box
                band = plot.height() / max(1, categories.count())
                assert band >= view.fontMetrics().height() + 8, f"{lang} « {chart.title()} »: {band:.0f} px a label"
                side = Qt.AlignmentFlag.AlignRight if lang == "ar" else Qt.AlignmentFlag.AlignLeft
                assert categories.alignment() == side
                assert values.isReverse() == (lang == "ar")
            else:
                years = list(categories.categories())
                assert years == sorted(years, reverse=(lang == "ar"))
                assert chart.legend().isVisible() and len(chart.legend().markers()) == 2
        assert views[2].chart().axes(Qt.Orientation.Vertical)[0].count() == 12  # the twelve regions
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)


def test_the_new_forms_charts_add_up_as_counted_by_hand(store):
    """R&D budgets by domain and continuing-education trainees by domain, against the records saved."""
    from desktop.ui import dashboard_data
    from tests.conftest import ce_session_values, rd_project_values

    ids = fill_every_form(store)
    store.save("rd_project", rd_project_values(ids["offering"], code="RD-2025-02", domains=["AI"],
                                               budget_total="300000", partner_contribution="100000"))
    store.save("ce_session", ce_session_values(ids["ce_offering"], code="FC-2", domain="CYBER", enrolled=10,
                                               women=4, men=6, completed=9, certified=None))
    charts = {item.chart.key: item for item in dashboard_data.load_profile_charts(store.engine)}
    budget = {code: values for code, values in charts["rd_budget_by_domain"].rows}
    assert budget["AI"] == {"budget": 1_500_000, "partner_contribution": 550_000.5}  # both projects
    assert budget["CYBER"] == {"budget": 1_200_000, "partner_contribution": 450_000.5}
    trainees = {code: values for code, values in charts["ce_by_domain"].rows}
    assert trainees == {"AI": {"enrolled": 24, "completed": 22, "certified": 20},
                        "CYBER": {"enrolled": 10, "completed": 9, "certified": None}}
