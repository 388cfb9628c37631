"""The five forms from the user's office suite to the national store: ``kafaat template`` → filled as a user
would (drop-down labels, dates, identifiers kept as text) → rewritten by LibreOffice (``soffice --headless
--convert-to xlsx``, and a semicolon CSV converted by it) → ``kafaat import`` → ``records list`` → ``bundle
export`` → ``ministry consolidate`` (SQLite, and PostgreSQL when a server is given) → ``ministry
status/records/export-xlsx/report`` → the receipt back at the establishment."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import (
    CE_OFFERING,
    OFFERING,
    ce_session_values,
    cohort_values,
    internship_values,
    rd_project_values,
)
from tests.contract.conftest import FORMS, kafaat, make_pair, ok

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

LINKS = {"offering": OFFERING["code"], "ce_offering": CE_OFFERING["code"], "cohort": "2025-2026 / 2"}
ROWS = {
    "offering": [OFFERING, CE_OFFERING],
    "cohort": [cohort_values(LINKS["offering"])],
    "internship": [internship_values(LINKS["offering"], LINKS["cohort"]),
                   internship_values(LINKS["offering"], None, student_code="0R2233445", last_name="El Idrissi",
                                     first_name="Youssef", gender="M", start_date="2026-03-01",
                                     end_date="2026-06-30", host_ice="000123456000078")],
    "rd_project": [rd_project_values(LINKS["offering"])],
    "ce_session": [ce_session_values(LINKS["ce_offering"])],
}


def cell(field: dict, value):
    """What a user's office suite holds for a value: labels from the drop-downs, real dates, numbers."""
    if value is None:
        return None
    labels = {c["code"]: c["label"]["fr"] for c in field.get("choices", [])}
    if field["type"] == "choice":
        return labels[value]
    if field["type"] == "multi_choice":
        return "; ".join(labels[v] for v in value)
    if field["type"] == "boolean":
        return "Oui" if value else "Non"
    if field["type"] == "date":
        return dt.date.fromisoformat(value)
    if field["type"] == "decimal":
        return float(value)
    return value


def soffice(out: Path, *files: Path, infilter: str | None = None) -> None:
    """LibreOffice rewrites the files as its own xlsx (a private profile: nothing shared with a user's)."""
    profile = out.parent / "lo-profile"
    argv = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
            "--outdir", str(out)]
    if infilter:
        argv.append(f"--infilter={infilter}")
    subprocess.run([*argv, *map(str, files)], check=True, capture_output=True, timeout=240,
                   env={**os.environ, "HOME": str(out.parent)})
    for f in files:
        assert (out / (f.stem + ".xlsx")).is_file(), f


@dataclass
class Loop:
    root: Path
    est: Path
    min: Path
    national_pg: Path | None
    forms: dict
    listed: dict[str, list[dict]]
    bundle: Path


@pytest.fixture(scope="module")
def loop(tmp_path_factory) -> Loop:
    root = tmp_path_factory.mktemp("office-loop")
    est, mini = make_pair(root)
    national_pg = None
    if os.environ.get("KAFAAT_TEST_PG_URL"):
        from tests.sync.ministry.conftest import fresh_postgres_database

        url, _drop = fresh_postgres_database()
        national_pg = root / "mesrsi"
        ok("init", "--role", "ministry", "--ministry", "MESRSI", "--db", url, data=national_pg)
        ok("ministry", "public-key", root / "mesrsi.pub.json", data=national_pg)
        ok("recipients", "add", root / "mesrsi.pub.json", "--yes", data=est)
        ok("ministry", "enroll", root / "request.json", "--yes", data=national_pg)
    forms = {f["key"]: f for f in ok("forms", "--json").json()["forms"]}
    filled = root / "filled"
    filled.mkdir()
    for form in FORMS:
        if form == "internship":
            continue  # arrives as a CSV below
        template = root / f"modele-{form}.xlsx"
        ok("template", form, template, data=est)
        wb = openpyxl.load_workbook(template)
        ws = wb.worksheets[0]
        keys = [re.search(r"\[(\w+)\]\s*$", str(c.value)).group(1) for c in ws[1]]
        fields = {f["key"]: f for f in forms[form]["fields"]}
        for r, values in enumerate(ROWS[form], start=2):
            for c, key in enumerate(keys, start=1):
                if key in fields and key in values:
                    ws.cell(r, c, cell(fields[key], values[key]))
        wb.save(filled / f"{form}.xlsx")
    # Internships typed in a French spreadsheet and saved as « CSV (point-virgule) », then opened and saved
    # as .xlsx by LibreOffice: identifiers stay text only because the user marked those columns as text.
    fields = {f["key"]: f for f in forms["internship"]["fields"]}
    header = [f["label"]["fr"] for f in forms["internship"]["fields"]]
    lines = [";".join(header)]
    for values in ROWS["internship"]:
        row = []
        for f in forms["internship"]["fields"]:
            v = cell(fields[f["key"]], values.get(f["key"]))
            row.append(v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else "" if v is None else str(v))
        lines.append(";".join(row))
    (filled / "internship.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    office = root / "office"
    soffice(office, *sorted(filled.glob("*.xlsx")))
    # Column formats as a French user's LibreOffice reads them: identifiers and text as text (2), dates
    # day first (4).
    kinds = {"identifier": 2, "text": 2, "email": 2, "date": 4}
    columns = "/".join(f"{i}/{kinds[f['type']]}" for i, f in enumerate(forms["internship"]["fields"], start=1)
                       if f["type"] in kinds)
    soffice(office, filled / "internship.csv", infilter=f"CSV:59,34,76,1,{columns}")

    dry = ok("import", "offering", office / "offering.xlsx", "--dry-run", data=est)
    assert ok("records", "list", "offering", "--json", data=est).json() == [], dry.out
    for form in FORMS:
        ok("import", form, office / f"{form}.xlsx", data=est)
    listed = {form: ok("records", "list", form, "--json", data=est).json() for form in FORMS}
    ok("bundle", "export", root / "usb", data=est)
    (bundle,) = (root / "usb").glob("*.kfb")
    return Loop(root, est, mini, national_pg, forms, listed, bundle)


def test_what_was_typed_is_what_is_stored(loop: Loop) -> None:
    for form in FORMS:
        rows = loop.listed[form]
        assert len(rows) == len(ROWS[form]), form
        by_key = {}
        for row in rows:
            assert set(row) >= {"id", "status", "version", "updated_at"} | {f["key"] for f in loop.forms[form]["fields"]}
            assert row["status"] == "complete" and row["version"] == 1
            by_key[row.get("code") or row.get("student_code") or row.get("academic_year")] = row
        for values in ROWS[form]:
            row = by_key[values.get("code") or values.get("student_code") or values.get("academic_year")]
            for f in loop.forms[form]["fields"]:
                if f["type"] == "link" or f["key"] not in values:
                    continue
                expected, got = values[f["key"]], row[f["key"]]
                if f["type"] == "decimal" and expected is not None:
                    expected = float(expected)
                if f["key"] in ("partners", "employers", "partner_ices", "employer_ices") and expected:
                    expected, got = ([p.strip() for p in x.split(";")] for x in (expected, got))
                assert got == expected, (form, f["key"], got, expected)
    offerings = {r["code"]: r["id"] for r in loop.listed["offering"]}
    (cohort,) = loop.listed["cohort"]
    assert cohort["offering"] == offerings["MS-CYBER"]
    interns = {r["student_code"]: r for r in loop.listed["internship"]}
    assert interns["R130045678"]["cohort"] == cohort["id"] and interns["0R2233445"]["cohort"] is None
    assert interns["0R2233445"]["host_ice"] == "000123456000078", "leading zeros kept"
    assert loop.listed["ce_session"][0]["offering"] == offerings["FC-IA"]


def consolidate_and_check(loop: Loop, national: Path, code: str) -> None:
    receipts = loop.root / f"receipts-{code}"
    report = ok("ministry", "consolidate", loop.bundle, "--receipts", receipts, "--json", data=national).json()
    (line,) = report["bundles"]
    counts = {form: len(loop.listed[form]) for form in FORMS}
    assert line["state"] == "applied" and line["establishment"] == "ECC" and line["sequence"] == 1
    assert {f: n for f, n in line["accepted"].items() if n} == counts and not any(line["refused"].values())
    assert line["records"] == sum(counts.values()) and report["summary"]["records_accepted"] == sum(counts.values())
    assert Path(line["receipt"]).name == f"accuse-{code}-ECC-1.json"
    status = {s["establishment"]: s for s in ok("ministry", "status", "--json", data=national).json()}
    ecc = status["ECC"]
    assert ecc["enrolled"] is True and ecc["last_sequence"] == 1 and ecc["late"] is False
    assert ecc["records"] == counts and ecc["held"] == [] and ecc["refused_records"] == 0
    assert status["UM5"]["enrolled"] is False and status["UM5"]["late"] is True
    for form in FORMS:
        national_rows = ok("ministry", "records", form, "--json", data=national).json()
        local = {r["id"]: r for r in loop.listed[form]}
        assert {r["id"] for r in national_rows} == set(local), form
        for row in national_rows:
            assert row["establishment"] == "ECC" and row["status"] == "complete"
            for f in loop.forms[form]["fields"]:
                if f["sharing"] == "withheld":
                    assert f["key"] not in row, (form, f["key"])
                elif f["sharing"] == "pseudonymised":
                    assert row[f["key"]] is None  # no programme key installed: never in clear
                else:
                    assert row[f["key"]] == local[row["id"]][f["key"]], (form, f["key"])
    ok("receipt", "import", receipts / f"accuse-{code}-ECC-1.json", data=loop.est)


def test_consolidated_on_sqlite_with_the_committee_workbook(loop: Loop) -> None:
    consolidate_and_check(loop, loop.min, "MIC")
    extract = loop.root / "national-stages.xlsx"
    ok("ministry", "export-xlsx", "internship", extract, "--establishment", "ECC", data=loop.min)
    wb = openpyxl.load_workbook(extract, read_only=True)
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert any("Société Marocaine de Sécurité" in v for v in cells)
    assert not any(v in ("Benali", "Salma", "El Idrissi", "R130045678") for v in cells)
    for lang in ("fr", "ar", "en"):
        report = loop.root / f"comite-{lang}.xlsx"
        ok("ministry", "report", report, "--year", "2025-2026", "--lang", lang, data=loop.min)
        wb = openpyxl.load_workbook(report)
        text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                        if c.value is not None)
        for personal in ("Benali", "Salma", "Youssef", "R130045678", "0R2233445", "scolarite@", "k.alaoui",
                         "Pr. Nadia Tazi", "n.tazi@"):
            assert personal not in text, (lang, personal)
        assert not any(c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row
                       if isinstance(c.value, str) and c.value.startswith("=") and "Benali" in c.value)
    assert kafaat("ministry", "report", loop.root / "x.xlsx", "--year", "2025", data=loop.min).code == 1


def test_consolidated_on_postgresql(loop: Loop) -> None:
    if loop.national_pg is None:
        from tests.sync.ministry.conftest import postgres_url

        postgres_url()  # fails in CI without a server, skips on a developer's machine that says so
        pytest.skip("no PostgreSQL server")
    consolidate_and_check(loop, loop.national_pg, "MESRSI")
