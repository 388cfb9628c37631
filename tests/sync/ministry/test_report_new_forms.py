"""The committee's workbook for the two forms added later (applied R&D projects, continuing-education
sessions), over real bundles consolidated on SQLite and PostgreSQL: every new headline figure, the tables
by domain and by partner type and the R&D team by gender, each compared with the same figure computed here
in plain Python from the records the establishments hold (not from the national store, not with the code
under test). ``ministry status`` counts the new forms' records too."""

from __future__ import annotations

from datetime import date
from typing import Any

import openpyxl
import pytest

from sync.ministry.consolidation import consolidate
from sync.ministry.indicators import INDICATORS
from sync.ministry.report import write_report
from sync.ministry.status import establishments_status
from tests.conftest import CE_OFFERING, OFFERING, ce_session_values, rd_project_values
from tests.sync.ministry.test_report import _pairs, _table

YEAR = "2025-2026"
LABELS = {ind.key: ind.label.fr for ind in INDICATORS}
TOTAL = "Total (chaque enregistrement une fois)"
NO_PARTNER = {"partners": None, "partner_ices": None, "partner_type": None, "partner_contribution": None}


def _month_one(schools) -> dict[str, Any]:
    ids: dict[str, Any] = {}
    ecc = schools["ECC"].records()
    o1, _ = ecc.save("offering", {**OFFERING, "code": "MS-CYBER"})
    ce1, _ = ecc.save("offering", {**CE_OFFERING, "code": "FC-IA"})
    # R&D: one over three academic years (2024-2025 → 2026-2027), one within 2025-2026 without a partner, one
    # ended before the year, one deleted next month.
    ecc.save("rd_project", rd_project_values(o1.id))
    ecc.save("rd_project", rd_project_values(None, code="RD-DATA", domains=["DATA"], start_date="2025-09-01",
                                             end_date="2026-06-30", budget_total="80000", researchers=2,
                                             doctoral_students=0, master_students=1, team_women=1, publications=1,
                                             patents=0, prototypes=0, startups=0, funding_sources=["OWN_FUNDS"],
                                             **NO_PARTNER))
    ecc.save("rd_project", rd_project_values(None, code="RD-OLD", start_date="2022-01-10", end_date="2024-06-30",
                                             project_status="COMPLETED", budget_total="500000",
                                             partner_contribution="100000", startups=1))
    gone, _ = ecc.save("rd_project", rd_project_values(None, code="RD-GONE", domains=["CLOUD"],
                                                       partner_type="SME", start_date="2025-10-01",
                                                       end_date="2026-03-31", budget_total="90000",
                                                       partner_contribution="90000"))
    ids["gone"] = gone.id
    s1, _ = ecc.save("ce_session", ce_session_values(ce1.id))  # AI, 2025-10-06, 24 (10 women), 22 done, 20 cert.
    ecc.save("ce_session", ce_session_values(ce1.id, code="FC-IA-2026-1", domain="DATA", start_date="2026-02-02",
                                             end_date="2026-04-24", enrolled=15, women=9, men=6, completed=None,
                                             certified=None, satisfaction=None))
    ecc.save("ce_session", ce_session_values(ce1.id, code="FC-IA-2024-1", start_date="2024-11-04",
                                             end_date="2025-01-31", enrolled=12, women=5, men=7, completed=12,
                                             certified=11))  # 2024-2025
    ids["s1"] = s1.id

    esith = schools["ESITH"].records()
    ce2, _ = esith.save("offering", {**CE_OFFERING, "code": "FC-CYBER", "domains": ["CYBER"], "region": "03"})
    esith.save("ce_session", ce_session_values(ce2.id, code="FC-CY-1", domain="CYBER", start_date="2025-11-03",
                                               end_date="2026-01-30", enrolled=30, women=12, men=18, completed=25,
                                               certified=None, satisfaction="70", delivery_mode="ONSITE",
                                               city="Fès"))
    esith.save("rd_project", rd_project_values(None, code="RD-TEST", domains=["TESTING", "CYBER"],
                                               partner_type="SME", partners="Atlas QA", partner_ices=None,
                                               start_date="2026-01-05", end_date="2027-12-31",
                                               budget_total="300000", partner_contribution="300000",
                                               funding_sources=["PARTNER"], researchers=1, doctoral_students=2,
                                               master_students=0, team_women=2, publications=0, patents=0,
                                               prototypes=2, startups=1))
    return ids


def _month_two(schools, ids: dict[str, Any]) -> None:
    schools["ECC"].records().delete("rd_project", [ids["gone"]])
    schools["ECC"].edit("ce_session", ids["s1"], completed=23, certified=21)


@pytest.fixture
def national(ministry, schools, identities, tmp_path):
    ids = _month_one(schools)
    for school in schools.values():
        school.export()
    first = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"])
    assert [o.state for o in first.outcomes] == ["applied"] * 3 and not first.failed, first.outcomes
    _month_two(schools, ids)
    schools["ECC"].export()
    second = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"])
    assert sorted(o.state for o in second.outcomes).count("applied") == 1 and not second.failed
    return ministry


# ------------------------------------------------------------------------------ independent figures
def _live(schools, form: str) -> list[dict[str, Any]]:
    return [{**r.values, "_school": code} for code, s in schools.items() for r in s.records().list(form)]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _projects(schools, year: str) -> list[dict[str, Any]]:
    start, end = date(int(year[:4]), 9, 1), date(int(year[:4]) + 1, 9, 1)
    return [p for p in _live(schools, "rd_project") if p["start_date"] < end and p["end_date"] >= start]


def _sessions(schools, year: str) -> list[dict[str, Any]]:
    start, end = date(int(year[:4]), 9, 1), date(int(year[:4]) + 1, 9, 1)
    return [s for s in _live(schools, "ce_session") if start <= s["start_date"] < end]


def _team(p: dict[str, Any]) -> int:
    return p["researchers"] + p["doctoral_students"] + p["master_students"]


def expected_figures(schools, year: str) -> dict[str, Any]:
    projects, sessions = _projects(schools, year), _sessions(schools, year)
    funded = [p for p in projects if p["partner_contribution"] is not None]
    done = [s for s in sessions if s["completed"] is not None]
    both = [s for s in done if s["certified"] is not None]
    rated = [s for s in sessions if s["satisfaction"] is not None]
    return {
        "rd_projects": len(projects),
        "rd_budget": sum(float(p["budget_total"]) for p in projects),
        "partner_funding_share": _ratio(sum(float(p["partner_contribution"]) for p in funded),
                                        sum(float(p["budget_total"]) for p in funded)),
        "rd_partnered_share": _ratio(sum(1 for p in projects if p["partner_type"]), len(projects)),
        "rd_team": sum(_team(p) for p in projects),
        "rd_team_women_share": _ratio(sum(p["team_women"] for p in projects), sum(_team(p) for p in projects)),
        "rd_publications": sum(p["publications"] or 0 for p in projects),
        "rd_patents": sum(p["patents"] or 0 for p in projects),
        "rd_prototypes": sum(p["prototypes"] or 0 for p in projects),
        "rd_startups": sum(p["startups"] or 0 for p in projects),
        "ce_sessions": len(sessions),
        "ce_trainees": sum(s["enrolled"] for s in sessions),
        "ce_women_share": _ratio(sum(s["women"] for s in sessions), sum(s["enrolled"] for s in sessions)),
        "ce_trainee_hours": sum(s["hours"] * s["enrolled"] for s in sessions),
        "ce_completion_rate": _ratio(sum(s["completed"] for s in done), sum(s["enrolled"] for s in done)),
        "ce_certification_rate": _ratio(sum(s["certified"] for s in both), sum(s["completed"] for s in both)),
        "ce_satisfaction": _ratio(sum(float(s["satisfaction"]) * s["enrolled"] / 100 for s in rated),
                                  sum(s["enrolled"] for s in rated)),
    }


def test_new_forms_headline_figures_match_the_records(national, schools, tmp_path) -> None:
    out = tmp_path / "rapport.xlsx"
    result = write_report(national, out, year=YEAR)
    wb = openpyxl.load_workbook(out)
    summary = wb[result.sheets[0]]
    write_report(national, tmp_path / "other.xlsx", year="2024-2025")
    for year, book in ((YEAR, wb), ("2024-2025", openpyxl.load_workbook(tmp_path / "other.xlsx"))):
        shown = _pairs(book.worksheets[0], "Indicateurs clés")
        expected = expected_figures(schools, year)
        for key, value in expected.items():
            cell = shown[LABELS[key]]
            if value is None:
                assert cell.value is None, (year, key)
            else:
                assert cell.value == pytest.approx(value, rel=1e-9), (year, key, cell.value, value)
                assert cell.number_format != "General", key
    # The fixture is not trivial: the long project counts in 2024-2025 and 2025-2026, the old one in neither,
    # the deleted one nowhere; one session in 2024-2025.
    expected = expected_figures(schools, YEAR)
    assert expected["rd_projects"] == 3 and expected["ce_sessions"] == 3
    assert expected_figures(schools, "2024-2025")["rd_projects"] == 1
    assert 0 < expected["partner_funding_share"] < 1 and expected["ce_certification_rate"] is not None

    projects, sessions = _projects(schools, YEAR), _sessions(schools, YEAR)
    # R&D projects and budget by domain (a multi-domain project in each of its domains, once in the total).
    rd = wb["Projets de R&D"]
    headers, rows, _ = _table(rd, "Par : Domaine(s)")
    for label, code in (("Cybersécurité", "CYBER"), ("Data", "DATA"), ("Intelligence artificielle", "AI"),
                        ("Testing et qualité logicielle", "TESTING"), ("Cloud", "CLOUD")):
        mine = [p for p in projects if code in p["domains"]]
        assert rows[label][headers.index("Projets")].value == len(mine), label
        assert rows[label][headers.index("Budget (MAD)")].value == pytest.approx(
            sum(float(p["budget_total"]) for p in mine)), label
    assert rows[TOTAL][headers.index("Budget (MAD)")].value == pytest.approx(expected["rd_budget"])
    share = headers.index(LABELS["partner_funding_share"])
    cyber = [p for p in projects if "CYBER" in p["domains"] and p["partner_contribution"] is not None]
    assert rows["Cybersécurité"][share].value == pytest.approx(
        sum(float(p["partner_contribution"]) for p in cyber) / sum(float(p["budget_total"]) for p in cyber))
    # … and by partner type.
    headers, rows, _ = _table(rd, "Par : Type de partenaire")
    for label, code in (("Grande entreprise", "LARGE"), ("PME / TPE", "SME"), ("Start-up", "STARTUP")):
        mine = [p for p in projects if p["partner_type"] == code]
        assert rows[label][headers.index("Projets")].value == len(mine), label
        assert rows[label][headers.index("Budget (MAD)")].value == pytest.approx(
            sum(float(p["budget_total"]) for p in mine)), label
    assert rows["Non renseigné"][headers.index("Projets")].value == sum(1 for p in projects if not p["partner_type"])
    # Team by gender, per domain (the summary's stacked chart).
    headers, rows, _ = _table(summary, "R&D : équipe par domaine (femmes, hommes)", col=4)
    cyber = [p for p in projects if "CYBER" in p["domains"]]
    assert rows["Cybersécurité"][1].value == sum(p["team_women"] for p in cyber)
    assert rows["Cybersécurité"][2].value == sum(_team(p) - p["team_women"] for p in cyber)

    # Sessions: trainees, completion and certification rates by domain.
    ce = wb["Sessions de formation continue"] if "Sessions de formation continue" in wb.sheetnames else \
        next(ws for ws in wb.worksheets if ws.title.startswith("Sessions"))
    headers, rows, _ = _table(ce, "Par : Domaine")
    for label, code in (("Intelligence artificielle", "AI"), ("Data", "DATA"), ("Cybersécurité", "CYBER")):
        mine = [s for s in sessions if s["domain"] == code]
        done = [s for s in mine if s["completed"] is not None]
        both = [s for s in done if s["certified"] is not None]
        assert rows[label][headers.index("Sessions")].value == len(mine), label
        assert rows[label][headers.index("Participants")].value == sum(s["enrolled"] for s in mine), label
        rate = rows[label][headers.index(LABELS["ce_completion_rate"])].value
        assert rate == (pytest.approx(sum(s["completed"] for s in done) / sum(s["enrolled"] for s in done))
                        if done else None), label
        rate = rows[label][headers.index(LABELS["ce_certification_rate"])].value
        assert rate == (pytest.approx(sum(s["certified"] for s in both) / sum(s["completed"] for s in both))
                        if both else None), label

    # The notes define every new indicator; the trends sheet has them for both years.
    notes = wb["Notes"]
    defined = {notes.cell(r, 1).value for r in range(1, notes.max_row + 1)}
    assert {LABELS[k] for k in expected} <= defined
    headers, rows, _ = _table(wb["Évolution"], "Indicateurs clés")
    assert rows[LABELS["rd_projects"]][headers.index("2024-2025")].value == 1


def test_status_counts_the_new_forms(national, schools) -> None:
    statuses = {s.code: s for s in establishments_status(national)}
    for code in ("ECC", "ESITH", "ISCAE"):
        for form in ("rd_project", "ce_session"):
            assert statuses[code].records[form] == len(schools[code].records().list(form)), (code, form)
    assert statuses["ECC"].records["rd_project"] == 3  # four sent, one deleted
    assert statuses["ISCAE"].records["ce_session"] == 0


def test_arabic_and_english_workbooks_name_the_new_sheets(national, tmp_path) -> None:
    for lang, rd_sheet, label in (("ar", "مشاريع البحث والتطوير", "حصة تمويل الشركاء"),
                                  ("en", "R&D projects", "Share funded by partners")):
        out = tmp_path / f"rapport-{lang}.xlsx"
        result = write_report(national, out, year=YEAR, lang=lang)
        wb = openpyxl.load_workbook(out)
        assert rd_sheet in result.sheets
        values = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
        assert label in values


def test_command_line_lists_and_extracts_the_new_forms(national, schools, tmp_path, capsys) -> None:
    import json

    from tests.e2e.test_cli import run

    root = str(national.root)
    code, out, err = run(capsys, "--data-dir", root, "ministry", "records", "rd_project", "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert sorted(r["code"] for r in rows) == sorted(r.values["code"] for s in schools.values()
                                                     for r in s.records().list("rd_project"))
    assert all("lead_name" not in r and "lead_email" not in r for r in rows)  # withheld: never sent
    code, out, err = run(capsys, "--data-dir", root, "ministry", "records", "ce_session", "--establishment",
                         "ESITH", "--json")
    assert code == 0, err
    assert [r["code"] for r in json.loads(out)] == ["FC-CY-1"]
    book = tmp_path / "sessions.xlsx"
    code, _, err = run(capsys, "--data-dir", root, "ministry", "export-xlsx", "ce_session", str(book))
    assert code == 0, err
    ws = openpyxl.load_workbook(book).worksheets[0]
    assert ws.max_row - 1 == sum(len(s.records().list("ce_session")) for s in schools.values())
