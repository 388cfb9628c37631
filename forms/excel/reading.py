"""Reading a spreadsheet from outside: budgets first, then the fastest safe parser.

Every file is hostile until checked. Before any parser sees it:

* its kind is recognised from its first bytes, not its name (``.xls`` and password-protected files are
  OLE containers, an ``.xlsx`` is a zip holding ``xl/workbook.xml``, a CSV is text);
* its size, the sum of the declared uncompressed sizes of its zip members and each member's
  compression ratio are held to budgets (a 300 KB file may expand to 300 MB);
* the chosen sheet's XML is streamed once to count its rows (row cap), find formulas (never evaluated:
  refused, with their cells, in the columns an import reads) and merged cells;
* every count the shared strings, the styles and the sheet declare is held to the budget and to the size of
  its part (calamine reserves memory for what a file declares);
* a large sheet holding formulas has its header read apart, so that a formula in an imported column refuses
  it before calamine parses it whole.

(This module is longer than the house's 400 lines because these checks share the sheet scan's byte-level
helpers; splitting the budgets into a module of their own is the next step.)

Only then does ``python-calamine`` parse the sheet (about 17 times faster than openpyxl's read-only
reader here, and it does not trust the declared ``<dimension>``). CSV files are read from the file a pass at a
time (never decoded whole) as UTF-8 (with or without BOM), UTF-16 or Windows-1252/1256, separated by ``;``,
``,`` or tabulations.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from defusedxml import ElementTree as SafeET

from forms.messages import Message
from forms.reference import fold

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Compressed size of an .xlsx, or size of a CSV."""
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
"""Sum of the declared uncompressed sizes of an .xlsx's members."""
MAX_RATIO = 200
"""Uncompressed ÷ compressed size of one member above 1 MiB (ordinary sheets stay under 30)."""
MAX_MEMBERS = 5_000
MAX_ROWS = 200_000
"""Data rows in one import (the header excluded)."""
MAX_COLUMNS = 250
MAX_FORMULAS_LOCATED = 10_000
"""Formula cells located one by one; a sheet with more is refused outright."""
MAX_CELLS = 10_000_000
"""Rows × columns of the area a sheet's cells span: calamine allocates that whole rectangle (32 bytes a
cell), so one cell at ``XFD1048576`` in a 10 KB file would ask for 550 GB and abort the process."""

DAMAGED = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError, ValueError)
"""What the zip module raises on a damaged, truncated, encrypted or oddly compressed archive."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
OUR_SHEETS = {"instructions", "listes", "lists", "problemes", "problems", "المشاكل"}
"""Sheets of our own templates and reports (the error report's problems sheet in any language), never data."""


class FileRefused(Exception):
    """The file cannot be read: the message (French) says why and what to do. Nothing was written."""

    def __init__(self, message: str | Message, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.text = message
        self.message = str(message)
        self.details = details or []


HEAD_ROWS = 20
"""Rows kept at hand for finding the header and for previews; the rest is streamed."""


@dataclass
class Sheet:
    """Cells of one sheet as parsed (no conversion yet). Row ``i`` (0-based, as ``iter_rows`` yields
    them) is spreadsheet row ``first_row + i``; cell ``j`` of a row is column ``first_col + j``.

    An .xlsx sheet stays in calamine's compact form and is turned into Python values one row at a time
    (100 000 rows as Python lists would cost some 150 MB more)."""

    path: Path
    kind: str
    """``xlsx`` or ``csv``."""
    name: str
    source: Any
    """A list of rows (CSV) or a ``python_calamine.CalamineSheet``."""
    height: int = 0
    width: int = 0
    first_row: int = 1
    first_col: int = 0
    notes: list[Any] = field(default_factory=list)
    """Things the reader decided on the user's behalf (hidden sheet ignored, encoding…)."""
    date1904: bool = False
    merged: list[str] = field(default_factory=list)
    """Merged ranges (``A1:B1``)."""
    head: list[list[Any]] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)
    """Cells holding a formula (``H2``…): the import refuses those in the columns it reads, and ignores
    the others (their values are never read, and no formula is ever evaluated)."""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """Cells holding an Excel error value (``("H2", "#N/A")``; ``"?"`` when not located), which calamine
    reads as empty: the import refuses those in the columns it reads."""
    hidden_rows: list[int] = field(default_factory=list)
    """Spreadsheet rows hidden by hand or by a filter (imported all the same, and said)."""
    hidden_count: int = 0
    filtered: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.source, list):
            self.height = len(self.source)
            self.width = max(map(len, self.source), default=0)
            self.head = self.source[:HEAD_ROWS]
        else:
            self.height, self.width = self.source.height, self.source.width
            self.head = self.source.to_python(skip_empty_area=True, nrows=HEAD_ROWS)

    def row_number(self, index: int) -> int:
        return self.first_row + index

    def iter_rows(self) -> Iterator[list[Any]]:
        if isinstance(self.source, list):
            yield from self.source
        else:
            yield from self.source.iter_rows()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _mb(n: int) -> Message:
    return Message("size.mb", size=f"{n / (1024 * 1024):.0f}")


# ---------------------------------------------------------------------------------------------- sniffing

def sniff(path: Path) -> str:
    """``xlsx`` or ``csv``; raises ``FileRefused`` with a French explanation otherwise."""
    from forms.inputs import NotARegularFile, open_input

    name = path.name
    try:
        with open_input(path) as handle:  # never a pipe (it blocks) nor a device (it never ends)
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(8192)
    except NotARegularFile:
        raise FileRefused(Message("file.not_regular", file=name)) from None
    except FileNotFoundError:
        raise FileRefused(Message("file.not_found", file=name)) from None
    except IsADirectoryError:
        raise FileRefused(Message("import.is_folder", file=name)) from None
    except PermissionError:
        raise FileRefused(Message("import.access_denied", file=name)) from None
    except OSError:
        raise FileRefused(Message("import.unreadable", file=name)) from None
    if size == 0:
        raise FileRefused(Message("import.empty_file", file=name))
    if size > MAX_FILE_BYTES:
        raise FileRefused(Message("import.too_large", file=name, size=_mb(size), limit=_mb(MAX_FILE_BYTES)))
    if head.startswith(OLE_MAGIC):
        with path.open("rb") as handle:
            body = handle.read(min(size, 4 * 1024 * 1024))
        if ENCRYPTED_MARK in body:
            raise FileRefused(Message("import.password", file=name))
        raise FileRefused(Message("import.xls", file=name))
    if head.startswith(ZIP_MAGIC):
        return "xlsx"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's « Texte Unicode »: UTF-16 with its BOM
        sample = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
        if _looks_like_text(sample.encode("utf-8")):
            return "csv"
    if b"\x00" in head or not _looks_like_text(head):
        raise FileRefused(Message("import.not_a_sheet", file=name))
    return "csv"


def _looks_like_text(head: bytes) -> bool:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return controls <= len(head) // 100


# ------------------------------------------------------------------------------------------------- xlsx

def _check_zip(path: Path) -> zipfile.ZipFile:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except DAMAGED:
        raise FileRefused(Message("xlsx.damaged_archive", file=name)) from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        archive.close()
        raise FileRefused(Message("xlsx.too_many_members", file=name, count=len(infos)))
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        archive.close()
        if "mimetype" in names and b"opendocument.spreadsheet" in archive_read_small(path, "mimetype"):
            raise FileRefused(Message("xlsx.ods", file=name))
        raise FileRefused(Message("xlsx.not_excel", file=name))
    total = 0
    for info in infos:
        total += info.file_size
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            archive.close()
            raise FileRefused(Message("xlsx.odd_compression", file=name, member=info.filename))
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            archive.close()
            raise FileRefused(Message("xlsx.ratio", file=name, member=info.filename,
                                      ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO))
    if total > MAX_UNCOMPRESSED_BYTES:
        archive.close()
        raise FileRefused(Message("xlsx.too_big_uncompressed", file=name, size=_mb(total),
                                  limit=_mb(MAX_UNCOMPRESSED_BYTES)))
    return archive


COUNT_ATTR_RE = re.compile(rb"""(?<![\w.:-])(?:[\w.-]+:)?(count|uniqueCount)\s*=\s*(["'])([^"'<>]{0,80})\2""")
"""A declared count (``count="12"``, ``uniqueCount='12'``…), as any XML reader would find it."""
ELEMENT_RE = re.compile(rb"<(?:[\w.-]+:)?([\w.-]+)")
CHAR_REF_RE = re.compile(rb"&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});")
MAX_SHARED_STRINGS = MAX_CELLS
"""Distinct strings a workbook may declare: calamine reserves room for every one before reading any (24 bytes
each: a ``uniqueCount`` of two billion asked for 48 GB and aborted the process)."""
MIN_ITEM_BYTES = {b"sst": 5, b"mergeCells": 20}
"""The smallest element a declared count counts (``<si/>``, ``<mergeCell ref="A1:B2"/>``); 4 bytes elsewhere."""
SCAN_CHUNK = 1024 * 1024


def _count_value(raw: bytes) -> int | None:
    """A declared count as calamine would read it (character references resolved, ``+`` allowed); ``None``
    for anything that is not a number (the parser then ignores it or refuses the file)."""
    text = CHAR_REF_RE.sub(lambda m: chr(int(m.group(1)[1:], 16) if m.group(1)[:1] == b"x" else
                                         int(m.group(1))).encode("utf-8", "replace"), raw)
    text = text.strip().removeprefix(b"+")
    if not text.isdigit():
        return None
    return int(text) if len(text) <= 19 else 10**19


def _element_before(data: bytes, at: int) -> bytes:
    """The name of the element whose tag holds position ``at`` (``b"?"`` when not found nearby)."""
    start = data.rfind(b"<", max(0, at - 4096), at)
    element = ELEMENT_RE.match(data, start) if start >= 0 else None
    return element.group(1) if element else b"?"


def _declared_counts(archive: zipfile.ZipFile, member: str, stop: bytes | None = None
                     ) -> Iterator[tuple[bytes, bytes, int]]:
    """``(element, attribute, value)`` for every count the member declares, streamed one megabyte at a time
    (no XML parser; memory bounded whatever the member's size). With ``stop``, reading ends at the first
    occurrence of it (the items of a shared-string table: its counts are all declared before)."""
    tail = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(SCAN_CHUNK)
            data = tail + chunk
            limit = max(len(data) - 256, 0) if chunk else len(data)
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                yield b"!DOCTYPE", b"", 0
                return
            end = data.find(stop, 0, limit) if stop else -1
            for match in COUNT_ATTR_RE.finditer(data, 0, limit if end < 0 else end):
                value = _count_value(match.group(3))
                if value is not None:
                    yield _element_before(data, match.start()), match.group(1), value
            if end >= 0 or not chunk:
                return
            tail = data[limit:]  # a match cut off at ``limit`` is seen whole in the next round


def _check_declared_counts(archive: zipfile.ZipFile, name: str) -> None:
    """Every count the shared strings and the styles declare, against the budget and against the size of their
    part, before any parser sees them (calamine reserves memory for what a file declares)."""
    total = sum(i.file_size for i in archive.infolist())
    for info in archive.infolist():
        lowered = info.filename.lower()
        if lowered.endswith("sharedstrings.xml"):
            stop: bytes | None = b"<si"
        elif lowered.endswith("styles.xml"):
            stop = None
        else:
            continue
        try:
            declared = list(_declared_counts(archive, info.filename, stop))
        except DAMAGED:
            raise FileRefused(Message("xlsx.member_damaged", file=name, member=info.filename)) from None
        for element, attribute, value in declared:
            _check_count(name, info.filename, info.file_size, total, element, attribute, value)


def _check_count(name: str, member: str, size: int, total: int, element: bytes, attribute: bytes, value: int,
                 ) -> None:
    if element == b"!DOCTYPE":
        raise FileRefused(Message("xlsx.doctype", file=name, member=member))
    if attribute == b"uniqueCount" or element == b"sst":
        # ``count`` on the table is the number of cells using a string: bounded by the whole archive
        budget = MAX_SHARED_STRINGS if attribute == b"uniqueCount" else total // 4
        room = size // MIN_ITEM_BYTES[b"sst"] + 1 if attribute == b"uniqueCount" else budget
    else:
        budget = MAX_CELLS
        room = size // MIN_ITEM_BYTES.get(element, 4) + 1
    if value > budget or value > room:
        shown = element.decode("ascii", "replace")
        raise FileRefused(Message("xlsx.count", file=name, member=member, value=value, element=shown,
                                  attribute=attribute.decode(), most=min(budget, room)))


def archive_read_small(path: Path, member: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(member)
            if info.file_size > 1024 * 1024:
                return b""
            return archive.read(member)
    except (*DAMAGED, KeyError):
        return b""


def _read_member(archive: zipfile.ZipFile, member: str, limit: int = 16 * 1024 * 1024) -> bytes:
    name = Path(archive.filename or "").name
    info = archive.getinfo(member)
    if info.file_size > limit:
        raise FileRefused(Message("xlsx.member_too_large", file=name, member=member))
    try:
        return archive.read(member)
    except DAMAGED:
        raise FileRefused(Message("xlsx.member_damaged", file=name, member=member)) from None


NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_STRICT = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"
"""Excel's « Strict Open XML Spreadsheet » (Save as…): other namespaces for the same parts."""
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass
class _SheetEntry:
    name: str
    member: str
    state: str


def _workbook_sheets(archive: zipfile.ZipFile, name: str) -> tuple[list[_SheetEntry], bool]:
    try:
        workbook = SafeET.fromstring(_read_member(archive, "xl/workbook.xml"))
        rels_xml = _read_member(archive, "xl/_rels/workbook.xml.rels")
        rels = SafeET.fromstring(rels_xml)
    except KeyError:
        raise FileRefused(Message("xlsx.no_relations", file=name)) from None
    except FileRefused:
        raise
    except Exception as exc:  # defusedxml refusals (entities, DTD) and malformed XML
        why = Message("xlsx.why_entities" if "Forbidden" in type(exc).__name__ else "xlsx.why_malformed")
        raise FileRefused(Message("xlsx.bad_xml", file=name, why=why)) from None
    targets = {}
    for rel in rels.iter(f"{NS_PKG_REL}Relationship"):
        target = rel.get("Target") or ""
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        targets[rel.get("Id")] = member
    if workbook.tag.startswith(NS_STRICT):  # read as Transitional, it has no sheet: never « no visible sheet »
        raise FileRefused(Message("xlsx.strict", file=name))
    pr = workbook.find(f"{NS_MAIN}workbookPr")
    date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
    entries = []
    for sheet in workbook.iter(f"{NS_MAIN}sheet"):
        rid = sheet.get(f"{NS_REL}id")
        entries.append(_SheetEntry(sheet.get("name") or "", targets.get(rid, ""), sheet.get("state") or "visible"))
    return entries, date1904


FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")
ROW_RE = re.compile(rb"<(?:\w+:)?row[\s>/]")
CELL_TAG_RE = re.compile(rb"<(?:[\w.-]+:)?c(?=[\s>/])[^<>]*+>")
MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]{0,64}?\bref="([A-Z0-9:$]{1,40})"')
"""Bounded: ``[^>]*?`` made every ``<mergeCell`` without ``ref`` scan to the end of the chunk (a 1 MB sheet of
them took minutes)."""
ERROR_VALUE_RE = re.compile(rb"\s*<(?:[\w.-]+:)?v>([^<]{0,40})<")
"""What follows the tag of a cell holding an error value (a formula's cached error is found as a formula)."""
FAR_REF_RE = re.compile(rb'r="(?:[Aa][A-Za-z](?:[A-Za-z]|\d{6})|[J-Zj-z][A-Za-z]|[Ii][Q-Zq-z]'
                        rb'|[B-Ib-i][A-Za-z](?:[A-Za-z]|\d{5})|[A-Za-z]?(?:\d{7}|[2-9]\d{5}))')
"""A reference written the usual way past column IP (the 250th), at row 200 000 or beyond, past column AZ
from row 10 000 or past Z from row 100 000: the cells' extent is then measured exactly (below these, the
area stays under ``MAX_CELLS``). Written by its first letter, so that the usual reference (``A123``) is
dismissed after a character or two: it runs on every cell of the sheet (a fifth faster than the same
alternatives listed one by one: three letters; ``J``–``Z`` then a letter; ``I`` then ``Q``–``Z``; two letters
and five digits, or six after ``A``; seven digits, or six from 2, after at most one letter)."""
ODD_REF_RES = (re.compile(rb"r(?:\s+=|=[\s'])"), re.compile(rb'<c[\t\n\r/>]|<c (?!r=")'), re.compile(rb":c[\s/>]"))
"""An ``r`` attribute written unusually, a cell without ``r`` as its first attribute, a prefixed cell: where
calamine will place such cells is not read at a glance, so the extent is measured exactly."""
TAG_RE = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])([^<>]*+)(>)?")
"""Stops at the next ``<``: a tag left open is looked at once, not rescanned from every later ``<c``."""
R_ATTR_RE = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]{0,64}+)(")?|'([^']{0,64}+)(')?)""")
"""An ``r`` attribute; a value of more than 64 characters has no closing quote here (see ``_last_ref``)."""
FAR_AWAY = b"ZZZZ9999999999"
DIMENSION_RE = re.compile(rb"""<(?:[\w.-]+:)?dimension\b[^<>]{0,256}?\bref\s*=\s*["']\$?([A-Za-z]{0,8}\$?[0-9]{0,12})"""
                          rb"""(?::\$?([A-Za-z]{0,8}\$?[0-9]{0,12}))?["']""")
STRING_INDEX_RE = re.compile(rb"""t=["']s["'][^<>]{0,1024}>\s{0,64}<(?:[\w.-]+:)?v>(?![0-9]{1,10}</|</)""")
"""A cell of shared-string type whose value is not a string's number (``<c r="B2" t="s"><v>abc</v>``): calamine
reads it as string 0, a text nobody typed there; Excel and LibreOffice never write one. The attribute is looked
for as generators write it (``t="s"``, no space around ``=``, no word boundary): a literal start keeps the search
to 0.1–0.25 s over 100 000 rows, where a word boundary and spaces around « = » took a second."""
HIDDEN_ROW_RE = re.compile(rb"""<(?:[\w.-]+:)?row\b([^<>]{0,1024}?\bhidden\s*=\s*["'](?:1|true)["'][^<>]{0,1024}?)>""")
"""A row hidden by hand or by a filter (``<row r="7" hidden="1">``); its attributes hold its ``r``."""
REF_RE = re.compile(rb"([A-Za-z]*)([0-9]*)")


@dataclass
class _Scan:
    rows: int = 0
    formulas: list[str] = field(default_factory=list)
    formula_count: int = 0
    merges: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    error_marks: int = 0
    doctype: bool = False
    far_cells: bool = False
    """Some cell may lie far away (see ``FAR_REF_RE``): ``_cell_extent`` measures before calamine parses."""
    hidden_rows: list[int] = field(default_factory=list)
    """Rows hidden by hand or by a filter (``0`` for one whose number is not written)."""
    hidden_count: int = 0
    filtered: bool = False
    """The sheet has an automatic filter (rows it hides are hidden rows)."""
    bad_string_refs: list[str] = field(default_factory=list)
    """Cells of shared-string type whose value is not a string's number (see ``STRING_INDEX_RE``)."""
    bad_string_count: int = 0
    declared: list[tuple[bytes, bytes, int]] = field(default_factory=list)
    """Counts the sheet declares (merged ranges, validations…): checked against the budget and its size."""


def _scan_sheet(archive: zipfile.ZipFile, member: str) -> _Scan:
    """Stream the sheet XML once: rows, formula cells, merged ranges (no XML parser involved)."""
    scan = _Scan()
    tail = b""
    with archive.open(member) as handle:
        chunk = handle.read(4 * 1024 * 1024)
        while chunk:
            following = handle.read(4 * 1024 * 1024)
            data = tail + chunk
            # matches starting at or after ``limit`` are left for the next round (they may be cut off)
            limit = len(data) - 512 if following else len(data)
            rows = data.count(b"<row", 0, limit) if b"<row" in data else -1
            if rows >= 0:
                scan.rows += rows
            else:  # a namespace prefix (<x:row>): the slower regular expression
                scan.rows += sum(1 for m in ROW_RE.finditer(data, 0, limit + 16) if m.start() < limit)
            if scan.rows > MAX_ROWS + 50:
                break  # refused for its rows: the rest need not be read
            if b"hidden" in data:
                for match in HIDDEN_ROW_RE.finditer(data, 0, limit + 1100):
                    if match.start() < limit:
                        scan.hidden_count += 1
                        if len(scan.hidden_rows) < MAX_FORMULAS_LOCATED:
                            ref = _last_ref(match.group(1))
                            scan.hidden_rows.append(int(ref) if ref and ref.isdigit() and len(ref) < 10 else 0)
            if not scan.far_cells and b"dimension" in data:
                # a declared area beyond the budget: where the cells really are is measured before calamine
                for m in DIMENSION_RE.finditer(data, 0, limit):
                    last = REF_RE.fullmatch(m.group(2) or m.group(1))
                    if last is not None:
                        col = 0
                        for ch in last.group(1).upper()[:5]:
                            col = col * 26 + ch - 64
                        scan.far_cells |= len(last.group(2)) > 7 or col * _ref_row(last.group(2)) > MAX_CELLS
            if not scan.filtered and b"autoFilter" in data:
                scan.filtered = True
            if b"ount" in data:
                for m in COUNT_ATTR_RE.finditer(data, 0, limit):
                    value = _count_value(m.group(3))
                    if value is not None:
                        scan.declared.append((_element_before(data, m.start()), m.group(1), value))
            if b"<f" in data or b":f" in data:
                for match in FORMULA_RE.finditer(data, 0, limit + 16):
                    if match.start() >= limit:
                        continue
                    scan.formula_count += 1
                    if len(scan.formulas) < MAX_FORMULAS_LOCATED:
                        # the formula's own cell (the last opened before it), by its last r; a cell without r
                        # is not located (the whole file is then refused)
                        tags = CELL_TAG_RE.findall(data, max(0, match.start() - 400), match.start())
                        scan.formulas.append(_located(tags[-1] if tags else b""))
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                scan.doctype = True
                break
            if not scan.far_cells:
                # a match from ``limit`` on may lack what follows it (``<c `` cut off): the next round sees it
                scan.far_cells = any((m := r.search(data)) is not None and m.start() < limit
                                     for r in (FAR_REF_RE, *ODD_REF_RES))
            # each ``t="e"`` looked at within 400 bytes of its cell tag (no pattern scanning from every ``<c``)
            at = data.find(b't="e"', 0, limit)
            while at >= 0 and scan.error_marks <= MAX_FORMULAS_LOCATED:
                scan.error_marks += 1
                start = data.rfind(b"<", max(0, at - 400), at)
                tag = CELL_TAG_RE.match(data, start, at + 400) if start >= 0 else None
                value = ERROR_VALUE_RE.match(data, tag.end(), tag.end() + 512) if tag and tag.end() > at else None
                if value is not None:
                    scan.errors.append((_located(tag.group()), value.group(1).decode("utf-8", "replace")))
                at = data.find(b't="e"', at + 5, limit)
            if at >= 0:  # too many to look at one by one: not located, the file is refused
                scan.errors.append(("?", ""))
            for match in STRING_INDEX_RE.finditer(data, 0, limit + 1200):
                if match.start() < limit:
                    scan.bad_string_count += 1
                    if len(scan.bad_string_refs) < MAX_FORMULAS_LOCATED:
                        start = data.rfind(b"<", max(0, match.start() - 1100), match.start())
                        tag = CELL_TAG_RE.match(data, start) if start >= 0 else None
                        scan.bad_string_refs.append(_located(tag.group()) if tag else "?")
            if b"mergeCell" in data:
                for match in MERGE_RE.finditer(data, 0, limit + 64):
                    if match.start() < limit and len(scan.merges) < MAX_FORMULAS_LOCATED:
                        scan.merges.append(match.group(1).decode().replace("$", ""))
            tail = data[limit:]
            chunk = following
    return scan


CELL_REF_RE = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
UNUSUAL_CELL_RE = re.compile(rb'<c(?:[\t\n\r/>]| (?!r=")| r="(?![A-Z]{1,3}[0-9]{1,7}")| r="[^"<>]{0,64}"[^<>]{0,512}?\sr\s*=)')
"""A cell tag without ``r`` as its first attribute, with an ``r`` written other than ``XX123``, or naming it
twice (calamine keeps the last one): the quick measure below does not apply."""
ODD_ATTR_RES = (ODD_REF_RES[0], ODD_REF_RES[2], UNUSUAL_CELL_RE)


@lru_cache(maxsize=64)
def _greater_row(n: int) -> re.Pattern[bytes]:
    """A cell whose row is greater than ``n`` (its digits in group 1)."""
    digits = str(n)
    alternatives = [f"[1-9][0-9]{{{len(digits)},}}"]
    for i, ch in enumerate(digits):
        if ch != "9":
            alternatives.append(f"{digits[:i]}[{int(ch) + 1}-9][0-9]{{{len(digits) - i - 1}}}")
    return re.compile(f'<c r="[A-Z]{{1,3}}({"|".join(alternatives)})"'.encode())


@lru_cache(maxsize=64)
def _greater_column(letters: str) -> re.Pattern[bytes]:
    """A cell whose column comes after ``letters`` (its letters in group 1)."""
    alternatives = [f"[A-Z]{{{len(letters) + 1},3}}"] if len(letters) < 3 else []
    for i, ch in enumerate(letters):
        if ch != "Z":
            alternatives.append(f"{letters[:i]}[{chr(ord(ch) + 1)}-Z][A-Z]{{{len(letters) - i - 1}}}")
    return re.compile(f'<c r="({"|".join(alternatives) or "(?!)"})[0-9]'.encode())


def _cell_extent(archive: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """(rows, columns) from A1 to the farthest cell (see ``_placed_extent``). When every cell tag starts
    with an ordinary ``r="XX123"`` and names it once — what Excel, LibreOffice and openpyxl write — the
    farthest cell is found by searching, chunk by chunk, for a cell beyond the farthest found so far (seconds
    for ten million cells, where placing each cell in Python took over a minute); any other shape is measured
    cell by cell."""
    rows, columns = 0, "A"
    tail = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(4 * 1024 * 1024)
            data = tail + chunk
            # up to the last tag end before the margin: no tag straddles the boundary
            limit = data.rfind(b">", 0, max(len(data) - 512, 0)) + 1 if chunk else len(data)
            if any(r.search(data, 0, limit) for r in ODD_ATTR_RES):
                return _placed_extent(archive, member)
            # the last cell of a chunk is usually the farthest (rows in order, its row's last column): start from
            # it, then look for any cell beyond
            last = CELL_REF_RE.match(data, max(data.rfind(b'<c r="', 0, limit), 0))
            if last is not None:
                rows = max(rows, int(last.group(2)))
                columns = max(columns, last.group(1).decode(), key=lambda c: (len(c), c))
            at = 0
            while found := _greater_row(rows).search(data, at, limit):
                rows, at = int(found.group(1)), found.start() + 1
            at = 0
            while found := _greater_column(columns).search(data, at, limit):
                columns, at = found.group(1).decode(), found.start() + 1
            if not chunk:
                break
            tail = data[limit:]
            if len(tail) > 1024 * 1024:
                return _placed_extent(archive, member)
    width = 0
    for ch in columns.encode():
        width = width * 26 + ch - 64
    return rows, width


def _placed_extent(archive: zipfile.ZipFile, member: str) -> tuple[int, int]:
    """(rows, columns) from A1 to the farthest cell, placed as calamine places them: a cell's ``r``, or
    else the row's ``r`` (or the row after the previous one) and the column after the previous cell. Empty
    elements count as opened and closed; empty cells count too (an upper bound is all that is needed)."""
    rows = columns = 0
    row_index = col_index = 0
    tail = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(4 * 1024 * 1024)
            data = tail + chunk
            end = 0
            for match in TAG_RE.finditer(data):
                closing, name, attrs, closed = match.groups()
                if closed is None:
                    if match.end() < len(data):  # a ``<`` inside a tag: no sheet has one
                        return MAX_ROWS * 10, MAX_COLUMNS * 10
                    break  # cut off by the chunk: kept in the tail
                end = match.end()
                ref = None if closing else _last_ref(attrs)
                parts = REF_RE.fullmatch(ref) if ref is not None else None
                if name == b"row":
                    if parts is not None:
                        row_index = _ref_row(parts.group(2))
                    if closing or attrs.endswith(b"/"):
                        row_index, col_index = row_index + 1, 0
                    continue
                if closing:
                    continue
                row, col = row_index, col_index
                if parts is not None:
                    row, col = _ref_row(parts.group(2)), 0
                    for ch in parts.group(1).upper() if len(parts.group(1)) <= 4 else b"ZZZZ":  # beyond: far enough
                        col = col * 26 + ch - 64
                    col = max(col - 1, 0)
                rows, columns = max(rows, row + 1), max(columns, col + 1)
                col_index = col + 1
            if not chunk:
                break
            start = data.rfind(b"<", end)
            tail = data[start:] if start >= 0 and data.find(b">", start) < 0 else b""
            if len(tail) > 1024 * 1024:
                return MAX_ROWS * 10, MAX_COLUMNS * 10  # a tag of a megabyte: no sheet has one
    return rows, columns


def _last_ref(attrs: bytes) -> bytes | None:
    """A tag's ``r`` value: the last one (calamine reads every attribute, a repeated one replacing the
    first); ``FAR_AWAY`` for a value longer than any reference; ``None`` without ``r``."""
    refs = R_ATTR_RE.findall(attrs)
    if not refs:
        return None
    double, double_end, single, single_end = refs[-1]
    return double or single if double_end or single_end else FAR_AWAY


def _located(tag: bytes) -> str:
    """``H2`` for a cell tag, or ``?`` when its reference is missing or unusual."""
    ref = (_last_ref(tag) or b"").upper()
    return ref.decode() if re.fullmatch(rb"[A-Z]{1,3}[0-9]{1,7}", ref) else "?"


def _ref_row(digits: bytes) -> int:
    """The 0-based row of a reference's digits; 10⁹ for more than nine (beyond any sheet, and no huge ``int``)."""
    return max(int(digits or 0) - 1, 0) if len(digits) <= 9 else 10**9


def _choose_sheet(entries: list[_SheetEntry], wanted: tuple[str, ...], name: str) -> tuple[_SheetEntry, list[Any]]:
    notes: list[Any] = []
    visible = [e for e in entries if e.state == "visible" and fold(e.name) not in OUR_SHEETS]
    for e in entries:
        if e.state != "visible" and fold(e.name) not in OUR_SHEETS:
            notes.append(Message("sheet.hidden_ignored", sheet=e.name))
    if not visible:
        raise FileRefused(Message("xlsx.no_visible_sheet", file=name))
    folded = {fold(w) for w in wanted if w}
    chosen = next((e for e in visible if fold(e.name) in folded), visible[0])
    for e in visible:
        if e is not chosen:
            notes.append(Message("sheet.ignored", sheet=e.name, chosen=chosen.name))
    return chosen, notes


def read_xlsx(path: Path, wanted_sheets: tuple[str, ...] = (), before_parse: Any = None) -> Sheet:
    """The chosen sheet, after every check. ``before_parse(head)``, when given, is called with the first rows
    of a large sheet holding formulas, read without calamine (``_head_rows``), and may refuse the file
    (``FileRefused``) before calamine parses it whole."""
    from python_calamine import CalamineError, CalamineWorkbook

    name = path.name
    with _check_zip(path) as archive:
        _check_declared_counts(archive, name)
        entries, date1904 = _workbook_sheets(archive, name)
        chosen, notes = _choose_sheet(entries, wanted_sheets, name)
        if sum(1 for e in entries if e.name.casefold() == chosen.name.casefold()) > 1:
            # calamine finds a sheet by name: it would parse another sheet than the one checked here
            raise FileRefused(Message("xlsx.same_sheet_name", file=name, sheet=chosen.name))
        try:
            scan = _scan_sheet(archive, chosen.member)
            if scan.rows > MAX_ROWS + 50:  # the cheap check before the cells' extent is measured
                raise FileRefused(Message("xlsx.too_many_rows", file=name, sheet=chosen.name, limit=MAX_ROWS))
            size = archive.getinfo(chosen.member).file_size
            for element, attribute, value in scan.declared:
                _check_count(name, chosen.member, size, size, element, attribute, value)
            extent = _cell_extent(archive, chosen.member) if scan.far_cells and not scan.doctype else None
            probe = None
            if before_parse is not None and scan.formulas and not scan.doctype and size > HEAD_PROBE_BYTES:
                try:
                    first, head = _head_rows(archive, chosen.member, HEAD_ROWS)
                except FileRefused:
                    raise
                except Exception:  # malformed XML or defusedxml's refusal: calamine's own check will say it
                    head = []
                if head:
                    probe = Sheet(path, "xlsx", chosen.name, head, first_row=first, date1904=date1904)
                    probe.formulas = scan.formulas
        except KeyError:
            raise FileRefused(Message("xlsx.sheet_missing", file=name, sheet=chosen.name)) from None
        except DAMAGED:
            raise FileRefused(Message("xlsx.sheet_damaged", file=name, sheet=chosen.name)) from None
    if scan.doctype:
        raise FileRefused(Message("xlsx.sheet_doctype", file=name, sheet=chosen.name))
    if extent is not None:
        rows, columns = extent
        if rows > MAX_ROWS + 51 or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise FileRefused(Message("xlsx.extent", file=name, sheet=chosen.name, rows=rows,
                                      column=column_letter(columns - 1), max_rows=MAX_ROWS, max_columns=MAX_COLUMNS,
                                      max_cells=MAX_CELLS))
    if probe is not None:
        before_parse(probe)
    if scan.bad_string_count:
        cells = ", ".join(scan.bad_string_refs[:10]) + ("…" if scan.bad_string_count > 10 else "")
        raise FileRefused(Message("xlsx.string_index", file=name, sheet=chosen.name, cells=cells,
                                  cells_count=Message("count.text_cells", n=scan.bad_string_count)))
    if scan.formula_count > len(scan.formulas) or "?" in scan.formulas:
        cells = ", ".join(f for f in scan.formulas[:10] if f != "?") + "…"
        raise FileRefused(Message("xlsx.formulas", file=name, sheet=chosen.name, cells=cells,
                                  formulas=Message("count.formulas", n=scan.formula_count)))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_name(chosen.name)
        start = sheet.start or (0, 0)
        merged = sheet.merged_cell_ranges or []
        result = Sheet(path, "xlsx", chosen.name, sheet, first_row=start[0] + 1, first_col=start[1], notes=notes,
                       date1904=date1904)
        workbook.close()
    except (CalamineError, Exception):  # python-calamine raises plain errors for some malformed parts too
        raise FileRefused(Message("xlsx.unreadable", file=name)) from None
    ranges = [f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}" for (r0, c0), (r1, c1) in merged]
    if not ranges:
        ranges = scan.merges
    result.merged = ranges
    result.formulas = scan.formulas
    result.errors = scan.errors
    result.hidden_rows, result.hidden_count, result.filtered = scan.hidden_rows, scan.hidden_count, scan.filtered
    _check_width(result)
    return result



# ------------------------------------------------------------------------------ head rows without calamine

HEAD_PROBE_BYTES = 8 * 1024 * 1024
"""Uncompressed size from which a sheet holding formulas has its first rows read on their own, so that a
formula in an imported column refuses the file before calamine parses it whole (calamine holds every cell:
a sheet of ten million cells refused for one formula took 760 MB)."""
HEAD_PROBE_LAST_ROW = 1000
"""The header is looked for in the first rows holding something, among the first thousand."""


def _head_rows(archive: zipfile.ZipFile, member: str, nrows: int) -> tuple[int, list[list[Any]]]:
    """``(first row number, rows)``: the first ``nrows`` rows holding something (column A first), read with
    defusedxml's streaming parser, which stops there; shared strings are looked up the same way, up to the
    last one these rows use. Only for finding the header: text, numbers and booleans, nothing converted."""
    rows: dict[int, dict[int, Any]] = {}
    shared: dict[int, list[tuple[int, int]]] = {}
    row_index = col_index = 0
    with archive.open(member) as handle:
        for event, element in SafeET.iterparse(handle, events=("start", "end")):
            tag = element.tag.rpartition("}")[2]
            if event == "start":
                if tag == "row":
                    ref = element.get("r") or ""
                    row_index = int(ref) if ref.isdigit() and len(ref) < 8 else row_index + 1
                    col_index = 0
                    if len(rows) >= nrows or row_index > HEAD_PROBE_LAST_ROW:
                        break
                continue
            if tag == "row":
                element.clear()
                continue
            if tag != "c":
                continue
            ref = REF_RE.fullmatch((element.get("r") or "").encode())
            col = col_index
            if ref is not None and ref.group(1):
                col = -1
                for ch in ref.group(1).upper()[:3]:
                    col = (col + 1) * 26 + ch - 65
            col_index = col + 1
            kind = element.get("t") or "n"
            found = element.find(f"{NS_MAIN}v")
            text = found.text if found is not None else None
            value: Any = None
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in element.iter(f"{NS_MAIN}t"))
            elif kind == "s" and text and text.strip().isdigit():
                shared.setdefault(int(text), []).append((row_index, col))
            elif kind in ("str", "d") or (kind == "n" and text):
                value = text
            if value not in (None, "") and col < MAX_COLUMNS:
                rows.setdefault(row_index, {})[col] = value
            element.clear()
    if shared:
        strings = next((i.filename for i in archive.infolist() if i.filename.lower().endswith("sharedstrings.xml")),
                       None)
        if strings is not None:
            last, index, root = max(shared), -1, None
            with archive.open(strings) as handle:
                for event, element in SafeET.iterparse(handle, events=("start", "end")):
                    if root is None:
                        root = element
                    if event != "end" or element.tag.rpartition("}")[2] != "si":
                        continue
                    index += 1
                    for row, col in shared.get(index, ()):
                        if col < MAX_COLUMNS:
                            rows.setdefault(row, {})[col] = "".join(
                                t.text or "" for t in element.iter(f"{NS_MAIN}t"))
                    root.clear()  # the items read are dropped, not kept under the root
                    if index >= last:
                        break
    if not rows:
        return 1, []
    first = min(rows)
    out = []
    for number in range(first, max(rows) + 1):
        cells = rows.get(number, {})
        out.append([cells.get(j) for j in range(max(cells, default=-1) + 1)])
    return first, out

# -------------------------------------------------------------------------------------------------- csv

ARABIC_WORD = re.compile("[\u0621-\u064a]{3,}")


def _encoding(path: Path, name: str) -> tuple[str, str | Message]:
    """``(codec, shown)`` of a CSV file, found by streaming it (memory bounded by one chunk): UTF-8 (with or
    without BOM), UTF-16 with its BOM, else a Windows « ANSI » code page."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(b"\xef\xbb\xbf"):
            codec, shown = "utf-8-sig", Message("csv.utf8_bom")
        elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
            codec, shown = "utf-16", "UTF-16"
        else:
            codec, shown = "utf-8", "UTF-8"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder(codec)("strict")
        offset = 0
        try:
            while chunk := handle.read(SCAN_CHUNK):
                decoder.decode(chunk)
                offset += len(chunk)
            decoder.decode(b"", final=True)
            return codec, shown
        except UnicodeDecodeError as exc:
            if codec != "utf-8":
                raise FileRefused(Message("csv.bad_text", file=name, encoding=str(shown).split()[0],
                                          offset=offset + exc.start)) from None
        # Not UTF-8: a Windows « ANSI » file. On an Arabic Windows that is Windows-1256, which keeps the
        # French accented letters where Windows-1252 has them; Arabic words tell the two apart.
        handle.seek(0)
        sample = handle.read(400_000).decode("cp1256", errors="replace")
    if len(ARABIC_WORD.findall(sample)) >= 3:
        return "cp1256", Message("csv.cp1256")
    return "cp1252", "Windows-1252"


def _separator(text: str) -> str:
    """The separator used by the header line: ``;``, ``,`` or tab, ignoring quoted parts."""
    first = ""
    in_quotes = False
    for ch in text[:65536]:
        if ch == '"':
            in_quotes = not in_quotes
        elif ch in "\r\n" and not in_quotes:
            if first.strip():
                break
            first = ""
            continue
        elif not in_quotes:
            first += ch
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda s: counts[s])
    return best if counts[best] else ";"


class _CsvRows:
    """The rows of a CSV file, read again from the file at each pass (like calamine's sheet: ``height``,
    ``width``, ``iter_rows``, ``to_python``): an import streams them, its memory does not grow with the file
    (decoded whole, a 63 MB file took 416 MB, and 638 MB with one emoji in it)."""

    def __init__(self, path: Path, codec: str, name: str) -> None:
        self.path, self.codec, self.name = path, codec, name
        with self._open() as handle:
            self.sep = _separator(handle.read(65536))
        self.height = self.width = 0
        for row in self.iter_rows():
            self.height += 1
            self.width = max(self.width, len(row))
            if self.height > MAX_ROWS + 1:
                raise FileRefused(Message("csv.too_many_rows", file=name, limit=MAX_ROWS))

    def _open(self) -> Any:
        errors = "strict" if self.codec.startswith("utf") else "replace"
        return self.path.open(encoding=self.codec, errors=errors, newline="")

    def iter_rows(self) -> Iterator[list[Any]]:
        with self._open() as handle:
            reader = csv.reader(handle, delimiter=self.sep, quotechar='"', strict=False)
            try:
                yield from reader
            except csv.Error:
                raise FileRefused(Message("csv.unreadable_line", file=self.name, line=reader.line_num)) from None

    def to_python(self, skip_empty_area: bool = True, nrows: int | None = None) -> list[list[Any]]:
        rows = []
        for row in self.iter_rows():
            if nrows is not None and len(rows) >= nrows:
                break
            rows.append(row)
        return rows


def read_csv(path: Path) -> Sheet:
    name = path.name
    codec, encoding = _encoding(path, name)
    rows = _CsvRows(path, codec, name)
    shown = Message({";": "csv.semicolon", ",": "csv.comma", "\t": "csv.tab"}[rows.sep])
    result = Sheet(path, "csv", path.stem, rows, notes=[Message("csv.read", encoding=encoding, separator=shown)])
    _check_width(result)
    return result


def _check_width(sheet: Sheet) -> None:
    widest = sheet.width
    if widest > MAX_COLUMNS:
        raise FileRefused(Message("sheet.too_wide", file=sheet.path.name, width=widest, limit=MAX_COLUMNS))


def read_sheet(path: Path, wanted_sheets: tuple[str, ...] = (), before_parse: Any = None) -> Sheet:
    """The data sheet of an .xlsx or .csv file, after every budget check. Raises ``FileRefused``."""
    kind = sniff(path)
    return read_xlsx(path, wanted_sheets, before_parse) if kind == "xlsx" else read_csv(path)


# ------------------------------------------------------------------------------------ cell conversions

EXCEL_EPOCH = date(1899, 12, 30)
EXCEL_EPOCH_1904 = date(1904, 1, 1)


def serial_to_date(value: float, date1904: bool = False) -> date | None:
    """An Excel date serial (a number in a cell that lost its date format) as a date, if plausible."""
    if not 1 <= value < 2958466:
        return None
    return (EXCEL_EPOCH_1904 if date1904 else EXCEL_EPOCH) + timedelta(days=int(value))


def cell_text(value: Any) -> str:
    """A cell as the text a person sees (for reports and messages)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != time(0) else value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    return str(value)


