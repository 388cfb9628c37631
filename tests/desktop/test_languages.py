"""Switching language in Paramètres: Arabic right to left, English, back to French, without reinstalling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.usefixtures("compiled_translations")


def switch(qtbot, application, lang: str):
    old = application.window
    settings = old.navigate("settings")
    settings.language.setCurrentIndex(settings.language.findData(lang))
    qtbot.mouseClick(settings.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: application.window is not old)
    return application.window


def nav_texts(window) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_arabic_is_right_to_left_and_translated(qtbot, application, workspace):
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    window = switch(qtbot, application, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert nav_texts(window)[0] == "لوحة القيادة"
    assert window.current_page().objectName() == "page_settings"
    assert window.current_page().apply_button.text() == "تطبيق"  # a window string, through the .qm
    page = window.navigate("internship")
    assert page.model.headerData(1, Qt.Orientation.Horizontal) == "الرمز الوطني للطالب (مسار)"  # declarations
    assert page.new_button.text() == "جديد"
    assert workspace.settings["language"] == "ar"
    qtbot.waitUntil(lambda: "آخر تصدير" in window.export_label.toolTip(), timeout=10_000)  # read off the GUI thread
    assert "Dernier export" not in window.export_label.toolTip()


def test_english_then_back_to_french(qtbot, application):
    window = switch(qtbot, application, "en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert nav_texts(window)[1] == "Course offerings"
    assert window.navigate("offering").search.placeholderText() == "Search (Ctrl+F)…"
    window = switch(qtbot, application, "fr")
    assert nav_texts(window)[1] == "Offres de formation"
    assert window.navigate("offering").search.placeholderText() == "Rechercher (Ctrl+F)…"


def test_dates_shown_as_day_month_year(qtbot, application, store, offering_id):
    from tests.conftest import internship_values

    store.save("internship", internship_values(offering_id))
    page = application.window.navigate("internship")
    page.refresh()  # read off the GUI thread
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.record_id(0) is not None)
    column = 1 + [f.key for f in page.model.fields].index("start_date")
    assert page.model.data(page.model.index(0, column)) == "01/02/2026"


def test_progress_is_told_in_the_window_language(qtbot, application, store, offering_id, tmp_path):
    """What a long operation is doing (« Export terminé », « Vérification des lignes… ») was French in the
    Arabic window's progress dialog: it is now said in the window's language."""
    window = switch(qtbot, application, "ar")
    page = window.navigate("offering")
    qtbot.waitUntil(lambda: page.total == 1, timeout=20_000)
    said: list[str] = []
    op = page.export_to(str(tmp_path / "offres.xlsx"))
    op.progress.connect(lambda _done, _total, text: said.append(text))
    qtbot.waitUntil(lambda: op.done, timeout=20_000)
    assert "انتهى التصدير" in said, said
    assert not any("Export" in text for text in said), said
