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
    ok("programme-key", "create", str(tmp_path / "programme.key"))
    folders = {}
    for code in ("ECC", "ESITH"):
        data = tmp_path / code
        folders[code] = data
        ok("--data-dir", str(data), "init", "--role", "establishment", "--establishment", code)
        ok("--data-dir", str(data), "recipients", "add", str(tmp_path / "mic.pub.json"), "--yes")
        ok("--data-dir", str(data), "programme-key", "import", str(tmp_path / "programme.key"), "--yes")
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
    assert by_code["ECC"]["records"] == {"offering": 1, "cohort": 1, "internship": 1, "rd_project": 0, "ce_session": 0}
    assert by_code["UM5"]["late"] and not by_code["UM5"]["enrolled"]
    assert status[0]["late"] and not status[-1]["late"]  # late ones first

    records = json.loads(ok("--data-dir", str(mic), "ministry", "records", "internship", "--json"))
    assert sorted(r["establishment"] for r in records) == ["ECC", "ESITH"]
    # Pseudonymised student codes (the programme key is the establishments'), no withheld field.
    assert all(r["student_code"].startswith("p1-") for r in records) and "last_name" not in records[0]
    assert len({r["student_code"] for r in records}) == 2
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


CSV = """code,label_fr,label_ar,label_en,city,region,supervising_ministry
ENSAK,École Nationale des Sciences Appliquées de Kénitra,المدرسة الوطنية للعلوم التطبيقية بالقنيطرة,ENSA Kenitra,Kénitra,04,MESRSI
ECC,École Centrale Casablanca,المدرسة المركزية الدار البيضاء,École Centrale Casablanca,Bouskoura,06,MIC
"""


@pytest.mark.slow
def test_a_new_school_from_the_ministrys_list_to_its_first_bundle(tmp_path: Path) -> None:
    mic = tmp_path / "mic"
    ok("--data-dir", str(mic), "init", "--role", "ministry", "--ministry", "MIC")
    ok("--data-dir", str(mic), "ministry", "public-key", str(tmp_path / "mic.pub.json"))
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace(",04,", ",99,").replace("MIC\n", "XYZ\n"), encoding="utf-8")
    refused = kafaat("--data-dir", str(mic), "ministry", "establishments", "import", str(bad), env=ENV)
    assert refused.returncode == 1 and "région « 99 »" in refused.stderr and "XYZ" in refused.stderr
    good = tmp_path / "list.csv"
    good.write_text(CSV, encoding="utf-8")
    out = ok("--data-dir", str(mic), "ministry", "establishments", "import", str(good))
    assert "1 établissement ajouté, 1 corrigé" in out
    ok("--data-dir", str(mic), "ministry", "reference-update", str(tmp_path / "ref1.json"))
    ok("--data-dir", str(mic), "ministry", "reference-update", str(tmp_path / "ref2.json"))

    school = tmp_path / "ensak"
    refused = kafaat("--data-dir", str(school), "init", "--role", "establishment", "--establishment", "ENSAK",
                     env=ENV)
    assert refused.returncode == 1 and "établissement inconnu" in refused.stderr
    ok("--data-dir", str(school), "reference", "import", str(tmp_path / "ref2.json"), "--ministry-key",
       str(tmp_path / "mic.pub.json"), "--yes")
    older = kafaat("--data-dir", str(school), "reference", "import", str(tmp_path / "ref1.json"), "--ministry-key",
                   str(tmp_path / "mic.pub.json"), "--yes", env=ENV)
    assert older.returncode == 1 and "plus ancienne" in older.stderr
    assert "ENSAK" in ok("--data-dir", str(school), "init", "--role", "establishment", "--establishment", "ENSAK")
    ok("--data-dir", str(school), "recipients", "add", str(tmp_path / "mic.pub.json"), "--yes")
    ok("--data-dir", str(school), "keys", "enrollment-request", str(tmp_path / "ensak.req.json"))
    ok("--data-dir", str(mic), "ministry", "enroll", str(tmp_path / "ensak.req.json"), "--yes")
    offering = ok("--data-dir", str(school), "records", "add", "offering", "--json",
                  json.dumps({**OFFERING, "code": "ENSAK-1"})).strip()
    assert offering
    ok("--data-dir", str(school), "bundle", "export", str(tmp_path / "usb"))
    report = json.loads(ok("--data-dir", str(mic), "ministry", "consolidate", str(tmp_path / "usb"), "--json"))
    assert [(b["establishment"], b["state"]) for b in report["bundles"]] == [("ENSAK", "applied")]
    status = {s["establishment"]: s for s in json.loads(ok("--data-dir", str(mic), "ministry", "status", "--json"))}
    assert status["ENSAK"]["enrolled"] and status["ENSAK"]["records"]["offering"] == 1
    assert status["ENSAK"]["region"] and not status["ENSAK"]["late"]

    # Key rotation through the command line: the chain goes on.
    ok("--data-dir", str(school), "keys", "rotate", str(tmp_path / "rotation.json"))
    assert "rotation de clé appliquée" in ok("--data-dir", str(mic), "ministry", "enroll",
                                             str(tmp_path / "rotation.json"))
    ok("--data-dir", str(school), "records", "add", "offering", "--json", json.dumps({**OFFERING, "code": "ENSAK-2"}))
    ok("--data-dir", str(school), "bundle", "export", str(tmp_path / "usb2"))
    report = json.loads(ok("--data-dir", str(mic), "ministry", "consolidate", str(tmp_path / "usb2"), "--json"))
    assert [(b["sequence"], b["state"]) for b in report["bundles"]] == [(2, "applied")]
    keys = json.loads(ok("--data-dir", str(mic), "ministry", "enrolled", "--json"))
    assert sorted(k["state"] for k in keys if k["code"] == "ENSAK") == ["active", "rotated"]
