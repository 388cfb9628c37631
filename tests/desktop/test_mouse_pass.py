"""What a new user tripped on, using the window with the mouse and the keyboard at 1280×720 (French, Arabic,
English): each found by hand under Xvfb, then pinned here."""

from __future__ import annotations

from tests.conftest import OFFERING


def test_open_and_delete_are_greyed_without_a_selection(qtbot, application, store):
    """« Ouvrir » and « Supprimer » on an empty list did nothing when clicked: they wait for a selection."""
    page = application.window.navigate("offering")
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=10_000)
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()
    record, _ = store.save("offering", OFFERING)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.row_of(record.id) >= 0, timeout=10_000)
    assert page.select_record(record.id)
    qtbot.waitUntil(lambda: page.open_button.isEnabled() and page.delete_button.isEnabled(), timeout=5_000)
    page.view.clearSelection()
    page.view.setCurrentIndex(page.model.index(-1, 0))
    assert not page.open_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.new_button.isEnabled()



def test_a_word_typed_into_a_list_box_is_answered_with_the_lists_labels(qtbot, application):
    """« 24 » typed into « Unité de durée » (a list box one may type into) was answered « n'est pas une valeur
    permise (MONTHS, HOURS) »: the store's codes. The window names the entries the person can pick."""
    from PySide6.QtTest import QTest

    from tests.desktop.test_records_ui import new_editor

    _page, editor = new_editor(qtbot, application, "offering")
    combo = editor.bindings["duration_unit"].combo
    editor.show()
    qtbot.waitExposed(editor)
    combo.setFocus()
    QTest.keyClicks(combo.lineEdit(), "24")
    combo.lineEdit().editingFinished.emit()  # what leaving the box does (focus is not given offscreen)
    message = editor.messages["duration_unit"]
    qtbot.waitUntil(lambda: "24" in message.text(), timeout=5_000)
    assert "MONTHS" not in message.text() and "Mois" in message.text() and "Heures" in message.text()
    listed = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any("Mois" in line for line in listed) and not any("MONTHS" in line for line in listed)
    editor._closing_ok = True
    editor.reject()


def test_the_stores_french_refusals_stay_whole_in_arabic():
    """The inbox's « Résultat » in Arabic showed « مرفوض: l'établissement ISCAE n… » reordered: the national
    store's French sentence is now isolated left to right (French and English windows unchanged)."""
    from types import SimpleNamespace

    from desktop.ui.pages.ministry.base import MinistryPage
    from desktop.ui.pages.ministry.inbox_page import InboxPage
    from forms.messages import Message

    class Page:
        w, french, reason, outcome_text = (MinistryPage.w, MinistryPage.french, MinistryPage.reason,
                                           InboxPage.outcome_text)

        def __init__(self, lang: str) -> None:
            self.lang = lang

    reason = "l'établissement ISCAE n'a pas de clé active"
    outcome = SimpleNamespace(state="refused", reason=reason, reason_text=None)  # as the store kept it
    assert Page("ar").outcome_text(outcome)[0] == f"مرفوض: \u2066{reason}\u2069"
    assert Page("fr").outcome_text(outcome)[0] == f"Refusé : {reason}"
    # a refusal met in this run is in the window's language, its code isolated inside the Arabic sentence
    held = Message("bundle.unknown_establishment", code="ISCAE")
    outcome = SimpleNamespace(state="refused", reason=str(held), reason_text=held)
    assert Page("ar").outcome_text(outcome)[0].startswith("مرفوض: المؤسسة \u2068ISCAE\u2069 غير مسجَّلة")
    assert Page("en").outcome_text(outcome)[0].startswith("Refused: the establishment ISCAE is not enrolled")


def test_what_stays_here_is_punctuated_for_each_language():
    """The export page said « stay at the establishment (never sent) : Contact e-mail » in English (a French
    space before the colon) and joined Arabic field names with a Latin comma."""
    from types import SimpleNamespace

    from desktop.ui.pages.export_page import personal_lines

    sharing = {"internship": {"withheld": ["A", "B"], "pseudonymised": []}}
    plan = SimpleNamespace(sharing=lambda lang: sharing, pseudonym_key=b"k")
    assert personal_lines(plan, "en") == "Internships — stay at the establishment (never sent): A, B"
    assert personal_lines(plan, "fr") == "Stages — restent à l'établissement (jamais envoyés) : A, B"
    assert personal_lines(plan, "ar") == "التداريب — تبقى لدى المؤسسة (لا تُرسَل أبدا): A، B"


def test_read_the_file_waits_for_a_file_name(qtbot, application, tmp_path):
    """« Lire le fichier » with no file named did nothing: it is greyed until a name is typed or chosen, and
    Entrée in the name box reads the file."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    page = application.window.navigate("import")
    assert page.path_edit.text() == "" and not page.read_button.isEnabled()
    QTest.keyClicks(page.path_edit, str(tmp_path / "absent.xlsx"))
    assert page.read_button.isEnabled()
    QTest.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not application.context.runner.active, timeout=10_000)
    page.path_edit.clear()
    assert not page.read_button.isEnabled()


def test_every_file_dialog_opens_in_the_persons_folders():
    """The ministry's « Ajouter un dossier (clé USB)… » opened in the program's own folder (the current
    directory), and its save dialogs proposed a bare name there: every file dialog of the window is given a
    folder (the last one used, else the documents, or the data's own) — never nothing, never a bare name."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "desktop" / "ui"
    bare = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "QFileDialog"
                    and node.func.attr.startswith("get")):
                start = node.args[2] if len(node.args) > 2 else None
                if start is None or isinstance(start, ast.Constant | ast.JoinedStr):
                    bare.append(f"{path.relative_to(root)}:{node.lineno}")
    assert not bare, bare



def test_the_wheel_over_a_pages_lists_changes_nothing(qtbot, application, tmp_path):
    """Found by hand under Xvfb: two notches of the wheel over « Langue de l'application » (not focused) in
    Paramètres turned Français into English; over a list's filter it changed the filter, and scrolling the
    import page's mapping table changed the columns' fields passing under the pointer. The editors' boxes
    already took the wheel only when focused; now every drop-down and number box of the window does."""
    from PySide6.QtWidgets import QAbstractItemView

    from tests.desktop.test_input import wheel
    from tests.forms.excel_files import internship_row, write_xlsx

    window = application.window
    window.resize(1280, 720)
    qtbot.waitExposed(window)
    settings = window.navigate("settings")
    language = settings.language
    assert language.currentData() == "fr" and not language.hasFocus()
    wheel(language, -2)
    assert language.currentData() == "fr"
    assert not language.hasFocus()

    page = window.navigate("offering")
    before = page.status_filter.currentIndex()
    wheel(page.status_filter, -1)
    assert page.status_filter.currentIndex() == before

    importing = window.navigate("import")
    importing.set_form("internship")
    wheel(importing.form_combo, -1)
    assert importing.form_key == "internship"
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    importing.open_file(str(path))
    qtbot.waitUntil(lambda: importing.operation is not None and importing.operation.done)
    mapping = importing.mapping()
    table = importing.mapping_table
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    bar = table.verticalScrollBar()
    assert bar.maximum() > 0
    combo = importing.combos[min(importing.combos)]
    wheel(combo, -1)
    assert importing.mapping() == mapping
    assert bar.value() > 0  # the table scrolled instead

    # a box the person is working in still takes the wheel
    language = window.navigate("settings").language
    language.setFocus()
    qtbot.waitUntil(language.hasFocus)
    wheel(language, -1)
    assert language.currentData() != "fr"


def test_closing_with_an_error_says_the_record_becomes_a_draft(qtbot, application, store, dialogs):
    """Found by hand under Xvfb: a complete cohort, « Femmes » typed 14 (the sum then differs from the
    enrolment), Escape: « Vos modifications ne sont pas enregistrées. Les enregistrer avant de fermer ? »;
    « Enregistrer » quietly stored it as a draft, which the next bundle leaves out. The question now says
    so before the person answers; without an error it is unchanged."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    from tests.conftest import cohort_values

    offering, _ = store.save("offering", OFFERING)
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    assert cohort.status == "complete"
    page = application.window.navigate("cohort")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.row_of(cohort.id) >= 0, timeout=10_000)
    editor = _open(qtbot, application, cohort.id)
    women = editor.bindings["women"].spin
    women.setFocus()
    women.selectAll()
    QTest.keyClicks(women, "14")
    assert editor.is_dirty()
    dialogs.answer = QMessageBox.StandardButton.Cancel
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert len(dialogs.asked) == 1
    assert "brouillon" in dialogs.asked[0] and "1 erreur" in dialogs.asked[0], dialogs.asked
    assert "jamais envoyé au ministère" in dialogs.asked[0]
    dialogs.answer = QMessageBox.StandardButton.Save
    with qtbot.waitSignal(editor.finished, timeout=10_000):  # saved, then closed (and deleted)
        QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert store.get("cohort", cohort.id).status == "draft"  # what the person was told

    # without an error the question stays the plain one
    editor = _open(qtbot, application, cohort.id)
    women = editor.bindings["women"].spin
    women.setFocus()
    women.selectAll()
    QTest.keyClicks(women, "13")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert "brouillon" not in dialogs.asked[-1], dialogs.asked[-1]
    editor.done(0)


def _open(qtbot, application, record_id: str):
    window = application.window
    before = len(window.editors)
    window.context.open_record("cohort", record_id)
    qtbot.waitUntil(lambda: len(window.editors) == before + 1)
    return window.editors[-1]


def test_a_cohort_is_named_with_its_offering(qtbot, application, store):
    """Found by hand under Xvfb: the dashboard's « Qualité des données » listed nine identical lines
    « Cohorte — 2025-2026 — 1 (1 avertissement) », one per offering, and the cohort's editor read
    « Cohorte — 2025-2026 — 2 »: which offering was meant was nowhere. A record that belongs to another
    (cohort, continuing-education session) is named by its key path, as the pickers name it:
    « MS-CYBER · 2025-2026 · 1 »."""
    from desktop.ui import dashboard_data
    from tests.conftest import cohort_values

    titles = {}
    for code in ("MS-CYBER", "LP-DATA"):
        offering, _ = store.save("offering", {**OFFERING, "code": code})
        # first year with graduates: one warning each, so both are in the quality list
        cohort, issues = store.save("cohort", cohort_values(offering.id, year_of_study=1, final_year=False))
        assert issues, "the cohort needs a warning to be listed"
        titles[code] = cohort.id
    with store.engine.connect() as conn:
        listed = {item.id: item.title for item in dashboard_data.quality(conn)}
    assert listed[titles["MS-CYBER"]] == "MS-CYBER · 2025-2026 · 1"
    assert listed[titles["LP-DATA"]] == "LP-DATA · 2025-2026 · 1"

    editor = _open(qtbot, application, titles["LP-DATA"])
    assert "LP-DATA · 2025-2026 · 1" in editor.heading.text(), editor.heading.text()
    editor.done(0)
