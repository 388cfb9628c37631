"""The import assistant through its real widgets: file → preview → mapping → check → import; refusals,
error report, cancel."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from tests.conftest import OFFERING, cohort_values
from tests.forms.excel_files import internship_row, write_xlsx


def _setup(application):
    store = application.context.store
    offering, _ = store.save("offering", OFFERING)
    store.save("cohort", cohort_values(offering.id))
    page = application.window.navigate("import")
    page.set_form("internship")
    return store, page


def _wait(qtbot, page, timeout: int = 20_000) -> None:
    qtbot.waitUntil(lambda: page.operation is not None and page.operation.done, timeout=timeout)


def test_file_preview_mapping_check_import(application, qtbot, tmp_path) -> None:
    store, page = _setup(application)
    rows = [internship_row(student_code=f"S{100000 + i}") for i in range(3)]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows, style="labels",
                      extra={"Remarques": "à voir"})
    page.open_file(str(path))
    _wait(qtbot, page)
    assert page.preview_table.rowCount() == 3
    assert page.preview_table.item(0, 0).text() == "S100000"
    mapping = page.mapping()
    assert mapping[0] == "student_code" and mapping[10] == "host_sector"
    assert len(page.combos) == 25 and 24 not in mapping  # « Remarques » is ignored
    assert "« Remarques » ignorée" in page.file_info.text()
    assert not page.import_button.isEnabled()

    page.map_column(10, "")  # the person chooses not to import the sector
    page.check()
    _wait(qtbot, page)
    assert page.plan is not None and page.plan.ok, page.plan.lines()
    assert "3 lignes lues : 3 créations" in page.summary.text()
    assert page.import_button.isEnabled()

    page.run_import()
    _wait(qtbot, page)
    records = store.list("internship")
    assert len(records) == 3
    assert all(r.values["host_sector"] is None for r in records)
    assert "Import terminé" in page.summary.text()


def test_refused_rows_are_listed_and_reported(application, qtbot, tmp_path) -> None:
    store, page = _setup(application)
    rows = [internship_row(student_code="S100001"), internship_row(student_code="S100002", gender="Autre")]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    page.open_file(str(path))
    _wait(qtbot, page)
    page.check()
    _wait(qtbot, page)
    assert not page.plan.ok
    assert not page.import_button.isEnabled()
    assert page.problems_table.rowCount() == 1
    cells = [page.problems_table.item(0, j).text() for j in range(5)]
    assert cells[:3] == ["3", "D", "Genre [gender]"] and "« Autre »" in cells[4]
    assert page.report_button.isEnabled()
    report = tmp_path / "rapport.xlsx"
    page.save_report_to(str(report))
    _wait(qtbot, page)
    ws = load_workbook(report).worksheets[0]
    assert ws["D3"].fill.fgColor.rgb.endswith("F8CBAD")
    assert store.list("internship") == []


def test_changing_the_mapping_asks_for_a_new_check(application, qtbot, tmp_path) -> None:
    _store, page = _setup(application)
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    page.open_file(str(path))
    _wait(qtbot, page)
    page.check()
    _wait(qtbot, page)
    assert page.import_button.isEnabled()
    page.map_column(20, "")
    assert not page.import_button.isEnabled()


def test_cancel_writes_nothing(application, qtbot, tmp_path, monkeypatch) -> None:
    store, page = _setup(application)
    rows = [internship_row(student_code=f"S{100000 + i}") for i in range(3000)]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    page.open_file(str(path))
    _wait(qtbot, page)
    page.check()
    _wait(qtbot, page, 60_000)
    assert page.plan.ok
    # cancelled from the worker once 2 500 rows are checked: a first batch of 2 000 is already written in the
    # transaction (a cancel before the start would prove nothing)
    from forms.tasks import TaskState

    seen: list[int] = []
    step = TaskState.step

    def report(self, done: int, total: int = 0, text: str = "", *, cancellable: bool = True) -> None:
        seen.append(done)
        if done >= 2500:
            self.cancel()
        step(self, done, total, text, cancellable=cancellable)

    monkeypatch.setattr(TaskState, "step", report)
    operation = page.run_import()
    _wait(qtbot, page, 60_000)
    assert operation.was_cancelled and max(seen) >= 2500
    assert store.list("internship") == []
    assert "annulée" in page.summary.text()


def test_unreadable_file_is_explained(application, qtbot, tmp_path) -> None:
    _store, page = _setup(application)
    bad = tmp_path / "ancien.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    page.open_file(str(bad))
    _wait(qtbot, page)
    assert "ancien format Excel (.xls)" in page.file_info.text()


def _offering_without_its_code(tmp_path):
    """A real workbook with every column of the offering's template but « Code de l'offre [code] »."""
    from openpyxl import Workbook

    from forms.definitions import FORMS
    from forms.excel.columns import form_columns
    from tests.forms.excel_files import OFFERING_ROW

    columns = [c for c in form_columns(FORMS["offering"]) if c.field is not None and c.key != "code"]
    wb = Workbook()
    wb.active.append([c.header() for c in columns])
    wb.active.append([OFFERING_ROW.get(c.key) for c in columns])
    path = tmp_path / "offres.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_a_missing_column_is_named_in_the_windows_language_and_points_to_the_button(
        application, qtbot, tmp_path, lang) -> None:
    """« Lire le fichier » then « Vérifier » on a file without its code column: the expected header is the
    template's header in the window's language (the Arabic window asked for « Code de l'offre [code] ») and the
    way to the template is the page's « Modèle vide… » button, not the command line's « kafaat template »."""
    from forms.definitions import FORMS
    from forms.excel.columns import column_header

    application.set_language(lang)  # as « Appliquer » in Paramètres does: a new window in that language
    page = application.window.navigate("import")
    page.set_form("offering")
    header = column_header(FORMS["offering"], "code", lang)
    button = page.template_button.text().replace("&", "")
    assert button == {"fr": "Modèle vide…", "ar": "نموذج فارغ…", "en": "Blank template…"}[lang]
    path = _offering_without_its_code(tmp_path)

    page.open_file(str(path))
    _wait(qtbot, page)
    shown = page.file_info.text()
    assert f"« {header} »" in shown, shown
    assert button in shown and "kafaat template" not in shown, shown

    page.check()
    _wait(qtbot, page)
    assert not page.plan.ok
    # refused as a whole: no « aucune ligne lue » after the sentence (the preview said « 1 ligne de données »)
    assert page.summary.text() == {"fr": "1 problème à corriger : rien ne sera importé tant qu'il en reste.",
                                   "en": "1 problem to fix: nothing will be imported while any remain.",
                                   }.get(lang, page.summary.text()), page.summary.text()
    messages = [page.problems_table.item(r, 4).text() for r in range(page.problems_table.rowCount())]
    assert any(f"« {header} »" in m and button in m for m in messages), messages
    assert not any("kafaat template" in m for m in messages), messages
    # the plan itself (the command line's, the error report's) still names the command
    assert any("kafaat template offering" in line for line in page.plan.lines(lang))
