"""The committee's workbook over a real national store: three establishments with their own data folders
and keys, two months of real bundles (multi-domain offerings, two academic years, deletions), consolidated
on SQLite and PostgreSQL; the workbook read back with openpyxl and every headline figure compared with the
same figure computed here, independently, from the records the establishments hold."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
from datetime import date
from typing import Any

import openpyxl
import pytest

from forms.schema import PSEUDONYM_PATTERN
from forms.tasks import Cancelled, TaskState
from sync.errors import SyncError
from sync.ministry.consolidation import consolidate
from sync.ministry.indicators import INDICATORS, profiles
from sync.ministry.report import write_report
from sync.pseudonym import dump_key, install_key, new_key
from tests.conftest import OFFERING, cohort_values, internship_values
from tests.sync.ministry.conftest import national_rows

YEAR = "2025-2026"
LABELS = {ind.key: ind.label.fr for ind in INDICATORS}


def _offering(code: str, **changes: Any) -> dict[str, Any]:
    return {**OFFERING, "code": code, **changes}


def _internship(offering: str, code: str, **changes: Any) -> dict[str, Any]:
    return internship_values(offering, None, student_code=code, **changes)


def _month_one(schools) -> dict[str, Any]:
    """Records at the three establishments (two academic years, multi-domain offerings, one abroad)."""
    ids: dict[str, Any] = {}
    ecc = schools["ECC"].records()
    o1, _ = ecc.save("offering", _offering("MS-CYBER"))  # CYBER + CLOUD, initial, 30 places, since 2024-2025
    o2, _ = ecc.save("offering", _offering("ING-DATA", domains=["DATA"], training_type="ALTERNANCE",
                                           level="INGENIEUR", capacity=40, first_academic_year="2025-2026",
                                           industry_partnered=False, partner_name=None,
                                           accreditation_status="PENDING", accreditation_date=None))
    ecc.save("cohort", cohort_values(o1.id, academic_year="2024-2025", year_of_study=1, final_year=False,
                                     enrolled=28, women=12, men=16, work_study=3, scholarship=9, foreign=1,
                                     graduates=None, dropouts=1, employed_6m=None))
    ecc.save("cohort", cohort_values(o1.id, year_of_study=1, final_year=False, enrolled=30, women=15, men=15,
                                     graduates=None, dropouts=0, employed_6m=None))
    final, _ = ecc.save("cohort", cohort_values(o1.id))  # 2025-2026, 2nd year: 27 graduates, 20 employed
    ecc.save("cohort", cohort_values(o2.id, year_of_study=1, final_year=False, enrolled=35, women=20, men=15,
                                     work_study=35, scholarship=None, foreign=None, graduates=None, dropouts=2,
                                     employed_6m=None))
    ecc.save("internship", _internship(o1.id, "R100000001", monthly_stipend="3000", outcome="COMPLETED",
                                       hired="YES", final_mark="16"))
    ecc.save("internship", _internship(o2.id, "R100000001", gender="F", internship_type="APPLICATION",
                                       domain="DATA", start_date="2025-10-01", end_date="2025-12-31",
                                       monthly_stipend=None, outcome="COMPLETED", hired="NO"))
    ecc.save("internship", _internship(o1.id, "R100000002", gender="M", domain="CLOUD", host_region=None,
                                       host_country="France", host_city="Lyon", host_sector="Conseil",
                                       start_date="2026-02-15", end_date="2026-08-01", monthly_stipend="5000"))
    ecc.save("internship", _internship(o1.id, "R100000003", gender="M", internship_type="INITIATION",
                                       start_date="2025-03-01", end_date="2025-04-01", monthly_stipend=None,
                                       outcome="ABANDONED", hired="NO"))  # 2024-2025
    gone, _ = ecc.save("internship", _internship(o1.id, "R100000004", start_date="2025-11-03",
                                                 end_date="2026-01-30", monthly_stipend="9000"))
    ids["ecc_final"], ids["ecc_gone"] = final.id, gone.id

    esith = schools["ESITH"].records()
    o3, _ = esith.save("offering", _offering("CERT-TEST", domains=["TESTING"], training_type="CONTINUING",
                                             level="CERTIF", duration=120, duration_unit="HOURS", capacity=20,
                                             first_academic_year="2023-2024", industry_partnered=False,
                                             partner_name=None, accreditation_status="NOT_REQUIRED",
                                             accreditation_date=None, region="03"))
    esith.save("cohort", cohort_values(o3.id, year_of_study=1, enrolled=18, women=9, men=9, work_study=None,
                                       scholarship=2, foreign=0, graduates=15, dropouts=3, employed_6m=10))
    esith.save("internship", _internship(o3.id, "R200000001", internship_type="IMMERSION", domain="TESTING",
                                         host_sector="Industrie", host_region="03", host_city="Fès",
                                         start_date="2025-11-01", end_date="2025-11-30", monthly_stipend="1000",
                                         outcome="COMPLETED", hired="YES"))

    iscae = schools["ISCAE"].records()
    o4, _ = iscae.save("offering", _offering("LIC-IA", domains=["AI", "DATA"], level="LICENCE", capacity=25,
                                             first_academic_year="2025-2026"))
    o5, _ = iscae.save("offering", _offering("OLD", domains=["DEVOPS"], capacity=99))
    iscae.save("cohort", cohort_values(o4.id, year_of_study=1, final_year=False, enrolled=22, women=12, men=10,
                                       graduates=None, dropouts=None, employed_6m=None))
    iscae.save("internship", _internship(o4.id, "R300000001", domain="AI", start_date="2026-03-02",
                                         end_date="2026-06-30", monthly_stipend="2500", outcome="COMPLETED",
                                         hired="UNKNOWN"))
    iscae.save("internship", _internship(o4.id, "R300000002", gender="M", domain="AI", start_date="2026-03-02",
                                         end_date="2026-05-29", monthly_stipend="0", outcome="ABANDONED",
                                         hired="NO", host_sector="banque "))
    ids["iscae_old"] = o5.id
    return ids


def _month_two(schools, ids: dict[str, Any]) -> None:
    """Changes after the first consolidation: a deleted internship and offering, a corrected cohort."""
    schools["ECC"].records().delete("internship", [ids["ecc_gone"]])
    schools["ECC"].edit("cohort", ids["ecc_final"], employed_6m=22)
    schools["ISCAE"].records().delete("offering", [ids["iscae_old"]])


@pytest.fixture
def national(ministry, schools, identities, tmp_path):
    key = dump_key(new_key())  # one programme key: the student codes arrive as pseudonyms
    for school in schools.values():
        install_key(school.ws, key, "clé du programme")
    ids = _month_one(schools)
    for school in schools.values():
        school.export()
    first = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"])
    assert [o.state for o in first.outcomes] == ["applied"] * 3 and not first.failed
    _month_two(schools, ids)
    for code in ("ECC", "ISCAE"):
        schools[code].export()
    second = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"])
    assert sorted(o.state for o in second.outcomes) == ["applied", "applied", "duplicate", "duplicate",
                                                        "duplicate"] and not second.failed
    codes = {row["student_code"] for row in national_rows(ministry, "internship").values()}
    assert codes and all(re.fullmatch(PSEUDONYM_PATTERN, c) for c in codes)
    return ministry


# ------------------------------------------------------------------------------ independent figures
def _live(schools, form: str) -> list[dict[str, Any]]:
    return [{**r.values, "id": r.id, "_school": code} for code, s in schools.items() for r in s.records().list(form)]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def expected_figures(schools, year: str) -> dict[str, Any]:
    start = date(int(year[:4]), 9, 1)
    end = date(int(year[:4]) + 1, 9, 1)
    offerings = [o for o in _live(schools, "offering") if o["first_academic_year"] <= year]
    capacity = {(o["_school"], o["id"]): o["capacity"] for o in _live(schools, "offering")}
    cohorts = [c for c in _live(schools, "cohort") if c["academic_year"] == year]
    stages = [i for i in _live(schools, "internship") if start <= i["start_date"] < end]

    def total(rows, key, known=None):
        return sum(r[key] or 0 for r in rows if known is None or r[known] is not None)
    first = [c for c in cohorts if c["year_of_study"] == 1]
    followed = [c for c in cohorts if c["employed_6m"] is not None and c["graduates"] is not None]
    months = [(i["end_date"] - i["start_date"]).days / 30.4375 for i in stages]
    paid = [float(i["monthly_stipend"]) for i in stages if i["monthly_stipend"] and i["monthly_stipend"] > 0]
    completed = [i for i in stages if i["outcome"] == "COMPLETED"]
    ended = [i for i in stages if i["outcome"] in ("COMPLETED", "ABANDONED")]
    known = [i for i in completed if i["hired"] in ("YES", "NO")]
    abroad = [i for i in stages if (i["host_country"] or "").strip().lower() not in ("", "maroc", "morocco", "ma")]
    return {
        "offerings": len(offerings),
        "places": sum(o["capacity"] for o in offerings),
        "co_constructed_share": _ratio(sum(1 for o in offerings if o["industry_partnered"]), len(offerings)),
        "accredited_share": _ratio(sum(1 for o in offerings if o["accreditation_status"] == "ACCREDITED"),
                                   len(offerings)),
        "enrolled": total(cohorts, "enrolled"),
        "women_share": _ratio(total(cohorts, "women"), total(cohorts, "enrolled")),
        "work_study_share": _ratio(total(cohorts, "work_study"), total(cohorts, "enrolled", "work_study")),
        "scholarship_share": _ratio(total(cohorts, "scholarship"), total(cohorts, "enrolled", "scholarship")),
        "foreign_share": _ratio(total(cohorts, "foreign"), total(cohorts, "enrolled", "foreign")),
        "fill_rate": _ratio(total(first, "enrolled"), sum(capacity[(c["_school"], c["offering"])] for c in first)),
        "graduates": total(cohorts, "graduates"),
        "dropout_rate": _ratio(total(cohorts, "dropouts"), total(cohorts, "enrolled", "dropouts")),
        "insertion_rate": _ratio(total(followed, "employed_6m"), total(followed, "graduates")),
        "internships": len(stages),
        "students": len({i["student_code"] for i in stages}),
        "internship_women_share": _ratio(sum(1 for i in stages if i["gender"] == "F"), len(stages)),
        "abroad_share": _ratio(len(abroad), len(stages)),
        "median_months": statistics.median(months) if months else None,
        "paid_share": _ratio(len(paid), len(stages)),
        "median_stipend": statistics.median(paid) if paid else None,
        "completion_rate": _ratio(len(completed), len(ended)),
        "hired_share": _ratio(sum(1 for i in known if i["hired"] == "YES"), len(known)),
    }


# ------------------------------------------------------------------------------ reading the workbook
def _pairs(ws, title: str) -> dict[str, Any]:
    """label → value of the two-column table under ``title`` in column A."""
    rows = [r for r in ws.iter_rows(min_col=1, max_col=2)]
    start = next(i for i, r in enumerate(rows) if r[0].value == title) + 2
    out = {}
    for r in rows[start:]:
        if r[0].value is None:
            break
        out[r[0].value] = r[1]
    return out


def _table(ws, title: str, col: int = 1) -> tuple[list[str], dict[str, list[Any]], int]:
    """(headers, label → row of cells, header row) of the table under ``title`` in column ``col``."""
    for row in ws.iter_rows(min_col=col, max_col=col):
        if row[0].value == title:
            header = row[0].row + 1
            break
    else:
        raise AssertionError(f"{title} absent de {ws.title}")
    headers = [c.value for c in ws[header][col - 1:] if c.value is not None]
    out = {}
    r = header + 1
    while ws.cell(r, col).value is not None:
        out[ws.cell(r, col).value] = [ws.cell(r, col + j) for j in range(len(headers))]
        r += 1
    return headers, out, header


def _cells(wb) -> list[Any]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def _check_charts(wb) -> int:
    """Every chart's series point at cells of its own sheet: a text header, numbers (or empty), and as many
    category labels as values. Returns the number of charts."""
    from openpyxl.utils.cell import range_boundaries

    count = 0
    for ws in wb.worksheets:
        for chart in ws._charts:
            count += 1
            for series in chart.series:
                sheet, _, cells = series.val.numRef.f.rpartition("!")
                assert sheet.strip("'") == ws.title
                c1, r1, c2, r2 = range_boundaries(cells.replace("$", ""))
                assert c1 == c2
                values = [ws.cell(r, c1).value for r in range(r1, r2 + 1)]
                assert all(v is None or isinstance(v, int | float) for v in values), values
                title_ref = series.tx.strRef.f.rpartition("!")[2].replace("$", "")
                assert isinstance(ws[title_ref].value, str) and ws[title_ref].row == r1 - 1
                cat = series.cat.strRef.f if series.cat.strRef is not None else series.cat.numRef.f
                k1, s1, k2, s2 = range_boundaries(cat.rpartition("!")[2].replace("$", ""))
                assert (s1, s2) == (r1, r2) and k1 == k2
                assert all(isinstance(ws.cell(r, k1).value, str) for r in range(s1, s2 + 1))
    return count


# ------------------------------------------------------------------------------ the tests
def test_headline_figures_match_the_records(national, schools, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    result = write_report(national, out, year=YEAR)
    assert result.year == YEAR and result.covered == 3 and result.expected >= 17
    wb = openpyxl.load_workbook(out)
    summary = wb[result.sheets[0]]
    shown = _pairs(summary, "Indicateurs clés")
    expected = expected_figures(schools, YEAR)
    for key, value in expected.items():
        cell = shown[LABELS[key]]
        if value is None:
            assert cell.value is None, key
        else:
            assert isinstance(cell.value, int | float), (key, cell.value)
            assert cell.value == pytest.approx(value, rel=1e-9), key
            assert cell.number_format != "General"
    # Sanity of the fixture itself: the figures are not trivial.
    assert expected["offerings"] == 4 and expected["places"] == 30 + 40 + 20 + 25
    assert expected["internships"] == 6 and expected["students"] == 5
    facts = _pairs(summary, "Indicateur")
    assert facts["Établissements ayant transmis des données"].value == 3
    assert facts["Couverture"].value == pytest.approx(3 / result.expected)

    # The other year, and the default year (the latest with records).
    other = write_report(national, tmp_path / "2024.xlsx", year="2024-2025")
    shown = _pairs(openpyxl.load_workbook(tmp_path / "2024.xlsx")[other.sheets[0]], "Indicateurs clés")
    for key, value in expected_figures(schools, "2024-2025").items():
        assert shown[LABELS[key]].value == (pytest.approx(value) if value is not None else None), key
    assert write_report(national, tmp_path / "d.xlsx").year == YEAR

    # Offerings by domain: a multi-domain offering in each of its domains, once in the total.
    offers = wb["Offres de formation"]
    headers, rows, _ = _table(offers, "Par : Domaine(s)")
    places = headers.index("Places")
    assert rows["Cybersécurité"][places].value == 30 and rows["Cloud"][places].value == 30
    assert rows["Data"][places].value == 40 + 25 and rows["Intelligence artificielle"][places].value == 25
    assert rows["DevOps"][places].value == 0  # the deleted offering is gone
    assert rows["Total (chaque enregistrement une fois)"][places].value == 115
    assert sum(r[places].value for k, r in rows.items() if not k.startswith("Total")) == 30 * 2 + 65 + 25 + 20
    # Domain × training type: places of initial training in Data = ISCAE's licence (25).
    headers, rows, _ = _table(offers, "Places — Domaine(s) × Type de formation")
    assert rows["Data"][headers.index("Formation initiale")].value == 25
    assert rows["Data"][headers.index("Formation initiale en alternance")].value == 40
    assert rows["Total (chaque enregistrement une fois)"][headers.index("Formation initiale")].value == 55

    # Internships by type and by the establishment's supervising ministry (one grouped query, added up).
    stages = wb["Stages"]
    records = [i for i in _live(schools, "internship") if date(2025, 9, 1) <= i["start_date"] < date(2026, 9, 1)]
    headers, rows, _ = _table(stages, "Par : Type de stage")
    count = headers.index("Stages")
    assert rows["Projet de fin d'études (PFE)"][count].value == sum(1 for i in records if i["internship_type"] == "PFE")
    assert rows["Immersion professionnelle"][count].value == 1 and rows["Stage d'initiation / découverte"][count].value == 0
    headers, rows, _ = _table(stages, "Par : Ministère de tutelle")
    assert rows["Ministère de l'Industrie et du Commerce"][count].value == len(records)
    headers, rows, _ = _table(stages, "Par : Secteur d'activité (les 20 plus fréquents)")
    assert rows["Banque"][headers.index("Stages")].value == sum(
        1 for i in records if (i["host_sector"] or "").strip().lower() == "banque")

    # Trends: both years present, internships of each year.
    trends = wb["Évolution"]
    headers, rows, _ = _table(trends, "Indicateurs clés")
    assert rows[LABELS["internships"]][headers.index(YEAR)].value == 6
    assert rows[LABELS["internships"]][headers.index("2024-2025")].value == 1

    # Charts: present, each pointing at the right cells.
    declared = sum(len(p.summary) for p in profiles())  # each profile's summary charts, then two by year
    assert declared >= 3 and len(summary._charts) == declared + 2
    assert _check_charts(wb) >= declared + 2 + 3 + 2
    chart = summary._charts[0]
    headers, rows, header_row = _table(summary, "Places par domaine", col=4)
    assert chart.series[0].val.numRef.f == f"'{summary.title}'!$E${header_row + 1}:$E${header_row + 7}"
    assert summary.cell(header_row + 1, 4).value == "Cybersécurité"

    # Completeness: every establishment of the list, enrolled or not; the deleted records not counted.
    complete = wb["Complétude"]
    top = next(r for r in range(1, 10) if complete.cell(r, 1).value == "Code")
    codes = [complete.cell(r, 1).value for r in range(top + 1, complete.max_row + 1)]
    assert {"ECC", "ESITH", "ISCAE", "UM5", "UAQ"} <= set(codes)
    header = [c.value for c in complete[top]]
    ecc = top + 1 + codes.index("ECC")
    assert complete.cell(ecc, header.index("Stages") + 1).value == 4  # 5 sent, 1 deleted later
    assert complete.cell(ecc, header.index("Dernier lot (n°)") + 1).value == 2
    # A sheet per region and per establishment with data.
    assert {"ECC", "ESITH", "ISCAE"} <= set(wb.sheetnames)
    assert any(name.startswith("06 ") for name in wb.sheetnames)
    est = _pairs(wb["ESITH"], "Indicateurs clés")
    assert est[LABELS["enrolled"]].value == 18 and est[LABELS["insertion_rate"]].value == pytest.approx(10 / 15)


def test_no_personal_value_anywhere(national, schools, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    write_report(national, out, year=YEAR)
    personal: set[str] = set()
    for form in ("internship", "offering"):
        for row in _live(schools, form):
            for key in ("student_code", "last_name", "first_name", "tutor_name", "tutor_email", "supervisor",
                        "contact_email", "partner_name", "host_name", "host_ice"):  # raw codes too
                if row.get(key):
                    personal.add(str(row[key]).strip().casefold())
    assert personal
    personal |= {row["student_code"] for row in national_rows(national, "internship").values()}  # pseudonyms
    for value in _cells(openpyxl.load_workbook(out)):
        text = str(value).casefold()
        assert "@" not in text, value
        assert not text.startswith("p1-"), value
        assert not any(p in text for p in personal), value


def test_layout_arabic_right_to_left_frozen_landscape(national, tmp_path) -> None:
    for lang in ("ar", "fr"):
        out = tmp_path / f"rapport-{lang}.xlsx"
        result = write_report(national, out, year=YEAR, lang=lang)
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == result.sheets
        for ws in wb.worksheets:
            assert bool(ws.sheet_view.rightToLeft) == (lang == "ar"), ws.title
            assert ws.freeze_panes, ws.title
            assert ws.page_setup.orientation == "landscape", ws.title
    wb = openpyxl.load_workbook(tmp_path / "rapport-ar.xlsx")
    assert wb.sheetnames[0] == "الملخص"
    shown = _pairs(wb["الملخص"], "المؤشرات الرئيسية")
    ar = {ind.key: ind.label.ar for ind in INDICATORS}
    assert shown[ar["internships"]].value == 6
    assert any(v == "الأمن السيبراني" for v in _cells(wb))


def test_opens_in_libreoffice(national, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    write_report(national, out, year=YEAR, lang="ar")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        reason = "LibreOffice (soffice) absent : conversion en PDF non vérifiée"
        print(f"\n*** {reason}")
        pytest.skip(reason)
    profile = tmp_path / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "rapport.pdf"
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000


def test_cancel_writes_nothing_and_a_bad_year_is_refused(national, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    steps: list[str] = []
    state = TaskState(lambda done, total, text: steps.append(text))

    def cancel_on_third(done: int, total: int, text: str) -> None:
        steps.append(text)
        if len(steps) == 3:
            state.cancel()
    state._on_progress = cancel_on_third
    with pytest.raises(Cancelled):
        write_report(national, out, year=YEAR, state=state)
    assert not out.exists() and len(steps) == 3
    with pytest.raises(SyncError, match="2025-2026"):
        write_report(national, out, year="2025-2027")
    assert not out.exists()


def test_command_line(national, tmp_path, capsys) -> None:
    from tests.e2e.test_cli import run

    out = tmp_path / "cli.xlsx"
    code, stdout, err = run(capsys, "--data-dir", str(national.root), "ministry", "report", str(out),
                            "--year", YEAR, "--lang", "en")
    assert code == 0, err
    assert "3" in stdout and out.exists()
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"
    code, _, err = run(capsys, "--data-dir", str(national.root), "ministry", "report", str(out), "--year", "2025")
    assert code == 1 and "2025-2026" in err
