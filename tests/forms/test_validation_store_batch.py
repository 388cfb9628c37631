"""``RecordStore.check_many`` (the form's validation over a batch, then links and natural keys) gives what
``RecordStore.check`` gives row by row, on a real database; and the bulk write keeps every value."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from forms.store.records import COMPLETE
from tests.conftest import internship_values


def test_check_many_agrees_with_check(store, offering_id, cohort_id) -> None:
    stored, _ = store.save("internship", internship_values(offering_id, cohort_id))
    raws = [
        internship_values(offering_id, cohort_id, student_code=f"R13004{i:04d}") for i in range(30)
    ] + [
        internship_values(offering_id, cohort_id),  # the natural key of the stored record
        internship_values(offering_id, cohort_id, student_code="R1", end_date="2020-01-01"),
        internship_values(offering_id, cohort_id, student_code="R130099999", offering="0" * 36),
        internship_values(offering_id, None, student_code="R130099998", host_region=None, weekly_hours="beaucoup"),
        {**internship_values(offering_id, cohort_id, student_code="R130099997"), "id": "x", "status": "draft"},
        internship_values(offering_id, cohort_id, student_code="R130099996", host_country="France"),
    ]
    ids = [None] * len(raws)
    ids[30] = stored.id
    one_by_one = [store.check("internship", raw, record_id=rid) for raw, rid in zip(raws, ids, strict=True)]
    together = store.check_many("internship", raws, record_ids=ids)
    assert [(c.values, c.issues, c.record_id) for c in together] == \
        [(c.values, c.issues, c.record_id) for c in one_by_one]
    assert {i.code for c in together for i in c.issues} >= {"pattern", "end_before_start", "link", "type",
                                                              "required", "abroad_region"}
    assert together[30].issues == []  # its own natural key: not a duplicate of itself
    assert any(i.code == "unique" for i in store.check_many("internship", [raws[30]])[0].issues)


def test_bulk_write_keeps_every_value_and_audits_each_record(store, offering_id, cohort_id) -> None:
    raws = [internship_values(offering_id, cohort_id, student_code=f"R13005{i:04d}", final_mark="15.25",
                              outcome="COMPLETED", start_date="2024-01-08", end_date="2024-06-07") for i in range(5)]
    checked = store.check_many("internship", raws)
    ids = store.write_checked([(c, COMPLETE) for c in checked])
    for rid, c in zip(ids, checked, strict=True):
        record = store.get("internship", rid)
        assert record is not None and record.values == c.values and record.version == 1
        assert record.values["final_mark"] == Decimal("15.25") and record.values["start_date"] == date(2024, 1, 8)
        assert record.warning_count == len(c.warnings) and record.error_count == 0
        (entry,) = store.history("internship", rid)
        assert entry.action == "import" and entry.new_value["student_code"] == c.values["student_code"]
