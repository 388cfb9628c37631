"""The declared conditions on linked records (``Field.link_conditions``), re-checked on arrival: a crafted
bundle, validly signed with the establishment's real key, whose links name records of the wrong kind (a
continuing-education session on an initial offering, an internship whose cohort belongs to another
offering). The establishment's application refuses those on save and import; the ministry refuses them
record by record, with the declaration's French reason, and applies the rest — on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sync.bundle import FormRecords
from sync.ministry.consolidation import consolidate
from sync.ministry.status import establishments_status
from sync.receipts import read_receipt
from tests.conftest import CE_OFFERING, cohort_values
from tests.sync.ministry.conftest import bundle_rows, craft, national_rows

WRONG_COHORT = "Cohorte : la cohorte choisie n'appartient pas à cette offre de formation"
NOT_CONTINUING = "Offre de formation continue : l'offre choisie n'est pas une formation continue"


def _populate(school) -> dict[str, Any]:
    """At the establishment, through its store (which refuses a broken condition): an initial offering and
    its cohort with three internships, a continuing-education offering, its cohort and two sessions."""
    from tests.conftest import ce_session_values

    ids = school.populate(internships=3)
    store = school.records()
    ce, _ = store.save("offering", {**CE_OFFERING, "code": "FC-ECC"})
    ce_cohort, _ = store.save("cohort", cohort_values(ce.id, year_of_study=1, final_year=False, graduates=None,
                                                      employed_6m=None))
    sessions = [store.save("ce_session", ce_session_values(ce.id, code=f"FC-IA-2025-{n}"))[0].id for n in (1, 2)]
    return {**ids, "ce_offering": ce.id, "ce_cohort": ce_cohort.id, "sessions": sessions}


def _rows(tables: dict[str, FormRecords], form: str) -> tuple[list[str], list[list[Any]]]:
    return tables[form].columns, [list(r) for r in tables[form].rows]


def _row(columns: list[str], rows: list[list[Any]], record_id: str) -> list[Any]:
    return next(r for r in rows if r[columns.index("id")] == record_id)


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {form: n for form, n in counts.items() if n}


def _reasons(outcome) -> dict[tuple[str, str], list[str]]:
    return {(r["form"], r["id"]): r["reasons"] for r in outcome.refused_records}


def test_conditions_against_records_of_the_same_bundle(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ids = _populate(ecc)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    i_cols, internships = _rows(tables, "internship")
    s_cols, sessions = _rows(tables, "ce_session")
    wrong, no_cohort, kept = ids["internships"]
    # An internship of the initial offering whose cohort is the continuing offering's; one without a cohort
    # (an optional link, left empty: nothing to check); a session on the initial offering.
    _row(i_cols, internships, wrong)[i_cols.index("cohort")] = ids["ce_cohort"]
    _row(i_cols, internships, no_cohort)[i_cols.index("cohort")] = None
    bad_session, good_session = ids["sessions"]
    _row(s_cols, sessions, bad_session)[s_cols.index("offering")] = ids["offering"]
    crafted = {**tables, "internship": FormRecords(i_cols, internships, []),
               "ce_session": FormRecords(s_cols, sessions, [])}
    path = craft(ecc, identities["MIC"], 1, None, crafted)
    report = consolidate(ministry, identities["MIC"], [path], tmp_path / "receipts")
    [outcome] = report.outcomes
    assert outcome.state == "applied" and report.failed
    assert _nonzero(outcome.refused) == {"internship": 1, "ce_session": 1}
    assert _nonzero(outcome.accepted) == {"offering": 2, "cohort": 2, "internship": 2, "ce_session": 1}
    reasons = _reasons(outcome)
    assert set(reasons) == {("internship", wrong), ("ce_session", bad_session)}
    assert reasons[("internship", wrong)] == [f"{WRONG_COHORT} (enregistrement lié {ids['ce_cohort']})"]
    [session_reason] = reasons[("ce_session", bad_session)]
    assert session_reason.startswith(NOT_CONTINUING) and ids["offering"] in session_reason
    assert set(national_rows(ministry, "internship", "ECC")) == {no_cohort, kept}
    assert national_rows(ministry, "internship", "ECC")[no_cohort]["cohort"] is None
    assert set(national_rows(ministry, "ce_session", "ECC")) == {good_session}
    # The analyst sees them: in the receipt sent back and in the establishments' status.
    body, _, _ = read_receipt((tmp_path / "receipts" / "accuse-MIC-ECC-1.json").read_bytes(), "accusé")
    assert {(r["form"], r["id"]): r["reasons"] for r in body["refused_records"]} == reasons
    status = next(s for s in establishments_status(ministry) if s.code == "ECC")
    assert status.refused_records == 2


def test_conditions_against_records_of_an_earlier_bundle(ministry, schools, identities, tmp_path) -> None:
    """The linked record arrived in an earlier bundle (read from the store), or is changed by this bundle (its
    new values count, not the stored ones)."""
    ecc = schools["ECC"]
    ids = _populate(ecc)
    one = ecc.export(tmp_path / "b1")
    report = consolidate(ministry, identities["MIC"], [one])
    assert not report.failed, [o.line() for o in report.outcomes]
    tables = bundle_rows(one, identities["MIC"], ecc)
    first_hash = report.outcomes[0].bundle_hash
    i_cols, internships = _rows(tables, "internship")
    s_cols, sessions = _rows(tables, "ce_session")
    c_cols, cohorts = _rows(tables, "cohort")
    wrong, moved, kept = ids["internships"]
    bad_session, good_session = ids["sessions"]

    def bump(columns: list[str], row: list[Any], seq: int) -> list[Any]:
        row[columns.index("version")] += 1
        row[columns.index("change_seq")] = 1000 + seq
        return row

    # Bundle 2 carries no offering: the conditions read the offerings and cohorts of bundle 1 in the store.
    wrong_row = bump(i_cols, _row(i_cols, internships, wrong), 1)
    wrong_row[i_cols.index("cohort")] = ids["ce_cohort"]
    kept_row = bump(i_cols, _row(i_cols, internships, kept), 2)
    kept_row[i_cols.index("host_city")] = "Tanger"
    kept_row[i_cols.index("cohort")] = None
    session_row = bump(s_cols, _row(s_cols, sessions, bad_session), 3)
    session_row[s_cols.index("offering")] = ids["offering"]
    good_row = bump(s_cols, _row(s_cols, sessions, good_session), 4)
    good_row[s_cols.index("city")] = "Rabat"
    # The initial offering's cohort now says it belongs to the continuing offering (a change this bundle
    # brings, accepted): the internship « moved », re-sent unchanged, no longer meets its condition.
    cohort_row = bump(c_cols, _row(c_cols, cohorts, ids["cohort"]), 0)
    cohort_row[c_cols.index("offering")] = ids["ce_offering"]
    cohort_row[c_cols.index("year_of_study")] = 2
    moved_row = bump(i_cols, _row(i_cols, internships, moved), 5)
    two = craft(ecc, identities["MIC"], 2, first_hash, {
        "cohort": FormRecords(c_cols, [cohort_row], []),
        "internship": FormRecords(i_cols, [wrong_row, kept_row, moved_row], []),
        "ce_session": FormRecords(s_cols, [session_row, good_row], [])})
    before = national_rows(ministry, "internship", "ECC")
    [outcome] = consolidate(ministry, identities["MIC"], [two]).outcomes
    assert outcome.state == "applied", outcome.line()
    reasons = _reasons(outcome)
    assert set(reasons) == {("internship", wrong), ("internship", moved), ("ce_session", bad_session)}, reasons
    assert reasons[("internship", wrong)] == [f"{WRONG_COHORT} (enregistrement lié {ids['ce_cohort']})"]
    assert reasons[("internship", moved)] == [f"{WRONG_COHORT} (enregistrement lié {ids['cohort']})"]
    assert reasons[("ce_session", bad_session)][0].startswith(NOT_CONTINUING)
    assert outcome.accepted["cohort"] == 1 and outcome.accepted["internship"] == 1
    assert outcome.accepted["ce_session"] == 1
    # Refused: the store keeps what bundle 1 brought; accepted: applied.
    after = national_rows(ministry, "internship", "ECC")
    assert after[wrong] == before[wrong] and after[moved] == before[moved]
    assert after[kept]["host_city"] == "Tanger"
    sessions_after = national_rows(ministry, "ce_session", "ECC")
    assert sessions_after[bad_session]["offering"] == ids["ce_offering"]
    assert sessions_after[good_session]["city"] == "Rabat"


def test_the_checker_reads_only_the_linked_records_it_needs(ministry, schools, identities, tmp_path) -> None:
    """Records whose links need no value (no condition, no rule) read nothing more from the store."""
    from sync.ministry.checking import BundleChecker
    from sync.ministry.store import national_store

    ecc = schools["ECC"]
    ids = _populate(ecc)
    one = ecc.export(tmp_path / "b1")
    assert not consolidate(ministry, identities["MIC"], [one]).failed
    tables = bundle_rows(one, identities["MIC"], ecc)
    i_cols, internships = _rows(tables, "internship")
    with national_store(ministry).read() as conn:
        checker = BundleChecker(conn, "ECC")
        result = checker.check("internship", i_cols, internships, [], [])
    assert not result.refusals and len(result.accepted) == 3
    assert set(checker.stored_values) == {"offering", "cohort"}
    assert set(checker.stored_values["offering"]) == {ids["offering"]}
    assert set(checker.stored_values["cohort"]) == {ids["cohort"]}
    assert checker.stored_values["offering"][ids["offering"]]["training_type"] == "INITIAL"
