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
