"""A large import fills the search index once for its new rows (its insert trigger set aside inside the import's
transaction): afterwards the triggers are as they were and every imported row is found; a refusal or a kill -9
in the middle leaves the triggers, the index and the records as they were."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from forms.definitions import FORMS
from forms.excel import run_import
from forms.store.records import SEARCH_BULK_MIN_ROWS
from tests.conftest import internship_values
from tests.forms.excel_files import internship_row, write_xlsx
from tests.forms.test_search import found, index_is_sound

ROOT = Path(__file__).resolve().parents[2]
TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"


def _triggers(db: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(TRIGGERS).fetchall()


def _count(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM internship").fetchone()[0]


def _sheet(path: Path, rows: int, **last: object) -> Path:
    """``rows`` valid internships; the last one named « Zerhouni », hosted by « Crédit Agricole »."""
    data = [internship_row(student_code=f"R{140000000 + i}", last_name=f"Nom{i % 97}", host_name=f"Hôte {i % 13}")
            for i in range(rows - 1)]
    data.append(internship_row(student_code="R149999999", last_name="Zerhouni", host_name="Crédit Agricole", **last))
    return write_xlsx(path, "internship", data)


def test_large_import_fills_the_search_index_and_keeps_the_triggers(store, workspace, offering_id, cohort_id,
                                                                     tmp_path) -> None:
    held, _ = store.save("internship", internship_values(offering_id, cohort_id, student_code="R100000009",
                                                         last_name="Bennani"))
    before = _triggers(workspace.db_path)
    assert len(before) >= 9  # insert, update, delete for each form's index
    plan = run_import(store, "internship", _sheet(tmp_path / "stages.xlsx", SEARCH_BULK_MIN_ROWS + 50))
    assert plan.applied and plan.created == SEARCH_BULK_MIN_ROWS + 50, plan.lines()[:5]
    assert _triggers(workspace.db_path) == before
    assert len(found(store, "internship", "zerhouni")) == 1  # a new row, indexed by the bulk fill
    assert len(found(store, "internship", "credit agricole")) == 1
    assert len(found(store, "internship", "Nom12")) == len([i for i in range(SEARCH_BULK_MIN_ROWS + 49) if i % 97 == 12])
    assert found(store, "internship", "bennani") == [held.id]  # a row held before: indexed once, still found
    index_is_sound(workspace.db_path)
    # the insert trigger works again: a record saved afterwards is found
    later, _ = store.save("internship", internship_values(offering_id, cohort_id, student_code="R100000010",
                                                          last_name="Ouazzani"))
    assert found(store, "internship", "ouazzani") == [later.id]
    with closing(sqlite3.connect(workspace.db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_refused_large_import_leaves_triggers_and_index(store, workspace, offering_id, cohort_id,
                                                          tmp_path) -> None:
    before = _triggers(workspace.db_path)
    sheet = _sheet(tmp_path / "stages.xlsx", SEARCH_BULK_MIN_ROWS + 50, end_date="01/01/2020")  # last row refused
    plan = run_import(store, "internship", sheet)
    assert not plan.applied and plan.errors
    assert _triggers(workspace.db_path) == before
    assert _count(workspace.db_path) == 0
    assert found(store, "internship", "Nom12") == []
    index_is_sound(workspace.db_path)


KILLER = """
import os, sys, sqlite3
from pathlib import Path
from forms.definitions import FORMS
from forms.excel import run_import
from forms.store.records import RecordStore
from forms.workspace import Workspace

store = Workspace.open(Path(sys.argv[1])).records()
write = RecordStore.write_checked

def write_then_die(self, rows, **kw):
    ids = write(self, rows, **kw)
    trigger = kw["conn"].exec_driver_sql(
        "SELECT count(*) FROM sqlite_master WHERE name = 'internship_search_insert'").scalar()
    if trigger:  # the trigger must be set aside at this point: a kill now is the case tested
        sys.exit(3)
    os.kill(os.getpid(), 9)

RecordStore.write_checked = write_then_die
run_import(store, "internship", Path(sys.argv[2]))
sys.exit(4)
"""


def test_kill_during_a_large_import_leaves_triggers_index_and_records(store, workspace, offering_id, cohort_id,
                                                                      tmp_path) -> None:
    held, _ = store.save("internship", internship_values(offering_id, cohort_id, student_code="R100000009",
                                                         last_name="Bennani"))
    before = _triggers(workspace.db_path)
    sheet = _sheet(tmp_path / "stages.xlsx", SEARCH_BULK_MIN_ROWS + 2500)  # more than one batch of writes
    store.engine.dispose()
    proc = subprocess.run([sys.executable, "-c", KILLER, str(workspace.db_path.parent), str(sheet)], check=False,
                          cwd=ROOT)
    assert proc.returncode == -signal.SIGKILL
    assert _triggers(workspace.db_path) == before
    assert _count(workspace.db_path) == 1  # none of the import
    with closing(sqlite3.connect(workspace.db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    index_is_sound(workspace.db_path)
    assert found(store, "internship", "bennani") == [held.id]
    assert found(store, "internship", "zerhouni") == []
    later, _ = store.save("internship", internship_values(offering_id, cohort_id, student_code="R100000010",
                                                          last_name="Ouazzani"))
    assert found(store, "internship", "ouazzani") == [later.id]
    # the same file imports whole afterwards, and is found
    plan = run_import(store, "internship", sheet)
    assert plan.applied, plan.lines()[:5]
    assert len(found(store, "internship", "zerhouni")) == 1
    index_is_sound(workspace.db_path)


def test_new_ids_are_random_version_4_uuids_as_uuid4_writes_them() -> None:
    import uuid

    from forms.store.records import new_ids

    ids = new_ids(2000)
    assert len(set(ids)) == 2000
    for text in ids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text
    assert new_ids(0) == []


def test_the_preview_names_missing_fields_in_the_readers_language(tmp_path) -> None:
    """The window's « Lire le fichier » step: a required column missing named its field in French inside the
    Arabic page (« الحقل « Code de l'offre » »); the preview now names it in the language it is asked for."""
    from forms.excel import preview_import

    sheet = tmp_path / "faux.csv"
    sheet.write_text("pas un classeur\n", encoding="utf-8")
    for lang, label in (("ar", FORMS["offering"].field("code").label.ar),
                        ("en", FORMS["offering"].field("code").label.en),
                        ("fr", FORMS["offering"].field("code").label.fr)):
        lines = [p.render(sheet.name, lang) for p in preview_import("offering", sheet, lang=lang).problems]
        assert any(f"« {label} »" in line for line in lines), (lang, lines[:2])
