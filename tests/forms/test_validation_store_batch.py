"""``RecordStore.check_many`` (the form's validation over a batch, then links and natural keys) gives what
``RecordStore.check`` gives row by row, on a real database; and the bulk write keeps every value."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from forms.store.records import BULK_LOAD_MIN_ROWS, COMPLETE, bulk_load
from tests.conftest import OFFERING, cohort_values, internship_values


def test_check_many_agrees_with_check(store, offering_id, cohort_id) -> None:
    stored, _ = store.save("internship", internship_values(offering_id, cohort_id))
    other, _ = store.save("offering", {**OFFERING, "code": "MS-DATA", "domains": ["DATA"]})
    other_cohort, _ = store.save("cohort", cohort_values(other.id))
    raws = [
        internship_values(offering_id, cohort_id, student_code=f"R13004{i:04d}") for i in range(30)
    ] + [
        internship_values(offering_id, cohort_id),  # the natural key of the stored record
        internship_values(offering_id, cohort_id, student_code="R1", end_date="2020-01-01"),
        internship_values(offering_id, cohort_id, student_code="R130099999", offering="0" * 36),
        internship_values(offering_id, None, student_code="R130099998", host_region=None, weekly_hours="beaucoup"),
        {**internship_values(offering_id, cohort_id, student_code="R130099997"), "id": "x", "status": "draft"},
        internship_values(offering_id, cohort_id, student_code="R130099996", host_country="France"),
        # a cohort of another offering (the field's declared condition), then a domain the offering lacks
        # (the form's link rule), then both, between clean rows: each finding stays with its own row
        internship_values(offering_id, other_cohort.id, student_code="R130099995"),
        internship_values(offering_id, cohort_id, student_code="R130099994", domain="DATA"),
        internship_values(offering_id, cohort_id, student_code="R130099993"),
        internship_values(other.id, cohort_id, student_code="R130099992", domain="CYBER", cohort=cohort_id),
        internship_values(other.id, "f" * 36, student_code="R130099991"),
    ]
    ids = [None] * len(raws)
    ids[30] = stored.id
    one_by_one = [store.check("internship", raw, record_id=rid) for raw, rid in zip(raws, ids, strict=True)]
    together = store.check_many("internship", raws, record_ids=ids)
    assert [(c.values, c.issues, c.record_id) for c in together] == \
        [(c.values, c.issues, c.record_id) for c in one_by_one]
    singly = [store.check_many("internship", [raw], record_ids=[rid])[0] for raw, rid in zip(raws, ids, strict=True)]
    assert [(c.values, c.issues) for c in singly] == [(c.values, c.issues) for c in one_by_one]
    assert {i.code for c in together for i in c.issues} >= {"pattern", "end_before_start", "link", "type",
                                                              "required", "abroad_region"}
    messages = [[str(i.message) for i in c.issues] for c in together]
    assert any("n'appartient pas à cette offre" in m for m in messages[36])
    assert any("domaine" in m.lower() for m in messages[37]) and messages[38] == []
    assert any("n'appartient pas à cette offre" in m for m in messages[39])
    assert any("domaine" in m.lower() for m in messages[39])
    assert any("aucun(e) cohorte vivant(e)" in m for m in messages[40])
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


LIST_INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name GLOB 'ix_internship_list_*' ORDER BY name"
AUDIT_INDEX = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name = 'ix_audit_record'"


def _list_indexes(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(LIST_INDEXES).fetchall() + conn.execute(AUDIT_INDEX).fetchall()


def test_bulk_load_rebuilds_the_list_indexes_as_they_were(workspace, store, offering_id, cohort_id) -> None:
    before = _list_indexes(workspace.db_path)
    assert len(before) == 10  # migrations 0003 and 0007, and the journal's index of records
    checked = store.check_many("internship", [internship_values(offering_id, cohort_id, student_code=f"R1300{i:05d}")
                                              for i in range(50)])
    with store.writer.begin() as conn:
        with bulk_load(conn, "internship", 10) as dropped:  # a small import keeps them
            assert not dropped
        with bulk_load(conn, "internship", BULK_LOAD_MIN_ROWS) as dropped:
            assert dropped
            assert conn.exec_driver_sql(LIST_INDEXES).all() == []
            assert conn.exec_driver_sql(AUDIT_INDEX).all() == []  # the journal holds fewer rows than come in
            store.write_checked([(c, COMPLETE) for c in checked], conn=conn)
    assert _list_indexes(workspace.db_path) == before
    with closing(sqlite3.connect(workspace.db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the rebuilt index holds every row: an ordered scan through it sees them all
        assert conn.execute("SELECT count(*) FROM internship INDEXED BY ix_internship_list_last_name "
                            "WHERE last_name IS NOT NULL").fetchone() == (50,)
        assert conn.execute("SELECT count(*) FROM audit INDEXED BY ix_audit_record WHERE form = 'internship' "
                            "AND record_id IS NOT NULL").fetchone() == (50,)


def test_bulk_load_keeps_the_journal_index_of_a_larger_journal(workspace, store, offering_id, cohort_id) -> None:
    """The journal's index is rebuilt only when the journal is no larger than the import: a large journal keeps
    its index (rebuilding it would cost more than the import's inserts)."""
    with store.writer.begin() as conn:
        conn.exec_driver_sql("INSERT INTO audit (id, at, operator, form, record_id, action, change_seq) "
                             "VALUES (?, '2026-01-01', 'x', 'internship', 'r', 'create', 0)", (BULK_LOAD_MIN_ROWS + 1,))
        with bulk_load(conn, "internship", BULK_LOAD_MIN_ROWS) as dropped:
            assert dropped and conn.exec_driver_sql(LIST_INDEXES).all() == []
            assert [name for name, _sql in conn.exec_driver_sql(AUDIT_INDEX)] == ["ix_audit_record"]


def test_bulk_load_failure_or_kill_leaves_the_indexes(workspace, store, offering_id) -> None:
    before = _list_indexes(workspace.db_path)
    with pytest.raises(RuntimeError), store.writer.begin() as conn, bulk_load(conn, "internship", 10**6):
        raise RuntimeError("import interrompu")
    assert _list_indexes(workspace.db_path) == before
    killer = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from forms.store.records import bulk_load\n"
        "from forms.workspace import Workspace\n"
        "store = Workspace.open(Path(sys.argv[1])).records()\n"
        "with store.writer.begin() as conn, bulk_load(conn, 'internship', 10**6) as dropped:\n"
        "    assert dropped\n"
        "    os.kill(os.getpid(), 9)\n"
    )
    proc = subprocess.run([sys.executable, "-c", killer, str(workspace.db_path.parent)], check=False,
                          cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == -signal.SIGKILL
    assert _list_indexes(workspace.db_path) == before
    with closing(sqlite3.connect(workspace.db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
