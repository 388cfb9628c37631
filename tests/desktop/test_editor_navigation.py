"""The record editor with mouse and keyboard: fields that do not apply are disabled (from the declaration),
the list of a record's problems takes you to the field, previous/next record without losing typing,
digits typed into an empty date box after a click anywhere in it. Real key and mouse events."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from forms.definitions import FORMS
from forms.schema import AppliesWhen
from tests.conftest import OFFERING
from tests.desktop.test_records_ui import new_editor


def choose(qtbot, combo, label: str) -> None:
    """Pick ``label`` in a (non-editable or editable) combo box with the keyboard, as a person does."""
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    target = combo.findText(label)
    assert target >= 0, label
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        QTest.keyClick(combo, key)


# ------------------------------------------------------------------------------------ applicability
def test_the_accreditation_date_is_declared_to_apply_only_when_subject_to_accreditation():
    rule = FORMS["offering"].field("accreditation_date").applies_when
    assert isinstance(rule, AppliesWhen)
    assert not rule({"accreditation_status": "NOT_REQUIRED"})
    assert rule({"accreditation_status": "ACCREDITED"}) and rule({})


def test_a_field_that_does_not_apply_is_disabled_and_emptied(qtbot, application, store):
    _page, editor = new_editor(qtbot, application, "offering")
    editor.show()
    qtbot.waitExposed(editor)
    status = editor.bindings["accreditation_status"]
    when = editor.bindings["accreditation_date"]
    assert when.widget.isEnabled()
    choose(qtbot, status.combo, "Accréditée")
    when.edit.setFocus()
    QTest.keyClicks(when.edit, "01092024")
    assert editor.values()["accreditation_date"] == date(2024, 9, 1)
    choose(qtbot, status.combo, "Non soumise à accréditation")
    assert not when.widget.isEnabled() and not editor.labels["accreditation_date"].isEnabled()
    assert editor.values()["accreditation_date"] is None
    assert "Ne s'applique pas" in when.widget.toolTip()
    # one undo gives back the status and the date together
    editor.undo_stack.undo()
    assert editor.values()["accreditation_status"] != "NOT_REQUIRED"
    assert editor.values()["accreditation_date"] == date(2024, 9, 1) and when.widget.isEnabled()
    editor._closing_ok = True
    editor.reject()


def test_a_stored_value_in_a_field_that_does_not_apply_is_shown_as_it_is(qtbot, application, store):
    record, _ = store.save("offering", {**OFFERING, "accreditation_status": "NOT_REQUIRED",
                                        "accreditation_date": "2024-09-01"}, status="draft")
    application.window.navigate("offering").refresh()
    editor = application.window.open_record("offering", record.id)
    assert not editor.bindings["accreditation_date"].widget.isEnabled()
    assert editor.values()["accreditation_date"] == date(2024, 9, 1)  # opening changes nothing
    assert not editor.is_dirty()
    editor.done(0)


# ------------------------------------------------------------------------------------ problem list
def test_clicking_a_problem_takes_you_to_its_field(qtbot, application, store):
    record, _ = store.save("offering", {**OFFERING, "contact_email": "pas-une-adresse", "capacity": None},
                           status="draft")
    application.window.navigate("offering").refresh()
    editor = application.window.open_record("offering", record.id)
    editor.resize(760, 520)
    qtbot.waitExposed(editor)
    problems = editor.problems
    assert problems.isVisible() and problems.count() >= 1
    texts = [problems.item(i).text() for i in range(problems.count())]
    row = next(i for i, t in enumerate(texts) if "E-mail de contact" in t)
    editor.tabs.setCurrentIndex(1)  # even from the history tab
    editor.bindings["code"].edit.setFocus()
    item = problems.item(row)
    problems.scrollToItem(item)
    QTest.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     problems.visualItemRect(item).center())
    target = editor.bindings["contact_email"].widget
    qtbot.waitUntil(target.hasFocus)
    assert editor.tabs.currentIndex() == 0
    assert target.visibleRegion().boundingRect().height() > 0  # scrolled into view
    editor.done(0)


# -------------------------------------------------------------------------------- previous / next
def _three_offerings(store):
    ids = []
    for code in ("MS-A", "MS-B", "MS-C"):
        record, _ = store.save("offering", {**OFFERING, "code": code, "title": f"Master {code}"})
        ids.append(record.id)
    return ids


def _first_of_three(qtbot, application, store):
    """Three offerings listed, the first open in an active editor: (list page, ids in list order, editor)."""
    _three_offerings(store)
    page = application.window.navigate("offering")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.model.record_id(2) is not None, timeout=10_000)
    order = [page.model.record_id(r) for r in range(page.model.rowCount())]
    editor = application.window.open_record("offering", order[0])
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return page, order, editor


def test_previous_and_next_record_with_keys_and_buttons(qtbot, application, store, dialogs):
    page, order, editor = _first_of_three(qtbot, application, store)
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.record.id == order[1]
    assert page.selected_ids() == [order[1]]  # the list follows
    qtbot.mouseClick(editor.next_button, Qt.MouseButton.LeftButton)
    assert editor.record.id == order[2]
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.record.id == order[2] and "suivant" in editor.summary.text()  # the end of the list
    QTest.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.record.id == order[1]
    title = editor.windowTitle()
    assert store.get("offering", order[1]).values["code"] in title
    assert not editor.undo_stack.canUndo()
    editor.done(0)


def test_moving_away_from_unsaved_typing_asks_first(qtbot, application, store, dialogs):
    page, order, editor = _first_of_three(qtbot, application, store)
    title = editor.bindings["title"].edit
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Titre modifie")
    assert editor.is_dirty()
    # « Annuler »: stays, typing kept
    dialogs.answer = QMessageBox.StandardButton.Cancel
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.asked and editor.record.id == order[0] and editor.values()["title"] == "Titre modifie"
    # « Enregistrer »: saved, then the next record
    dialogs.answer = QMessageBox.StandardButton.Save
    QTest.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.record.id == order[1], timeout=10_000)
    assert store.get("offering", order[0]).values["title"] == "Titre modifie"
    assert editor.isVisible()
    # « Ne pas enregistrer »: the typing is dropped, the move happens
    title.setFocus()
    title.selectAll()
    QTest.keyClicks(title, "Perdu")
    dialogs.answer = QMessageBox.StandardButton.Discard
    # the save reloads the list off the GUI thread: the neighbours are known again once it is back
    qtbot.waitUntil(lambda: page.model.row_of(editor.record.id) >= 0, timeout=10_000)
    qtbot.mouseClick(editor.previous_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.record.id == order[0], timeout=10_000)
    assert store.get("offering", order[1]).values["title"] != "Perdu"
    assert editor.values()["title"] == "Titre modifie" and not editor.is_dirty()
    editor.done(0)


def test_a_new_record_has_no_neighbours(qtbot, application, store):
    _page, editor = new_editor(qtbot, application, "offering")
    assert not editor.next_button.isEnabled() and not editor.previous_button.isEnabled()
    assert editor.go(1) is False
    editor.done(0)


# ------------------------------------------------------------------------------------------- dates
def test_digits_typed_after_a_click_anywhere_in_an_empty_date(qtbot, application, store):
    _page, editor = new_editor(qtbot, application, "internship")
    editor.show()
    qtbot.waitExposed(editor)
    binding = editor.bindings["start_date"]
    editor.scroll.ensureWidgetVisible(binding.widget)
    edit = binding.edit
    # a click towards the right of the empty box (between the slashes), then digits: no double-click needed
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(edit.width() - 30, edit.height() // 2))
    qtbot.waitUntil(edit.hasFocus)
    QApplication.processEvents()
    QTest.keyClicks(edit, "15032026")
    assert binding.value() == date(2026, 3, 15)
    # reaching it with Tab works the same
    end = editor.bindings["end_date"].edit
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    if not end.hasFocus():  # the calendar button takes no focus; the clear button neither
        end.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    QTest.keyClicks(end, "30062026")
    assert editor.values()["end_date"] == date(2026, 6, 30)
    editor._closing_ok = True
    editor.reject()
