"""Create, edit, validate and delete records of every form through the real widgets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.fields import (
    ComboBinding,
    DateBinding,
    DecimalBinding,
    IntegerBinding,
    MultiChoiceBinding,
    TextBinding,
)
from desktop.ui.list_query import picker_items
from forms.definitions import FORMS
from tests.conftest import CE_OFFERING, OFFERING, cohort_values, internship_values, sample_values


def type_text(edit, text: str) -> None:
    """Replace a line edit's text as typing does (an input-method commit: accents and Arabic included)."""
    edit.setFocus()
    edit.selectAll()
    if edit.hasSelectedText():
        QTest.keyClick(edit, Qt.Key.Key_Delete)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def fill(qtbot, editor, values: dict[str, Any]) -> None:
    """Type into the editor's widgets the way a person would (signals from the widgets themselves)."""
    for key, value in values.items():
        binding = editor.bindings[key]
        if isinstance(binding, TextBinding):
            type_text(binding.edit, "" if value is None else str(value))
        elif isinstance(binding, IntegerBinding | DecimalBinding):
            binding.spin.setValue(binding.empty if value is None else float(value) if isinstance(
                binding, DecimalBinding) else int(value))
        elif isinstance(binding, DateBinding):
            type_text(binding.edit, "" if value is None else date.fromisoformat(value).strftime("%d%m%Y"))
        elif isinstance(binding, MultiChoiceBinding):
            for i in range(binding.list.count()):
                item = binding.list.item(i)
                wanted = item.data(Qt.ItemDataRole.UserRole) in (value or ())
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        elif isinstance(binding, ComboBinding):
            index = binding.combo.findData(value) if value is not None else 0
            assert index >= 0, (key, value)
            binding.combo.setCurrentIndex(index)
        else:  # pragma: no cover
            raise AssertionError(type(binding))


def new_editor(qtbot, application, form_key: str):
    window = application.window
    page = window.navigate(form_key)
    before = len(window.editors)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.editors) == before + 1)
    return page, window.editors[-1]


def save_and_wait(qtbot, editor, button: str = "complete") -> None:
    with qtbot.waitSignal(editor.finished, timeout=10_000):
        qtbot.mouseClick(editor.complete_button if button == "complete" else editor.draft_button,
                         Qt.MouseButton.LeftButton)


def values_for(form_key: str, store, prepared: dict[str, str]) -> dict[str, Any]:
    """The form's sample record, its links naming the first record the editor's picker offers for them (so a
    session names a continuing-education offering, an internship a cohort of its offering)."""
    values = sample_values(form_key)
    for f in FORMS[form_key].links:
        offered = picker_items(store.engine, f.link or "", f.link_conditions, values)
        assert offered, f"aucun(e) {f.link} à proposer pour {form_key}.{f.key}"
        ids = [rid for rid, _title in offered]
        values[f.key] = prepared[f.link or ""] if prepared.get(f.link or "") in ids else ids[0]
    return values


EDITS = {"offering": ("capacity", 45), "cohort": ("scholarship", 12), "internship": ("host_city", "Tanger"),
         "rd_project": ("publications", 3), "ce_session": ("city", "Rabat")}
"""One change per form for the edit step (a field that no other rule ties)."""


@pytest.fixture
def prepared(store) -> dict[str, str]:
    """An offering, a cohort and a continuing-education offering already saved (links need them)."""
    offering, _ = store.save("offering", {**OFFERING, "code": "MS-BASE"})
    cohort, _ = store.save("cohort", cohort_values(offering.id, academic_year="2024-2025"))
    continuing, _ = store.save("offering", {**CE_OFFERING, "code": "FC-BASE"})
    return {"offering": offering.id, "cohort": cohort.id, "ce_offering": continuing.id}


@pytest.mark.parametrize("form_key", list(FORMS))
def test_create_edit_delete_through_widgets(qtbot, application, store, prepared, dialogs, form_key):
    application.window.navigate("dashboard")
    page, editor = new_editor(qtbot, application, form_key)
    values = values_for(form_key, store, prepared)
    if form_key == "offering":
        values["code"] = "MS-DATA"
    fill(qtbot, editor, values)
    qtbot.waitUntil(lambda: editor.checked is not None and not editor.checked.errors and not editor.check_timer.isActive())
    save_and_wait(qtbot, editor)
    live = store.list(form_key)
    created = [r for r in live if r.id not in prepared.values()]
    assert len(created) == 1
    record = created[0]
    assert record.status == "complete"
    assert record.created_by == "Amina"
    # the list shows it, selected
    qtbot.waitUntil(lambda: page.model.row_of(record.id) >= 0)

    # edit: select it in the list, Enter opens the editor with its values
    assert page.select_record(record.id)
    qtbot.waitUntil(lambda: page.selected_ids() == [record.id])
    before = len(application.window.editors)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(application.window.editors) == before + 1)
    editor = application.window.editors[-1]
    assert editor.record.id == record.id
    key, new_value = EDITS[form_key]
    fill(qtbot, editor, {key: new_value})
    assert editor.is_dirty()
    save_and_wait(qtbot, editor)
    changed = store.get(form_key, record.id)
    assert changed.version == 2
    assert str(changed.values[key]) == str(new_value)
    history = store.history(form_key, record.id)
    assert [e.field for e in history if e.action == "update"] == [key]

    # delete: select, confirm (the question is asked), tombstone written
    page.refresh()  # the list is read again off the GUI thread; the selection follows once it is there
    assert page.select_record(record.id)
    qtbot.waitUntil(lambda: page.selected_ids() == [record.id])
    dialogs.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(application.context.runner.data_changed, timeout=10_000):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked and "1" in dialogs.asked[-1]
    assert store.get(form_key, record.id).deleted
    qtbot.waitUntil(lambda: page.model.row_of(record.id) < 0)


def test_a_sessions_offering_picker_lists_only_continuing_offerings(qtbot, application, store, prepared) -> None:
    """The declared link condition drives the editor's picker: an initial-training offering is not offered."""
    _page, editor = new_editor(qtbot, application, "ce_session")
    combo = editor.bindings["offering"].combo
    offered = {combo.itemData(i) for i in range(combo.count())} - {None}
    assert offered == {prepared["ce_offering"]}
    _page, editor = new_editor(qtbot, application, "rd_project")
    combo = editor.bindings["offering"].combo
    assert {combo.itemData(i) for i in range(combo.count())} - {None} == {prepared["offering"], prepared["ce_offering"]}


@pytest.mark.parametrize("form_key, bad, field, expected", [
    ("offering", {"contact_email": "pas-une-adresse"}, "contact_email", "adresse e-mail"),
    ("cohort", {"women": 20, "men": 20}, "women", "différent de l'effectif inscrit"),
    ("internship", {"end_date": "2026-01-15"}, "end_date", "précède la date de début"),
    ("rd_project", {"partner_contribution": "1300000"}, "partner_contribution", "dépasse le budget total"),
    ("ce_session", {"certified": 23}, "certified", "dépassent les participants ayant achevé"),
])
def test_validation_as_you_type_and_refusal(qtbot, application, store, prepared, form_key, bad, field, expected):
    _page, editor = new_editor(qtbot, application, form_key)
    values = values_for(form_key, store, prepared)
    if form_key == "offering":
        values["code"] = "MS-IA"
    fill(qtbot, editor, {**values, **bad})
    message = editor.messages[field]
    qtbot.waitUntil(lambda: message.isVisible() and expected in message.text(), timeout=5000)
    count_before = store.count(form_key)
    # saving as complete is refused by the store: nothing written, problems shown beside the fields
    qtbot.mouseClick(editor.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)
    assert editor.isVisible()
    assert store.count(form_key) == count_before
    assert "refusé" in editor.summary.text()
    # ... but a draft keeps the work
    save_and_wait(qtbot, editor, "draft")
    drafts = store.list(form_key, status="draft")
    assert len(drafts) == 1 and drafts[0].error_count >= 1


def test_required_fields_show_after_first_save_attempt(qtbot, application, store):
    _page, editor = new_editor(qtbot, application, "offering")
    assert not editor.messages["title"].isVisible()  # a blank new form is not shouted at
    qtbot.mouseClick(editor.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.saving and editor.messages["title"].isVisible(), timeout=5000)
    assert "obligatoire" in editor.messages["title"].text()
    assert store.count("offering") == 0
    editor._closing_ok = True
    editor.reject()


def test_undo_redo_and_unsaved_changes_prompt(qtbot, application, store, dialogs):
    _page, editor = new_editor(qtbot, application, "offering")
    fill(qtbot, editor, {"title": "Licence data", "capacity": 25})
    assert editor.bindings["capacity"].value() == 25
    editor.undo_stack.undo()
    assert editor.bindings["capacity"].value() is None
    editor.undo_stack.undo()
    assert editor.bindings["title"].value() is None
    editor.undo_stack.redo()
    assert editor.bindings["title"].value() == "Licence data"
    assert editor.is_dirty()
    # Échap asks before losing the typing; « Annuler » keeps the editor open
    dialogs.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert dialogs.asked and editor.isVisible()
    dialogs.answer = QMessageBox.StandardButton.Discard
    with qtbot.waitSignal(editor.finished):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert store.count("offering") == 0


def test_keyboard_shortcuts(qtbot, application, store, prepared):
    window = application.window
    page = window.navigate("offering")
    page.view.setFocus()
    before = len(window.editors)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.editors) == before + 1)
    editor = window.editors[-1]
    fill(qtbot, editor, {**OFFERING, "code": "MS-CLOUD"})
    qtbot.waitUntil(lambda: not editor.check_timer.isActive())
    with qtbot.waitSignal(editor.finished, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert {r.values["code"] for r in store.list("offering")} == {"MS-BASE", "FC-BASE", "MS-CLOUD"}
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert page.search.hasFocus() or QApplication.focusWidget() is page.search


def test_deleting_a_used_offering_is_refused_with_a_message(qtbot, application, store, prepared, dialogs,
                                                           shown_errors):
    offering_id = prepared["offering"]
    page = application.window.navigate("offering")
    assert page.select_record(offering_id)
    qtbot.waitUntil(lambda: page.selected_ids() == [offering_id])
    dialogs.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert "encore utilisé" in shown_errors[-1]
    assert not store.get("offering", offering_id).deleted


def test_history_tab_lists_the_audit_log(qtbot, application, store, prepared):
    offering_id = prepared["offering"]
    store.save("offering", {**OFFERING, "code": "MS-BASE", "capacity": 31}, record_id=offering_id)
    editor = application.window.open_record("offering", offering_id)
    qtbot.waitUntil(lambda: editor.history.rowCount() >= 2)
    texts = [editor.history.item(row, 3).text() for row in range(editor.history.rowCount())]
    assert "Capacité (places)" in texts
    editor.reject()


def test_quality_panel_opens_the_record(qtbot, application, store, prepared):
    offering_id = prepared["offering"]
    draft, _ = store.save("cohort", cohort_values(offering_id, academic_year="2025-2026", women=1), status="draft")
    application.context.runner.data_changed.emit()
    dashboard = application.window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.quality_list.count() >= 1 and not dashboard.loading, timeout=5000)
    item = dashboard.quality_list.item(0)
    before = len(application.window.editors)
    rect = dashboard.quality_list.visualItemRect(item)
    qtbot.mouseClick(dashboard.quality_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(application.window.editors) == before + 1)
    assert application.window.editors[-1].record.id == draft.id
    application.window.editors[-1].reject()


def test_dashboard_of_a_new_establishment_says_where_to_start(qtbot, application, store):
    dashboard = application.window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.loading, timeout=5000)
    assert "Aucun enregistrement pour l'instant" in dashboard.quality_hint.text()
    assert "prêt pour l'export" not in dashboard.quality_hint.text()  # nothing is ready: nothing is held
    assert not dashboard.quality_list.isVisibleTo(dashboard)
    store.save("offering", OFFERING)
    application.context.runner.data_changed.emit()
    qtbot.waitUntil(lambda: "prêt pour l'export" in dashboard.quality_hint.text(), timeout=5000)
    assert not dashboard.quality_list.isVisibleTo(dashboard)


def test_dashboard_counts_per_form_and_status(qtbot, application, store, prepared):
    from desktop.ui import dashboard_data

    offering_id, cohort_id = prepared["offering"], prepared["cohort"]
    for n in range(3):  # a PFE of 2 months: a warning each
        store.save("internship", internship_values(offering_id, cohort_id, student_code=f"R13999{n}",
                                                   start_date="2026-02-01", end_date="2026-04-01"))
    counts = dashboard_data.counts(store.engine)
    assert counts["internship"] == {"draft": 0, "complete": 3, "warnings": 3}
    assert counts["offering"]["complete"] == 2 and counts["cohort"]["complete"] == 1
    application.context.runner.data_changed.emit()
    dashboard = application.window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and dashboard.data.counts["internship"]["complete"] == 3,
                    timeout=5000)
    qtbot.waitUntil(lambda: dashboard.findChild(type(dashboard.status), "count_internship_3") is not None)
    assert dashboard.findChild(type(dashboard.status), "count_internship_3").text() == "3"
    assert dashboard.data.by_region and dashboard.data.by_domain == {"CYBER": 1, "CLOUD": 1, "AI": 1, "DATA": 1}


def test_cohort_picker_follows_the_chosen_offering(qtbot, application, store, prepared):
    offering_id, cohort_id = prepared["offering"], prepared["cohort"]
    other, _ = store.save("offering", {**OFFERING, "code": "LP-CLOUD"})
    other_cohort, _ = store.save("cohort", cohort_values(other.id, academic_year="2025-2026"))
    _page, editor = new_editor(qtbot, application, "internship")
    cohort_combo = editor.bindings["cohort"].combo
    fill(qtbot, editor, {"offering": other.id})
    offered = {cohort_combo.itemData(i) for i in range(cohort_combo.count())} - {None}
    assert offered == {other_cohort.id}
    fill(qtbot, editor, {"offering": offering_id})
    offered = {cohort_combo.itemData(i) for i in range(cohort_combo.count())} - {None}
    assert offered == {cohort_id}
    editor._closing_ok = True
    editor.reject()


def test_a_record_changed_meanwhile_is_not_overwritten(qtbot, application, store, prepared, shown_errors):
    offering_id = prepared["offering"]
    editor = application.window.open_record("offering", offering_id)
    fill(qtbot, editor, {"capacity": 50})
    store.save("offering", {**OFFERING, "code": "MS-BASE", "capacity": 40}, record_id=offering_id,
               operator="Youssef")  # someone else, in the meantime
    qtbot.mouseClick(editor.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_errors), timeout=5000)
    assert "modifié" in shown_errors[-1] and "entre-temps" in shown_errors[-1]
    assert editor.isVisible()
    assert store.get("offering", offering_id).values["capacity"] == 40
    editor._closing_ok = True
    editor.reject()


def test_a_refresh_asked_while_the_dashboard_reads_is_not_lost(qtbot, application, store, prepared, monkeypatch):
    """A record saved while the dashboard is still reading (a slow disk, a large database): the refresh it asks
    for runs once the reading is done, so the counts end up with the new record (it used to be dropped)."""
    from desktop.ui import dashboard_data
    from tests.desktop.holding import HeldRead

    dashboard = application.window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None and not dashboard.loading)
    held = HeldRead(monkeypatch, dashboard_data, "load")
    dashboard.refresh()
    qtbot.waitUntil(lambda: held.reading.is_set())  # read before the save below
    store.save("internship", internship_values(prepared["offering"], prepared["cohort"], student_code="R139990"))
    held.stop_holding()
    dashboard.refresh()  # asked while the first reading is still going on
    held.let_go()
    qtbot.waitUntil(lambda: not dashboard.loading and dashboard.data.counts["internship"]["complete"] == 1)
