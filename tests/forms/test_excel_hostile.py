"""A corpus of hostile or broken files, generated here, each refused with its own clear message and without
changing the database (or, for the ones that can be read safely, read the way the message says)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from forms.excel import export_records, plan_import, run_import, write_error_report
from forms.excel import reading as reading_module
from tests.conftest import OFFERING
from tests.forms.excel_files import (
    OFFERING_ROW,
    dump,
    huge_dimension,
    internship_row,
    ole_file,
    rewrite_member,
    with_entity,
    write_csv,
    write_xlsx,
    zip_bomb,
)


def _random(path: Path) -> Path:
    import random

    rng = random.Random(4)
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _not_a_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    return path


def _ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return path


def _truncated(path: Path) -> Path:
    write_xlsx(path, "offering", [OFFERING_ROW])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _edited(path: Path, cells: dict[str, Any] | None = None, merge: str | None = None) -> Path:
    """The workbook at ``path`` with ``cells`` (reference → value) set and ``merge`` merged on its sheet."""
    wb = load_workbook(path)
    for ref, value in (cells or {}).items():
        wb.active[ref] = value
    if merge:
        wb.active.merge_cells(merge)
    wb.save(path)
    return path


def _formulas(path: Path) -> Path:
    return _edited(write_xlsx(path, "offering", [OFFERING_ROW]), {"H2": "=20+20"})


def _only_hidden(path: Path) -> Path:
    """Excel itself refuses to hide every sheet; a crafted file can (openpyxl too: edit the XML)."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    return rewrite_member(path, "xl/workbook.xml",
                          lambda data: data.replace(b'state="visible"', b'state="hidden"'))


def _merged_header(path: Path) -> Path:
    return _edited(write_xlsx(path, "offering", [OFFERING_ROW]), merge="A1:B1")


def _merged_data(path: Path) -> Path:
    return _edited(write_xlsx(path, "offering", [OFFERING_ROW, {**OFFERING_ROW, "code": "LP-2"}]), merge="L2:L3")


def _missing_columns(path: Path) -> Path:
    return write_csv(path, "offering", [OFFERING_ROW], style="labels").write_text(
        "Code;Intitulé\nX1;Un titre\n", encoding="utf-8") and path


def _unknown_reference(path: Path) -> Path:
    return write_xlsx(path, "offering", [{**OFFERING_ROW, "level": "Doctorat d'État", "region": "Sahara Ouest"}])


def _mangled_csv(path: Path) -> Path:
    return write_csv(path, "offering", [{**OFFERING_ROW, "code": "1,23457E+14"}])


def _long_number_id(path: Path) -> Path:
    return write_xlsx(path, "offering", [{**OFFERING_ROW, "code": 12345678901234567890.0}])


def _us_dates(path: Path) -> Path:
    """What LibreOffice in an American locale writes when it saves a sheet as CSV: month/day/year."""
    return write_csv(path, "offering", [{**OFFERING_ROW, "accreditation_date": "07/15/2025"}], sep=",",
                     encoding="cp1252")


def _entity(path: Path) -> Path:
    return with_entity(write_xlsx(path, "offering", [OFFERING_ROW]))


def _sheet_entities(path: Path) -> Path:
    """Billion laughs in the sheet itself (calamine is not defusedxml: the reader must stop it)."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    entities = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9)) + b"]>"
    return rewrite_member(path, "xl/worksheets/sheet1.xml",
                          lambda data: entities + data.replace(b"<t>LP-DATA</t>", b"<t>&j;</t>"))


def _far_cell(path: Path) -> Path:
    """One cell at XFD1048576 in a 6 KB file: calamine allocates the whole rectangle from A1 (550 GB) and
    the process aborted."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))


def _far_cells_without_reference(path: Path) -> Path:
    """The same rectangle reached by cells without ``r``, placed by their row's ``r`` and their order."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    cells = b'<c t="inlineStr"><is><t>x</t></is></c>' * 300
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b"<row r = '900000'>" + cells + b"</row></sheetData>"))


def _repeated_reference(path: Path) -> Path:
    """A cell with two ``r``: calamine places it by the last one."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b'<row r="1048576"><c r="A1048576" r = \'XFD1048576\' t="inlineStr"><is><t>x</t></is></c>'
                         b"</row></sheetData>"))


def _formula_without_reference(path: Path) -> Path:
    """A formula in a cell without ``r`` (calamine places it at A2): it was located at the last reference
    before it, S1 (an ignored column), so its cached value was imported as the code."""
    write_xlsx(path, "offering", [OFFERING_ROW], extra={"Contrôle": "x"})
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b'<c r="A2" t="inlineStr"><is><t>LP-DATA</t></is></c>', b'<c t="str"><f>"LP-"&amp;"X"</f><v>LP-X</v></c>'))


def _long_reference(path: Path) -> Path:
    """A reference of 200 000 letters: measured letter by letter into a huge integer, it took minutes."""
    write_xlsx(path, "offering", [OFFERING_ROW])
    return rewrite_member(path, "xl/worksheets/sheet1.xml", lambda data: data.replace(
        b"</sheetData>", b'<row r="3"><c r="' + b"A" * 200_000 + b'3" t="inlineStr"><is><t>x</t></is></c></row>'
                         b"</sheetData>"))


def _error_cell(path: Path) -> Path:
    """« #N/A » left by a VLOOKUP pasted as values: an error cell, which calamine reads as empty (the optional
    partner name was imported blank without a word)."""
    return _edited(write_xlsx(path, "offering", [OFFERING_ROW]), {"O2": "#N/A"})


def _duplicate_sheet_names(path: Path) -> Path:
    """A hidden sheet named like the data sheet, before it: calamine (which finds sheets by name) parsed the
    hidden one, unchecked (formulas, extent), while the plan said it was ignored."""
    write_xlsx(path, "offering", [OFFERING_ROW], title="Données")
    wb = load_workbook(path)
    hidden = wb.create_sheet("Cache", 0)
    hidden.sheet_state = "hidden"
    hidden["A1"] = "secret"
    wb.active = 1
    wb.save(path)
    return rewrite_member(path, "xl/workbook.xml", lambda data: data.replace(b'name="Cache"',
                                                                             'name="Données"'.encode()))


def _error_cell_repeated_reference(path: Path) -> Path:
    """The error cell's first r points to an ignored column; calamine places it by its last one (O2)."""
    return rewrite_member(_error_cell(path), "xl/worksheets/sheet1.xml",
                          lambda data: data.replace(b'<c r="O2" t="e">', b'<c r="Z2" t="e" r="O2">'))


def _bad_date(path: Path) -> Path:
    return write_xlsx(path, "offering", [{**OFFERING_ROW, "accreditation_date": "31/02/2025"}])


# (builder, file name, expected fragment of the message)
CORPUS: list[tuple[Callable[[Path], Path], str, str]] = [
    (lambda p: ole_file(p, encrypted=False), "ancien.xls", "ancien format Excel (.xls) non accepté"),
    (lambda p: ole_file(p, encrypted=True), "protege.xlsx", "protégé par un mot de passe"),
    (_random, "aleatoire.xlsx", "ni un classeur Excel (.xlsx) ni un fichier CSV"),
    (_empty, "vide.csv", "le fichier est vide"),
    (_not_a_workbook, "lettre.docx", "n'est pas un classeur Excel (.xlsx)"),
    (_ods, "calc.ods", "classeur OpenDocument (.ods)"),
    (_truncated, "coupe.xlsx", "archive .xlsx endommagée"),
    (lambda p: zip_bomb(p, "offering"), "bombe.xlsx", "taux de compression anormal pour xl/sharedStrings.xml"),
    (_entity, "entites.xlsx", "XML du classeur refusé"),
    (_sheet_entities, "rires.xlsx", "déclare des entités XML (<!DOCTYPE>)"),
    (_formula_without_reference, "formule-sans-ref.xlsx", "contient 1 formule (…) : Kafaat n'évalue jamais"),
    (_far_cell, "loin.xlsx", "a des cellules jusqu'à la ligne 1048576 et la colonne XFD"),
    (_far_cells_without_reference, "loin2.xlsx", "a des cellules jusqu'à la ligne 900000 et la colonne KN"),
    (_long_reference, "loin4.xlsx", "a des cellules jusqu'à la ligne 1000000001 et la colonne ZZZZ"),
    (_repeated_reference, "loin3.xlsx", "a des cellules jusqu'à la ligne 1048576 et la colonne XFD"),
    (_formulas, "formules.xlsx", "contient 1 formule dans les colonnes importées (H2) : Kafaat n'évalue "
                                 "jamais de formules"),
    (_only_hidden, "cache.xlsx", "aucune feuille visible à importer"),
    (_merged_header, "fusion.xlsx", "en-tête en cellules fusionnées (A1:B1)"),
    (_merged_data, "fusion2.xlsx", "cellules fusionnées (L2:L3) : défusionnez-les"),
    (_missing_columns, "colonnes.csv", "colonne obligatoire absente : « Type de formation [training_type] »"),
    (_unknown_reference, "refs.xlsx", "« Doctorat d'État » n'est pas une valeur permise"),
    (_unknown_reference, "refs2.xlsx", "« Sahara Ouest » n'est pas une valeur permise"),
    (_mangled_csv, "ids.csv", "« 1,23457E+14 » ressemble à un identifiant déformé par Excel"),
    (_long_number_id, "long.xlsx", "identifiant saisi comme un nombre de plus de 15 chiffres"),
    (_bad_date, "date.xlsx", "« 31/02/2025 » n'est pas une date"),
    (_error_cell_repeated_reference, "erreur2.xlsx", "erreur2.xlsx, ligne 2, colonne O « Nom du partenaire "
                                                     "[partner_name] » : la "
                                                     "cellule contient l'erreur Excel « #N/A »"),
    (_duplicate_sheet_names, "doublon.xlsx", "plusieurs feuilles portent le nom « Données »"),
    (_error_cell, "erreur.xlsx", "erreur.xlsx, ligne 2, colonne O « Nom du partenaire [partner_name] » : la "
                                 "cellule contient l'erreur "
                                 "Excel « #N/A » : corrigez la valeur ou videz la cellule"),
    (_us_dates, "libreoffice-en.csv", "« 07/15/2025 » est une date écrite mois/jour/année (format américain)"),
]


@pytest.mark.parametrize("build,name,expected", CORPUS, ids=[c[1] for c in CORPUS])
def test_hostile_file_refused_with_its_message(store, workspace, tmp_path, build, name, expected) -> None:
    path = build(tmp_path / name)
    before = dump(workspace.db_path)
    plan = run_import(store, "offering", path)
    assert not plan.ok and not plan.applied
    assert any(expected in line for line in plan.lines()), plan.lines()
    assert all(line.startswith(name) for line in plan.lines())
    assert dump(workspace.db_path) == before


def test_openpyxl_parses_defused() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_formulas_outside_the_columns_read_are_ignored(store, tmp_path) -> None:
    path = _edited(write_xlsx(tmp_path / "calculs.xlsx", "offering", [OFFERING_ROW], extra={"Contrôle": "x"}),
                   {"S2": "=LEN(A2)", "T1": "=NOW()"})
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    assert "2 formules hors des colonnes importées ignorées (T1, S2)" in plan.notes or \
        "2 formules hors des colonnes importées ignorées (S2, T1)" in plan.notes, plan.notes


def test_many_formulas_are_refused_outright(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(reading_module, "MAX_FORMULAS_LOCATED", 3)
    path = _edited(write_xlsx(tmp_path / "calculs.xlsx", "offering", [OFFERING_ROW] * 5, extra={"Contrôle": "x"}),
                   {f"S{r}": f"=LEN(A{r})" for r in range(2, 7)})
    lines = plan_import(store, "offering", path).lines()
    assert "calculs.xlsx : la feuille « Données » contient 5 formules (S2, S3, S4…)" in lines[0], lines


def test_declared_dimension_is_not_trusted(store, tmp_path) -> None:
    rows = [{**OFFERING_ROW, "code": f"LP-{i:03d}"} for i in range(300)]
    path = huge_dimension(write_xlsx(tmp_path / "dimension.xlsx", "offering", rows))
    with zipfile.ZipFile(path) as archive:
        assert b'<dimension ref="A1:C2"' in archive.read("xl/worksheets/sheet1.xml")
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 300, plan.lines()


def test_row_cap_before_parsing(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(reading_module, "MAX_ROWS", 20)
    rows = [{**OFFERING_ROW, "code": f"LP-{i:03d}"} for i in range(100)]
    for path in (write_xlsx(tmp_path / "gros.xlsx", "offering", rows), write_csv(tmp_path / "gros.csv",
                                                                                 "offering", rows)):
        plan = plan_import(store, "offering", path)
        assert not plan.ok
        assert "20 au plus" in plan.lines()[0] or "plus de 20 lignes" in plan.lines()[0], plan.lines()


def test_size_budget(store, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(reading_module, "MAX_FILE_BYTES", 1000)
    path = write_csv(tmp_path / "gros.csv", "offering", [OFFERING_ROW] * 20)
    plan = plan_import(store, "offering", path)
    assert "fichier trop volumineux" in plan.lines()[0]


def test_hidden_sheet_is_ignored_and_said(store, tmp_path) -> None:
    path = write_xlsx(tmp_path / "deux.xlsx", "offering", [OFFERING_ROW], title="Offres")
    wb = load_workbook(path)
    secret = wb.create_sheet("Ancien", 0)
    secret.sheet_state = "hidden"
    secret.append(["code", "title"])
    secret.append(["=1+1", "piège"])
    wb.active = 1
    wb.save(path)
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 1, plan.lines()
    assert "feuille masquée « Ancien » ignorée" in plan.notes


def test_sheet_named_like_the_form_is_preferred(store, tmp_path) -> None:
    wb = Workbook()
    wb.active.title = "Notes"
    wb.active.append(["rien à voir"])
    data = wb.create_sheet("Offres de formation")
    keys = list(OFFERING_ROW)
    data.append(keys)
    data.append([OFFERING_ROW[k] for k in keys])
    wb.save(tmp_path / "classeur.xlsx")
    plan = run_import(store, "offering", tmp_path / "classeur.xlsx")
    assert plan.ok and plan.sheet == "Offres de formation" and plan.created == 1, plan.lines()
    assert any("« Notes » ignorée" in n for n in plan.notes)


def test_text_that_looks_like_a_formula_is_kept_as_text(store, offering_id, cohort_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "texte.xlsx", "internship",
                      [internship_row(host_name="=HYPERLINK(\"http://evil\",\"x\")", tutor_name="+33 Dupont",
                                      first_name="-Ali", supervisor="@Pr")])
    plan = run_import(store, "internship", path)
    assert plan.ok, plan.lines()
    v = store.list("internship")[0].values
    assert (v["host_name"], v["tutor_name"], v["first_name"], v["supervisor"]) == (
        "=HYPERLINK(\"http://evil\",\"x\")", "+33 Dupont", "-Ali", "@Pr")


def test_ice_that_lost_its_leading_zeros(store, offering_id, cohort_id, tmp_path) -> None:
    rows = [internship_row(host_ice=1525312000088), internship_row(student_code="S1234567", host_ice="1525312000088")]
    path = write_xlsx(tmp_path / "ice.xlsx", "internship", rows)
    plan = plan_import(store, "internship", path)
    lines = plan.lines()
    assert any(line.startswith("ice.xlsx, ligne 2, colonne J « ICE de l'organisme [host_ice] » : « 1525312000088 » : identifiant lu "
                               "comme un nombre") for line in lines), lines
    assert any(line.startswith("ice.xlsx, ligne 3, colonne J « ICE de l'organisme [host_ice] » : « 1525312000088 » n'a pas le format "
                               "attendu : 15 chiffres") for line in lines), lines


def test_unknown_link_names_the_cell(store, offering_id, tmp_path) -> None:
    path = write_xlsx(tmp_path / "liens.xlsx", "internship",
                      [internship_row(offering_code="MS-INCONNU", cohort=None),
                       internship_row(student_code="S7654321", cohort="2030-2031 / 9"),
                       internship_row(student_code="S7654322", cohort="deuxième année")])
    lines = plan_import(store, "internship", path).lines()
    assert any("ligne 2, colonne E « Offre de formation [offering] » : aucun(e) offre de formation « MS-INCONNU »" in line
               for line in lines), lines
    assert any("ligne 3, colonne F « Cohorte [cohort] » : aucun(e) cohorte « 2030-2031 / 9 »" in line for line in lines), lines
    assert any("ligne 4, colonne F « Cohorte [cohort] » : « deuxième année » : indiquez cohorte sous la forme" in line
               for line in lines), lines
    # the missing offering is reported once, not again as "required"
    assert not any("ligne 2" in line and "champ obligatoire" in line for line in lines)


def test_control_characters(store, workspace, tmp_path) -> None:
    """Invisible control characters are refused on import, and never crash a report or an export."""
    path = write_csv(tmp_path / "ctl.csv", "offering", [{**OFFERING_ROW, "title": "Titre\x1fcaché", "capacity": "4\x07"}])
    plan = plan_import(store, "offering", path)
    lines = plan.lines()
    assert any("colonne B « INTITULÉ » : « Titre�caché » contient un caractère de contrôle invisible (U+001F)" in line
               for line in lines), lines
    assert any("colonne H « CAPACITÉ (PLACES) »" in line and "U+0007" in line for line in lines), lines
    report = load_workbook(write_error_report(plan, tmp_path / "rapport.xlsx")).worksheets[0]
    assert report["B2"].value == "Titre\ufffdcaché"
    # a record saved before the field check refused them (they are now refused everywhere: a record's text
    # cannot hold one, test_validation.py) is still exported without them
    from forms.store.tables import record_table

    saved, _issues = store.save("offering", OFFERING)
    table = record_table("offering")
    with store.writer.begin() as conn:
        conn.execute(table.update().where(table.c.id == saved.id).values(title="Saisi\x07ailleurs"))
    export_records(store, "offering", tmp_path / "export.xlsx")
    assert load_workbook(tmp_path / "export.xlsx").active["B2"].value == "Saisi\ufffdailleurs"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_del_and_c1_control_characters_are_refused_with_their_cell(store, tmp_path, kind) -> None:
    """DEL (U+007F) and the C1 controls (U+0080–U+009F: what a file read in the wrong encoding brings, U+009B
    a terminal's escape introducer) are control characters as the C0 ones: a worksheet and a CSV file may hold
    them, the import refuses them with the file, line, column and code point; nothing is saved."""
    rows = [{**OFFERING_ROW, "title": "Titre\x7fcaché"},
            {**OFFERING_ROW, "code": "LP-C1", "campus_city": "F\x9b2Jès", "contact_email": "lp\x85@example.ma"},
            {**OFFERING_ROW, "code": "LP-OK", "title": "Licence « À » 100 € ـ"}]
    write = write_xlsx if kind == "xlsx" else write_csv
    path = write(tmp_path / f"c1.{kind}", "offering", rows)
    plan = run_import(store, "offering", path)
    lines = plan.lines()
    assert not plan.ok and store.list("offering") == []
    assert any(line.startswith(f"c1.{kind}, ligne 2, colonne B ") and "« Titre\ufffdcaché » contient un "
               "caractère de contrôle invisible (U+007F) : supprimez-le" in line for line in lines), lines
    assert any(line.startswith(f"c1.{kind}, ligne 3, ") and "« F\ufffd2Jès »" in line and "(U+009B)" in line
               for line in lines), lines
    assert any(line.startswith(f"c1.{kind}, ligne 3, ") and "(U+0085)" in line for line in lines), lines
    assert not any(f"c1.{kind}, ligne 4," in line for line in lines), lines


def test_codes_typed_without_their_leading_zero(store, tmp_path) -> None:
    path = write_csv(tmp_path / "regions.csv", "offering", [{**OFFERING_ROW, "region": "3"}])
    plan = run_import(store, "offering", path)
    assert plan.ok, plan.lines()
    assert store.list("offering")[0].values["region"] == "03"


def test_cells_without_reference_are_placed_and_imported(store, tmp_path) -> None:
    """Cells without ``r`` (allowed, rare) take the measured path and import like any others."""
    import re

    rows = [{**OFFERING_ROW, "code": f"LP-{i}", "industry_partnered": "Oui", "partner_name": "OCP"} for i in range(3)]
    path = rewrite_member(write_xlsx(tmp_path / "sans-ref.xlsx", "offering", rows), "xl/worksheets/sheet1.xml",
                          lambda data: re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", data))
    plan = run_import(store, "offering", path)
    assert plan.ok and plan.created == 3, plan.lines()


def _open_cells(n: int) -> bytes:
    import random

    rng = random.Random(1)
    return b"".join(b'<c t="s" a%d="%d" ' % (rng.randrange(10**6), rng.randrange(10**6)) for _ in range(n))


@pytest.mark.parametrize("junk,expected", [
    (b'<c t="e" ' * 4000, "la feuille « Données » a des cellules jusqu'à"),
    (b"<mergeCell x " * 80_000, "classeur illisible"),
    (_open_cells(200_000), "la feuille « Données » a des cellules jusqu'à"),
], ids=["erreurs", "fusions", "cellules-ouvertes"])
def test_sheet_scan_stays_linear(tmp_path, junk, expected) -> None:
    """Tags that never close: a pattern scanning from each one to the end of the chunk took minutes for a
    sheet of 40 KB (« t="e" »), 1 MB (« mergeCell ») or 4 MB (cells without r, measured one by one). Run
    apart, with a deadline far above the real cost."""
    import subprocess
    import sys

    path = rewrite_member(write_xlsx(tmp_path / "balises.xlsx", "offering", [OFFERING_ROW]),
                          "xl/worksheets/sheet1.xml", lambda data: data.replace(b"</sheetData>", junk + b"</sheetData>"))
    script = ("import sys\nfrom pathlib import Path\nfrom forms.excel.reading import FileRefused, read_sheet\n"
              "try:\n    read_sheet(Path(sys.argv[1]))\nexcept FileRefused as exc:\n    print(exc.message)\n")
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.startswith(f"balises.xlsx : {expected}"), out
