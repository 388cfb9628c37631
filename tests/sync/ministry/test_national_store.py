"""The national store's schema: migrations that produce exactly the declared tables on SQLite and
PostgreSQL, their own version table, a database from a newer Kafaat refused, a foreign database refused,
no password ever written into the settings."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from forms.workspace import MINISTRY, Workspace
from sync.ministry.database import (
    HEAD_REVISION,
    VERSION_TABLE,
    NationalStoreError,
    check_url,
    new_engine,
    open_store,
)
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import metadata, record_table


def test_migrated_store_matches_the_declarations(ministry) -> None:
    engine = national_store(ministry).engine
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
        diff = compare_metadata(context, metadata)
        tables = set(inspect(conn).get_table_names())
        assert conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD_REVISION
    assert diff == []
    assert "alembic_version" not in tables  # the establishment store's version table is another one
    # One column per declared field, as received (withheld fields absent).
    columns = {c.name for c in record_table("internship").columns}
    assert {"student_code", "host_name", "offering"} <= columns and "last_name" not in columns


def test_a_newer_or_foreign_store_is_refused(ministry) -> None:
    store = national_store(ministry)
    url = store.engine.url.render_as_string(hide_password=False)
    with store.write() as conn:
        conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = 'n9999'"))
    close_national_store(ministry)
    with pytest.raises(NationalStoreError, match="plus récente"):
        open_store(url)


def test_another_applications_database_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    engine = new_engine(f"sqlite+pysqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE clients (id INTEGER)"))
    engine.dispose()
    with pytest.raises(NationalStoreError, match="pas celles d'un magasin national"):
        open_store(f"sqlite+pysqlite:///{path}")


def test_urls() -> None:
    assert check_url("postgresql+psycopg://analyste@serveur/kafaat")
    for bad, words in (("postgresql+psycopg://analyste:secret@serveur/kafaat", "PGPASSWORD"),
                       ("postgresql+psycopg2://analyste@serveur/kafaat", "pilote"),
                       ("mysql://a@b/c", "non prise en charge")):
        with pytest.raises(NationalStoreError, match=words):
            check_url(bad)


def test_another_ministrys_store_is_refused(ministry, tmp_path) -> None:
    national_store(ministry)
    settings = dict(ministry.settings)
    close_national_store(ministry)
    other = Workspace(tmp_path / "mic", {**settings, "ministry": "MESRSI"})
    assert other.role == MINISTRY
    with pytest.raises(NationalStoreError, match="ministère MIC"):
        national_store(other)


def test_a_real_n0001_store_is_upgraded_without_loss(tmp_path, backend) -> None:
    """SQLite: a copy of a store written by revision n0001 (``data/national-n0001.db``); PostgreSQL: a store
    built by Alembic up to n0001 and filled. Both are upgraded when opened, their data kept."""
    import shutil
    from pathlib import Path

    from sqlalchemy import select

    from sync.ministry.database import open_store, run_migrations
    from sync.ministry.tables import registry_keys

    if not backend:
        folder = tmp_path / "mic"
        folder.mkdir()
        shutil.copy(Path(__file__).parent / "data" / "national-n0001.db", folder / "national.db")
        url = f"sqlite+pysqlite:///{folder / 'national.db'}"
    else:
        url = backend["db_url"]
        engine = new_engine(url)
        run_migrations(engine, "n0001")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('ministry', 'MIC')"))
            conn.execute(text("INSERT INTO internship (establishment, id, version, change_seq, deleted, "
                              "bundle_sequence, bundle_hash, host_city) VALUES ('ECC', "
                              "'00000000-0000-4000-8000-000000000001', 1, 3, false, 1, :h, 'Casablanca')"),
                         {"h": "0" * 64})
        engine.dispose()
    engine = open_store(url, backup_dir=tmp_path / "backups")
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD_REVISION
        assert conn.execute(select(record_table("internship").c.host_city)).scalars().all() == ["Casablanca"]
        assert "establishment_list" in inspect(conn).get_table_names()
        assert "contact_email" not in {c["name"] for c in inspect(conn).get_columns("offering")}
        context = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        if not backend:
            assert [r.establishment for r in conn.execute(select(registry_keys))] == ["ECC"]
    engine.dispose()
    if not backend:
        assert list((tmp_path / "backups").glob("national-avant-migration-n0001-*.db"))
