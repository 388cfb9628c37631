"""Nothing is saved that nobody typed: empty dates stay empty, the mouse wheel changes only the field that
has the focus, digits typed into a date make the date. Real key and wheel events through QApplication."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWizard

from desktop.ui.fields import ComboBinding, DateBinding, IntegerBinding
from tests.conftest import OFFERING
from tests.desktop.test_records_ui import new_editor


def wheel(widget, steps: int = -1) -> None:
    """Notches of the mouse wheel over the middle of ``widget`` (down when negative), entering through
    the window system (``QTest.wheelEvent``): Qt gives it to the widget under the pointer, then to its
    parents when that one ignores it, exactly as for a real mouse."""
    window = widget.window()
    at = widget.mapTo(window, widget.rect().center())
    QTest.wheelEvent(window.windowHandle(), QPointF(at), QPoint(0, 120 * steps))
    QApplication.processEvents()


def test_dates_of_a_new_record_stay_empty_and_are_saved_as_null(qtbot, application, store, dialogs):
    store.save("offering", OFFERING)
    _page, editor = new_editor(qtbot, application, "internship")
    dates = [key for key, b in editor.bindings.items() if isinstance(b, DateBinding)]
    assert {"start_date", "end_date"} <= set(dates)
    assert all(editor.values()[key] is None for key in dates)
    editor.show_all = True
    checked = editor.run_check()
    missing = {k for i in checked.errors for k in i.fields}
    assert {"start_date", "end_date"} <= missing  # required dates are reported missing
    editor.bindings["student_code"].edit.setText("R1")
    editor._edited("student_code")
    with qtbot.waitSignal(editor.finished, timeout=10_000):
        qtbot.mouseClick(editor.draft_button, Qt.MouseButton.LeftButton)
    saved = store.list("internship")[0]
    assert all(saved.values[key] is None for key in dates), {k: saved.values[k] for k in dates}

    # an offering not subject to accreditation: its accreditation date stays empty
    _page, editor = new_editor(qtbot, application, "offering")
    assert editor.values()["accreditation_date"] is None


def test_digits_typed_into_a_date_make_the_date(qtbot, application, store):
    _page, editor = new_editor(qtbot, application, "internship")
    binding = editor.bindings["start_date"]
    editor.show()
    qtbot.waitExposed(editor)
    binding.edit.setFocus()
    QTest.keyClicks(binding.edit, "01022026")
    assert binding.value() == date(2026, 2, 1)
    assert editor.values()["start_date"] == date(2026, 2, 1)
    assert "start_date" in editor.touched
    # half typed: the store is given the text and says what is wrong
    end = editor.bindings["end_date"]
    end.edit.setFocus()
    QTest.keyClicks(end.edit, "3102")
    assert isinstance(end.value(), str)
    editor.show_all = True
    assert "end_date" in {k for i in editor.run_check().errors for k in i.fields}
    editor.done(0)


def test_the_wheel_changes_only_a_focused_field(qtbot, application, store):
    store.save("offering", OFFERING)
    _page, editor = new_editor(qtbot, application, "offering")
    editor.resize(760, 420)
    editor.show()
    qtbot.waitExposed(editor)
    scroll = editor.findChild(QScrollArea)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    combo = editor.bindings["delivery_mode"]
    spin = editor.bindings["duration"]
    assert isinstance(combo, ComboBinding) and isinstance(spin, IntegerBinding)
    spin.set_value(18)
    editor.bindings["code"].edit.setFocus()
    before = editor.values()
    for binding in (combo, spin):
        position = bar.value()
        scroll.ensureWidgetVisible(binding.widget)
        position = bar.value()
        wheel(binding.widget, -1)
        assert editor.values() == before, binding.field.key
        assert bar.value() != position or bar.value() == bar.maximum(), "the page scrolls instead"
        assert not binding.widget.hasFocus()  # the wheel does not give the focus either
    # a field the person is working in takes the wheel
    scroll.ensureWidgetVisible(spin.widget)
    spin.spin.setFocus()
    qtbot.waitUntil(spin.spin.hasFocus)
    wheel(spin.spin, 1)
    assert editor.values()["duration"] == 19
    editor.done(0)


def test_the_first_run_assistant_offers_the_language(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.setup_wizard import LANGUAGE_CHANGED, SetupWizard

    refusals: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: refusals.append(text))

    wizard = SetupWizard(tmp_path / "nouveau", "fr")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.operator.setText("Amina")
    assert wizard.language.count() == 3
    with qtbot.waitSignal(wizard.finished, timeout=5000):
        wizard.language.setCurrentIndex(wizard.language.findData("ar"))
    assert wizard.result() == LANGUAGE_CHANGED
    assert wizard.chosen_lang == "ar"
    again = SetupWizard(tmp_path / "nouveau", "ar", carried=wizard.carried())
    qtbot.addWidget(again)
    assert again.operator.text() == "Amina"
    assert again.language.currentData() == "ar"
    assert again.result() != QWizard.DialogCode.Accepted
    assert not refusals  # changing the language is not refused for the establishment not yet chosen


def test_a_new_form_says_nothing_before_anything_is_typed_and_a_sum_rule_is_said_once(qtbot, application, store):
    store.save("offering", OFFERING)
    _page, editor = new_editor(qtbot, application, "cohort")
    assert editor.checked is not None and editor.checked.errors  # required fields are empty...
    assert "erreur" not in editor.summary.text()  # ...but nothing was typed: nothing is reported yet
    assert not any(label.isVisible() for label in editor.messages.values())
    editor.show()
    qtbot.waitExposed(editor)
    for key, value in (("enrolled", 30), ("women", 10), ("men", 10)):
        editor.bindings[key].spin.setValue(value)
    editor.run_check()
    texts = [editor.messages[k].text() for k in ("enrolled", "women", "men") if editor.messages[k].isVisible()]
    assert len(texts) == 1, texts  # the sum rule is written once, not under each of its three fields
    assert all(editor.bindings[k].widget.property("issue") == "error" for k in ("enrolled", "women", "men"))
    assert "1 erreur" in editor.summary.text()
    editor.done(0)
