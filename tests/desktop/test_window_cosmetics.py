"""What the window shows when a text is wider than its place, in French and in Arabic (right to left), on the
real window: table headers end in « … » and are read whole in their tooltip, a filter holding a long
offering keeps the offering's code, the fields of an editor line up from group to group, and the cohort
filter lists the cohorts of the offering chosen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QProxyStyle, QToolTip

from tests.conftest import OFFERING, cohort_values, internship_values
from tests.forms.excel_files import internship_row, write_xlsx

LONG_TITLE = "Master spécialisé en cybersécurité des systèmes industriels et des infrastructures critiques"
ELLIPSIS = "…"


pytestmark = pytest.mark.usefixtures("compiled_translations")


def settle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=20_000)
    QApplication.processEvents()


class TextSpy(QProxyStyle):
    """The application's style, recording every text it is asked to draw and the room it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[tuple[str, int, int]] = []

    def drawItemText(self, painter, rect, flags, palette, enabled, text, role=None):
        self.drawn.append((text, painter.fontMetrics().horizontalAdvance(text), rect.width()))
        if role is None:
            return super().drawItemText(painter, rect, flags, palette, enabled, text)
        return super().drawItemText(painter, rect, flags, palette, enabled, text, role)


def drawn_texts(widget) -> list[tuple[str, int, int]]:
    spy = TextSpy()
    widget.setStyle(spy)
    try:
        target = widget.viewport() if hasattr(widget, "viewport") else widget
        target.grab()
        return list(spy.drawn)
    finally:
        widget.setStyle(None)
        spy.deleteLater()


def header_tooltip(header, section: int) -> str:
    QToolTip.hideText()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    pos = QPoint(x, header.height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, header.viewport().mapToGlobal(pos))
    QApplication.sendEvent(header.viewport(), event)
    return QToolTip.text()


def assert_header_cut_with_ellipsis(header, section: int, whole: str) -> None:
    header.resizeSection(section, 110)
    drawn = drawn_texts(header)
    assert drawn, "no header text drawn"
    too_wide = [(text, need, room) for text, need, room in drawn if need > room + 1]
    assert not too_wide, f"header texts drawn wider than their section, cut without « … »: {too_wide}"
    def beginning(text: str) -> str:  # Qt joins the last Arabic letter kept to the « … » (a zero-width joiner)
        return text.removesuffix(ELLIPSIS).rstrip("\u200d")

    marks = "\u2068\u2069"  # a text isolated for the Arabic window (« A — CODE… » left to right)
    bare_whole = whole.strip(marks)
    mine = [text for text, _need, _room in drawn if text.strip(marks).endswith(ELLIPSIS)
            and beginning(text.strip(marks)) and bare_whole.startswith(beginning(text.strip(marks)))]
    assert mine, f"« {whole} » is not drawn as its beginning and « … »: {drawn}"
    assert header_tooltip(header, section) == whole


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_list_headers_end_in_an_ellipsis_and_are_whole_in_their_tooltip(qtbot, workspace, opened, lang):
    store = workspace.records()
    offering, _ = store.save("offering", OFFERING)
    store.save("internship", internship_values(offering.id))
    app = opened(lang)
    page = app.window.navigate("internship")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=20_000)
    settle(qtbot, app)
    section = 1 + [f.key for f in page.model.fields].index("student_code")
    whole = page.model.header_text(section)
    assert_header_cut_with_ellipsis(page.view.horizontalHeader(), section, whole)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_import_preview_headers_end_in_an_ellipsis_and_are_whole_in_their_tooltip(qtbot, workspace, opened,
                                                                                   tmp_path, lang):
    store = workspace.records()
    offering, _ = store.save("offering", OFFERING)
    store.save("cohort", cohort_values(offering.id))
    app = opened(lang)
    page = app.window.navigate("import")
    page.set_form("internship")
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()], style="labels")
    page.open_file(str(path))
    qtbot.waitUntil(lambda: page.operation is not None and page.operation.done, timeout=20_000)
    settle(qtbot, app)
    table = page.preview_table
    whole = table.horizontalHeaderItem(0).text()
    assert len(whole) > 20, whole  # « A — Code national de l'étudiant (CNE / Massar) », in the file's words
    assert_header_cut_with_ellipsis(table.horizontalHeader(), 0, whole)
    # the field chosen for each column: a long label ends in « … » within its box, whole in its tooltip
    combo = page.combos[0]
    combo.parentWidget().parentWidget().horizontalHeader().resizeSection(2, 90)
    QApplication.processEvents()
    drawn = [(text, need, room) for text, need, room in drawn_texts(combo) if text.strip()]
    assert drawn and all(need <= room + 1 for _text, need, room in drawn), drawn
    assert combo.toolTip() == combo.currentText()


def _long_offering(store):
    offering, _ = store.save("offering", {**OFFERING, "code": "MS-CYBER-IND", "title": LONG_TITLE})
    return offering


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_filter_holding_a_long_offering_keeps_its_code(qtbot, workspace, opened, lang):
    store = workspace.records()
    offering = _long_offering(store)
    store.save("internship", internship_values(offering.id))
    app = opened(lang)
    page = app.window.navigate("internship")
    settle(qtbot, app)
    combo = page.field_filters["offering"]
    combo.setCurrentIndex(combo.findData(offering.id))
    settle(qtbot, app)
    assert combo.currentText().startswith("MS-CYBER-IND")
    assert combo.width() < combo.fontMetrics().horizontalAdvance(combo.currentText())  # it is too long to fit
    drawn = [text for text, _need, _room in drawn_texts(combo)]
    shown = [(text, need, room) for text, need, room in drawn_texts(combo) if "CYBER" in text or "Master" in text]
    assert shown, drawn
    for text, need, room in shown:
        bare = text.strip("\u2068\u2069")
        assert bare.startswith("MS-CYBER-IND — Master"), f"the box shows « {text} »: the code is lost"
        assert bare.endswith(ELLIPSIS) and need <= room + 1, (text, need, room)
    assert combo.toolTip() == combo.currentText()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_editor_shows_the_beginning_of_a_long_offering(qtbot, workspace, opened, lang):
    store = workspace.records()
    offering = _long_offering(store)
    record, _ = store.save("internship", internship_values(offering.id))
    app = opened(lang)
    app.window.navigate("internship")
    settle(qtbot, app)
    app.context.open_record("internship", record.id)
    editor = app.window.editors[-1]
    qtbot.waitExposed(editor)
    combo = editor.bindings["offering"].combo
    edit = combo.lineEdit()
    assert edit.text().startswith("MS-CYBER-IND")
    assert edit.width() < edit.fontMetrics().horizontalAdvance(edit.text())
    # the line edit scrolls to its cursor: at the end of the text, the code was out of sight
    assert edit.cursorPosition() == 0
    edit.setFocus()
    combo.setCurrentIndex(0)
    combo.setCurrentIndex(combo.findData(offering.id))  # chosen again from the list
    assert edit.cursorPosition() == 0
    editor.reject()


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("form_key", ["internship", "offering", "rd_project", "ce_session"])
def test_the_fields_of_an_editor_line_up_from_group_to_group(qtbot, workspace, opened, lang, form_key):
    app = opened(lang)
    app.window.navigate(form_key)
    settle(qtbot, app)
    app.context.open_record(form_key, None)
    editor = app.window.editors[-1]
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    rtl = lang == "ar"
    edges: dict[int, list[str]] = {}
    for key, binding in editor.bindings.items():
        holder = binding.widget.parentWidget()
        corner = holder.rect().topRight() if rtl else holder.rect().topLeft()
        edges.setdefault(holder.mapTo(editor, corner).x(), []).append(key)
    assert len(edges) == 1, f"the fields start at {len(edges)} different places: {edges}"
    editor.reject()


def test_the_cohort_filter_lists_the_cohorts_of_the_offering_chosen(qtbot, workspace, opened):
    store = workspace.records()
    first, _ = store.save("offering", OFFERING)
    second, _ = store.save("offering", {**OFFERING, "code": "MS-DATA", "title": "Master data"})
    cohorts = {}
    for offering in (first, second):
        for year in ("2024-2025", "2025-2026"):
            cohort, _ = store.save("cohort", cohort_values(offering.id, academic_year=year))
            cohorts[cohort.id] = offering.id
    store.save("internship", internship_values(first.id))
    app = opened("fr")
    page = app.window.navigate("internship")
    settle(qtbot, app)
    offering_filter, cohort_filter = page.field_filters["offering"], page.field_filters["cohort"]

    def listed() -> set[str]:
        return {cohort_filter.itemData(i) for i in range(1, cohort_filter.count())}

    assert listed() == set(cohorts)  # no offering chosen: every cohort
    offering_filter.setCurrentIndex(offering_filter.findData(second.id))
    settle(qtbot, app)
    assert listed() == {c for c, o in cohorts.items() if o == second.id}
    chosen = next(c for c, o in cohorts.items() if o == second.id)
    cohort_filter.setCurrentIndex(cohort_filter.findData(chosen))
    settle(qtbot, app)
    assert page.model.filter.equals == {"offering": second.id, "cohort": chosen}
    # another offering: its cohorts, and the cohort chosen (of the other offering) no longer filters
    offering_filter.setCurrentIndex(offering_filter.findData(first.id))
    settle(qtbot, app)
    assert listed() == {c for c, o in cohorts.items() if o == first.id}
    assert cohort_filter.currentData() is None
    assert page.model.filter.equals == {"offering": first.id}
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=20_000)
    offering_filter.setCurrentIndex(0)
    settle(qtbot, app)
    assert listed() == set(cohorts)
