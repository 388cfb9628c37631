"""The local store on a real SQLite file: versions, tombstones, change sequence, audit, uniqueness."""

from __future__ import annotations

import sqlite3
import uuid

import pytest

from forms.definitions import FORMS
from forms.store.database import StoreError
from forms.store.records import COMPLETE, DRAFT, RecordNotFound, ValidationFailed, VersionConflict
from tests.conftest import OFFERING, cohort_values, internship_values


def test_pragmas_of_every_connection(workspace) -> None:
    with workspace.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_save_creates_version_one_with_system_fields(store) -> None:
    record, warnings = store.save("offering", OFFERING)
    assert warnings == []
    uuid.UUID(record.id)
    assert (record.version, record.status, record.deleted) == (1, COMPLETE, False)
    assert record.establishment == "ECC"
    assert record.created_by == record.updated_by == "Amina"
    assert record.created_at == record.updated_at and record.created_at.endswith("Z")
    assert record.values["domains"] == ("CYBER", "CLOUD")
    assert record.to_json()["domains"] == ["CYBER", "CLOUD"]
    assert record.to_json()["accreditation_date"] == "2024-06-15"


def test_invalid_complete_record_is_refused_and_nothing_is_written(store, offering_id) -> None:
    before = store.last_change_seq()
    with pytest.raises(ValidationFailed) as refused:
        store.save("cohort", cohort_values(offering_id, men=99))
    assert {i.code for i in refused.value.issues} == {"gender_sum"}
    assert store.count("cohort") == 0
    assert store.last_change_seq() == before


def test_draft_keeps_errors_and_counts_them(store, offering_id) -> None:
    record, remaining = store.save("cohort", cohort_values(offering_id, men=99, women=None), status=DRAFT)
    assert record.status == DRAFT
    assert record.error_count == 1 and {i.code for i in remaining} == {"required"}
    # Completing it later runs every rule.
    with pytest.raises(ValidationFailed):
        store.save("cohort", cohort_values(offering_id, men=99), record_id=record.id)
    fixed, _ = store.save("cohort", cohort_values(offering_id), record_id=record.id)
    assert fixed.status == COMPLETE and fixed.version == 2 and fixed.error_count == 0


def test_draft_refuses_values_that_cannot_be_kept(store, offering_id) -> None:
    with pytest.raises(ValidationFailed) as refused:
        store.save("cohort", cohort_values(offering_id, enrolled="beaucoup"), status=DRAFT)
    assert [i.code for i in refused.value.issues] == ["type"]


def test_update_bumps_version_and_audits_each_changed_field(store, offering_id) -> None:
    record, _ = store.save("cohort", cohort_values(offering_id))
    updated, _ = store.save("cohort", cohort_values(offering_id, enrolled=31, men=18), record_id=record.id,
                            operator="Youssef")
    assert updated.version == 2 and updated.updated_by == "Youssef" and updated.created_by == "Amina"
    assert updated.change_seq > record.change_seq
    history = store.history("cohort", record.id)
    assert history[0].action == "create" and history[0].new_value["enrolled"] == 30
    changes = {(h.field, h.old_value, h.new_value, h.operator) for h in history[1:]}
    assert changes == {("enrolled", 30, 31, "Youssef"), ("men", 17, 18, "Youssef")}


def test_optimistic_version_check(store, offering_id) -> None:
    record, _ = store.save("cohort", cohort_values(offering_id))
    store.save("cohort", cohort_values(offering_id, scholarship=3), record_id=record.id, expected_version=1)
    with pytest.raises(VersionConflict):
        store.save("cohort", cohort_values(offering_id, scholarship=4), record_id=record.id, expected_version=1)


def test_delete_is_a_tombstone_with_a_new_change(store, offering_id) -> None:
    record, _ = store.save("cohort", cohort_values(offering_id))
    assert store.delete("cohort", [record.id], operator="Youssef") == 1
    assert store.count("cohort") == 0
    gone = store.get("cohort", record.id)
    assert gone is not None and gone.deleted and gone.version == 2 and gone.change_seq > record.change_seq
    assert store.history("cohort", record.id)[-1].action == "delete"
    # Tombstones travel with the changes; the record is no longer editable.
    assert [r.id for r in store.changes_since("cohort", record.change_seq)] == [record.id]
    with pytest.raises(RecordNotFound):
        store.save("cohort", cohort_values(offering_id), record_id=record.id)
    with pytest.raises(RecordNotFound):
        store.delete("cohort", [record.id])


def test_an_offering_in_use_cannot_be_deleted(store, offering_id) -> None:
    store.save("cohort", cohort_values(offering_id))
    with pytest.raises(StoreError, match="encore utilisé"):
        store.delete("offering", [offering_id])
    assert store.count("offering") == 1


def test_change_sequence_is_monotonic_and_drafts_are_not_exported(store, offering_id) -> None:
    seqs = [store.get("offering", offering_id).change_seq]
    a, _ = store.save("cohort", cohort_values(offering_id))
    b, _ = store.save("cohort", cohort_values(offering_id, year_of_study=1, final_year=False, graduates=None,
                                              employed_6m=None, dropouts=None), status=DRAFT)
    seqs += [a.change_seq, b.change_seq]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    assert store.last_change_seq() == seqs[-1]
    exported = [r.id for r in store.changes_since("cohort", 0)]
    assert exported == [a.id]
    assert [r.id for r in store.changes_since("cohort", 0, up_to_seq=a.change_seq - 1)] == []


def test_offering_code_unique_per_establishment_among_live_records(store, offering_id) -> None:
    with pytest.raises(ValidationFailed) as refused:
        store.save("offering", OFFERING)
    assert [i.code for i in refused.value.issues] == ["unique"]
    assert "code" in refused.value.issues[0].fields
    # Even a draft may not take a live record's code.
    with pytest.raises(ValidationFailed):
        store.save("offering", {"code": OFFERING["code"]}, status=DRAFT)
    # Once the first is deleted, the code is free again.
    store.delete("offering", [offering_id])
    again, _ = store.save("offering", OFFERING)
    assert again.id != offering_id


def test_database_enforces_uniqueness_too(store, offering_id, workspace) -> None:
    raw = sqlite3.connect(workspace.db_path)
    with pytest.raises(sqlite3.IntegrityError):
        raw.execute("INSERT INTO offering (id, establishment, status, version, deleted, created_at, created_by, "
                    "updated_at, updated_by, change_seq, code) VALUES ('x', 'ECC', 'complete', 1, 0, '', '', '', "
                    "'', 99, ?)", (OFFERING["code"],))
    raw.close()


def test_one_internship_per_student_offering_and_start_date(store, offering_id) -> None:
    cohort, _ = store.save("cohort", cohort_values(offering_id))
    store.save("internship", internship_values(offering_id, cohort.id))
    with pytest.raises(ValidationFailed) as refused:
        store.save("internship", internship_values(offering_id, cohort.id, host_name="Autre"))
    assert [i.code for i in refused.value.issues] == ["unique"]
    # Another start date is another internship.
    store.save("internship", internship_values(offering_id, cohort.id, start_date="2026-08-01",
                                               end_date="2026-09-30", internship_type="APPLICATION"))
    assert store.count("internship") == 2


def test_links_must_point_to_live_records_of_the_right_kind(store, offering_id) -> None:
    with pytest.raises(ValidationFailed) as refused:
        store.save("cohort", cohort_values(str(uuid.uuid4())))
    assert [i.code for i in refused.value.issues] == ["link"]
    cohort, _ = store.save("cohort", cohort_values(offering_id))
    other_offering, _ = store.save("offering", {**OFFERING, "code": "LP-DATA"})
    with pytest.raises(ValidationFailed) as refused:
        store.save("internship", internship_values(other_offering.id, cohort.id))
    assert "cohort" in refused.value.issues[0].fields and refused.value.issues[0].code == "link"


def test_cross_record_warnings(store, offering_id) -> None:
    cohort, warnings = store.save("cohort", cohort_values(offering_id, year_of_study=3))
    assert {w.code for w in warnings} == {"year_of_study"}  # a master lasts 2 years
    cohort, warnings = store.save("cohort", cohort_values(offering_id, academic_year="2020-2021"))
    assert {w.code for w in warnings} == {"before_first_year"}
    _, warnings = store.save("internship", internship_values(offering_id, cohort.id, domain="AI"))
    assert {w.code for w in warnings} == {"domain"}


def test_counts_per_form_and_status(store, offering_id) -> None:
    store.save("cohort", cohort_values(offering_id, men=None), status=DRAFT)
    assert store.counts() == {key: {"draft": 0, "complete": 0} for key in FORMS} | {
        "offering": {"draft": 0, "complete": 1}, "cohort": {"draft": 1, "complete": 0}}


def test_bulk_write_is_one_transaction(store, offering_id) -> None:
    rows = [(store.check("cohort", cohort_values(offering_id, year_of_study=1 + i % 2, academic_year=f"20{20 + i}-20{21 + i}")), COMPLETE)
            for i in range(3)]
    ids = store.write_checked(rows)
    assert len(ids) == 3 and store.count("cohort") == 3
    assert all(store.history("cohort", i)[0].action == "import" for i in ids)
    # A refused row refuses the whole batch.
    bad = [(store.check("cohort", cohort_values(offering_id, academic_year="2030-2031")), COMPLETE),
           (store.check("cohort", cohort_values(offering_id, men=1)), COMPLETE)]
    with pytest.raises(ValidationFailed):
        store.write_checked(bad)
    assert store.count("cohort") == 3


@pytest.mark.parametrize("value", [1e30, 10**20, -(10**19), 10**15, 1e15])
def test_a_draft_with_an_enormous_number_is_refused_not_a_crash(store, value) -> None:
    """JSON and spreadsheets hand over numbers, not only text: beyond SQLite's integers the draft used to
    fail with OverflowError; such a number is unreadable, as it is when typed as text."""
    with pytest.raises(ValidationFailed) as refused:
        store.save("offering", {**OFFERING, "capacity": value}, status=DRAFT)
    assert [(i.fields, i.code) for i in refused.value.issues] == [(("capacity",), "type")]
    assert "bien trop grand" in refused.value.issues[0].message.fr
    assert store.count("offering") == 0
