"""Full-text search of the lists (FTS5, migration 0005): accents and case folded, several words, word
beginnings, kept in step with every write, and built for the records of an upgraded 0004 database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.ui.list_query import ListFilter, ListQuery, filter_fields
from forms.definitions import FORMS
from forms.store.database import open_database
from forms.store.records import RecordStore
from forms.store.search import fts_query
from tests.conftest import OFFERING, cohort_values, fill_every_form, internship_values

DATA = Path(__file__).parent / "data"


def found(store, form_key: str, typed: str) -> list[str]:
    query = ListQuery(store.engine, form_key, store.establishment)
    assert query.full_text
    rows = query.fetch(ListFilter(search=typed))
    assert query.count(ListFilter(search=typed)) == len(rows)
    return sorted(row[0] for row in rows)


def index_is_sound(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        for form in FORMS:
            conn.execute(f"INSERT INTO {form}_search({form}_search) VALUES ('integrity-check')")
    finally:
        conn.close()


@pytest.fixture
def people(store):
    offering, _ = store.save("offering", OFFERING)
    cohort, _ = store.save("cohort", cohort_values(offering.id))
    tazi, _ = store.save("internship", internship_values(offering.id, cohort.id, student_code="R100000001",
                                                           last_name="Tazi", first_name="Omar",
                                                           host_name="Société Générale Maroc"))
    salma, _ = store.save("internship", internship_values(offering.id, cohort.id, student_code="R100000002",
                                                            last_name="العلوي", first_name="سلمى",
                                                            host_name="OCP"))
    return tazi.id, salma.id


def test_accents_case_several_words_and_word_beginnings(store, people):
    tazi, salma = people
    assert found(store, "internship", "Societe Generale") == [tazi]
    assert found(store, "internship", "  tazi   OMAR ") == [tazi]  # two words, in two columns
    assert found(store, "internship", "omar taz") == [tazi]  # any order, beginnings of words
    assert found(store, "internship", "Tazi Salma") == []  # every word must be found
    assert found(store, "internship", "سلمى") == [salma]
    assert found(store, "internship", "R10000000") == sorted([tazi, salma])
    assert found(store, "internship", "Générale \"OR\" *") == []  # typed operators are text, not syntax
    assert found(store, "internship", "  -  ") == sorted([tazi, salma])  # punctuation alone: no filter
    assert fts_query('a"b') == '"a""b"*'


def test_the_index_follows_updates_deletions_and_imports(store, people, workspace, tmp_path):
    tazi, _salma = people
    record = store.get("internship", tazi)
    store.save("internship", {**record.values, "host_name": "Maroc Telecom"}, record_id=tazi)
    assert found(store, "internship", "generale") == []
    assert found(store, "internship", "telecom") == [tazi]
    store.delete("internship", [tazi])
    assert found(store, "internship", "telecom") == []
    from forms.excel import run_import
    from tests.forms.excel_files import internship_row, write_xlsx

    path = write_xlsx(tmp_path / "stages.xlsx", "internship",
                      [internship_row(student_code="S200000", last_name="Berrada", host_name="Crédit Agricole")])
    plan = run_import(store, "internship", path)
    assert plan.applied, plan.lines()
    assert len(found(store, "internship", "credit agricole")) == 1
    index_is_sound(workspace.db_path)


def test_upgrade_of_a_0004_database_indexes_its_records(tmp_path):
    db = tmp_path / "kafaat.db"
    shutil.copy(DATA / "kafaat-0004.db", db)
    conn = sqlite3.connect(db)
    live = conn.execute("SELECT id FROM internship WHERE first_name = 'سلمى' AND deleted = 0").fetchall()
    offerings = conn.execute("SELECT id FROM offering WHERE code = 'MS-CYBER'").fetchall()
    conn.close()
    assert live and offerings
    engine = open_database(db, backup_dir=tmp_path / "backups")
    store = RecordStore(engine, "ECC", "test")
    assert found(store, "internship", "سلمى") == sorted(r[0] for r in live)
    assert found(store, "offering", "ms-cyber") == [offerings[0][0]]
    assert found(store, "offering", "cybersecurite") == [offerings[0][0]]
    engine.dispose()
    index_is_sound(db)


@pytest.mark.parametrize("form_key", list(FORMS))
def test_every_searched_field_of_every_form_is_found(store, workspace, form_key):
    """Each field a form declares searchable (``Form.search``) finds its record from one of its words typed
    without accents or capitals; a filter by a declared list column narrows the same list."""
    from forms.reference import fold

    ids = fill_every_form(store)
    record = store.get(form_key, ids[form_key])
    for key in FORMS[form_key].search:
        word = fold(str(record.values[key])).replace(";", " ").split()[0]
        assert ids[form_key] in found(store, form_key, word), (key, word)
    assert found(store, form_key, "zzzintrouvable") == []
    query = ListQuery(store.engine, form_key, store.establishment)
    filters = filter_fields(FORMS[form_key])
    assert filters, form_key
    for f in filters:
        value = record.values[f.key]
        value = value[0] if isinstance(value, tuple) else value
        assert ids[form_key] in [row[0] for row in query.fetch(ListFilter(equals={f.key: value}))], f.key
        assert query.count(ListFilter(equals={f.key: "NO-SUCH-VALUE"})) == 0
    index_is_sound(workspace.db_path)
