"""The window's text as a French, Arabic or English reader reads it: plural forms (no « (s) », no « il y a
0 jours »), numbers and dates in the user's locale, Qt's own dialogs translated, file dialogs that open in the
person's folders with a meaningful name, import problems named by the file's header and the field's label,
a ministry key file (.pub) visible and never trusted by a stray Entrée."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop.ui import files
from desktop.ui.i18n import install_language, translations_dir
from tests.conftest import OFFERING, cohort_values, internship_values
from tests.sync.conftest import identities  # noqa: F401 (session fixture)

ROOT = Path(__file__).resolve().parents[2]
REFUSED = ("Enregistrement refusé : %n problème(s) à corriger (voir à côté des champs). Rien n'a été "
           "enregistré.")


pytestmark = pytest.mark.usefixtures("compiled_translations")


def translate(context: str, text: str, n: int) -> str:
    return QCoreApplication.translate(context, text, "", n)


# ------------------------------------------------------------------------------------------- plurals
def test_plural_forms_in_french_arabic_and_english(qapp):
    install_language("fr")
    assert translate("RecordEditor", "%n erreur(s) : enregistrement possible seulement comme brouillon", 1) \
        == "1 erreur : enregistrement possible seulement comme brouillon"
    assert translate("RecordEditor", REFUSED, 3).startswith("Enregistrement refusé : 3 problèmes à corriger")
    assert translate("RecordEditor", REFUSED, 1).startswith("Enregistrement refusé : 1 problème à corriger")
    assert translate("MainWindow", "(%n brouillon(s))", 0) == "(0 brouillon)"  # French: 0 takes the singular
    assert translate("ExportPage", "%n enregistrement(s)", 12) == "12 enregistrements"
    install_language("en")
    assert translate("ExportPage", "dernier lot exporté il y a %n jour(s)", 1) == "last bundle exported 1 day ago"
    assert translate("ExportPage", "dernier lot exporté il y a %n jour(s)", 4) == "last bundle exported 4 days ago"
    install_language("ar")  # six forms: 0, 1, 2, 3-10, 11-99, 100…
    days = [translate("ExportPage", "%n jour(s)", n) for n in (1, 2, 3, 11, 100)]
    assert days == ["يوم واحد", "يومين", "3 أيام", "11 يومًا", "100 يوم"]
    install_language("fr")


def test_no_plural_is_left_written_with_s_in_parentheses(qapp):
    """Every message with a count has its French forms, and every French form reads without « (s) »."""
    import xml.etree.ElementTree as ET

    for lang in ("fr", "ar", "en"):
        tree = ET.parse(translations_dir() / f"kafaat_{lang}.ts")
        for message in tree.iter("message"):
            translation = message.find("translation")
            assert translation.get("type") != "unfinished", (lang, message.find("source").text)
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in translation.findall("numerusform")]
                assert forms and all(forms), (lang, message.find("source").text)
                assert not any("(s)" in f for f in forms), (lang, forms)


def test_the_refusal_counts_the_problems_it_shows(qtbot, application, store):
    from tests.desktop.test_records_ui import new_editor

    _page, editor = new_editor(qtbot, application, "offering")
    qtbot.mouseClick(editor.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.saving and "refusé" in editor.summary.text(), timeout=10_000)
    text = editor.summary.text()
    assert "(s)" not in text
    shown = editor.problems.count()
    assert shown > 1 and f"{shown} problèmes à corriger" in text
    # a message under a narrow box (a number) has the row's width: « champ obligatoire » on one line
    editor.show()
    qtbot.waitExposed(editor)
    message = editor.messages["duration"]
    assert message.isVisible() and message.width() >= message.fontMetrics().horizontalAdvance(message.text())
    editor._closing_ok = True
    editor.reject()


def test_the_export_reminder_says_today_not_zero_days(qtbot, application):
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    due = SimpleNamespace(last_written_at="2026-12-01T18:17:12Z", days_since=0.2, due=False, period_days=30)
    assert page.due_text(due) == "dernier lot exporté aujourd'hui"
    due.days_since = 1.5
    assert page.due_text(due) == "dernier lot exporté hier"
    due.days_since, due.due, due.period_days = 31.0, True, 1
    assert page.due_text(due) == "dernier lot exporté il y a 31 jours (période de 1 jour) : un export est attendu"
    assert "(s)" not in page.summary.text()


# ------------------------------------------------------------------------------------------- numbers
def test_numbers_in_the_users_locale(qtbot, application, store, offering_id, cohort_id):
    from tests.desktop.test_records_ui import new_editor

    record, _ = store.save("internship", internship_values(offering_id, cohort_id, monthly_stipend="2500.5"))
    store.save("internship", {**record.values, "monthly_stipend": "2600"}, record_id=record.id,
               expected_version=record.version)
    page = application.window.navigate("internship")
    page.refresh()
    editor = application.window.open_record("internship", record.id)
    qtbot.waitUntil(editor.isVisible)
    assert editor.bindings["monthly_stipend"].spin.text() == "2600,00"
    editor.tabs.setCurrentIndex(1)
    changes = [editor.history.item(r, 4).text() for r in range(editor.history.rowCount())]
    old, new = (QLocale().toString(v, "f", 2) for v in (2500.5, 2600.0))
    assert old.endswith("500,50") and f"{old} → {new}" in changes, changes  # not « 2500.50 → 2600.00 »
    editor.done(0)
    _page, editor = new_editor(qtbot, application, "cohort")
    assert editor.bindings["enrolled"].spin.locale().decimalPoint() == ","


def test_the_outbox_shows_local_dates_not_timestamps(qtbot, application):
    from desktop.ui.pages.export_page import ExportPage

    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    entry = SimpleNamespace(sequence=1, state="written", written_at="2026-12-01T18:17:12Z", total=1234,
                            file_name="kafaat-ECC-000001.kfb")
    plan, due = page.plan, SimpleNamespace(last_written_at=None, days_since=None, due=False, period_days=30)
    ExportPage.show_overview(page, (plan, [entry], due))
    written = page.outbox.item(0, 2).text()
    # the local date of 18:17 UTC: 01/12/2026 in Casablanca, 02/12/2026 in UTC+14 (a machine's time zone)
    local = datetime(2026, 12, 1, 18, 17, 12, tzinfo=UTC).astimezone().strftime("%d/%m/%Y")
    assert "T" not in written and "Z" not in written and written.startswith(local)
    assert page.outbox.item(0, 3).text() == QLocale().toString(1234) != "1234"


# ------------------------------------------------------------------------------------ Qt's own dialogs
@pytest.mark.parametrize("lang, cancel", [("fr", "Annuler"), ("ar", "ألغِ")])
def test_qt_dialogs_speak_the_window_language(qapp, lang, cancel):
    from PySide6.QtWidgets import QDialogButtonBox

    install_language(lang)
    try:
        dialog = QFileDialog(None, "x", str(Path.home()))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        buttons = dialog.findChild(QDialogButtonBox)
        texts = [b.text() for b in buttons.buttons()]
        assert cancel in texts and "Cancel" not in texts, texts
        dialog.deleteLater()
    finally:
        install_language("fr")


def test_the_build_ships_qt_translations():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    namespace: dict = {}
    exec(spec[spec.index("PRUNED = "):spec.index("def kept")], {"re": __import__("re")}, namespace)

    def pruned(path: str) -> bool:
        return any(p.search(path) for p in namespace["PRUNED"])

    for name in ("qtbase_fr.qm", "qtbase_ar.qm", "qtbase_en.qm"):
        assert not pruned(f"pyside6/qt/translations/{name}"), name
    assert pruned("pyside6/qt/translations/qtbase_de.qm")
    assert 'glob("*.qm")' in spec  # our kafaat_fr/ar/en.qm


# -------------------------------------------------------------------------------------- file dialogs
def test_file_dialogs_open_in_the_persons_folders_with_a_meaningful_name(qtbot, application, monkeypatch,
                                                                         tmp_path):
    asked: list[tuple[str, str]] = []

    def save_name(_parent, _title, proposed, _filter, *a, **k):
        asked.append(("save", proposed))
        return "", ""

    def open_name(_parent, _title, folder, _filter, *a, **k):
        asked.append(("open", folder))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    files._last.clear()  # nothing chosen yet in this session (other tests choose files)
    monkeypatch.setattr(files, "_settings", lambda: None)  # nor remembered from an earlier session
    page = application.window.navigate("import")
    page.set_form("internship")
    page.template_button.click()
    _kind, proposed = asked[-1]
    program = Path(__file__).resolve().parents[2]
    assert Path(proposed).name == "modèle-stages.xlsx"
    assert Path(proposed).parent == files.documents_folder() and program not in Path(proposed).parents
    page.browse_button.click()
    assert asked[-1] == ("open", str(files.documents_folder()))
    # the folder last used is where the next dialog opens
    chosen = tmp_path / "clé-usb" / "stages.xlsx"
    chosen.parent.mkdir()
    files.remember(chosen)
    try:
        page.browse_button.click()
        assert asked[-1] == ("open", str(chosen.parent))
    finally:
        files._last.clear()
    records = application.window.navigate("internship")
    records.export_xlsx()
    assert Path(asked[-1][1]).name == f"stages-{files.academic_year()}.xlsx"
    records.write_template()
    assert Path(asked[-1][1]).name == "modèle-stages.xlsx"
    assert files.file_name("Stages", files.academic_year(date(2026, 3, 1))) == "stages-2025-2026.xlsx"
    assert files.file_name("Stages", files.academic_year(date(2025, 9, 1))) == "stages-2025-2026.xlsx"


# ----------------------------------------------------------------------------------- import problems
def test_import_problems_name_the_files_header_and_the_fields_label(application, qtbot, tmp_path):
    from tests.forms.excel_files import internship_row, write_xlsx

    store = application.context.store
    offering, _ = store.save("offering", OFFERING)
    store.save("cohort", cohort_values(offering.id))
    page = application.window.navigate("import")
    page.set_form("internship")
    rows = [internship_row(student_code="S100002", gender="Autre")]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    page.open_file(str(path))
    qtbot.waitUntil(lambda: page.operation is not None and page.operation.done, timeout=20_000)
    choices = [page.combos[0].itemText(i) for i in range(page.combos[0].count())]
    assert not [c for c in choices if "[" in c], choices  # labels, not « Genre [gender] »
    page.check()
    qtbot.waitUntil(lambda: page.operation is not None and page.operation.done, timeout=20_000)
    cells = [page.problems_table.item(0, j).text() for j in range(5)]
    assert cells[2] != "gender" and "Genre" in cells[2], cells
    assert "Femme" in cells[4] and "Homme" in cells[4] and "(F, M)" not in cells[4], cells
    summary = page.summary.text()
    assert summary.startswith("1 problème à corriger") and "1 ligne lue : aucune création" in summary, summary
    assert "(s)" not in summary


# ------------------------------------------------------------------------------------- ministry key
def test_a_ministry_key_file_is_shown_and_entree_does_not_trust_it(qtbot, application, tmp_path, monkeypatch,
                                                                   identities):  # noqa: F811
    from sync.keys import public_document
    from sync.recipients import list_recipients

    key_file = tmp_path / "ministere-MIC.pub"
    key_file.write_bytes(public_document(identities["MIC"]))
    filters: list[str] = []

    def open_name(_parent, _title, _folder, file_filter, *a, **k):
        filters.append(file_filter)
        return str(key_file), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_name)
    page = application.window.navigate("export")
    qtbot.waitUntil(lambda: page.plan is not None and not application.context.runner.active, timeout=10_000)
    seen: list[tuple[str, str]] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append((box.text(), default.text() if default is not None else ""))
        QTest.keyClick(box, Qt.Key.Key_Return)
        if box.isVisible():  # Entrée did nothing: close it so that the test goes on
            box.done(QMessageBox.StandardButton.No)

    QTimer.singleShot(0, press_enter)
    page.keys.recipient_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "*.pub" in filters[-1].split(";;")[0]
    assert identities["MIC"].public.fingerprint in seen[0][0]
    assert seen[0][1] in ("&Non", "Non", "&No", "No")
    assert list_recipients(application.context.workspace) == []  # Entrée answered « Non »


def test_a_point_typed_in_a_french_amount_is_the_decimal_point(qtbot, application, store, offering_id, cohort_id):
    """fr_MA groups thousands with a point: Qt alone reads « 25.5 » (the numeric keypad's point) as 255."""
    from tests.desktop.test_records_ui import new_editor

    _page, editor = new_editor(qtbot, application, "internship")
    editor.show()
    qtbot.waitExposed(editor)
    spin = editor.bindings["monthly_stipend"].spin
    for typed, expected in (("2500.5", "2500.5"), ("2500,75", "2500.75"), ("1800", "1800")):
        spin.setFocus()
        spin.selectAll()
        QTest.keyClicks(spin, typed)
        QTest.keyClick(spin, Qt.Key.Key_Tab)
        assert float(editor.values()["monthly_stipend"]) == float(expected), typed
    assert spin.value() == 1800
    editor._closing_ok = True
    editor.reject()
