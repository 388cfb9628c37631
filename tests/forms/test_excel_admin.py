"""Issue 13, items 2 and 4 to 13: no silent change, and messages in the administrator's words — the
column's header as the file has it, the labels of the template's drop-down lists, dates as people write
them, partial updates by key, a file without data refused, a summary in French."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.cli import main
from forms.excel import export_records, plan_import, run_import, write_error_report, write_template
from tests.conftest import OFFERING
from tests.forms.excel_files import (
    OFFERING_ROW,
    dump,
    headers,
    internship_row,
    rewrite_member,
    write_csv,
    write_xlsx,
)


def live(store, form_key: str) -> list:
    return store.list(form_key)


# ------------------------------------------------------------------------------ 2: report sheet titles

def test_report_of_a_sheet_whose_name_excel_forbids(store, offering_id, cohort_id, tmp_path) -> None:
    """« ValueError: Invalid character / found in sheet title » ended the command without a report."""
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(gender="Autre")], title="Stages")
    rewrite_member(path, "xl/workbook.xml", lambda d: d.replace(b'name="Stages"', b'name="Stages/2025 [v2]: *?"'))
    plan = plan_import(store, "internship", path)
    assert plan.sheet == "Stages/2025 [v2]: *?" and not plan.ok
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx"))
    assert report.sheetnames[0] == "Stages-2025 (v2)- --"
    assert "Autre" in [c.value for c in report.worksheets[0][2]]


# --------------------------------------------------------------------------------- 4: rows of spaces

def test_rows_of_spaces_are_blank(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship",
                      [internship_row(), {"last_name": "   ", "host_name": "\u00a0"}, {"first_name": " \u00a0 "},
                       internship_row(student_code="S7654321")])
    plan = run_import(store, "internship", path)
    assert plan.ok and plan.applied, plan.lines()
    assert plan.rows == 2 and plan.created == 2


def test_csv_line_of_separators_and_spaces_is_blank(store, tmp_path) -> None:
    path = write_csv(tmp_path / "offres.csv", "offering", [OFFERING_ROW])
    path.write_bytes(path.read_bytes() + b" ; ; ; ;\r\n\xc2\xa0;;\r\n")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.applied and plan.rows == 1, plan.lines()


# ----------------------------------------------------------------------- 5: identifiers typed as numbers

def test_identifier_typed_as_a_number_is_warned(store, offering_id, cohort_id, tmp_path) -> None:
    """« 0012345678 » stored by Excel as the number 12345678 still fits the pattern: saved, but said."""
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(), internship_row(student_code=12345678)])
    plan = run_import(store, "internship", path)
    assert plan.ok and plan.applied
    assert [p.row for p in plan.warnings if p.field == "student_code"] == [3]
    line = next(line for line in plan.lines() if "ligne 3" in line)
    assert "avertissement : « 12345678 » était un nombre dans le fichier" in line
    assert "zéros (012345678)" in line


# ------------------------------------------------------------------------------ 6: text lost to « ? »

def test_name_made_of_question_marks_is_warned(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_csv(tmp_path / "stages.csv", "internship",
                     [internship_row(last_name="????? ????", first_name="Youssef"),
                      internship_row(student_code="S7654321", last_name="Ben Ali ?")], encoding="cp1252")
    plan = plan_import(store, "internship", path)
    assert plan.ok
    warned = [(p.row, p.field) for p in plan.warnings]
    assert warned == [(2, "last_name")], plan.lines()
    assert "ré-enregistrez le fichier au format « CSV UTF-8 »" in plan.warnings[0].message


def test_template_tells_to_save_csv_utf8(tmp_path) -> None:
    write_template("internship", tmp_path / "modele.xlsx")
    texts = [c.value for row in load_workbook(tmp_path / "modele.xlsx")["Instructions"].iter_rows() for c in row]
    assert any(isinstance(t, str) and "« CSV UTF-8" in t and "?" in t for t in texts)


# ----------------------------------------------------------------- 7: hidden rows, near-miss headers

def test_hidden_and_filtered_rows_are_reported(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "stages.xlsx", "internship",
                      [internship_row(student_code=f"S765432{i}") for i in range(4)])
    wb = load_workbook(path)
    ws = wb.active
    ws.auto_filter.ref = "A1:X5"
    ws.row_dimensions[3].hidden = True
    ws.row_dimensions[5].hidden = True
    wb.save(path)
    plan = plan_import(store, "internship", path)
    assert plan.ok
    hidden = [p for p in plan.warnings if "ligne masquée" in p.message]
    assert [p.row for p in hidden] == [3, 5]
    assert "ligne 3 : avertissement : ligne masquée dans le classeur (par un filtre ou à la main)" in plan.lines()[0]
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx")).worksheets[0]
    assert "ligne masquée" in report.cell(row=3, column=report.max_column).value


def test_near_miss_header_names_the_probable_field(store, offering_id, cohort_id, tmp_path) -> None:
    """« Email du tuteur » dropped its column with exit 0 and a note few read."""
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row()], style="labels")
    wb = load_workbook(path)
    column = next(c for c in wb.active[1] if c.value == "E-MAIL DU TUTEUR")
    column.value = "Email du tuteur"
    wb.save(path)
    plan = plan_import(store, "internship", path)
    assert plan.ok
    warning = next(p for p in plan.warnings if "Email du tuteur" in p.message)
    assert warning.row == 1 and warning.column == column.column_letter
    assert "vouliez-vous dire « E-mail du tuteur » ?" in warning.message
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx"))["Problèmes"]
    assert any("vouliez-vous dire" in (row[6] or "") for row in report.iter_rows(min_row=2, values_only=True))


def test_near_miss_of_a_required_column_is_suggested(store, tmp_path) -> None:
    path = tmp_path / "offres.csv"
    head = headers("offering", "labels")
    head[0] = "Code de loffre"  # no key column: a file-level refusal, with the suggestion
    path.write_text(";".join(head) + "\nX;Y\n", encoding="utf-8")
    lines = plan_import(store, "offering", path).lines()
    assert any("colonne obligatoire absente : « Code de l'offre [code] » ; la colonne A « Code de loffre » "
               "est-elle celle-ci ?" in line
               for line in lines), lines


# ------------------------------------------------------------------------------------ 8: quote prefix

@pytest.mark.parametrize("text", ["=1+1", "+212600000000", "-remarque", "@moi"])
def test_text_like_a_formula_is_written_with_the_quote_prefix(store, tmp_path, text) -> None:
    store.save("offering", {**OFFERING, "title": text})
    export_records(store, "offering", tmp_path / "export.xlsx")
    cell = load_workbook(tmp_path / "export.xlsx").active["B2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    plan = plan_import(store, "offering", write_xlsx(tmp_path / "x.xlsx", "offering",
                                                     [{**OFFERING_ROW, "title": text, "capacity": "beaucoup"}]))
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx")).worksheets[0]
    assert report["B2"].value == text and report["B2"].quotePrefix


# ----------------------------------------------------------------------- 9: locations in the user's words

def test_locations_use_the_files_header_and_the_fields_label(store, offering_id, tmp_path) -> None:
    """« ligne 16, colonne E (offering) : champ obligatoire » named an internal key."""
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(offering_code=None, cohort=None)],
                      style="labels")
    wb = load_workbook(path)
    wb.active["E1"] = "Formation suivie"
    wb.save(path)
    lines = plan_import(store, "internship", path, overrides={"Formation suivie": "offering"}).lines()
    assert any(line.startswith("stages.xlsx, ligne 2, colonne E « Formation suivie » (Offre de formation) : ")
               for line in lines), lines
    assert not any("(offering)" in line for line in lines)
    plan = plan_import(store, "internship", path, overrides={"Formation suivie": "offering"}, lang="en")
    assert any("colonne E « Formation suivie » (Course offering)" in line for line in plan.lines()), plan.lines()


# ------------------------------------------------------------- 10: allowed values as labels; synonyms

def test_allowed_values_are_the_drop_down_labels(store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "offres.xlsx", "offering", [{**OFFERING_ROW, "region": "Sahara Ouest"}])
    lines = plan_import(store, "offering", path).lines()
    line = next(line for line in lines if "Sahara Ouest" in line)
    assert "« Sahara Ouest » n'est pas une valeur permise : choisissez Tanger-Tétouan-Al Hoceïma, L'Oriental" in line
    assert "ou Dakhla-Oued Ed-Dahab (dans la liste déroulante du modèle)" in line
    assert "01, 02" not in line


def test_common_synonyms_are_recognised(store, offering_id, cohort_id, tmp_path) -> None:
    rows = [internship_row(student_code="S1000001", gender="Féminin", host_region="Grand Casablanca"),
            internship_row(student_code="S1000002", gender="H", host_region="Rabat-Salé-Zemmour-Zaër"),
            internship_row(student_code="S1000003", gender="masculin", host_region="Tanger-Tétouan")]
    plan = run_import(store, "internship", write_xlsx(tmp_path / "stages.xlsx", "internship", rows))
    assert plan.ok and plan.applied, plan.lines()
    found = {r.values["student_code"]: (r.values["gender"], r.values["host_region"]) for r in live(store, "internship")}
    assert found == {"S1000001": ("F", "06"), "S1000002": ("M", "04"), "S1000003": ("M", "01")}


def test_old_region_split_in_two_is_not_guessed(store, offering_id, cohort_id, tmp_path) -> None:
    """« Chaouia-Ouardigha » went partly to Casablanca-Settat, partly to Béni Mellal-Khénifra."""
    rows = [internship_row(host_region="Chaouia-Ouardigha")]
    plan = plan_import(store, "internship", write_xlsx(tmp_path / "stages.xlsx", "internship", rows))
    assert any("« Chaouia-Ouardigha » n'est pas une valeur permise" in line for line in plan.lines())


# ------------------------------------------------------------------------------- 12: dates written out

@pytest.mark.parametrize("text,expected", [
    ("3 février 2025", date(2025, 2, 3)),
    ("lundi 3 févr. 2025", date(2025, 2, 3)),
    ("1er mars 2025", date(2025, 3, 1)),
    ("3 فبراير 2025", date(2025, 2, 3)),
    ("٣ غشت ٢٠٢٥", date(2025, 8, 3)),
    ("15 كانون الثاني 2025", date(2025, 1, 15)),
])
def test_dates_written_out_are_read(store, offering_id, cohort_id, tmp_path, text, expected) -> None:
    path = write_csv(tmp_path / "stages.csv", "internship",
                     [internship_row(start_date=text, end_date=expected + timedelta(days=60))])
    plan = run_import(store, "internship", path)
    assert plan.ok, plan.lines()
    assert live(store, "internship")[0].values["start_date"] == expected


def test_a_date_not_read_is_quoted_whole(store, offering_id, cohort_id, tmp_path) -> None:
    """« 3 février 2025 » was reported as « « 3 » n'est pas une date »."""
    path = write_csv(tmp_path / "stages.csv", "internship", [internship_row(start_date="3 fevruary 2025")])
    lines = plan_import(store, "internship", path).lines()
    assert any("« 3 fevruary 2025 » n'est pas une date : écrivez-la jj/mm/aaaa" in line for line in lines), lines


# ------------------------------------------------------- 13: partial updates, no data, French summary

def test_partial_update_by_natural_key(store, workspace, tmp_path) -> None:
    """The help says missing columns keep the stored values: a file with the key and one column does so."""
    first, _warnings = store.save("offering", OFFERING)
    path = tmp_path / "capacites.csv"
    path.write_text("Code;Capacité (places)\nMS-CYBER;45\n", encoding="utf-8")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.applied, plan.lines()
    assert plan.updated == 1
    record = store.get("offering", first.id)
    assert record.values["capacity"] == 45 and record.values["title"] == OFFERING["title"]
    assert plan.summary() == ("1 ligne lue : aucune création, 1 mise à jour, aucune ligne inchangée ; aucune ligne "
                              "refusée ; aucun avertissement")


def test_partial_file_refuses_a_new_key_saying_what_it_lacks(store, workspace, tmp_path) -> None:
    store.save("offering", OFFERING)
    path = tmp_path / "capacites.csv"
    path.write_text("Code;Capacité (places)\nMS-CYBER;45\nMS-NOUVEAU;20\n", encoding="utf-8")
    before = dump(workspace.db_path)
    plan = run_import(store, "offering", path)
    assert not plan.applied and plan.refused_rows == 1
    assert dump(workspace.db_path) == before
    [line] = plan.lines()
    assert line.startswith("capacites.csv, ligne 3 : aucun(e) offre de formation enregistré(e) n'a cette clé : pour "
                           "le créer, il faut les colonnes obligatoires absentes du fichier (« Intitulé »")


def test_header_only_file_says_there_is_no_data(store, workspace, tmp_path, capsys) -> None:
    path = write_xlsx(tmp_path / "vide.xlsx", "offering", [])
    code = main(["--data-dir", str(workspace.root), "import", "offering", str(path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "vide.xlsx : le fichier ne contient aucune ligne de données sous l'en-tête (ligne 1)" in err
    assert "import refusé, 1 problème : rien n'a été enregistré" in err


def test_summary_reads_as_french(store, offering_id, cohort_id, tmp_path, workspace, capsys) -> None:
    rows = [internship_row(student_code=f"S76543{i:02}") for i in range(3)]
    path = write_xlsx(tmp_path / "stages.xlsx", "internship", rows)
    assert main(["--data-dir", str(workspace.root), "import", "internship", str(path)]) == 0
    assert capsys.readouterr().out.strip() == ("Import terminé — 3 lignes lues : 3 créations, aucune mise à jour, "
                                               "aucune ligne inchangée ; aucune ligne refusée ; aucun avertissement")
    assert main(["--data-dir", str(workspace.root), "import", "internship", str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out.strip().endswith("3 lignes lues : aucune création, aucune mise à jour à faire, "
                                                    "3 lignes inchangées ; aucune ligne refusée ; aucun avertissement")


def test_whole_workbook_of_spaces_is_empty(store, tmp_path) -> None:
    wb = Workbook()
    wb.active.append([" ", "\u00a0"])
    wb.save(tmp_path / "blanc.xlsx")
    lines = plan_import(store, "offering", Path(tmp_path / "blanc.xlsx")).lines()
    assert lines == ["blanc.xlsx : la feuille « Sheet » est vide : rien à importer ; vérifiez que vous avez choisi "
                     "le bon fichier"]
