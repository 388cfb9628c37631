"""The two forms added after the first release (applied R&D projects, continuing-education sessions) on the
ministry's side: bundles of the earlier content still consolidate (the format's test vectors of every
version, written before these forms existed), a real national store of the previous schema is upgraded,
and the new forms are consolidated, counted by ``ministry status`` and listed — on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from sqlalchemy import select

from forms.definitions import FORMS
from forms.workspace import MINISTRY, Workspace
from sync.keys import Identity, public_document
from sync.ministry import enroll
from sync.ministry.consolidation import consolidate
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import chains
from tests.sync.ministry.conftest import national_rows

VECTORS = Path(__file__).resolve().parents[2] / "vectors"
EXPECTED = {1: ({"offering": 1, "internship": 1}, {"offering": 0, "internship": 0}),
            2: ({"offering": 0, "internship": 1}, {"offering": 1, "internship": 1})}
"""Per vector: records accepted and refused per form, as consolidated before the new forms existed."""


def _vector_identities(vector: dict) -> tuple[Identity, Identity]:
    ecc = Identity("establishment", "ECC", vector["manifest"]["establishment_name"],
                   {k: bytes.fromhex(v) for k, v in vector["establishment_private"].items()}, "2026-01-01T00:00:00Z")
    mic = Identity("ministry", "MIC", "Ministère de l'Industrie et du Commerce",
                   {k: bytes.fromhex(v) for k, v in vector["ministry_private"].items()}, "2026-01-01T00:00:00Z")
    return ecc, mic


@pytest.mark.parametrize("version", [1, 2])
def test_bundles_of_the_previous_content_still_consolidate(version, tmp_path, backend) -> None:
    """The vectors of format 1 and 2 carry offerings, cohorts and internships only (no table for the new
    forms): applied as they always were, nothing refused, the new forms' tables untouched."""
    vector = orjson.loads((VECTORS / f"bundle-v{version}.json").read_bytes())
    ecc, mic = _vector_identities(vector)
    ws = Workspace.create(tmp_path / "mic", MINISTRY, ministry="MIC", operator="Analyste", **backend)
    try:
        enroll(ws, public_document(ecc))
        store = national_store(ws)
        # The vector follows bundle n° sequence-1 of hash previous_hash: the chain is put there.
        with store.write() as conn:
            conn.execute(chains.update().where(chains.c.establishment == "ECC").values(
                last_sequence=vector["manifest"]["sequence"] - 1, last_hash=vector["manifest"]["previous_hash"]))
        inbox = tmp_path / "inbox"
        inbox.mkdir()
        shutil.copy(VECTORS / vector["file"], inbox / vector["file"])
        result = consolidate(ws, mic, [inbox])
        [outcome] = result.outcomes
        assert outcome.state == "applied", outcome.reason
        # Each record's fate as before the new forms: format 1's all accepted; format 2's vector has an
        # offering of a level that is not in the list (« MS »), so it and the internship naming it are refused.
        assert not outcome.problems
        assert outcome.accepted == EXPECTED[version][0] and outcome.refused == EXPECTED[version][1]
        assert result.failed == (version == 2)
        assert outcome.total == sum(len(rows) for rows in vector["records"].values()) > 0
        assert set(vector["records"]) <= {"offering", "cohort", "internship"}
        for form in FORMS:
            rows = national_rows(ws, form)
            if form not in vector["records"]:
                assert rows == {}, form
        live = {r["code"] for r in national_rows(ws, "offering").values() if not r["deleted"]}
        assert live == ({"MS-CYBER"} if version == 1 else set())
        with store.read() as conn:
            assert conn.execute(select(chains.c.last_sequence)).scalar() == vector["manifest"]["sequence"]
    finally:
        close_national_store(ws)


def test_a_real_n0003_store_is_upgraded_to_the_new_forms(tmp_path, backend) -> None:
    """SQLite: a copy of a store written by revision n0003 with two establishments' bundles
    (``data/national-n0003.db``); PostgreSQL: a store built by Alembic up to n0003 and filled. Opening either
    upgrades it: the new forms' tables appear (empty), every record, key, chain and bundle is kept, and the
    store matches the declarations exactly."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import func, inspect, text

    from sync.ministry.database import HEAD_REVISION, VERSION_TABLE, new_engine, open_store, run_migrations
    from sync.ministry.tables import bundles_received, metadata, record_table, registry_keys

    if not backend:
        folder = tmp_path / "mic"
        folder.mkdir()
        shutil.copy(Path(__file__).parent / "data" / "national-n0003.db", folder / "national.db")
        url = f"sqlite+pysqlite:///{folder / 'national.db'}"
        before = {"offering": 2, "cohort": 2, "internship": 4}
    else:
        url = backend["db_url"]
        engine = new_engine(url)
        run_migrations(engine, "n0003")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO meta (key, value) VALUES ('ministry', 'MIC')"))
            conn.execute(text("INSERT INTO internship (establishment, id, version, change_seq, deleted, "
                              "bundle_sequence, bundle_hash, host_city) VALUES ('ECC', "
                              "'00000000-0000-4000-8000-000000000001', 1, 3, false, 1, :h, 'Casablanca')"),
                         {"h": "0" * 64})
        engine.dispose()
        before = {"offering": 0, "cohort": 0, "internship": 1}
    engine = open_store(url, backup_dir=tmp_path / "backups")
    try:
        with engine.connect() as conn:
            assert conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD_REVISION
            names = set(inspect(conn).get_table_names())
            assert {"rd_project", "ce_session"} <= names
            for form, n in before.items():
                assert conn.execute(select(func.count()).select_from(record_table(form))).scalar() == n, form
            for form in ("rd_project", "ce_session"):
                assert conn.execute(select(func.count()).select_from(record_table(form))).scalar() == 0
            context = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": VERSION_TABLE})
            assert compare_metadata(context, metadata) == []
            if not backend:
                assert sorted(r.establishment for r in conn.execute(select(registry_keys))) == ["ECC", "ESITH"]
                assert conn.execute(select(func.count()).select_from(bundles_received)).scalar() == 2
                cities = conn.execute(select(record_table("internship").c.host_city)).scalars().all()
                assert len(cities) == 4 and all(cities)
    finally:
        engine.dispose()
    if not backend:
        assert list((tmp_path / "backups").glob("national-avant-migration-n0003-*.db"))
