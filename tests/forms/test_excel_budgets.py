"""Budgets before parsers (issue 13, items 1, 3 and 11): what a file declares is checked before any parser
trusts it, the cheap checks come first, memory follows a batch of rows rather than the file, and every
refusal is a French sentence saying what to do.

Files that once killed the process are read in a child process: a regression kills the child, not the
test run, and the child's exit code says so."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from forms.excel import plan_import, write_error_report
from forms.excel import reading as reading_module
from forms.excel import writing as writing_module
from tests.forms.excel_files import OFFERING_ROW, headers, internship_row, rewrite_member, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
READ_IN_CHILD = (
    "import resource, sys\nfrom pathlib import Path\nfrom forms.excel.reading import FileRefused, read_sheet\n"
    "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "try:\n"
    "    sheet = read_sheet(Path(sys.argv[1]))\n"
    "    rows = sum(1 for _ in sheet.iter_rows())\n"
    "    print(f'lu {rows}')\n"
    "except FileRefused as exc:\n"
    "    print(exc.message)\n"
    "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
)


def read_in_child(path: Path) -> tuple[str, int]:
    """(first line printed, growth of the peak RSS in MB) of ``read_sheet`` run in a child process; fails the
    test with the child's exit code when the child died (an abort is 134, -6 for a signal)."""
    out = subprocess.run([sys.executable, "-c", READ_IN_CHILD, str(path)], capture_output=True, text=True,
                         timeout=300, cwd=ROOT)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    lines = out.stdout.strip().splitlines()
    return lines[0], int(lines[-1])


def _add_shared_strings(path: Path, declaration: bytes) -> Path:
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://'
                         b'schemas.openxmlformats.org/spreadsheetml/2006/main" ' + declaration +
                         b'><si><t>x</t></si></sst>')
    return path


def _styles(change: bytes) -> object:
    return lambda p: rewrite_member(p, "xl/styles.xml", lambda d: d.replace(b'<cellXfs count="2"', change, 1))


def _merged(p: Path) -> Path:
    return rewrite_member(p, "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="900000000"><mergeCell ref="A5:B5"/></mergeCells>', 1))


DECLARED = [
    # the 3 KB file of the issue: calamine reserved 48 GB for two billion strings and aborted the process
    ("unique.xlsx", lambda p: _add_shared_strings(p, b'count="1" uniqueCount="2000000000"'),
     "xl/sharedStrings.xml annonce 2000000000 éléments « sst » (uniqueCount)"),
    # the same count written with a character reference, which XML readers resolve
    ("unique-ref.xlsx", lambda p: _add_shared_strings(p, b"uniqueCount = '&#50;000000000'"),
     "xl/sharedStrings.xml annonce 2000000000 éléments « sst » (uniqueCount)"),
    ("total.xlsx", lambda p: _add_shared_strings(p, b'count="900000000000" uniqueCount="1"'),
     "xl/sharedStrings.xml annonce 900000000000 éléments « sst » (count)"),
    ("styles.xlsx", _styles(b'<cellXfs count="2000000000"'), "xl/styles.xml annonce 2000000000 éléments « cellXfs »"),
    ("fusions.xlsx", _merged, "xl/worksheets/sheet1.xml annonce 900000000 éléments « mergeCells »"),
]


@pytest.mark.parametrize("name,build,expected", DECLARED, ids=[d[0] for d in DECLARED])
def test_declared_counts_are_checked_before_any_parser(tmp_path, name, build, expected) -> None:
    path = build(write_xlsx(tmp_path / name, "offering", [OFFERING_ROW]))
    assert path.stat().st_size < 16_000
    message, grown = read_in_child(path)
    assert message.startswith(f"{name} : {expected}"), message
    assert "ré-enregistrez-le" in message
    assert grown < 100


def test_honest_counts_are_read(tmp_path) -> None:
    path = _add_shared_strings(write_xlsx(tmp_path / "juste.xlsx", "offering", [OFFERING_ROW]),
                               b'count="1" uniqueCount="1"')
    assert read_in_child(path)[0] == "lu 2"


def test_row_cap_is_checked_before_the_cells_extent(tmp_path, monkeypatch) -> None:
    """A sheet with too many rows and one far cell was refused only after the (pure Python) extent scan:
    10 to 15 s for a million rows. The row count, already known, refuses it first."""
    path = write_xlsx(tmp_path / "lignes.xlsx", "offering", [OFFERING_ROW] * 80)
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>', 1))
    monkeypatch.setattr(reading_module, "MAX_ROWS", 10)

    def measured(*_args: object) -> tuple[int, int]:
        raise AssertionError("the cells' extent was measured before the row count was checked")

    monkeypatch.setattr(reading_module, "_cell_extent", measured)
    with pytest.raises(reading_module.FileRefused, match="plus de 10 lignes dans la feuille « Données »"):
        reading_module.read_sheet(path)


def test_a_large_csv_is_streamed(tmp_path) -> None:
    """A CSV was decoded whole: 63 MB took 416 MB, 638 MB with one emoji (the whole text in 4 bytes a
    character). Read from the file a batch at a time, a 30 MB CSV with an emoji costs a few megabytes."""
    path = tmp_path / "gros.csv"
    line = ";".join(["X" * 20, "Un intitulé assez long pour peser " + "x" * 120, "Data", "formation initiale"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(";".join(headers("offering", "labels")[:4]) + "\r\n")
        handle.write("Ligne 😀;" + line + "\r\n")
        for _ in range(150_000):
            handle.write(line + "\r\n")
    assert path.stat().st_size > 28 * 1024 * 1024
    message, grown = read_in_child(path)
    assert message == "lu 150002"
    assert grown < 60, f"{grown} MB de plus pour lire le fichier"


def test_report_of_a_file_refused_as_a_whole_does_not_read_it_again(store, tmp_path, monkeypatch) -> None:
    """The report of a file refused for one formula re-read and copied every cell (112–120 s for 10 million
    cells): the file-level problems are all it needs."""
    path = write_xlsx(tmp_path / "formule.xlsx", "offering", [OFFERING_ROW])
    _set_cell(path, b'<c r="H2"><f>20*2</f><v>40</v></c>')
    plan = plan_import(store, "offering", path)
    assert not plan.ok and any("formule" in line for line in plan.lines()), plan.lines()

    def read_again(*_args: object, **_kw: object) -> object:
        raise AssertionError("the file was read again for the report")

    monkeypatch.setattr(reading_module, "read_sheet", read_again)
    out = write_error_report(plan, tmp_path / "rapport.xlsx")
    assert out.exists()


def _lzma(path: Path) -> Path:
    source = path.read_bytes()
    tmp = path.with_suffix(".src")
    tmp.write_bytes(source)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_LZMA) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
    tmp.unlink()
    return path


def _set_cell(path: Path, cell: bytes) -> Path:
    """Replace cell H2 (the capacity) of a sheet made by ``write_xlsx`` with the XML given."""
    def change(data: bytes) -> bytes:
        changed, count = re.subn(rb'<c r="H2"[^>]*>.*?</c>', cell, data, count=1)
        assert count == 1
        return changed
    return rewrite_member(path, "xl/worksheets/sheet1.xml", change)


def _unknown_entity(path: Path) -> Path:
    return _set_cell(path, b'<c r="H2" t="str"><v>&lol9;</v></c>')


ENGLISH = ("Is a directory", "Error", "error", "not supported", "compression method", "entity", "File is not")


@pytest.mark.parametrize("name,build,expected", [
    ("dossier.xlsx", lambda p: (p.mkdir(), p)[1], "c'est un dossier, pas un fichier : indiquez le fichier"),
    ("lzma.xlsx", lambda p: _lzma(write_xlsx(p, "offering", [OFFERING_ROW])),
     "archive compressée d'une façon qu'Excel n'utilise pas"),
    ("entite.xlsx", lambda p: _unknown_entity(write_xlsx(p, "offering", [OFFERING_ROW])),
     "classeur illisible (son contenu XML est endommagé"),
    ("coupe.xlsx", lambda p: (p.write_bytes(write_xlsx(p, "offering", [OFFERING_ROW]).read_bytes()[:1500]), p)[1],
     "archive .xlsx endommagée ou incomplète : ouvrez-le dans Excel"),
], ids=["dossier", "lzma", "entite", "coupe"])
def test_refusals_are_french_sentences(store, tmp_path, name, build, expected) -> None:
    """« fichier illisible (Is a directory) », « classeur illisible (XmlError: … unrecognized entity) »,
    « compression method not supported: 14 »: the library's words never reach the administrator."""
    path = build(tmp_path / name)
    lines = plan_import(store, "offering", path).lines()
    assert len(lines) == 1 and lines[0].startswith(f"{name} : {expected}"), lines
    assert not any(word in lines[0] for word in ENGLISH), lines


def test_the_csv_reader_says_what_to_do_in_french(store, tmp_path) -> None:
    path = tmp_path / "guillemet.csv"
    path.write_text("Code;Intitulé\nX1;\"" + "y" * 200_000 + "\n", encoding="utf-8")
    lines = plan_import(store, "offering", path).lines()
    assert lines and "CSV illisible (cellule démesurée ou guillemet jamais refermé)" in lines[0], lines
    assert not any(word in lines[0] for word in (*ENGLISH, "field larger")), lines


def test_internship_sheet_still_reads(store, offering_id, cohort_id, tmp_path) -> None:
    """The checks above refuse nothing ordinary: a sheet as the template makes it imports."""
    plan = plan_import(store, "internship", write_xlsx(tmp_path / "ok.xlsx", "internship", [internship_row()]))
    assert plan.ok, plan.lines()
    assert writing_module.sheet_title("Stages") == "Stages"


@pytest.mark.parametrize("cells", [
    b"",
    b'<row r="900"><c r="C900"><v>1</v></c></row>',
    b'<row r="3"><c r="IQ3"><v>1</v></c><c r="B3"><v>1</v></c></row>',
    b'<row r="7"><c r="AB99999"><v>1</v></c></row><row r="8"><c r="Z8"><v>1</v></c></row>',
    b'<row r="9"><c r="A9" r="XFD1048576"><v>1</v></c></row>',
    b'<row r="9"><c t="n" r="KN900000"><v>1</v></c></row>',
    b'<row r="9"><c r="a1048576"><v>1</v></c></row>',
], ids=["ordinaire", "loin-en-bas", "loin-a-droite", "desordre", "deux-r", "r-second", "minuscules"])
def test_quick_extent_agrees_with_placing_each_cell(tmp_path, cells) -> None:
    """The cells' extent found by searching beyond the farthest cell so far (ten times faster on ten million
    cells) is the one found by placing every cell as calamine does, whatever the order or shape."""
    path = write_xlsx(tmp_path / "etendue.xlsx", "offering", [OFFERING_ROW] * 5)
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: d.replace(b'<row r="3">', cells + b'<row r="3">', 1))
    with zipfile.ZipFile(path) as archive:
        member = "xl/worksheets/sheet1.xml"
        assert reading_module._cell_extent(archive, member) == reading_module._placed_extent(archive, member)


def _shared_header(path: Path) -> Path:
    """The header row as Excel writes it: indexes into xl/sharedStrings.xml (openpyxl wrote inline strings)."""
    texts: list[bytes] = []

    def to_index(match: re.Match[bytes]) -> bytes:
        texts.append(match.group(2))
        return b'<c r="%s1" t="s"><v>%d</v></c>' % (match.group(1), len(texts) - 1)

    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: re.sub(
        rb'<c r="([A-Z]+)1" t="inlineStr"><is><t>(.*?)</t></is></c>', to_index, d))
    items = b"".join(b"<si><t>%s</t></si>" % t for t in texts)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                         b'main" count="%d" uniqueCount="%d">%s</sst>' % (len(texts), len(texts), items))
    return path


@pytest.mark.parametrize("shared", [False, True], ids=["texte", "chaines-partagees"])
def test_formula_in_an_imported_column_is_refused_before_parsing(store, tmp_path, monkeypatch, shared) -> None:
    """A sheet of ten million cells refused for one formula took 760 MB: calamine parsed it whole before the
    columns imported were known. The header, read apart, refuses it first."""
    path = write_xlsx(tmp_path / "formule.xlsx", "offering", [OFFERING_ROW] * 3, extra={"Remarque": "x"})
    if shared:
        _shared_header(path)
    _set_cell(path, b'<c r="H3"><f>20*2</f><v>40</v></c>')
    monkeypatch.setattr(reading_module, "HEAD_PROBE_BYTES", 0)
    import python_calamine

    def parsed(*_args: object) -> object:
        raise AssertionError("calamine parsed the sheet")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", parsed)
    lines = plan_import(store, "offering", path).lines()
    assert lines == ["formule.xlsx : la feuille « Données » contient 1 formule dans les colonnes importées (H3) : "
                     "Kafaat n'évalue jamais de formules ; copiez ces colonnes puis « Collage spécial > Valeurs » et "
                     "réessayez"], lines


def test_formula_outside_the_imported_columns_still_imports(store, tmp_path, monkeypatch) -> None:
    path = _shared_header(write_xlsx(tmp_path / "remarque.xlsx", "offering", [OFFERING_ROW], extra={"Remarque": "x"}))
    rewrite_member(path, "xl/worksheets/sheet1.xml", lambda d: re.sub(
        rb'<c r="S2"[^>]*>.*?</c>', b'<c r="S2"><f>1+1</f><v>2</v></c>', d, count=1))
    monkeypatch.setattr(reading_module, "HEAD_PROBE_BYTES", 0)
    plan = plan_import(store, "offering", path)
    assert plan.ok, plan.lines()
    assert any("1 formule hors des colonnes importées ignorée (S2)" in note for note in plan.notes), plan.notes


def _far_by_numbers(letters: str, row: int) -> bool:
    """When a cell reference sends the sheet to the exact measure of its extent, told by numbers: past column
    IP (the 250th, so any three letters), at row 200 000 or beyond, past AZ from row 10 000, past Z from row
    100 000 (below these the area stays under ``MAX_CELLS``)."""
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return (col > 250 or row >= 200_000 or (col > 52 and row >= 10_000) or (col > 26 and row >= 100_000))


def test_far_reference_expression_agrees_with_the_numbers() -> None:
    """The sheet scan's expression for a far cell (written by first letter, for speed) against the rule told
    by numbers: every column up to two letters, a sample of three, at the rows where the rule changes, in
    capitals and in small letters."""
    alphabet = [chr(c) for c in range(65, 91)]
    columns = ["", *alphabet, *(a + b for a in alphabet for b in alphabet), "AAA", "IPA", "XFD", "ZZZ"]
    rows = [1, 9, 9_999, 10_000, 99_999, 100_000, 199_999, 200_000, 299_999, 999_999, 1_000_000, 1_048_576]
    wrong = []
    for letters in columns:
        for row in rows:
            for written in (letters, letters.lower()):
                tag = f'<c r="{written}{row}" t="s">'.encode()
                if bool(reading_module.FAR_REF_RE.search(tag)) != (len(letters) > 2 or _far_by_numbers(letters, row)):
                    wrong.append(f"{written}{row}")
    assert not wrong, wrong[:20]
