"""Our workbooks through a real LibreOffice (skipped where it is not installed): templates, exports and
error reports open and convert cleanly, and an export re-saved by LibreOffice imports back unchanged."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from forms.definitions import FORMS
from forms.excel import export_records, plan_import, run_import, write_error_report, write_template
from tests.conftest import cohort_values, internship_values
from tests.forms.excel_files import internship_row, write_xlsx

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(SOFFICE is None, reason="LibreOffice n'est pas installé")]


def convert(files: list[Path], to: str, out: Path) -> list[Path]:
    profile = out / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", to,
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=180)
    return [out / f"{f.stem}.{to.split(':')[0]}" for f in files]


def test_workbooks_open_in_libreoffice_and_round_trip(store, offering_id, tmp_path) -> None:
    cohort, _ = store.save("cohort", cohort_values(offering_id))
    store.save("internship", internship_values(offering_id, cohort.id, last_name="=1+1"))
    files = []
    for form_key in FORMS:
        files.append(tmp_path / f"modele-{form_key}.xlsx")
        write_template(form_key, files[-1])
    export = tmp_path / "export-internship.xlsx"
    export_records(store, "internship", export)
    bad = write_xlsx(tmp_path / "stages.xlsx", "internship", [internship_row(gender="Autre")])
    report = write_error_report(plan_import(store, "internship", bad), tmp_path / "rapport.xlsx")
    files += [export, report]

    out = tmp_path / "lo"
    out.mkdir()
    csvs = convert(files, "csv", out)
    templates = len(FORMS)  # one template per declared form, then the export and the error report
    for path, form_key in zip(csvs[:templates], FORMS, strict=True):
        header = path.read_bytes().decode("latin-1").splitlines()[0]
        assert f"[{FORMS[form_key].fields[0].key}]" in header
    exported = csvs[templates].read_bytes().decode("latin-1")
    assert "=1+1" in exported and "MS-CYBER" in exported  # text stayed text, links by code

    resaved = convert([export], "xlsx:Calc MS Excel 2007 XML", out / "xlsx")[0]
    plan = run_import(store, "internship", resaved)
    assert plan.ok and plan.unchanged == 1 and plan.created == 0, plan.lines()

    template = convert([files[2]], "xlsx:Calc MS Excel 2007 XML", out / "tpl")[0]
    ws = load_workbook(template).worksheets[0]  # (a headless conversion drops view settings: frozen panes)
    assert ws["A1"].value == f"{FORMS['internship'].fields[0].label.fr} [student_code]"
    assert any(dv.type == "list" for dv in ws.data_validations.dataValidation)
