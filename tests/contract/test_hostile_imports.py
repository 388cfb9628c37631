"""Spreadsheets from outside given to ``kafaat import``: hostile ones are refused (exit 1) with a message that
names the file and what to do, and the database does not change; common real-world ones (a BOM, semicolons,
Windows-1252, identifiers that Excel turned into numbers) are read as the user meant or refused clearly."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.contract.conftest import Pair, kafaat, ok, refused, tree_digest

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def workbook(path: Path, sheet: str, header: list[str], rows: list[list]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def zip_parts(path: Path, parts: dict[str, bytes]) -> Path:
    """An .xlsx made by hand (what no office suite writes): its parts as given."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                 b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
                 b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
                 b'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
                 b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/'
                 b'sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
                 b'sharedStrings+xml"/></Types>')
RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            b'<sheet name="Cohortes" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                 b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship '
                 b'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def hand_made(path: Path, sheet: bytes, shared: bytes) -> Path:
    return zip_parts(path, {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": WORKBOOK,
                            "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet,
                            "xl/sharedStrings.xml": shared})


SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"
SST_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_hostile_workbooks_are_refused_and_change_nothing(pair: Pair, tmp_path: Path) -> None:
    est = pair.est
    files = {
        # 300 MB of XML in a ~300 KB file: the decompression budget refuses it before parsing.
        "bombe.xlsx": hand_made(tmp_path / "bombe.xlsx",
                                SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"A" * 300_000_000
                                + b"</t></is></c></row>" + SHEET_TAIL, SST_HEAD + b"</sst>"),
        # 2 million shared strings.
        "chaines.xlsx": hand_made(tmp_path / "chaines.xlsx",
                                  SHEET_HEAD + b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>' + SHEET_TAIL,
                                  SST_HEAD + b"<si><t>x</t></si>" * 2_000_000 + b"</sst>"),
        # An entity expansion (« billion laughs »): defused, never expanded.
        "entites.xlsx": hand_made(tmp_path / "entites.xlsx",
                                  b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
                                  b'&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                                  + SHEET_HEAD[38:] + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c>'
                                  b"</row>" + SHEET_TAIL, SST_HEAD + b"</sst>"),
        "pas-un-classeur.xlsx": tmp_path / "pas-un-classeur.xlsx",
        "tronque.xlsx": tmp_path / "tronque.xlsx",
    }
    files["pas-un-classeur.xlsx"].write_bytes(b"Ceci n'est pas un classeur Excel.\n")
    good = workbook(tmp_path / "bon.xlsx", "Cohortes", ["offering", "academic_year"], [["MS-CYBER", "2025-2026"]])
    files["tronque.xlsx"].write_bytes(good.read_bytes()[:-300])
    before = tree_digest(est)
    for name, path in files.items():
        run = refused("import", "cohort", path, data=est)
        assert name in run.err, (name, run.err)
        assert "rien n'a été enregistré" in run.err or "rien n'a été importé" in run.err or "rien" in run.err, run.err
        assert tree_digest(est) == before, name


def test_formulas_wrong_sheets_and_mangled_identifiers(pair: Pair, tmp_path: Path) -> None:
    est = pair.est
    listed = ok("records", "list", "internship", "--json", data=est).json()
    base = {k: v for k, v in listed[0].items() if k not in ("id", "status", "version", "updated_at", "refused_by")}
    offering = {r["id"]: r["code"] for r in ok("records", "list", "offering", "--json", data=est).json()}
    base["offering"] = offering[base["offering"]]
    base["cohort"] = None
    header = list(base)

    def row(**changes) -> list:
        values = base | changes
        return [values[k] for k in header]

    cases = {
        # A formula where a value is expected: never evaluated, never taken as a value.
        "formule.xlsx": [row(student_code="R99", host_name='=HYPERLINK("http://x","y")',
                             start_date="2026-03-01")],
        # An identifier Excel turned into a number: leading zeros lost, scientific notation.
        "ice-nombre.xlsx": [row(student_code="R130099999", host_ice=1525312000088, start_date="2026-03-01")],
    }
    before = tree_digest(est)
    for name, rows in cases.items():
        path = workbook(tmp_path / name, "Stages", header, rows)
        run = refused("import", "internship", path, "--errors", tmp_path / f"erreurs-{name}", data=est)
        assert name in run.err
        assert tree_digest(est) == before, name
        assert (tmp_path / f"erreurs-{name}").is_file(), "the per-row error report"
    # A number where an identifier is expected: Excel may have dropped leading zeros; imported with a
    # warning naming the cell (the number is exact). Written out as « 1,2E+10 » in a CSV, digits are lost:
    # refused.
    path = workbook(tmp_path / "code-nombre.xlsx", "Stages", header,
                    [row(student_code=1.2e10, start_date="2026-03-01")])
    run = kafaat("import", "internship", path, "--dry-run", data=est)
    assert run.code == 0 and "code-nombre.xlsx" in run.err and "student_code" in run.err, run.err
    csv_row = row(student_code="1,2E+10", start_date="2026-03-01")
    (tmp_path / "code-scientifique.csv").write_text(
        ";".join(header) + "\n" + ";".join("" if v is None else str(v) for v in csv_row) + "\n", encoding="utf-8")
    run = refused("import", "internship", tmp_path / "code-scientifique.csv", data=est)
    assert "code-scientifique.csv" in run.err and "student_code" in run.err, run.err
    assert tree_digest(est) == before
    # The cohort form's workbook given to the offering import: the columns do not fit, said so.
    cohort = workbook(tmp_path / "cohortes.xlsx", "Cohortes", ["offering", "academic_year", "year_of_study"],
                      [["MS-CYBER", "2026-2027", 1]])
    run = refused("import", "offering", cohort, data=est)
    assert "cohortes.xlsx" in run.err
    assert tree_digest(est) == before


def test_csv_as_users_save_them(pair: Pair, tmp_path: Path) -> None:
    """UTF-8 with a BOM and semicolons (Excel's « CSV UTF-8 »), Windows-1252 with semicolons (Excel's « CSV
    (point-virgule) » on a French Windows): accents arrive intact; an empty file is refused."""
    est = pair.est
    header = "code;title;domains;training_type;level;duration;duration_unit;capacity;first_academic_year;" \
             "delivery_mode;languages;campus_city;region;industry_partnered;accreditation_status;contact_email"
    line = "{code};{title};CYBER;INITIAL;MASTER;24;MONTHS;30;2025-2026;ONSITE;FR;{city};06;Non;NOT_REQUIRED;a@b.ma"
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbf" + (header + "\n" + line.format(
        code="LP-BOM", title="Génie logiciel — حوسبة", city="Fès") + "\n").encode("utf-8"))
    (tmp_path / "ansi.csv").write_bytes((header + "\r\n" + line.format(
        code="LP-ANSI", title="Sécurité des systèmes d'information", city="Salé") + "\r\n").encode("cp1252"))
    ok("import", "offering", tmp_path / "bom.csv", data=est)
    ok("import", "offering", tmp_path / "ansi.csv", data=est)
    rows = {r["code"]: r for r in ok("records", "list", "offering", "--json", data=est).json()}
    assert rows["LP-BOM"]["title"] == "Génie logiciel — حوسبة" and rows["LP-BOM"]["campus_city"] == "Fès"
    assert rows["LP-ANSI"]["title"] == "Sécurité des systèmes d'information" and rows["LP-ANSI"]["campus_city"] == "Salé"
    (tmp_path / "vide.csv").write_bytes(b"")
    before = tree_digest(est)
    run = refused("import", "offering", tmp_path / "vide.csv", data=est)
    assert "vide.csv" in run.err
    # A row that fails: nothing of the file is imported (all or nothing), the error names the line.
    (tmp_path / "mixte.csv").write_text(header + "\n" + line.format(code="LP-OK", title="Bonne", city="Rabat") + "\n"
                                        + line.format(code="LP-KO", title="", city="Rabat") + "\n", encoding="utf-8")
    run = refused("import", "offering", tmp_path / "mixte.csv", data=est)
    assert "ligne 3" in run.err and ("title" in run.err or "Intitulé" in run.err), run.err
    assert tree_digest(est) == before
    assert json.dumps(ok("records", "list", "offering", "--json", data=est).json()).count("LP-OK") == 0
    assert kafaat("import", "offering", data=est).code == 2


def test_a_text_cell_naming_no_shared_string_is_refused(pair: Pair, tmp_path: Path) -> None:
    """calamine reads a shared-string cell whose value is not a number (``<v>abc</v>``, ``<v>-1</v>``) as the
    workbook's first string: « offering » would have become the academic year, a value nobody typed. Such a file
    is refused, naming the cell, in the user's language; a well-formed one is not."""
    est = pair.est
    shared = SST_HEAD + b"<si><t>offering</t></si><si><t>academic_year</t></si><si><t>MS-CYBER</t></si>" \
        b"<si><t>2025-2026</t></si></sst>"

    def sheet(value: bytes) -> bytes:
        return (SHEET_HEAD + b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
                b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s" s="0"><v>' + value + b"</v></c></row>"
                + SHEET_TAIL)

    before = tree_digest(est)
    for value in (b"abc", b"-1", b" 3", b"3.0", b"1e0"):
        path = hand_made(tmp_path / "cohortes.xlsx", sheet(value), shared)
        run = refused("import", "cohort", path, data=est)
        assert "B2" in run.err and "texte partagé" in run.err, (value, run.err)
        assert tree_digest(est) == before, value
        arabic = refused("import", "cohort", path, data=est, lang="ar")
        assert "B2" in arabic.err and "نص مشترك" in arabic.err, arabic.err
    well_formed = kafaat("import", "cohort", hand_made(tmp_path / "bonnes.xlsx", sheet(b"3"), shared), data=est)
    assert "texte partagé" not in well_formed.err, well_formed.err
