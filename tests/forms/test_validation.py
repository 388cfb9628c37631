"""Every validation rule with a passing and a failing case, through the declarations."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from forms.definitions import FORMS
from forms.schema import Severity
from forms.validation import parse_and_validate, parse_record
from tests.conftest import OFFERING, cohort_values, internship_values, sample_values


def findings(form_key: str, raw: dict) -> list:
    return parse_and_validate(FORMS[form_key], raw)[1]


def codes(form_key: str, raw: dict, severity: Severity | None = None) -> set[str]:
    return {i.code for i in findings(form_key, raw) if severity is None or i.severity is severity}


def with_changes(base: dict, **changes: object) -> dict:
    return {**base, **changes}


COHORT = cohort_values("9b7a3b1c-0000-4000-8000-000000000001")
INTERNSHIP = internship_values("9b7a3b1c-0000-4000-8000-000000000001")


@pytest.mark.parametrize("form_key", list(FORMS))
def test_sample_records_are_clean(form_key: str) -> None:
    assert findings(form_key, sample_values(form_key)) == []


# (form, changes that break exactly one rule, the issue code, severity, a field the message names)
FAILING = [
    ("offering", {"first_academic_year": "2024-2026"}, "academic_year", Severity.ERROR, "first_academic_year"),
    ("offering", {"duration": 96}, "duration", Severity.ERROR, "duration"),
    ("offering", {"duration": 4000, "duration_unit": "HOURS", "training_type": "CONTINUING"}, "duration",
     Severity.ERROR, "duration"),
    ("offering", {"duration_unit": "HOURS", "duration": 400}, "duration_unit", Severity.WARNING, "duration_unit"),
    ("offering", {"training_type": "CONTINUING"}, "duration_unit", Severity.WARNING, "duration_unit"),
    ("offering", {"partner_name": None}, "required", Severity.ERROR, "partner_name"),
    ("offering", {"industry_partnered": False}, "partner", Severity.WARNING, "partner_name"),
    ("offering", {"accreditation_date": None}, "required", Severity.ERROR, "accreditation_date"),
    ("offering", {"accreditation_date": (date.today() + timedelta(days=3)).isoformat()}, "future",
     Severity.ERROR, "accreditation_date"),
    ("offering", {"contact_email": "scolarite-at-ecc"}, "email", Severity.ERROR, "contact_email"),
    ("offering", {"code": "MS CYBER!"}, "pattern", Severity.ERROR, "code"),
    ("offering", {"capacity": 0}, "min", Severity.ERROR, "capacity"),
    ("offering", {"title": "x" * 251}, "too_long", Severity.ERROR, "title"),
    ("offering", {"domains": ["CYBER", "BLOCKCHAIN"]}, "choice", Severity.ERROR, "domains"),
    ("offering", {"region": None}, "required", Severity.ERROR, "region"),
    ("cohort", {"academic_year": "2025-2027"}, "academic_year", Severity.ERROR, "academic_year"),
    ("cohort", {"academic_year": "25-26"}, "pattern", Severity.ERROR, "academic_year"),
    # free text that is not AAAA-AAAA: the pattern says so (the consecutive-years rule crashed on it)
    ("cohort", {"academic_year": "2025/2026"}, "pattern", Severity.ERROR, "academic_year"),
    ("cohort", {"academic_year": "2025-2026-2027"}, "pattern", Severity.ERROR, "academic_year"),
    ("offering", {"first_academic_year": "rentrée 2024"}, "pattern", Severity.ERROR, "first_academic_year"),
    ("cohort", {"men": 18}, "gender_sum", Severity.ERROR, "women"),
    ("cohort", {"graduates": 28, "dropouts": 3, "employed_6m": 5}, "exits", Severity.ERROR, "dropouts"),
    ("cohort", {"work_study": 31}, "above_enrolled", Severity.ERROR, "work_study"),
    ("cohort", {"scholarship": 31}, "above_enrolled", Severity.ERROR, "scholarship"),
    ("cohort", {"foreign": 31}, "above_enrolled", Severity.ERROR, "foreign"),
    ("cohort", {"employed_6m": 28}, "employed", Severity.ERROR, "employed_6m"),
    ("cohort", {"graduates": None, "final_year": False}, "employed", Severity.ERROR, "employed_6m"),
    ("cohort", {"final_year": False, "employed_6m": None}, "final_year", Severity.WARNING, "graduates"),
    ("cohort", {"graduates": None, "employed_6m": None}, "final_year", Severity.WARNING, "graduates"),
    ("cohort", {"year_of_study": 6}, "max", Severity.ERROR, "year_of_study"),
    ("cohort", {"enrolled": "trente"}, "type", Severity.ERROR, "enrolled"),
    ("internship", {"end_date": "2026-01-15"}, "end_before_start", Severity.ERROR, "end_date"),
    ("internship", {"end_date": "2027-03-01", "internship_type": "APPLICATION"}, "too_long", Severity.ERROR,
     "end_date"),
    ("internship", {"end_date": "2026-03-01"}, "pfe_length", Severity.WARNING, "end_date"),
    ("internship", {"host_region": None}, "required", Severity.ERROR, "host_region"),
    ("internship", {"host_country": "France"}, "abroad_region", Severity.WARNING, "host_region"),
    ("internship", {"final_mark": "15.5"}, "mark_not_completed", Severity.WARNING, "final_mark"),
    ("internship", {"outcome": "COMPLETED", "start_date": (date.today() - timedelta(days=60)).isoformat(),
                    "end_date": (date.today() + timedelta(days=60)).isoformat()}, "completed_future",
     Severity.WARNING, "outcome"),
    ("internship", {"hired": "YES", "outcome": "ABANDONED"}, "hired_abandoned", Severity.WARNING, "hired"),
    ("internship", {"host_ice": "1525312000088"}, "pattern", Severity.ERROR, "host_ice"),
    ("internship", {"host_ice": 1525312000088}, "mangled", Severity.ERROR, "host_ice"),
    ("internship", {"host_ice": "1.52531E+14"}, "mangled", Severity.ERROR, "host_ice"),
    ("internship", {"student_code": "R1"}, "pattern", Severity.ERROR, "student_code"),
    ("internship", {"final_mark": "21", "outcome": "COMPLETED", "end_date": "2026-06-30"}, "max", Severity.ERROR,
     "final_mark"),
    ("internship", {"monthly_stipend": "-5"}, "min", Severity.ERROR, "monthly_stipend"),
    ("internship", {"tutor_email": "karim@"}, "email", Severity.ERROR, "tutor_email"),
    ("internship", {"start_date": "31/02/2026"}, "type", Severity.ERROR, "start_date"),
    ("internship", {"gender": "X"}, "choice", Severity.ERROR, "gender"),
    ("internship", {"last_name": "  "}, "required", Severity.ERROR, "last_name"),
    ("internship", {"shoe_size": 42}, "unknown_field", Severity.ERROR, "shoe_size"),
    ("rd_project", {"end_date": "2025-01-14"}, "end_before_start", Severity.ERROR, "end_date"),
    ("rd_project", {"partner_contribution": "1200000.01"}, "above_budget", Severity.ERROR, "partner_contribution"),
    ("rd_project", {"funding_sources": ["OWN_FUNDS"]}, "funding_partner", Severity.WARNING, "funding_sources"),
    ("rd_project", {"partner_type": None}, "required", Severity.ERROR, "partner_type"),
    ("rd_project", {"partners": None}, "required", Severity.ERROR, "partners"),
    ("rd_project", {"team_women": 13}, "women_team", Severity.ERROR, "team_women"),
    ("rd_project", {"team_women": 0, "researchers": 0, "doctoral_students": 0, "master_students": 0}, "empty_team",
     Severity.WARNING, "researchers"),
    ("rd_project", {"project_status": "COMPLETED", "end_date": (date.today() + timedelta(days=30)).isoformat()},
     "completed_future", Severity.WARNING, "project_status"),
    ("rd_project", {"project_status": "PROPOSED"}, "proposed_outputs", Severity.WARNING, "project_status"),
    ("rd_project", {"project_status": "FINISHED"}, "choice", Severity.ERROR, "project_status"),
    ("rd_project", {"partner_ices": "001525312000088, 12"}, "pattern", Severity.ERROR, "partner_ices"),
    ("rd_project", {"budget_total": "-1"}, "min", Severity.ERROR, "budget_total"),
    ("rd_project", {"funding_sources": ["LOTERIE"]}, "choice", Severity.ERROR, "funding_sources"),
    ("rd_project", {"lead_email": "nadia@"}, "email", Severity.ERROR, "lead_email"),
    ("ce_session", {"end_date": "2025-10-05"}, "end_before_start", Severity.ERROR, "end_date"),
    ("ce_session", {"women": 11}, "gender_sum", Severity.ERROR, "women"),
    ("ce_session", {"completed": 25, "certified": 20}, "above_enrolled", Severity.ERROR, "completed"),
    ("ce_session", {"certified": 23}, "above_completed", Severity.ERROR, "certified"),
    ("ce_session", {"completed": None, "certified": 25}, "above_enrolled", Severity.ERROR, "certified"),
    ("ce_session", {"end_date": "2025-10-07"}, "hours_per_day", Severity.WARNING, "hours"),
    ("ce_session", {"start_date": (date.today() - timedelta(days=10)).isoformat(),
                    "end_date": (date.today() + timedelta(days=60)).isoformat()}, "results_before_end",
     Severity.WARNING, "completed"),
    ("ce_session", {"satisfaction": "100.5"}, "max", Severity.ERROR, "satisfaction"),
    ("ce_session", {"satisfaction": "-1"}, "min", Severity.ERROR, "satisfaction"),
    ("ce_session", {"hours": 0}, "min", Severity.ERROR, "hours"),
    ("ce_session", {"delivery_mode": "PIGEON"}, "choice", Severity.ERROR, "delivery_mode"),
    ("ce_session", {"employer_ices": "1234567000012"}, "pattern", Severity.ERROR, "employer_ices"),
]


@pytest.mark.parametrize("form_key,changes,code,severity,field", FAILING,
                         ids=[f"{f}-{c}-{'-'.join(ch)}" for f, ch, c, _s, _x in FAILING])
def test_rule_fails(form_key: str, changes: dict, code: str, severity: Severity, field: str) -> None:
    base = sample_values(form_key)
    found = [i for i in findings(form_key, with_changes(base, **changes)) if i.code == code]
    assert found, f"{code} attendu"
    assert all(i.severity is severity for i in found)
    assert any(field in i.fields for i in found)
    # Each message is in French, Arabic and English and names its field.
    for i in found:
        assert i.message.fr and i.message.ar and i.message.en
        assert i.render().startswith(i.fields[0])


def test_every_cross_field_rule_has_a_failing_case() -> None:
    rule_codes = {
        "offering": {"first_academic_year_consecutive": "academic_year", "duration_bounds": "duration",
                     "duration_unit_type": "duration_unit", "partner": "partner", "accreditation": "future"},
        "cohort": {"academic_year_consecutive": "academic_year", "gender_sum": "gender_sum", "exits": "exits",
                   "work_study_le_enrolled": "above_enrolled", "scholarship_le_enrolled": "above_enrolled",
                   "foreign_le_enrolled": "above_enrolled", "employed": "employed", "final_year": "final_year"},
        "internship": {"dates": "too_long", "pfe_length": "pfe_length", "host_place": "abroad_region",
                       "outcome": "hired_abandoned"},
        "rd_project": {"dates": "end_before_start", "partner_contribution": "above_budget", "partners": "required",
                       "team_women": "women_team", "project_status": "proposed_outputs"},
        "ce_session": {"dates": "end_before_start", "gender_sum": "gender_sum", "completed": "above_enrolled",
                       "certified": "above_completed", "period": "hours_per_day"},
    }
    tested = {(f, c) for f, _ch, c, _s, _x in FAILING}
    for form_key, form in FORMS.items():
        assert {r.key for r in form.rules} == set(rule_codes[form_key])
        for code in rule_codes[form_key].values():
            assert (form_key, code) in tested


def test_lenient_parsing_of_what_people_type() -> None:
    form = FORMS["internship"]
    values, issues = parse_record(form, with_changes(
        INTERNSHIP, start_date="01/02/2026", end_date="2026-07-15T00:00:00", weekly_hours="35,0",
        monthly_stipend="3 000,50", gender="femme", internship_type="projet de fin d'études (pfe)",
        domain="cybersecurite", host_region="Casablanca-Settat", last_name="  El  Amrani ",
        first_name="سلمى"))
    assert issues == []
    assert values["start_date"] == date(2026, 2, 1)
    assert values["end_date"] == date(2026, 7, 15)
    assert values["weekly_hours"] == 35
    assert values["monthly_stipend"] == Decimal("3000.50")
    assert values["gender"] == "F"
    assert values["internship_type"] == "PFE"
    assert values["domain"] == "CYBER"
    assert values["host_region"] == "06"
    assert values["last_name"] == "El Amrani"
    assert values["first_name"] == "سلمى"


@pytest.mark.parametrize("typed,expected", [("Oui", True), ("non", False), ("TRUE", True), (0, False),
                                            ("نعم", True), ("x", True)])
def test_booleans(typed: object, expected: bool) -> None:
    values, issues = parse_record(FORMS["cohort"], with_changes(COHORT, final_year=typed))
    assert issues == [] and values["final_year"] is expected


def test_boolean_refuses_other_words() -> None:
    assert codes("cohort", with_changes(COHORT, final_year="peut-être")) == {"type"}


def test_multi_choice_accepts_separated_text_and_removes_duplicates() -> None:
    values, issues = parse_record(FORMS["offering"], with_changes(OFFERING, domains="cyber; Data;CYBER"))
    assert issues == [] and values["domains"] == ("CYBER", "DATA")


def test_integer_refuses_fractions_and_booleans() -> None:
    assert "type" in codes("cohort", with_changes(COHORT, enrolled="30.5"))
    assert "type" in codes("cohort", with_changes(COHORT, enrolled=True))


def test_rules_wait_for_their_inputs() -> None:
    # A draft with no counts yet raises "required" but no arithmetic rule on missing numbers.
    found = codes("cohort", with_changes(COHORT, women=None, men=None))
    assert "required" in found and "gender_sum" not in found


def test_an_unknown_field_names_the_form_in_each_language():
    """The message of a field the form does not have names the form in the reader's language (it named it
    in French inside the Arabic and English messages: « حقل غير معروف في الاستمارة « Cohorte » »)."""
    from forms.validation import parse_and_validate_batch

    form = FORMS["cohort"]
    one, many = parse_and_validate(form, {"colour": "x"})[1], parse_and_validate_batch(form, [{"colour": "x"}])[0][1]
    for issues in (one, many):
        unknown = [i for i in issues if i.code == "unknown_field"]
        assert [i.render("ar") for i in unknown] == ["colour: حقل غير معروف في الاستمارة « فوج »"]
        assert [i.render("en") for i in unknown] == ["colour: unknown field in form 'Cohort'"]
        assert [i.render("fr") for i in unknown] == ["colour: champ inconnu dans le formulaire « Cohorte »"]


def test_control_characters_are_refused_by_the_field_check_itself() -> None:
    """Invisible control characters (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, DEL U+007F and the C1
    controls U+0080–U+009F) in a text, an e-mail address
    or an identifier: one finding from ``check_field``, the record's own check (``records add``, the editor, the
    import and the ministry's re-validation all run it) — they were refused by the spreadsheet import alone.
    The text is quoted with each shown as « � », the first named by its code point; no shape message besides."""
    from dataclasses import replace

    from forms.schema import FieldType
    from forms.validation import CONTROL_CHARS, check_field, parse_and_validate_batch

    offering = FORMS["offering"]
    raw = with_changes(OFFERING, title="Master\x01 cyber\x1b[31m", contact_email="scol\x07@centrale.ma",
                       code="MS\x00CYBER")
    issues = findings("offering", raw)
    control = {i.field: i for i in issues if i.code == "control"}
    assert set(control) == {"title", "contact_email", "code"}
    assert not [i for i in issues if i.field in control and i.code in ("email", "pattern")]
    assert control["title"].render("fr") == ("title: « Master\ufffd cyber\ufffd[31m » contient un caractère de "
                                             "contrôle invisible (U+0001) : supprimez-le")
    assert control["code"].render("en") == "code: 'MS\ufffdCYBER' holds an invisible control character (U+0000): remove it"
    assert "(U+0007)" in control["contact_email"].render("ar") and "احذفه" in control["contact_email"].render("ar")
    assert parse_and_validate_batch(offering, [raw])[0][1] == issues
    # every one of them, alone, at either end or inside; none other (tab, line feed, a right-to-left mark, a
    # no-break space, letters whose UTF-8 shares bytes with the C1 controls': « À », « ـ », « € », « « »)
    text = offering.field("title")
    for point in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0)]:
        for value in (chr(point), f"a{chr(point)}", f"{chr(point)}b", f"a{chr(point)}b", f"é{chr(point)}«"):
            assert [i.code for i in check_field(text, value)] == ["control"], hex(point)
    for value in ("Nom\u200f", "a\u00a0b", "إدريسي", "À l'ـ € « b »", "\u00a0\u00ff"):
        assert check_field(text, value) == []
    assert check_field(text, "a\x7fb")[0].render("fr") == (
        "title: « a\ufffdb » contient un caractère de contrôle invisible (U+007F) : supprimez-le")
    assert "(U+009B)" in check_field(text, "\x9b31mrouge")[0].render("en")
    assert not CONTROL_CHARS.search("\t\n\r")
    # a field that keeps its text as typed may hold tab, line feed and carriage return; white space collapses
    # elsewhere, so the record's own check never sees those three
    lines = replace(text, key="notes", type=FieldType.TEXT, strip=False)
    assert check_field(lines, "ligne une\n\tligne deux\r\n") == []
    assert [i.code for i in check_field(lines, "ligne une\n\x0bligne deux")] == ["control"]
    values, found = parse_and_validate(offering, with_changes(OFFERING, title="Master\tspécialisé\nen cybersécurité"))
    assert values["title"] == "Master spécialisé en cybersécurité" and not found
