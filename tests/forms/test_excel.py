"""Excel and CSV interchange on real files and a real database: round trips, conversions, all-or-nothing,
re-import by natural key, templates, error reports."""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from forms.definitions import FORMS
from forms.excel import (
    ImportRefused,
    apply_import,
    export_records,
    export_xlsx,
    plan_import,
    run_import,
    write_error_report,
    write_template,
)
from forms.store.records import COMPLETE, DRAFT
from forms.tasks import Cancelled, TaskState
from forms.workspace import ESTABLISHMENT, Workspace
from tests.conftest import (
    CE_OFFERING,
    OFFERING,
    ce_session_values,
    cohort_values,
    internship_values,
    rd_project_values,
)
from tests.forms.excel_files import OFFERING_ROW, dump, internship_row, write_csv, write_xlsx


def live(store, form_key: str) -> list:
    return store.list(form_key)


# ---------------------------------------------------------------------------------------- round trips

@pytest.fixture
def filled(store, offering_id, cohort_id):
    """Three offerings (one draft, one of continuing education), two cohorts, three internships (one with a
    formula-like name), two R&D projects (one draft), two continuing-education sessions."""
    store.save("offering", {**OFFERING, "code": "LP-TEST", "title": "Licence test", "duration": None},
               status=DRAFT)
    store.save("cohort", cohort_values(offering_id, academic_year="2024-2025", year_of_study=1, final_year=False,
                                       graduates=None, employed_6m=None))
    store.save("internship", internship_values(offering_id, cohort_id))
    store.save("internship", internship_values(offering_id, None, student_code="S200011122",
                                               last_name="=HYPERLINK(\"http://x\")", first_name="@Nora",
                                               host_ice=None, final_mark="15.5", outcome="COMPLETED",
                                               start_date="2025-02-01", end_date="2025-06-30"))
    store.save("internship", internship_values(offering_id, cohort_id, student_code="S200011123",
                                               host_region=None, host_country="France", host_city="Lyon"))
    store.save("rd_project", rd_project_values(offering_id))
    store.save("rd_project", rd_project_values(None, code="RD-2025-02", partners=None, partner_ices=None,
                                               partner_type=None, partner_contribution=None,
                                               funding_sources=["OWN_FUNDS"], team_women=None), status=DRAFT)
    ce_offering, _ = store.save("offering", CE_OFFERING)
    store.save("ce_session", ce_session_values(ce_offering.id))
    store.save("ce_session", ce_session_values(ce_offering.id, code="FC-IA-2026-1", start_date="2026-01-12",
                                              end_date="2026-03-20", completed=None, certified=None,
                                              satisfaction=None, employers=None, employer_ices=None))
    return store


@pytest.mark.parametrize("form_key", list(FORMS))
def test_export_reads_back_with_no_change(filled, workspace, tmp_path, form_key) -> None:
    out = tmp_path / f"{form_key}.xlsx"
    n = export_records(filled, form_key, out)
    assert n == len(live(filled, form_key)) > 0
    before = dump(workspace.db_path)
    plan = plan_import(filled, form_key, out)
    assert plan.ok, plan.lines()
    assert (plan.rows, plan.unchanged, plan.created, plan.updated) == (n, n, 0, 0)
    applied = apply_import(filled, plan)
    assert applied.applied and applied.unchanged == n
    assert dump(workspace.db_path) == before


def test_export_imports_into_a_new_database_chain(filled, tmp_path) -> None:
    """Offerings, then cohorts, then internships exported from one establishment and imported into a
    fresh one: links are written by natural key, so they resolve there, and every value survives."""
    other = Workspace.create(tmp_path / "other", ESTABLISHMENT, establishment="ECC", operator="Copie")
    try:
        target = other.records()
        for form_key in FORMS:
            out = tmp_path / f"chain-{form_key}.xlsx"
            export_records(filled, form_key, out)
            plan = run_import(target, form_key, out)
            assert plan.ok and plan.applied, plan.lines()
            form = FORMS[form_key]
            own = [k for k in form.natural_key if not form.field(k).link]
            source = {tuple(r.values[k] for k in own): r for r in live(filled, form_key)}
            copied = {tuple(r.values[k] for k in own): r for r in live(target, form_key)}
            assert len(source) == len(live(filled, form_key))
            assert source.keys() == copied.keys()
            for title, record in source.items():
                assert copied[title].status == record.status
                for f in FORMS[form_key].fields:
                    if f.link:
                        continue
                    assert copied[title].values[f.key] == record.values[f.key], (title, f.key)
    finally:
        other.close()


def test_formula_like_text_is_written_as_text(filled, tmp_path) -> None:
    out = tmp_path / "internships.xlsx"
    export_records(filled, "internship", out)
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    wb = load_workbook(out)
    texts = {c.value: c.data_type for row in wb.active.iter_rows() for c in row if isinstance(c.value, str)}
    assert texts['=HYPERLINK("http://x")'] == "s"
    assert texts["@Nora"] == "s"


def test_export_respects_the_records_given(filled, tmp_path) -> None:
    """The list view passes its filtered records: only those are written."""
    drafts = filled.list("offering", status=DRAFT)
    out = tmp_path / "drafts.xlsx"
    assert export_xlsx("offering", drafts, out) == 1
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "LP-TEST" and "Brouillon" in rows[1]


def test_export_of_given_records_names_links_with_the_store(filled, offering_id, tmp_path) -> None:
    internships = filled.list("internship")[:2]
    out = tmp_path / "deux.xlsx"
    assert export_xlsx("internship", internships, out, store=filled) == 2
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert {r[4] for r in rows[1:]} == {"MS-CYBER"}
    assert export_xlsx("internship", internships, out) == 2  # without the store: UUIDs, still importable
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert {r[4] for r in rows[1:]} == {offering_id}
    plan = plan_import(filled, "internship", out)
    assert plan.ok and plan.unchanged == 2, plan.lines()


# -------------------------------------------------------------------------- what spreadsheets hold

def test_values_as_spreadsheets_hold_them(store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "offres.xlsx", "offering", [OFFERING_ROW], style="labels")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    record = live(store, "offering")[0]
    v = record.values
    assert v["domains"] == ("DATA", "AI")
    assert v["training_type"] == "INITIAL"
    assert v["capacity"] == 40
    assert v["duration_unit"] == "MONTHS"
    assert v["languages"] == ("FR", "EN")
    assert v["region"] == "03"  # typed as the number 3
    assert v["industry_partnered"] is False
    assert v["accreditation_date"] == date(2025, 3, 1)
    assert record.status == COMPLETE


def test_internship_with_links_by_natural_key(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    plan = run_import(store, "internship", path)
    assert plan.ok and plan.created == 1, plan.lines()
    v = live(store, "internship")[0].values
    assert (v["offering"], v["cohort"]) == (offering_id, cohort_id)
    assert v["end_date"] == date(2026, 7, 15)
    assert v["monthly_stipend"] == Decimal("2500.00")
    assert (v["gender"], v["domain"], v["host_region"], v["outcome"]) == ("M", "CYBER", "04", "ONGOING")
    assert v["weekly_hours"] == 35


def test_excel_booleans(store, offering_id, cohort_id, tmp_path) -> None:
    """TRUE/FALSE cells: a yes/no field takes them as they are, « Recruté » (Oui/Non/Inconnu) as Oui/Non."""
    path = write_xlsx(tmp_path / "vrai.xlsx", "internship", [internship_row(hired=True, outcome="Terminé",
                                                                           end_date="30/06/2026")])
    plan = run_import(store, "internship", path)
    assert plan.ok, plan.lines()
    assert live(store, "internship")[0].values["hired"] == "YES"
    offers = write_xlsx(tmp_path / "offres.xlsx", "offering", [{**OFFERING_ROW, "industry_partnered": False}])
    assert run_import(store, "offering", offers).ok
    assert next(r for r in live(store, "offering") if r.values["code"] == "LP-DATA").values[
        "industry_partnered"] is False


def test_an_excel_date_serial_in_a_text_cell_is_read_as_a_date(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "serial.xlsx", "internship", [internship_row(start_date=46054)])
    plan = run_import(store, "internship", path)
    assert plan.ok, plan.lines()
    assert live(store, "internship")[0].values["start_date"] == date(2026, 2, 1)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [";", ","])
def test_csv_encodings_and_separators(store, tmp_path, encoding, sep) -> None:
    row = {**OFFERING_ROW, "title": "Génie logiciel, qualité & tests — Fès", "campus_city": "Fès",
           "region": "Fès-Meknès", "accreditation_date": "01/03/2025"}
    path = write_csv(tmp_path / "offres.csv", "offering", [row], sep=sep, encoding=encoding)
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    v = live(store, "offering")[0].values
    assert v["title"] == row["title"]
    assert (v["campus_city"], v["region"]) == ("Fès", "03")
    assert v["accreditation_date"] == date(2025, 3, 1)
    assert any("Windows-1252" in n for n in plan.notes) == (encoding == "cp1252")


def test_excel_unicode_text_csv_is_read(store, tmp_path) -> None:
    """Excel's « Texte Unicode » export: UTF-16 with a BOM, tab-separated."""
    row = {**OFFERING_ROW, "title": "ماستر الأمن السيبراني — Fès", "campus_city": "Fès"}
    path = write_csv(tmp_path / "offres.txt", "offering", [row], sep="\t", encoding="utf-16")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    assert live(store, "offering")[0].values["title"] == row["title"]
    cut = tmp_path / "coupe.csv"
    cut.write_bytes(path.read_bytes()[:-1])
    refused = run_import(store, "offering", cut)
    assert not refused.ok and "UTF-16" in " ".join(refused.lines())


def test_arabic_windows_csv_is_read_as_windows_1256(store, tmp_path) -> None:
    """A CSV saved by Excel on an Arabic Windows: « ANSI » is Windows-1256, not 1252."""
    row = {**OFFERING_ROW, "title": "ماستر الأمن السيبراني والحوسبة السحابية", "campus_city": "فاس",
           "partner_name": "شركة الشريك الصناعي", "region": "جهة فاس مكناس"}
    path = write_csv(tmp_path / "offres.csv", "offering", [row], sep=";", encoding="cp1256", style="keys")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    v = live(store, "offering")[0].values
    assert (v["title"], v["campus_city"], v["region"]) == (row["title"], "فاس", "03")
    assert any("Windows-1256" in n for n in plan.notes)


def test_the_error_report_never_overwrites_the_imported_file(workspace, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "offres.xlsx", "offering", [{**OFFERING_ROW, "capacity": "beaucoup"}])
    before = path.read_bytes()
    code = main(["--data-dir", str(workspace.root), "import", "offering", str(path), "--errors", str(path)])
    assert code == 1 and "écraserait" in capsys.readouterr().err
    assert path.read_bytes() == before


@pytest.mark.parametrize("style", ["template", "labels", "keys"])
def test_tolerant_headers(store, tmp_path, style) -> None:
    path = write_xlsx(tmp_path / "offres.xlsx", "offering", [OFFERING_ROW], style=style,
                      extra={"Remarques internes": "à revoir"})
    plan = plan_import(store, "offering", path)
    assert plan.ok, plan.lines()
    assert len(plan.mapping) == len(FORMS["offering"].fields)
    assert any("« Remarques internes » ignorée" in n for n in plan.notes)


def test_header_below_a_title_row(store, tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Offres 2025 — établissement ECC"])
    ws.append([])
    ws.append([c for c in OFFERING_ROW])
    ws.append(list(OFFERING_ROW.values()))
    wb.save(tmp_path / "titre.xlsx")
    plan = run_import(store, "offering", tmp_path / "titre.xlsx")
    assert plan.ok and plan.created == 1 and plan.header_row == 3, plan.lines()


# ----------------------------------------------------------------------------------- all or nothing

def test_one_bad_row_refuses_everything_and_changes_nothing(store, offering_id, cohort_id, workspace,
                                                            tmp_path) -> None:
    rows = [internship_row(student_code=f"S{100000 + i}") for i in range(30)]
    rows[17] = internship_row(student_code="S100017", gender="Autre", end_date="31/01/2026")
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    before = dump(workspace.db_path)
    plan = run_import(store, "internship", path)
    assert not plan.ok and not plan.applied
    assert plan.refused_rows == 1
    lines = plan.lines()
    assert ("stages.xlsx, ligne 19, colonne D « Genre [gender] » : « Autre » n'est pas une valeur permise : choisissez "
            "Femme ou Homme (dans la liste déroulante du modèle)") in lines
    assert any(line.startswith("stages.xlsx, ligne 19, colonne P « Date de fin [end_date] » : la date de fin (31/01/2026) précède")
               for line in lines)
    assert dump(workspace.db_path) == before


def test_dry_run_writes_nothing(store, offering_id, cohort_id, workspace, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    before = dump(workspace.db_path)
    code = main(["--data-dir", str(workspace.root), "import", "internship", str(path), "--dry-run"])
    assert code == 0
    assert "1 ligne lue : 1 création, aucune mise à jour à faire" in capsys.readouterr().out
    assert dump(workspace.db_path) == before
    assert main(["--data-dir", str(workspace.root), "import", "internship", str(path)]) == 0
    assert dump(workspace.db_path) != before
    assert len(live(store, "internship")) == 1


def test_reimport_updates_by_natural_key(store, offering_id, cohort_id, tmp_path) -> None:
    rows = [internship_row(student_code=f"S{100000 + i}") for i in range(5)]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    assert run_import(store, "internship", path).created == 5
    rows[2] = {**rows[2], "outcome": "Terminé", "end_date": "30/06/2026", "final_mark": "16,5"}
    write_xlsx(path, "internship", rows)
    plan = run_import(store, "internship", path)
    assert plan.ok and (plan.created, plan.updated, plan.unchanged) == (0, 1, 4), plan.lines()
    records = live(store, "internship")
    assert len(records) == 5
    changed = next(r for r in records if r.values["student_code"] == "S100002")
    assert changed.version == 2 and changed.values["final_mark"] == Decimal("16.50")
    history = store.history("internship", changed.id)
    assert {h.field for h in history if h.action == "update"} >= {"outcome", "final_mark", "end_date"}


def test_columns_absent_from_the_sheet_keep_stored_values(store, offering_id, cohort_id, tmp_path) -> None:
    store.save("internship", internship_values(offering_id, cohort_id))
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    required = [f for f in FORMS["internship"].fields if f.required]
    ws.append([f.key for f in required])
    row = internship_row(student_code="R130045678", start_date=date(2026, 2, 1), host_name="Nouveau nom")
    ws.append([row[f.key] for f in required])
    wb.save(tmp_path / "partiel.xlsx")
    plan = run_import(store, "internship", tmp_path / "partiel.xlsx")
    assert plan.ok and plan.updated == 1, plan.lines()
    v = live(store, "internship")[0].values
    assert v["host_name"] == "Nouveau nom"
    assert v["tutor_email"] == "k.alaoui@example.ma"  # no column: kept
    assert v["cohort"] == cohort_id


def test_duplicate_rows_in_one_file(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(), internship_row(last_name="Bis")])
    plan = plan_import(store, "internship", path)
    assert not plan.ok
    assert any("ligne 3" in line and "que la ligne 2" in line for line in plan.lines())


def test_drafts_and_warnings(store, offering_id, cohort_id, tmp_path) -> None:
    rows = [
        internship_row(student_code="S100001", end_date="30/03/2026"),  # a 2-month PFE: warning only
        internship_row(student_code="S100002", host_name=None),
    ]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows, extra={"Statut": "Complet"})
    plan = plan_import(store, "internship", path)
    assert not plan.ok  # the second row misses a required field and is not a draft
    assert [p.row for p in plan.errors] == [3]
    assert any(p.row == 2 and p.field == "end_date" and "PFE" in p.message for p in plan.warnings)

    wb = load_workbook(path)
    wb.active.cell(row=3, column=len(FORMS["internship"].fields) + 1, value="Brouillon")
    wb.save(path)
    plan = run_import(store, "internship", path)
    assert plan.ok and plan.applied and plan.drafts == 1, plan.lines()
    by_code = {r.values["student_code"]: r for r in live(store, "internship")}
    assert by_code["S100001"].status == COMPLETE and by_code["S100001"].warning_count == 1
    assert by_code["S100002"].status == DRAFT


def test_apply_checks_again_inside_its_transaction(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    plan = plan_import(store, "internship", path)
    assert plan.ok and plan.created == 1
    store.delete("cohort", [cohort_id])  # the sheet's cohort is gone by the time we apply
    with pytest.raises(ImportRefused) as refused:
        apply_import(store, plan)
    assert any("cohorte" in p.message for p in refused.value.plan.errors)
    assert live(store, "internship") == []


def test_cancel_rolls_back(store, offering_id, cohort_id, workspace, tmp_path) -> None:
    rows = [internship_row(student_code=f"S{100000 + i}") for i in range(1200)]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    plan = plan_import(store, "internship", path)
    before = dump(workspace.db_path)
    state = TaskState(on_progress=lambda done, total, text: state.cancel() if done >= 1000 else None)
    with pytest.raises(Cancelled):
        apply_import(store, plan, state)
    assert dump(workspace.db_path) == before


# ------------------------------------------------------------------------------------ error report

def test_error_report_marks_cells_and_cli_lines(store, offering_id, cohort_id, workspace, tmp_path,
                                               capsys) -> None:
    rows = [internship_row(student_code="S100001"),
            internship_row(student_code="S100002", host_ice=1525312000088, weekly_hours="beaucoup")]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    report = tmp_path / "rapport.xlsx"
    code = main(["--data-dir", str(workspace.root), "import", "internship", str(path), "--errors", str(report)])
    assert code == 1
    err = capsys.readouterr().err
    assert ("stages.xlsx, ligne 3, colonne J « ICE de l'organisme [host_ice] » : « 1525312000088 » : identifiant lu "
            "comme un nombre") in err
    assert "stages.xlsx, ligne 3, colonne Q « Heures par semaine [weekly_hours] » : « beaucoup » n'est pas un nombre entier" in err
    assert "rien n'a été enregistré" in err
    wb = load_workbook(report)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[1]]
    problems_col = head.index("Problèmes") + 1
    assert ws.cell(row=2, column=problems_col).value is None
    message = ws.cell(row=3, column=problems_col).value
    assert "colonne J « ICE de l'organisme [host_ice] »" in message and "colonne Q « Heures par semaine" in message
    assert ws["J3"].fill.fgColor.rgb.endswith("F8CBAD")
    assert ws["Q3"].fill.fgColor.rgb.endswith("F8CBAD")
    assert ws["A3"].fill.fgColor.rgb in (None, "00000000")
    assert ws["Q3"].value == "beaucoup" and ws["B2"].value == "El Amrani"
    # the report, corrected, imports as it is (the « Problèmes » column is ignored)
    ws["J3"].value, ws["Q3"].value = "001525312000088", 35
    wb.save(report)
    plan = run_import(store, "internship", report)
    assert plan.ok and plan.created == 2, plan.lines()


def test_error_report_for_a_refused_file(store, tmp_path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    plan = plan_import(store, "offering", bad)
    out = write_error_report(plan, tmp_path / "rapport.xlsx")
    wb = load_workbook(out)
    messages = [row[6] for row in wb["Problèmes"].iter_rows(min_row=2, values_only=True)]
    assert messages and "ni un classeur Excel" in messages[0]


# ----------------------------------------------------------------------------------------- templates

@pytest.mark.parametrize("form_key", list(FORMS))
def test_template_shape(tmp_path, form_key) -> None:
    form = FORMS[form_key]
    path = tmp_path / f"{form_key}.xlsx"
    write_template(form_key, path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    head = [c.value for c in ws[1]]
    assert head[: len(form.fields)] == [f"{f.label.fr} [{f.key}]" for f in form.fields]
    assert wb["Listes"].sheet_state == "hidden"
    lists = {str(dv.sqref).split(":")[0][:-1]: dv for dv in ws.data_validations.dataValidation
             if dv.type == "list"}
    for j, f in enumerate(form.fields, start=1):
        letter = ws.cell(row=1, column=j).column_letter
        if f.type.value in ("choice", "boolean"):
            assert letter in lists, f.key
            assert lists[letter].formula1.startswith(("Listes!$", "'Listes'!$"))
        if f.type.value == "identifier":
            assert ws.cell(row=2, column=j).number_format == "@"
        if f.type.value == "date":
            assert ws.cell(row=2, column=j).number_format == "DD/MM/YYYY"
        assert ws.column_dimensions[letter].width >= 10
    info = [r for r in wb["Instructions"].iter_rows(values_only=True)]
    described = {r[1]: r for r in info if r and len(r) > 3 and r[0] and r[1]}
    for f in form.fields:
        assert described[f.key][3] == ("oui" if f.required else "non")
    # every value offered by a drop-down is accepted by the import
    listes = wb["Listes"]
    for col in listes.iter_cols(values_only=True):
        key, *values = [v for v in col if v is not None]
        if key == "status":
            continue
        field = form.field(key)
        from forms.validation import parse_value

        for value in values:
            parse_value(field, value)


def test_template_filled_by_hand_imports(store, offering_id, cohort_id, tmp_path) -> None:
    path = tmp_path / "modele.xlsx"
    write_template("internship", path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    row = internship_row(internship_type="Projet de fin d'études (PFE)", gender="Femme")
    for j, f in enumerate(FORMS["internship"].fields, start=1):
        ws.cell(row=2, column=j, value=row.get(f.key))
    wb.save(path)
    plan = run_import(store, "internship", path)
    assert plan.ok and plan.created == 1, plan.lines()
    assert plan.notes == []  # the template's own « Listes » and « Instructions » sheets are not data


def test_cli_template_and_export(workspace, store, offering_id, tmp_path, capsys) -> None:
    root = str(workspace.root)
    assert main(["--data-dir", root, "template", "cohort", str(tmp_path / "c.xlsx")]) == 0
    assert main(["--data-dir", root, "export-xlsx", "offering", str(tmp_path / "o.xlsx")]) == 0
    assert "1 enregistrement exporté" in capsys.readouterr().out
    assert main(["--data-dir", root, "export-xlsx", "offering", str(tmp_path / "o.csv")]) == 1
    assert ".xlsx" in capsys.readouterr().err


def test_report_of_a_workbook_with_several_sheets(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "classeur.xlsx", "internship", [internship_row(gender="?")], title="Stages")
    wb = load_workbook(path)
    notes = wb.create_sheet("Notes", 0)
    notes.append(["ne pas importer"])
    wb.save(path)
    plan = plan_import(store, "internship", path)
    assert plan.sheet == "Stages" and not plan.ok
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx")).worksheets[0]
    assert report["A2"].value == "R130045678" and "« ? »" in report.cell(row=2, column=25).value


def test_the_identifier_column_lets_a_natural_key_change(filled, tmp_path) -> None:
    """An export carries « Identifiant Kafaat »: correcting a student code in it updates that record."""
    out = tmp_path / "stages.xlsx"
    export_records(filled, "internship", out)
    wb = load_workbook(out)
    ws = wb.active
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "S200011123")
    row[0].value = "S200099999"
    wb.save(out)
    plan = run_import(filled, "internship", out)
    assert plan.ok and (plan.updated, plan.created) == (1, 0), plan.lines()
    codes = {r.values["student_code"] for r in filled.list("internship")}
    assert "S200099999" in codes and "S200011123" not in codes


def test_cli_commands_run_without_qt(workspace, store, offering_id, tmp_path) -> None:
    """The real ``kafaat`` program, in its own process: template, import and export never load Qt."""
    import subprocess
    import sys

    path = write_xlsx(tmp_path / "offres.xlsx", "offering", [OFFERING_ROW])
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"root = {str(workspace.root)!r}\n"
        f"codes = [main(['--data-dir', root, 'template', 'offering', {str(tmp_path / 't.xlsx')!r}]),\n"
        f"         main(['--data-dir', root, 'import', 'offering', {str(path)!r}]),\n"
        f"         main(['--data-dir', root, 'export-xlsx', 'offering', {str(tmp_path / 'e.xlsx')!r}])]\n"
        "print(codes, any(name.startswith('PySide6') for name in sys.modules))\n"
    )
    workspace.close()
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[0, 0, 0] False", out.stderr
    assert "1 ligne lue : 1 création, aucune mise à jour" in out.stdout
    assert len(store.list("offering")) == 2


def test_arabic_template_and_export_read_back(filled, tmp_path) -> None:
    path = tmp_path / "قالب.xlsx"
    write_template("internship", path, lang="ar")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.sheet_view.rightToLeft
    assert ws["D1"].value == "الجنس [gender]"
    row = internship_row(student_code="S7000001", gender="أنثى", outcome="منتهٍ", end_date="30/06/2026",
                         hired="نعم", domain="الأمن السيبراني")
    for j, f in enumerate(FORMS["internship"].fields, start=1):
        ws.cell(row=2, column=j, value=row.get(f.key))
    wb.save(path)
    plan = run_import(filled, "internship", path)
    assert plan.ok and plan.created == 1, plan.lines()
    v = next(r for r in filled.list("internship") if r.values["student_code"] == "S7000001").values
    assert (v["gender"], v["outcome"], v["hired"], v["domain"]) == ("F", "COMPLETED", "YES", "CYBER")
    out = tmp_path / "تصدير.xlsx"
    export_records(filled, "internship", out, lang="ar")
    again = plan_import(filled, "internship", out)
    assert again.ok and again.unchanged == again.rows == 4, again.lines()


def test_names_people_use_and_cli_map(workspace, store, offering_id, cohort_id, tmp_path, capsys) -> None:
    """« CNE » names the student code (derived from its label); --map fixes what no label says."""
    from openpyxl import Workbook

    row = internship_row()
    names = {"student_code": "CNE", "host_sector": "Branche", "tutor_name": "Maître de stage"}
    wb = Workbook()
    ws = wb.active
    keys = [f.key for f in FORMS["internship"].fields]
    ws.append([names.get(k, FORMS["internship"].field(k).label.fr) for k in keys] + ["Commentaire"])
    ws.append([row[k] for k in keys] + ["à revoir"])
    wb.save(tmp_path / "sgs.xlsx")
    root = str(workspace.root)
    args = ["--data-dir", root, "import", "internship", str(tmp_path / "sgs.xlsx")]
    assert main([*args, "--map", "Branche=host_sector", "--map", "S=tutor_name", "--map", "Y="]) == 0
    err = capsys.readouterr().err
    assert "Commentaire" not in err and "Branche" not in err  # both settled by --map
    v = live(store, "internship")[0].values
    assert (v["student_code"], v["host_sector"], v["tutor_name"]) == ("R130045678", "Services numériques",
                                                                      "Leila Berrada")
    assert main([*args, "--map", "Inconnue=host_sector"]) == 1
    assert "colonne « Inconnue » introuvable" in capsys.readouterr().err
    assert main([*args, "--map", "Branche=secteur"]) == 1
    assert "« secteur » n'est pas un champ" in capsys.readouterr().err


def test_text_like_an_excel_error_reads_back_as_text(store, offering_id, cohort_id, tmp_path) -> None:
    """openpyxl stores the text « #N/A » as an error cell, which reads back empty: the export lost the
    value (the import then « updated » the record to blank) and the report lost the cell."""
    store.save("internship", internship_values(offering_id, cohort_id, supervisor="#N/A", host_sector="#REF!"))
    out = tmp_path / "stages.xlsx"
    export_records(store, "internship", out)
    plan = plan_import(store, "internship", out)
    assert plan.ok and plan.unchanged == 1, plan.lines()
    path = write_csv(tmp_path / "stages.csv", "internship", [internship_row(supervisor="#DIV/0!", gender="?")])
    report = write_error_report(plan_import(store, "internship", path), tmp_path / "rapport.xlsx")
    ws = load_workbook(report).worksheets[0]
    assert ws["U2"].value == "#DIV/0!" and ws["U2"].data_type == "s"


def test_a_row_copied_with_its_identifier_is_refused(filled, workspace, tmp_path) -> None:
    """A row of an export copied to enter a new internship keeps « Identifiant Kafaat »: it updated the
    original record (renamed to the new student code) while the import said « 1 mise à jour »."""
    out = tmp_path / "stages.xlsx"
    export_records(filled, "internship", out)
    wb = load_workbook(out)
    ws = wb.active
    ws.append([c.value for c in ws[2]])
    ws.cell(row=ws.max_row, column=1, value="S999999")
    wb.save(out)
    before = dump(workspace.db_path)
    plan = run_import(filled, "internship", out)
    assert not plan.ok and not plan.applied
    assert any(line.startswith(f"stages.xlsx, ligne {ws.max_row}, colonne Z « Identifiant Kafaat [id] » : même identifiant que la ligne 2")
               for line in plan.lines()), plan.lines()
    assert dump(workspace.db_path) == before
    ws.cell(row=ws.max_row, column=26).value = None  # the identifier emptied: a new record
    wb.save(out)
    plan = run_import(filled, "internship", out)
    assert plan.ok and plan.created == 1 and plan.updated == 0, plan.lines()
    assert len(filled.list("internship")) == 4


def test_map_names_a_header_of_three_letters(store, offering_id, cohort_id, tmp_path) -> None:
    """« --map ICE=host_ice » names the column titled « ICE »: it was read as the column ICE (the 2 465th,
    empty), so the ICE column was ignored and every ICE imported blank."""
    from openpyxl import Workbook

    row = internship_row()
    keys = [f.key for f in FORMS["internship"].fields]
    wb = Workbook()
    ws = wb.active
    ws.append(["ICE" if k == "host_ice" else FORMS["internship"].field(k).label.fr for k in keys])
    ws.append([row[k] for k in keys])
    wb.save(tmp_path / "sgs.xlsx")
    plan = run_import(store, "internship", tmp_path / "sgs.xlsx", overrides={"ICE": "host_ice"})
    assert plan.ok and plan.created == 1, plan.lines()
    assert live(store, "internship")[0].values["host_ice"] == "001525312000088"


def test_map_to_a_column_past_the_sheet_is_refused(store, offering_id, cohort_id, tmp_path) -> None:
    """« --map AJ=host_ice » for a sheet that stops at X (a typo): every ICE was imported blank."""
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()])
    plan = run_import(store, "internship", path, overrides={"J": "", "AJ": "host_ice"})
    assert not plan.ok and not plan.applied
    assert "stages.xlsx, ligne 1, colonne AJ (ICE de l'organisme) : colonne AJ hors de la feuille (colonnes A à X)" in \
        plan.lines(), plan.lines()


def test_a_write_that_fails_leaves_the_previous_file_whole(filled, tmp_path, monkeypatch) -> None:
    """A full or read-only medium (a USB key) mid-way through a workbook: the template, the export and the
    error report are written under a temporary name, so the file that was there stays whole and no
    half-written one is left — from the window as from the command line (review7 F5)."""
    import errno

    from openpyxl import Workbook

    real_save = Workbook.save

    def full_disk(self, filename):
        real_save(self, filename)
        with open(filename, "r+b") as handle:  # half of it reached the disk
            handle.truncate(max(1, handle.seek(0, 2) // 2))
        raise OSError(errno.ENOSPC, "No space left on device")

    plan = plan_import(filled, "offering", tmp_path / "absent.xlsx")
    folder = tmp_path / "cle"
    folder.mkdir()
    out = folder / "fichier.xlsx"
    out.write_bytes(b"le fichier d'avant")
    monkeypatch.setattr(Workbook, "save", full_disk)
    for write in (lambda: write_template("offering", out), lambda: export_records(filled, "offering", out),
                  lambda: write_error_report(plan, out)):
        with pytest.raises(OSError):
            write()
        assert out.read_bytes() == b"le fichier d'avant"
        assert [p.name for p in folder.iterdir()] == ["fichier.xlsx"]
