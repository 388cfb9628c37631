"""Every page works in a 1280×720 window (a modest office laptop), in French, Arabic and English: the
window is not forced larger, pages scroll instead, the dashboard's charts keep a readable width."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.pages import PAGES
from tests.conftest import OFFERING, cohort_values, internship_values

pytestmark = pytest.mark.usefixtures("compiled_translations")


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_page_fits_1280_by_720(qtbot, workspace, lang):
    from desktop.app import Application

    store = workspace.records()
    offering, _ = store.save("offering", OFFERING)
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    store.save("internship", internship_values(offering.id, cohort.id))
    app = Application(workspace, lang)
    window = app.attach_now()
    try:
        window.resize(1280, 720)
        qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
        too_big = []
        for spec in PAGES:
            window.navigate(spec.key)
            qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
            QApplication.processEvents()
            window.resize(1280, 720)
            hint = window.minimumSizeHint().expandedTo(window.minimumSize())
            if window.width() > 1280 or window.height() > 720 or hint.width() > 1280 or hint.height() > 720:
                too_big.append(f"{spec.key}: {window.width()}×{window.height()} (minimum {hint.width()}×{hint.height()})")
        assert not too_big, too_big
        dashboard = window.navigate("dashboard")
        # its own four charts, then the profile charts of the forms that have records (offering, cohort, internship)
        qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.charts_grid.count() == 4 + 3, timeout=10_000)
        QApplication.processEvents()
        widths = [dashboard.charts_grid.itemAt(i).widget().width() for i in range(dashboard.charts_grid.count())]
        assert min(widths) >= 300, widths
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)
