"""Left-to-right pieces (fingerprints, codes, dates, academic years) keep their order inside Arabic text.

The check reads the visual position of characters as Qt lays the text out, right to left, with the
widget's own font (``QTextLayout``): « AB12 » must stand left of « CD34 » on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextLayout, QTextOption

from desktop.ui.i18n import install_language, isolate, ltr


def x_of(text: str, index: int, font: QFont | None = None) -> float:
    layout = QTextLayout(text, font or QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(4000)
    layout.endLayout()
    return line.cursorToX(index)[0]


def reads_left_to_right(text: str, parts: list[str], font: QFont | None = None) -> bool:
    positions = [x_of(text, text.index(part) + 1, font) for part in parts]  # inside each part, not at its edge
    return positions == sorted(positions)


def test_fingerprints_years_and_dates_keep_their_order_in_arabic():
    install_language("ar")
    try:
        fingerprint = "4821 0937 5546 1208"  # digit groups, as spoken_fingerprint writes them
        groups = fingerprint.split()
        bare = f"بصمة المؤسسة : {fingerprint}"
        assert not reads_left_to_right(bare, groups)  # what people saw: groups in reverse order
        assert reads_left_to_right(f"بصمة المؤسسة : {ltr(fingerprint)}", groups)
        bare_year = "فوج — 2025-2026 — 2"
        assert not reads_left_to_right(bare_year, ["2025", "2026"])  # « 2026-2025 »
        assert reads_left_to_right(f"فوج — {isolate('2025-2026 — 2')}", ["2025", "2026"])
        assert reads_left_to_right(f"آخر تصدير : {ltr('29/11/2026 07:05')}", ["29", "11", "2026", "07:05"])
    finally:
        install_language("fr")
    assert ltr("AB12") == "AB12"  # nothing added in left-to-right languages


def test_the_export_page_shows_the_fingerprint_in_order_in_arabic(qtbot, workspace, tmp_path):
    from desktop.app import Application
    from sync.keys import load_public
    from tests.desktop.test_export_page import ready as make_ready

    make_ready.__wrapped__(workspace, tmp_path)
    app = Application(workspace, "ar")
    window = app.attach_now()
    try:
        qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
        page = window.navigate("export")
        qtbot.waitUntil(lambda: not app.context.runner.active, timeout=10_000)
        label = page.keys.status
        groups = load_public(workspace).fingerprint.split()
        text = label.text().splitlines()[0]
        assert reads_left_to_right(text, groups, label.font()), text
    finally:
        window.close_without_asking()
        app.context.runner.wait_all(10_000)
        install_language("fr")
