"""The ministry's command line end to end, in fresh processes: two establishments and a ministry, each in
its own data folder with its own keys; enrolment, bundles, consolidation, receipts back to the
establishments, status, the national extract (JSON and Excel)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import OFFERING, cohort_values, internship_values
from tests.e2e.test_cli import kafaat

ENV = {"KAFAAT_PASSPHRASE": "une phrase de passe assez longue"}


def ok(*args: str) -> str:
    result = kafaat(*args, env=ENV)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_two_establishments_to_the_national_extract(tmp_path: Path) -> None:
    mic = tmp_path / "mic"
    ok("--data-dir", str(mic), "init", "--role", "ministry", "--ministry", "MIC")
    assert (mic / "national.db").exists()
    ok("--data-dir", str(mic), "ministry", "public-key", str(tmp_path / "mic.pub.json"))
    inbox = tmp_path / "usb"
    folders = {}
    for code in ("ECC", "ESITH"):
        data = tmp_path / code
        folders[code] = data
        ok("--data-dir", str(data), "init", "--role", "establishment", "--establishment", code)
        ok("--data-dir", str(data), "recipients", "add", str(tmp_path / "mic.pub.json"), "--yes")
        ok("--data-dir", str(data), "keys", "enrollment-request", str(tmp_path / f"{code}.req.json"))
        ok("--data-dir", str(mic), "ministry", "enroll", str(tmp_path / f"{code}.req.json"), "--yes")
        offering = ok("--data-dir", str(data), "records", "add", "offering", "--json",
                      json.dumps({**OFFERING, "code": f"MS-{code}"})).strip()
        cohort = ok("--data-dir", str(data), "records", "add", "cohort", "--json",
                    json.dumps(cohort_values(offering))).strip()
        ok("--data-dir", str(data), "records", "add", "internship", "--json",
           json.dumps(internship_values(offering, cohort, student_code=f"R{code[:3]}000001")))
        ok("--data-dir", str(data), "bundle", "export", str(inbox))

    enrolled = json.loads(ok("--data-dir", str(mic), "ministry", "enrolled", "--json"))
    assert [(k["code"], k["state"]) for k in enrolled] == [("ECC", "active"), ("ESITH", "active")]

    receipts = tmp_path / "receipts"
    report = json.loads(ok("--data-dir", str(mic), "ministry", "consolidate", str(inbox), "--receipts",
                           str(receipts), "--json"))
    assert [(b["establishment"], b["state"], b["records"]) for b in report["bundles"]] == [
        ("ECC", "applied", 3), ("ESITH", "applied", 3)]
    assert report["summary"]["applied"] == 2 and report["summary"]["records_refused"] == 0
    # A second run over the same inbox: duplicates, exit 0.
    again = kafaat("--data-dir", str(mic), "ministry", "consolidate", str(inbox), env=ENV)
    assert again.returncode == 0 and again.stdout.count("déjà consolidé") == 2

    # The receipts go back: each establishment marks its bundle acknowledged.
    for code, data in folders.items():
        ok("--data-dir", str(data), "receipt", "import", str(receipts / f"accuse-MIC-{code}-1.json"))
        outbox = json.loads(ok("--data-dir", str(data), "bundle", "outbox", "--json"))
        assert [e["state"] for e in outbox["bundles"]] == ["acknowledged"]
    ok("--data-dir", str(mic), "ministry", "receipt", "ECC", "1", str(tmp_path / "again.json"))
    ok("--data-dir", str(folders["ECC"]), "receipt", "import", str(tmp_path / "again.json"))

    status = json.loads(ok("--data-dir", str(mic), "ministry", "status", "--json"))
    by_code = {s["establishment"]: s for s in status}
    assert by_code["ECC"]["last_sequence"] == 1 and not by_code["ECC"]["late"] and by_code["ECC"]["enrolled"]
    assert by_code["ECC"]["records"] == {"offering": 1, "cohort": 1, "internship": 1}
    assert by_code["UM5"]["late"] and not by_code["UM5"]["enrolled"]
    assert status[0]["late"] and not status[-1]["late"]  # late ones first

    records = json.loads(ok("--data-dir", str(mic), "ministry", "records", "internship", "--json"))
    assert sorted(r["establishment"] for r in records) == ["ECC", "ESITH"]
    assert records[0]["student_code"].startswith("R") and "last_name" not in records[0]
    only = json.loads(ok("--data-dir", str(mic), "ministry", "records", "offering", "--establishment", "ESITH",
                         "--json"))
    assert [r["code"] for r in only] == ["MS-ESITH"]

    out = tmp_path / "national.xlsx"
    ok("--data-dir", str(mic), "ministry", "export-xlsx", "internship", str(out))
    from openpyxl import load_workbook

    sheet = load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].endswith("[establishment]") and rows[0][1].endswith("[establishment_name]")
    assert sorted(r[0] for r in rows[1:]) == ["ECC", "ESITH"]
    header = list(rows[0])
    offering_col = next(i for i, h in enumerate(header) if h.endswith("[offering]"))
    assert sorted(r[offering_col] for r in rows[1:]) == ["MS-ECC", "MS-ESITH"]  # links by natural key


def test_init_refuses_a_password_in_the_url(tmp_path: Path) -> None:
    result = kafaat("--data-dir", str(tmp_path / "m"), "init", "--role", "ministry", "--ministry", "MIC",
                    "--db", "postgresql+psycopg://kafaat:secret@localhost/kafaat", env=ENV)
    assert result.returncode == 1 and "PGPASSWORD" in result.stderr
    assert not (tmp_path / "m" / "settings.json").exists()
