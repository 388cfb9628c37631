"""Alembic migrations: one linear chain, schema equal to the declarations, upgrades of real old files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from forms.store.database import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    DatabaseTooNew,
    NotInitialised,
    StoreError,
    open_database,
)
from forms.store.records import RecordStore
from forms.store.search import is_search_table
from forms.store.tables import metadata

DATA = Path(__file__).parent / "data"


def script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_revisions_form_one_chain_named_like_their_files() -> None:
    scripts = script()
    assert scripts.get_heads() == [HEAD_REVISION]
    chain = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(chain) == KNOWN_REVISIONS
    for rev in scripts.walk_revisions():
        assert Path(rev.path).name.startswith(rev.revision + "_")


def test_migrated_schema_equals_the_declarations(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "k.db", create=True)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata)
    engine.dispose()
    # the full-text indexes (0005) are FTS5 virtual tables, outside the declarations
    assert [d for d in diff if not (d[0] == "remove_table" and is_search_table(d[1].name))] == []


def snapshot(path: Path, query: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("old", sorted(DATA.glob("kafaat-*.db")), ids=lambda p: p.stem)
def test_upgrade_of_a_database_written_by_an_earlier_version(tmp_path: Path, old: Path) -> None:
    db = tmp_path / "kafaat.db"
    shutil.copy(old, db)
    rows_before = {t: snapshot(db, f"SELECT id, version, deleted, status FROM {t} ORDER BY id")
                   for t in ("offering", "cohort", "internship")}
    audit_before = snapshot(db, "SELECT * FROM audit ORDER BY id")
    engine = open_database(db, backup_dir=tmp_path / "backups")
    store = RecordStore(engine, "ECC", "test")
    for table, rows in rows_before.items():
        assert snapshot(db, f"SELECT id, version, deleted, status FROM {table} ORDER BY id") == rows
    assert snapshot(db, "SELECT * FROM audit ORDER BY id")[: len(audit_before)] == audit_before
    revision = old.stem.split("-")[1]
    if revision != HEAD_REVISION:
        backups = list((tmp_path / "backups").glob(f"kafaat-avant-migration-{revision}-*.db"))
        assert len(backups) == 1
        assert snapshot(backups[0], "SELECT version_num FROM alembic_version") == [(revision,)]
        assert snapshot(backups[0], "PRAGMA integrity_check") == [("ok",)]
    assert snapshot(db, "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
    # The upgraded database is fully usable: read the typed values back and write a change.
    cohort = store.list("cohort")[0]
    assert (cohort.values["enrolled"], cohort.version) == (31, 2)
    internships = store.list("internship", include_deleted=True)
    assert {r.values["first_name"] for r in internships} >= {"سلمى"}
    record, _ = store.save("cohort", {**cohort.values, "scholarship": 11}, record_id=cohort.id)
    assert record.version == 3
    assert snapshot(db, "PRAGMA integrity_check") == [("ok",)]
    engine.dispose()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "kafaat.db"
    shutil.copy(sorted(DATA.glob("kafaat-*.db"))[0], db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew, match="plus récente"):
        open_database(db)
    assert db.read_bytes() == before


def test_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(NotInitialised):
        open_database(tmp_path / "absent.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"ceci n'est pas une base SQLite" * 100)
    with pytest.raises(StoreError, match="n'est pas une base"):
        open_database(junk)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE clients (nom TEXT)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="autre application"):
        open_database(other)
    assert other.read_bytes() == before


def test_upgrade_of_0005_adds_the_two_new_forms_searchable_and_usable(tmp_path: Path) -> None:
    """A real database of schema 0005 (records of the first three forms and a continuing-education offering)
    gains the R&D projects and continuing-education sessions: tables, full-text search, link conditions."""
    from forms.definitions import FORMS
    from forms.store.search import search_table
    from tests.conftest import ce_session_values, rd_project_values

    db = tmp_path / "kafaat.db"
    shutil.copy(DATA / "kafaat-0005.db", db)
    assert {name for (name,) in snapshot(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
            } & {"rd_project", "ce_session"} == set()
    engine = open_database(db, backup_dir=tmp_path / "backups")
    store = RecordStore(engine, "ECC", "test")
    # every form's search index covers exactly the fields its declaration names
    for key, form in FORMS.items():
        columns = [row[1] for row in snapshot(db, f"PRAGMA table_info({search_table(key)})")]
        assert columns == list(form.search), key
    offerings = {r.values["code"]: r.id for r in store.list("offering")}
    assert set(offerings) == {"MS-CYBER", "FC-IA"}
    session, warnings = store.save("ce_session", ce_session_values(offerings["FC-IA"], employers="Société Générale"))
    assert (session.status, warnings) == ("complete", [])
    project, _ = store.save("rd_project", rd_project_values(offerings["MS-CYBER"]))
    assert project.status == "complete"
    # the declared link condition holds on the upgraded data: an initial-training offering is refused
    refused = store.check("ce_session", ce_session_values(offerings["MS-CYBER"], code="X-1"))
    assert [i.code for i in refused.errors] == ["continuing_offering"]
    # search: old rows (indexed by 0005) and new ones (indexed by the triggers of 0006), accents folded
    assert snapshot(db, "SELECT rowid FROM offering_search WHERE offering_search MATCH 'intelligence'") != []
    assert len(snapshot(db, "SELECT rowid FROM ce_session_search WHERE ce_session_search MATCH '\"societe\"*'")) == 1
    assert len(snapshot(db, "SELECT rowid FROM rd_project_search WHERE rd_project_search MATCH '\"atlas\"'")) == 1
    assert snapshot(db, "PRAGMA integrity_check") == [("ok",)]
    engine.dispose()


def test_upgrade_of_0006_indexes_every_column_of_the_internship_list(tmp_path: Path) -> None:
    """A real database of schema 0006 gains the list indexes of 0007 (first name, end date, and the codes
    followed by the last change), built over its existing rows: a sort on each reads the index."""
    db = tmp_path / "kafaat.db"
    shutil.copy(DATA / "kafaat-0006.db", db)
    listed = "SELECT name FROM sqlite_master WHERE type = 'index' AND name GLOB 'ix_internship_list_*' ORDER BY name"
    assert [n for (n,) in snapshot(db, listed)] == [f"ix_internship_list_{c}" for c in
                                                    ("host_name", "last_name", "start_date", "updated_at")]
    engine = open_database(db, backup_dir=tmp_path / "backups")
    columns = {name: [row[2] for row in snapshot(db, f"PRAGMA index_info({name})")] for (name,) in snapshot(db, listed)}
    assert columns == {
        "ix_internship_list_end_date": ["end_date"], "ix_internship_list_first_name": ["first_name"],
        "ix_internship_list_host_name": ["host_name"], "ix_internship_list_internship_type": ["internship_type",
                                                                                              "updated_at"],
        "ix_internship_list_last_name": ["last_name"], "ix_internship_list_outcome": ["outcome", "updated_at"],
        "ix_internship_list_start_date": ["start_date"], "ix_internship_list_status": ["status", "updated_at"],
        "ix_internship_list_updated_at": ["updated_at"]}
    # the existing rows are in the new indexes, and a list sorted by outcome is read from its index
    for name, (column, *_rest) in columns.items():
        assert snapshot(db, f"SELECT count(*) FROM internship INDEXED BY {name} WHERE {column} IS NOT NULL"
                        ) == snapshot(db, f"SELECT count(*) FROM internship WHERE {column} IS NOT NULL"), name
    plan = snapshot(db, "EXPLAIN QUERY PLAN SELECT id FROM internship WHERE deleted = 0 "
                        "ORDER BY outcome DESC, updated_at DESC, rowid DESC LIMIT 200")
    assert "ix_internship_list_outcome" in plan[-1][3] and "TEMP B-TREE" not in str(plan)
    assert snapshot(db, "PRAGMA integrity_check") == [("ok",)]
    engine.dispose()
