"""A new school administrator's keyboard-only pass through the real window (Tab, typing, Enter), in French and
Arabic: where the keyboard is when a page or an editor opens, and where it goes when the editor closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.conftest import CE_OFFERING

pytestmark = pytest.mark.usefixtures("compiled_translations")


def settle(qtbot, app) -> None:
    qtbot.waitUntil(lambda: not app.context.runner.active, timeout=20_000)
    QApplication.processEvents()


def new_editor(qtbot, app, form_key: str):
    """The list of ``form_key`` shown, then the editor of a new record opened and exposed."""
    app.window.navigate(form_key)
    settle(qtbot, app)
    app.context.open_record(form_key, None)
    editor = app.window.editors[-1]
    qtbot.waitExposed(editor)
    return editor


def focused():
    return QApplication.focusWidget()


def type_into(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab(qtbot) -> None:
    """Tab as the person presses it: to the completion list when one is open (it has the keyboard), else to the
    widget with the focus."""
    qtbot.keyClick(QApplication.activePopupWidget() or focused(), Qt.Key.Key_Tab)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_arrows_in_the_navigation_reach_every_page(qtbot, workspace, opened, lang):
    workspace.records().save("offering", CE_OFFERING)
    app = opened(lang)
    window = app.window
    window.navigate("dashboard")
    window.nav.setFocus()
    qtbot.waitUntil(lambda: focused() is window.nav)
    for row in range(1, window.nav.count()):
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
        settle(qtbot, app)
        assert window.nav.currentRow() == row, f"the arrow stopped at page {row - 1}: the keyboard left the list"
        assert focused() is window.nav
    # Enter goes into the page shown (a list: its table)
    window.navigate("offering")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Return)
    assert focused() is window.pages["offering"].view
    # an empty list: its search box
    window.navigate("internship")
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Return)
    assert focused() is window.pages["internship"].search


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_new_record_by_keyboard_alone_from_the_list_and_back(qtbot, workspace, opened, lang):
    offering, _ = workspace.records().save("offering", CE_OFFERING)
    app = opened(lang)
    window = app.window
    page = window.navigate("ce_session")
    settle(qtbot, app)
    qtbot.waitUntil(lambda: focused() is page.search)  # an empty list: its search box
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window.editors))
    editor = window.editors[-1]
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is editor)
    # the keyboard is in the first field: what is typed at once goes there
    assert focused() is editor.bindings["offering"].widget, focused()
    type_into(qtbot, "FC-IA")
    tab(qtbot)
    # Tab goes from field to field (not to the area holding them)
    assert focused() is editor.bindings["code"].widget, focused()
    type_into(qtbot, "FC-IA-2026-1")
    assert editor.bindings["offering"].value() == offering.id  # the offering's code names the offering
    assert editor.bindings["offering"].combo.currentText().startswith("FC-IA — ")
    editor.bindings["offering"].combo.lineEdit().setFocus()
    tab(qtbot)
    order = [focused()]
    for _ in range(len(editor.bindings) - 2):
        tab(qtbot)
        order.append(focused())
    keys = {id(b.widget): k for k, b in editor.bindings.items()}
    for date_key in ("start_date", "end_date"):
        keys[id(editor.bindings[date_key].widget.focusProxy())] = date_key
    walked = [keys.get(id(w), type(w).__name__) for w in order]
    assert walked == [k for k in editor.bindings if k != "offering"], walked
    # save with Enter (the default button) once the rest is typed, by values given to the fields
    values = {"domain": "AI", "start_date": "2026-01-12", "end_date": "2026-03-20", "hours": 120,
              "delivery_mode": "ONSITE", "enrolled": 25, "women": 12, "men": 13}
    for key, value in values.items():
        editor.bindings[key].set_value(value)
        editor.bindings[key].changed.emit()
    assert editor.run_check().errors == []
    editor.bindings["men"].widget.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.editors)
    settle(qtbot, app)
    qtbot.waitUntil(lambda: page.model.total == 1)
    settle(qtbot, app)
    # back on the list, the keyboard on the table, the new record selected: Enter opens it again
    saved = page.model.record_id(0)
    assert page.selected_ids() == [saved]
    qtbot.waitUntil(lambda: focused() is page.view)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_one_line_per_problem_under_the_editor(qtbot, opened, dialogs, lang):
    app = opened(lang)
    editor = new_editor(qtbot, app, "rd_project")
    binding = editor.bindings["partner_type"]
    binding.combo.setEditText("Grande")
    binding.combo.lineEdit().editingFinished.emit()
    editor.run_check()
    problems = editor.problems
    assert problems.isVisible() and problems.count() == 1
    item = problems.item(0)
    assert problems.fontMetrics().horizontalAdvance(item.text()) > problems.viewport().width()  # a long one
    # the line is there to be read: no scroll bar over it, whole in its tooltip
    assert not problems.horizontalScrollBar().isVisible()
    assert problems.visualItemRect(item).height() <= problems.viewport().height()
    assert item.toolTip() == item.text()
    dialogs.answer = QMessageBox.StandardButton.Discard
    editor.reject()


def test_no_french_left_in_the_arabic_lists(qtbot, workspace, opened):
    app = opened("ar")
    window = app.window
    for key in ("offering", "cohort", "internship", "rd_project", "ce_session"):
        page = window.navigate(key)
        settle(qtbot, app)
        for label in page.findChildren(QLabel):
            text = label.text()
            for word in ("Entrée", "Suppr", "Fond jaune", "brouillon", "Rechercher"):
                assert word not in text, f"{key}: « {text} »"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_code_typed_whole_shows_its_choice(qtbot, workspace, opened, lang):
    """« F », the code of the Excel files, typed into « Genre »: the box then shows « Femme » (« أنثى »), what
    will be saved, not a bare letter that reads like a typing mistake."""
    app = opened(lang)
    editor = new_editor(qtbot, app, "internship")
    combo = editor.bindings["gender"].combo
    combo.setFocus()
    qtbot.waitUntil(lambda: focused() is combo)
    type_into(qtbot, "f")
    tab(qtbot)
    assert editor.bindings["gender"].value() == "F"
    assert combo.currentText() == combo.itemText(combo.findData("F")) != "f"
    editor.bindings["gender"].set_value(None)
    editor.bindings["gender"].changed.emit()
    editor.reject()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_tab_and_shift_tab_leave_a_list(qtbot, workspace, opened, lang):
    workspace.records().save("offering", CE_OFFERING)
    app = opened(lang)
    page = app.window.navigate("offering")
    settle(qtbot, app)
    qtbot.waitUntil(lambda: page.model.total == 1 and focused() is page.view)
    qtbot.keyClick(page.view, Qt.Key.Key_Tab)
    assert focused() is not page.view, "Tab kept the keyboard in the table"
    page.view.setFocus()
    qtbot.waitUntil(lambda: focused() is page.view)
    qtbot.keyClick(page.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is not page.view, "Shift+Tab kept the keyboard in the table"


def test_the_keyboard_goes_to_the_first_field_at_the_first_showing_only(qtbot, opened):
    """Whether the editor was shown already is part of its state from its construction (``showEvent`` read it
    with ``getattr(…, False)``): a new editor has not been; its first showing puts the keyboard in its first
    field; shown again (hidden meanwhile), it leaves the keyboard where the user had put it."""
    from desktop.ui.editor import RecordEditor

    app = opened("fr")
    app.window.navigate("offering")
    settle(qtbot, app)
    editor = RecordEditor(app.context, "offering", parent=app.window)
    assert editor._shown_once is False
    fields = [b.widget for b in editor.bindings.values() if b.widget.isEnabled()]
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: focused() is fields[0])
    assert editor._shown_once is True
    fields[1].setFocus()
    qtbot.waitUntil(lambda: focused() is fields[1])
    editor.hide()
    editor.show()
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    assert editor.focusWidget() is fields[1], editor.focusWidget()  # the window's focus child, active or not
    editor.reject()
