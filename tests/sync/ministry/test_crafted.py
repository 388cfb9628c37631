"""Bundles validly signed by an enrolled establishment whose content is wrong: the chain (fork, rollback)
and the records (invalid values, another establishment's records, repeated ids, broken links, natural-key
duplicates). The bad parts are refused and named; nothing else is affected."""

from __future__ import annotations

import copy
import uuid

import pytest
from sqlalchemy import select

from forms.definitions import FORMS
from sync.bundle import FormRecords
from sync.ministry.consolidation import consolidate
from sync.ministry.store import national_store
from sync.ministry.tables import bundles_received, chains
from sync.receipts import read_receipt
from tests.sync.ministry.conftest import bundle_rows, craft, national_rows


def _chain(ministry, code):
    with national_store(ministry).read() as conn:
        return conn.execute(select(chains).where(chains.c.establishment == code)).one()


def _first_two(schools, identities, ministry, tmp_path):
    ecc = schools["ECC"]
    ids = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    two = ecc.export(tmp_path / "b2")
    assert not consolidate(ministry, identities["MIC"], [one, two]).failed
    return ecc, ids, one, two


def test_fork_same_number_other_hash(ministry, schools, identities, tmp_path) -> None:
    ecc, _ids, _one, two = _first_two(schools, identities, ministry, tmp_path)
    before = national_rows(ministry, "internship", "ECC")
    tables = bundle_rows(two, identities["MIC"], ecc)
    changed = copy.deepcopy(tables)
    city = changed["internship"].columns.index("host_city")
    changed["internship"].rows[0][city] = "Agadir"
    fork = craft(ecc, identities["MIC"], 2, _previous(ministry, 2), changed, name="fork.kfb")
    report = consolidate(ministry, identities["MIC"], [fork])
    outcome = report.outcomes[0]
    assert outcome.state == "fork" and outcome.security_incident and report.failed
    assert outcome.bundle_hash in outcome.reason and _hash_of(ministry, 2) in outcome.reason
    assert national_rows(ministry, "internship", "ECC") == before
    # Recorded as an incident, recognised as such next time without decryption.
    assert consolidate(ministry, identities["MIC"], [fork]).outcomes[0].state == "fork"


def test_next_number_with_a_wrong_previous_hash_is_a_fork(ministry, schools, identities, tmp_path) -> None:
    ecc, _ids, _one, two = _first_two(schools, identities, ministry, tmp_path)
    tables = bundle_rows(two, identities["MIC"], ecc)
    fork = craft(ecc, identities["MIC"], 3, _hash_of(ministry, 1), tables)
    outcome = consolidate(ministry, identities["MIC"], [fork]).outcomes[0]
    assert outcome.state == "fork" and _hash_of(ministry, 2) in outcome.reason
    assert _chain(ministry, "ECC").last_sequence == 2


def test_rollback_lower_number_other_hash(ministry, schools, identities, tmp_path) -> None:
    ecc, _ids, one, _two = _first_two(schools, identities, ministry, tmp_path)
    before = national_rows(ministry, "internship", "ECC")
    tables = bundle_rows(one, identities["MIC"], ecc)
    old = craft(ecc, identities["MIC"], 1, None, tables, name="old.kfb")
    outcome = consolidate(ministry, identities["MIC"], [old]).outcomes[0]
    assert outcome.state == "rollback" and outcome.security_incident
    assert _hash_of(ministry, 1) in outcome.reason and outcome.bundle_hash in outcome.reason
    assert national_rows(ministry, "internship", "ECC") == before
    assert _chain(ministry, "ECC").last_sequence == 2


def test_bad_records_are_refused_one_by_one_and_named_in_the_receipt(ministry, schools, identities,
                                                                      tmp_path) -> None:
    """Well-formed records that break the declarations' rules or the store's: refused one by one, named in
    the receipt with their reasons; the others applied."""
    ecc = schools["ECC"]
    ids = ecc.populate(internships=4)
    real = ecc.export(tmp_path / "real")
    tables = bundle_rows(real, identities["MIC"], ecc)
    live = tables["internship"]
    cols = live.columns
    rows = [list(r) for r in live.rows]
    # 0: end before start (a cross-field rule) and an unknown choice; 1: a link to an offering that does not
    # exist; 2: kept as is; 3: a link to a cohort that does not exist.
    rows[0][cols.index("end_date")] = "2020-01-01"
    rows[0][cols.index("gender")] = "Z"
    rows[1][cols.index("offering")] = str(uuid.uuid4())
    rows[3][cols.index("cohort")] = str(uuid.uuid4())
    # A cohort that duplicates the natural key of the real one (same offering, year and year of study).
    cohort = tables["cohort"]
    dup = list(cohort.rows[0])
    dup[0] = str(uuid.uuid4())
    dup[cohort.columns.index("change_seq")] += 1000
    crafted = {"offering": tables["offering"], "cohort": FormRecords(cohort.columns, [*cohort.rows, dup], []),
               "internship": FormRecords(cols, rows, [])}
    path = craft(ecc, identities["MIC"], 1, None, crafted)
    report = consolidate(ministry, identities["MIC"], [path], tmp_path / "receipts")
    outcome = report.outcomes[0]
    assert outcome.state == "applied" and report.failed
    assert outcome.accepted == {"offering": 1, "cohort": 1, "internship": 1}
    assert outcome.refused == {"offering": 0, "cohort": 1, "internship": 3}
    refused = {(r["form"], r["id"]): r["reasons"] for r in outcome.refused_records}
    internships = ids["internships"]
    assert any("fin" in r.lower() for r in refused[("internship", internships[0])])
    assert any("Genre" in r for r in refused[("internship", internships[0])])
    assert any("Offre" in r and "n'existe pas" in r for r in refused[("internship", internships[1])])
    assert any("Cohorte" in r and "n'existe pas" in r for r in refused[("internship", internships[3])])
    assert any("déjà" in r for r in refused[("cohort", dup[0])])
    # Read back: only the good records are there.
    assert set(national_rows(ministry, "internship", "ECC")) == {internships[2]}
    assert set(national_rows(ministry, "cohort", "ECC")) == {ids["cohort"]}
    body, _, _ = read_receipt((tmp_path / "receipts" / "accuse-MIC-ECC-1.json").read_bytes(), "accusé")
    assert {(r["form"], r["id"]) for r in body["refused_records"]} == set(refused)
    assert body["refused"] == outcome.refused


def _malformed(rows, cols, how):
    if how == "repeated id":
        twin = list(rows[0])
        twin[cols.index("change_seq")] = rows[-1][cols.index("change_seq")] + 1
        rows.append(twin)
    elif how == "negative version":
        rows[0][cols.index("version")] = -3
    elif how == "out of change order":
        rows[0], rows[1] = rows[1], rows[0]
    return rows


@pytest.mark.parametrize("how", ["repeated id", "negative version", "out of change order"])
def test_a_malformed_document_is_refused_whole_with_nothing_touched(ministry, schools, identities, tmp_path,
                                                                     how) -> None:
    """What the strict reader finds mid-way (a repeated id, a value of the wrong range, records out of change
    order): the bundle's transaction rolls back, the bundle is refused, the chain does not move."""
    ecc = schools["ECC"]
    ecc.populate(internships=3)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    rows = _malformed([list(r) for r in live.rows], live.columns, how)
    path = craft(ecc, identities["MIC"], 1, None, {**tables, "internship": FormRecords(live.columns, rows, [])})
    outcome = consolidate(ministry, identities["MIC"], [path]).outcomes[0]
    assert outcome.state == "refused" and outcome.reason
    for form in ("offering", "cohort", "internship"):
        assert national_rows(ministry, form, "ECC") == {}
    assert _chain(ministry, "ECC").last_sequence == 0


def test_records_of_another_establishment(ministry, schools, identities, tmp_path) -> None:
    """ECC's key signing a record that claims to be ESITH's: never stored under ESITH. The strict reader
    refuses the whole bundle; the checker would refuse such a record on its own as well
    (``test_checker_refuses_another_establishments_record``)."""
    ecc = schools["ECC"]
    ecc.populate(internships=2)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    rows = [list(r) for r in live.rows]
    rows[1][1] = "ESITH"
    path = craft(ecc, identities["MIC"], 1, None, {**tables, "internship": FormRecords(live.columns, rows, [])})
    outcome = consolidate(ministry, identities["MIC"], [path]).outcomes[0]
    assert outcome.state == "refused" and "establishment" in outcome.reason
    assert national_rows(ministry, "internship", "ESITH") == {} and national_rows(ministry, "internship", "ECC") == {}


def test_checker_refuses_another_establishments_record(ministry, schools, identities, tmp_path) -> None:
    from sync.ministry.checking import BundleChecker

    ecc = schools["ECC"]
    ecc.populate(internships=1)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    with national_store(ministry).read() as conn:
        checker = BundleChecker(conn, "ECC")
        offering = tables["offering"]
        rows = [list(offering.rows[0])]
        rows[0][1] = "ESITH"
        result = checker.check("offering", offering.columns, rows, [], [])
    assert result.accepted == [] and "ESITH" in result.refusals[0].reasons[0]


SYSTEM_FAULTS = [
    (1, "id", "pas-un-identifiant"), (1, "id", "9B7A3B1C-0000-4000-8000-000000000001"), (1, "id", 12),
    (2, "id", "same as the first"), (1, "establishment", "ESITH"), (1, "establishment", ["ECC"]),
    (1, "version", 0), (1, "version", 1 << 62), (1, "version", True), (1, "version", 2.0),
    (1, "change_seq", -1), (1, "change_seq", "5"), (1, "created_at", "x" * 33), (1, "updated_at", 12),
    (1, "updated_at", None), (1, "created_at", "x" * 32),
]


@pytest.mark.parametrize(("at", "column", "value"), SYSTEM_FAULTS)
def test_system_members_checked_a_column_at_a_time_as_record_by_record(ministry, schools, identities, tmp_path,
                                                                       at, column, value) -> None:
    """The checker looks at a bundle's system members (id, establishment, version, change number, time stamps)
    a column at a time, and record by record only when one is wrong: what it accepts and refuses, and why, is
    what the record-by-record check gives, for each kind of fault (and a value that is no fault is none)."""
    from unittest.mock import patch

    from sync.ministry.checking import BundleChecker

    ecc = schools["ECC"]
    ecc.populate(internships=4)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    rows = [list(r) for r in live.rows]
    rows[at][live.columns.index(column)] = rows[0][0] if value == "same as the first" else value

    def outcome() -> tuple[list, list]:
        with national_store(ministry).read() as conn:
            checker = BundleChecker(conn, "ECC")
            for form in ("offering", "cohort"):
                assert not checker.check(form, tables[form].columns, tables[form].rows, [], []).refusals
            result = checker.check("internship", live.columns, rows, [], [])
        return ([(r.id, r.version, r.change_seq, r.created_at, r.updated_at, r.values) for r in result.accepted],
                [(r.id, r.reasons) for r in result.refusals])

    fast = outcome()
    with patch.object(BundleChecker, "_system_columns", lambda self, rows: None):
        assert outcome() == fast
    faulty = value not in (None, "x" * 32)
    assert len(fast[0]) == 4 - faulty and len(fast[1]) == faulty


def test_missing_columns_are_not_sent_not_empty(ministry, schools, identities, tmp_path) -> None:
    """A bundle without some declared columns (withheld, or an older application) is not « required field
    empty »; a column the ministry does not know is refused by the reader (a newer application)."""
    ecc = schools["ECC"]
    ids = ecc.populate(internships=1)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    keep = [i for i, c in enumerate(live.columns) if c not in ("host_city", "outcome")]
    cols = [live.columns[i] for i in keep]
    rows = [[r[i] for i in keep] for r in live.rows]
    unknown = craft(ecc, identities["MIC"], 1, None, {
        **tables, "internship": FormRecords([*cols, "nouveau_champ"], [[*r, "x"] for r in rows], [])}, name="new.kfb")
    refused = consolidate(ministry, identities["MIC"], [unknown]).outcomes[0]
    assert refused.state == "refused" and "nouveau_champ" in refused.reason
    path = craft(ecc, identities["MIC"], 1, None, {**tables, "internship": FormRecords(cols, rows, [])})
    outcome = consolidate(ministry, identities["MIC"], [path]).outcomes[0]
    assert outcome.refused_total == 0 and outcome.accepted["internship"] == 1
    row = national_rows(ministry, "internship", "ECC")[ids["internships"][0]]
    assert row["host_city"] is None and row["host_name"] == "Société Marocaine de Sécurité"


def test_a_change_after_a_deletion_brings_the_record_back(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ids = ecc.populate(internships=1)
    one = ecc.export(tmp_path / "b1")
    rid = ids["internships"][0]
    tables = bundle_rows(one, identities["MIC"], ecc)
    live = tables["internship"]
    tomb = [[rid, "ECC", 2, live.rows[0][3], "2026-11-30T10:00:00Z", 50]]
    assert not consolidate(ministry, identities["MIC"], [one]).failed
    h1 = _hash_of(ministry, 1)
    two = craft(ecc, identities["MIC"], 2, h1, {"internship": FormRecords(live.columns, [], tomb)})
    assert not consolidate(ministry, identities["MIC"], [two]).failed
    assert national_rows(ministry, "internship", "ECC")[rid]["deleted"] is True
    back = [list(live.rows[0])]
    back[0][live.columns.index("version")] = 1  # versions may go back (a restore): order is the chain's
    back[0][live.columns.index("host_city")] = "Meknès"
    three = craft(ecc, identities["MIC"], 3, _hash_of(ministry, 2), {"internship": FormRecords(live.columns, back, [])})
    assert not consolidate(ministry, identities["MIC"], [three]).failed
    row = national_rows(ministry, "internship", "ECC")[rid]
    assert row["deleted"] is False and row["host_city"] == "Meknès" and row["version"] == 1
    from sync.ministry.tables import consolidation_audit

    with national_store(ministry).read() as conn:
        revived = conn.execute(select(consolidation_audit).where(consolidation_audit.c.action == "revived")).all()
    assert [(r.record_id, r.sequence) for r in revived] == [(rid, 3)]


def _hash_of(ministry, sequence: int) -> str:
    with national_store(ministry).read() as conn:
        return conn.execute(select(bundles_received.c.bundle_hash).where(bundles_received.c.establishment == "ECC")
                            .where(bundles_received.c.sequence == sequence)
                            .where(bundles_received.c.state == "applied")).scalar_one()


def _previous(ministry, sequence: int) -> str:
    return _hash_of(ministry, sequence - 1)


def test_status_shows_held_bundles_and_refused_records_until_corrected(ministry, schools, identities,
                                                                       tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    from sync.ministry.status import establishments_status

    ecc = schools["ECC"]
    ids = ecc.populate(internships=2)
    real = ecc.export(tmp_path / "real")
    tables = bundle_rows(real, identities["MIC"], ecc)
    live = tables["internship"]
    rows = [list(r) for r in live.rows]
    rows[0][live.columns.index("gender")] = "Z"
    one = craft(ecc, identities["MIC"], 1, None, {**tables, "internship": FormRecords(live.columns, rows, [])})
    assert consolidate(ministry, identities["MIC"], [one]).outcomes[0].refused_total == 1
    # n° 3 arrives before n° 2: held.
    fixed = [list(live.rows[0])]
    fixed[0][live.columns.index("change_seq")] += 100
    three = craft(ecc, identities["MIC"], 3, "0" * 64, {"internship": FormRecords(live.columns, fixed, [])})
    consolidate(ministry, identities["MIC"], [three])
    status = {s.code: s for s in establishments_status(ministry)}
    ecc_status = status["ECC"]
    assert ecc_status.enrolled and ecc_status.last_sequence == 1 and ecc_status.held == [3]
    assert ecc_status.waiting_for == 2 and ecc_status.refused_records == 1 and not ecc_status.late
    assert ecc_status.records == {**dict.fromkeys(FORMS, 0), "offering": 1, "cohort": 1, "internship": 1}
    assert status["UM5"].late and not status["UM5"].enrolled
    later = establishments_status(ministry, now=datetime.now(UTC) + timedelta(days=31))
    assert next(s for s in later if s.code == "ECC").late
    # n° 2 carries the corrected record: no refused record left.
    two = craft(ecc, identities["MIC"], 2, _hash_of(ministry, 1), {"internship": FormRecords(live.columns, fixed, [])})
    report = consolidate(ministry, identities["MIC"], [two])
    assert [(o.sequence, o.state) for o in report.outcomes] == [(2, "applied"), (3, "fork")]
    ecc_status = next(s for s in establishments_status(ministry) if s.code == "ECC")
    assert ecc_status.refused_records == 0 and ecc_status.held == [] and ecc_status.last_sequence == 2
    assert ids["internships"][0] in national_rows(ministry, "internship", "ECC")


def test_a_version_1_bundle_with_personal_fields_is_applied_without_them(ministry, identities, tmp_path) -> None:
    """A bundle written before data minimisation (format 1, the offering's contact e-mail in clear): applied,
    the withheld field never stored, and the outcome says so once for the bundle."""
    from forms.definitions import FORMS
    from tests.conftest import OFFERING
    from tests.sync.test_minimisation import _seal_v1

    form = FORMS["offering"]
    cols = ["id", "establishment", "version", "created_at", "updated_at", "change_seq", *form.field_keys]
    values = {**OFFERING, "contact_email": "amina.elidrissi@ecc.ma"}
    row = ["6f1c2a4e-1111-4c2d-9a55-0000000000a1", "ECC", 1, "2026-01-10T09:00:00.000000Z",
           "2026-01-10T09:00:00.000000Z", 1, *(values.get(k) for k in form.field_keys)]
    path = tmp_path / "ancien.kfb"
    path.write_bytes(_seal_v1(identities["ECC"], identities["MIC"], {"offering": (cols, [row])}))
    report = consolidate(ministry, identities["MIC"], [path])
    [outcome] = report.outcomes
    assert outcome.state == "applied" and outcome.accepted == {"offering": 1}, outcome.line()
    assert len(outcome.notes) == 1 and "contact_email" in outcome.notes[0] and "écartés" in outcome.line()
    [stored] = national_rows(ministry, "offering", "ECC").values()
    assert "contact_email" not in stored and "amina.elidrissi@ecc.ma" not in repr(stored)
    assert stored["code"] == OFFERING["code"]


def test_not_sent_is_one_rule_for_the_consolidation_and_verify(ministry, schools, identities, tmp_path) -> None:
    """A column the bundle lacks is not « required »; a column sent empty is. The consolidation's checker
    and ``ministry verify`` (``sync.received``) apply the same rule, and say the same thing."""
    from sync.ministry.checking import BundleChecker
    from sync.received import check_rows

    ecc = schools["ECC"]
    ecc.populate(internships=2)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    keep = [i for i, c in enumerate(live.columns) if c != "host_city"]
    cols = [live.columns[i] for i in keep]
    rows = [[r[i] for i in keep] for r in live.rows]
    rows[1][cols.index("outcome")] = None
    with national_store(ministry).read() as conn:
        checker = BundleChecker(conn, "ECC")
        for form in ("offering", "cohort"):
            assert not checker.check(form, tables[form].columns, tables[form].rows, [], []).refusals
        result = checker.check("internship", cols, rows, [], [])
    verified = check_rows("internship", cols, rows)
    assert [r.id for r in result.accepted] == [rows[0][0]]
    assert [r.id for r in result.refusals] == [rows[1][0]]
    assert len(result.refusals[0].reasons) == 1 and "champ obligatoire" in result.refusals[0].reasons[0]
    assert [[(i.field, i.code) for i in errors] for _values, errors in verified] == [[], [("outcome", "required")]]


def test_a_record_holding_a_control_character_is_refused_on_its_own(ministry, schools, identities, tmp_path) -> None:
    """A bundle from a writer without the field check's control-character rule (an older Kafaat, or a crafted
    file) whose text holds « \\x1b[2J » or « \\x00 »: the ministry's re-validation refuses those records one by
    one, named in the receipt with the field check's reason; tab and line feed are white space (collapsed to a
    space), so that record is applied."""
    ecc = schools["ECC"]
    ids = ecc.populate(internships=5)
    tables = bundle_rows(ecc.export(tmp_path / "real"), identities["MIC"], ecc)
    live = tables["internship"]
    cols = live.columns
    rows = [list(r) for r in live.rows]
    rows[0][cols.index("host_name")] = "Entreprise\x1b[2J SARL"
    rows[1][cols.index("host_city")] = "Casa\x00blanca"
    rows[2][cols.index("host_name")] = "Entreprise\tdu\nNord"
    rows[3][cols.index("host_city")] = "Casa\x7fblanca"  # DEL
    rows[4][cols.index("host_name")] = "Entreprise\x9b2J SARL"  # C1: a terminal's escape introducer
    path = craft(ecc, identities["MIC"], 1, None, {**tables, "internship": FormRecords(cols, rows, [])})
    report = consolidate(ministry, identities["MIC"], [path], tmp_path / "receipts")
    outcome = report.outcomes[0]
    assert outcome.state == "applied" and report.failed
    assert outcome.refused["internship"] == 4 and outcome.accepted["internship"] == 1
    internships = ids["internships"]
    refused = {r["id"]: r["reasons"] for r in outcome.refused_records}
    assert any("« Entreprise\ufffd[2J SARL » contient un caractère de contrôle invisible (U+001B)" in r
               for r in refused[internships[0]]), refused
    assert any("(U+0000)" in r for r in refused[internships[1]]), refused
    assert any("« Casa\ufffdblanca » contient un caractère de contrôle invisible (U+007F)" in r
               for r in refused[internships[3]]), refused
    assert any("« Entreprise\ufffd2J SARL »" in r and "(U+009B)" in r for r in refused[internships[4]]), refused
    stored = national_rows(ministry, "internship", "ECC")
    assert set(stored) == {internships[2]} and stored[internships[2]]["host_name"] == "Entreprise du Nord"
    body, _, _ = read_receipt((tmp_path / "receipts" / "accuse-MIC-ECC-1.json").read_bytes(), "accusé")
    assert {r["id"] for r in body["refused_records"]} == set(refused)
