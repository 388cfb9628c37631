"""More files from outside given to ``kafaat import``, found by playing the hostile tester from the documents:
each refused (exit 1) with a sentence in ``--lang`` saying what to do, the database unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.conftest import Pair, refused, tree_digest
from tests.contract.test_hostile_imports import (
    CONTENT_TYPES,
    RELS,
    SHEET_HEAD,
    SHEET_TAIL,
    SST_HEAD,
    WORKBOOK,
    WORKBOOK_RELS,
    zip_parts,
)

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

TRANSITIONAL = (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships")
STRICT = (b"http://purl.oclc.org/ooxml/spreadsheetml/main", b"http://purl.oclc.org/ooxml/officeDocument/relationships")


def strict(part: bytes) -> bytes:
    for old, new in zip(TRANSITIONAL, STRICT, strict=True):
        part = part.replace(old, new)
    return part


def test_a_strict_open_xml_workbook_is_named_as_such(pair: Pair, tmp_path: Path) -> None:
    """Excel's « Strict Open XML Spreadsheet » (Save as…): its parts in other namespaces. It was refused as
    having « no visible sheet (hidden sheets are ignored: show the data sheet) », which sent the user looking
    for hidden sheets that do not exist."""
    cells = "".join(f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
                    for col, name in zip("AB", ("offering", "academic_year"), strict=True))
    sheet = SHEET_HEAD + f'<row r="1">{cells}</row>'.encode() + SHEET_TAIL
    path = zip_parts(tmp_path / "strict.xlsx", {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": strict(RELS), "xl/workbook.xml": strict(WORKBOOK),
        "xl/_rels/workbook.xml.rels": strict(WORKBOOK_RELS), "xl/worksheets/sheet1.xml": strict(sheet),
        "xl/sharedStrings.xml": strict(SST_HEAD + b"</sst>")})
    before = tree_digest(pair.est)
    for lang, words in (("en", ("Strict Open XML", "Excel Workbook")), ("fr", ("Open XML Strict", "Classeur Excel")),
                        ("ar", ("Strict Open XML", "إكسل"))):
        run = refused("import", "cohort", path, data=pair.est, lang=lang)
        assert "strict.xlsx" in run.err, run.err
        for word in words:
            assert word in run.err, (lang, run.err)
        assert "hidden" not in run.err and "masquées" not in run.err, run.err
    assert tree_digest(pair.est) == before
