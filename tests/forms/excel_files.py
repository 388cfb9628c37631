"""Spreadsheets for the Excel tests, built for real in a temporary folder: good sheets in the shapes people
really produce (labels, codes, Excel dates, numbers), and a corpus of hostile or broken files."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from forms.definitions import FORMS
from forms.excel.columns import form_columns

OFFERING_ROW = {
    "code": "LP-DATA",
    "title": "Licence professionnelle en science des données",
    "domains": "Data; Intelligence artificielle",
    "training_type": "formation initiale",
    "level": "LICENCE_PRO",
    "duration": 12,
    "duration_unit": "Mois",
    "capacity": "40",
    "first_academic_year": "2025-2026",
    "delivery_mode": "Présentiel",
    "languages": "Français, Anglais",
    "campus_city": "Fès",
    "region": 3,
    "industry_partnered": "Non",
    "partner_name": None,
    "accreditation_status": "Accréditée",
    "accreditation_date": date(2025, 3, 1),
    "contact_email": "lp-data@example.ma",
}


def internship_row(offering_code: str = "MS-CYBER", cohort: str | None = "2025-2026 / 2", **changes: Any
                   ) -> dict[str, Any]:
    row: dict[str, Any] = {
        "student_code": "R130045678",
        "last_name": "El Amrani",
        "first_name": "Youssef",
        "gender": "Homme",
        "offering": offering_code,
        "cohort": cohort,
        "internship_type": "PFE",
        "domain": "cybersecurite",
        "host_name": "Atlas Cloud SARL",
        "host_ice": "001525312000088",
        "host_sector": "Services numériques",
        "host_city": "Rabat",
        "host_region": "Rabat-Salé-Kénitra",
        "host_country": None,
        "start_date": date(2026, 2, 1),
        "end_date": "15/07/2026",
        "weekly_hours": 35.0,
        "monthly_stipend": "2 500,00",
        "tutor_name": "Leila Berrada",
        "tutor_email": "l.berrada@example.ma",
        "supervisor": "Pr. Omar Kettani",
        "outcome": "En cours",
        "final_mark": None,
        "hired": "Inconnu",
    }
    row.update(changes)
    return row


def headers(form_key: str, style: str = "template") -> list[str]:
    """Headers as a template writes them (``Libellé [clé]``), as bare French labels, or as keys."""
    columns = [c for c in form_columns(FORMS[form_key]) if c.field is not None]
    if style == "template":
        return [c.header() for c in columns]
    if style == "labels":
        return [c.label.fr.upper() for c in columns]
    return [c.key for c in columns]


def write_xlsx(path: Path, form_key: str, rows: Sequence[dict[str, Any]], *, style: str = "template",
               title: str = "Données", extra: dict[str, Any] | None = None) -> Path:
    """One sheet: a header row and one row per dict (keys are field keys, missing keys are blank)."""
    keys = [c.key for c in form_columns(FORMS[form_key]) if c.field is not None]
    wb = Workbook()
    ws = wb.active
    ws.title = title
    head = headers(form_key, style) + list(extra or {})
    ws.append(head)
    for row in rows:
        values = [row.get(k) for k in keys] + [v for v in (extra or {}).values()]
        ws.append(values)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                cell.data_type = "s"
    wb.save(path)
    return path


def write_csv(path: Path, form_key: str, rows: Sequence[dict[str, Any]], *, sep: str = ";",
              encoding: str = "utf-8", style: str = "labels") -> Path:
    keys = [c.key for c in form_columns(FORMS[form_key]) if c.field is not None]

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        value = str(value)
        if sep in value or '"' in value or '\n' in value or '\r' in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    lines = [sep.join(text(h) for h in headers(form_key, style))]
    lines += [sep.join(text(row.get(k)) for k in keys) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def rewrite_member(path: Path, member: str, change: Any) -> Path:
    """Copy the .xlsx zip with one member's bytes changed by ``change(bytes) -> bytes``."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                data = change(data)
            dst.writestr(info.filename, data)
    tmp.replace(path)
    return path


# ------------------------------------------------------------------------------------- hostile corpus

def ole_file(path: Path, encrypted: bool) -> Path:
    """An OLE compound file header followed by a directory entry name, as .xls and password-protected
    .xlsx files have (``Workbook`` stream, or ``EncryptedPackage`` stream)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    name = "EncryptedPackage" if encrypted else "Workbook"
    entry = name.encode("utf-16-le") + bytes(128 - 2 * len(name))
    path.write_bytes(header + bytes(512) + entry + bytes(1024))
    return path


def zip_bomb(path: Path, form_key: str) -> Path:
    """A valid-looking workbook whose shared strings member expands a thousand times (20 MB of one byte)."""
    write_xlsx(path, form_key, [])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b" " * (20 * 1024 * 1024))
    return path


def huge_dimension(path: Path) -> Path:
    """Declare a tiny ``<dimension>`` on a sheet that holds many more rows (openpyxl read-only trusts it)."""
    import re

    return rewrite_member(path, "xl/worksheets/sheet1.xml",
                          lambda data: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:C2"', data))


def with_entity(path: Path) -> Path:
    """A workbook.xml with an internal entity declaration (billion-laughs shape): defusedxml refuses it."""
    def change(data: bytes) -> bytes:
        dtd = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        return data.replace(b"?>", b"?>" + dtd, 1) if data.startswith(b"<?xml") else dtd + data
    return rewrite_member(path, "xl/workbook.xml", change)


def dump(db_path: Path) -> list[str]:
    """The database's content as SQL text, in a stable order (what "unchanged" is compared on)."""
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
