"""A worker process prepares bundle n + 1 (decryption, decoding, the form's rules) while bundle n is applied
(``sync.ministry.prefetch``): the national store, the outcomes and the receipts are exactly those of a run
without it, and what the worker prepared is used only if it still holds in the bundle's transaction."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from forms.workspace import MINISTRY, Workspace
from sync.bundle import FormRecords, bundle_hash
from sync.keys import public_document
from sync.ministry import enroll, prefetch
from sync.ministry.consolidation import apply_file, consolidate
from sync.ministry.reading import peek
from sync.ministry.registry import revoke, signing_key
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import record_table
from tests.sync.conftest import install_keys
from tests.sync.ministry.conftest import SCHOOLS, bundle_rows, craft, national_rows


def _inbox(schools, identities, tmp_path) -> list:
    """Seven bundles: ECC n° 1–3 (a record changed, then one deleted); ESITH n° 1 crafted with a negative
    stipend (that record refused on its own) and n° 2 with a stipend that is not a number (refused whole by
    the reader, mid-way); ISCAE n° 1 altered after signing (refused whole before decryption) and as sent."""
    ecc, esith, iscae = schools["ECC"], schools["ESITH"], schools["ISCAE"]
    ids = ecc.populate(internships=3)
    ecc.export()
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    ecc.export()
    ecc.records().delete("internship", [ids["internships"][1]])
    ecc.export()
    esith.populate(internships=2)
    tables = bundle_rows(esith.export(tmp_path / "real"), identities["MIC"], esith)
    columns = tables["internship"].columns
    rows = [list(r) for r in tables["internship"].rows]
    rows[0][columns.index("monthly_stipend")] = -5.0
    one = craft(esith, identities["MIC"], 1, None, {**tables, "internship": FormRecords(columns, rows, [])})
    rows[1][columns.index("monthly_stipend")] = "beaucoup"
    craft(esith, identities["MIC"], 2, bundle_hash(one.read_bytes()),
          {**tables, "internship": FormRecords(columns, rows, [])})
    iscae.populate()
    good = iscae.export(tmp_path / "iscae")
    data = bytearray(good.read_bytes())
    data[-5] ^= 1
    (tmp_path / "inbox" / "ISCAE").mkdir(parents=True, exist_ok=True)
    (tmp_path / "inbox" / "ISCAE" / "altered.kfb").write_bytes(bytes(data))
    shutil.copy(good, tmp_path / "inbox" / "ISCAE" / good.name)
    return [tmp_path / "inbox", esith.outbox.parent / "crafted"]


def _store(ws: Workspace) -> dict[str, Any]:
    out = {}
    for form in ("offering", "cohort", "internship"):
        table = record_table(form)
        with national_store(ws).read() as conn:
            out[form] = sorted((r.establishment, r.id, r.version, r.deleted, r.bundle_sequence)
                               for r in conn.execute(select(table)))
    out["host_cities"] = sorted(str(r["host_city"]) for r in national_rows(ws, "internship").values())
    return out


def test_a_worker_gives_the_same_store_and_outcomes(ministry, schools, identities, sealed, schools_identities,
                                                     tmp_path, monkeypatch) -> None:
    paths = _inbox(schools, identities, tmp_path)
    monkeypatch.setattr(prefetch, "MIN_BUNDLES", 2)
    with_worker = consolidate(ministry, identities["MIC"], paths, tmp_path / "receipts-1")
    # The same inbox in another ministry folder, without the worker.
    alone = Workspace.create(tmp_path / "mic-alone", MINISTRY, ministry="MIC", operator="Analyste")
    install_keys(alone, identities["MIC"], sealed["MIC"])
    for code in SCHOOLS:
        enroll(alone, public_document(schools_identities[code]))
    without = consolidate(alone, identities["MIC"], paths, tmp_path / "receipts-2", workers=False)
    try:
        assert with_worker.prefetched >= 5 and without.prefetched == 0
        for a, b in zip(with_worker.to_json()["bundles"], without.to_json()["bundles"], strict=True):
            assert {**a, "receipt": Path(a["receipt"] or "-").name} == {**b, "receipt": Path(b["receipt"] or "-").name}
        states = [(o.establishment, o.sequence, o.state) for o in with_worker.outcomes]
        assert states.count(("ECC", 1, "applied")) == 1 and ("ECC", 3, "applied") in states
        assert [o.state for o in with_worker.outcomes if o.file.endswith("altered.kfb")] == ["refused"]
        esith, esith_2 = [o for o in with_worker.outcomes if o.establishment == "ESITH"]
        assert esith.state == "applied" and esith.refused == {"offering": 0, "cohort": 0, "internship": 1}
        assert "Gratification mensuelle" in " ".join(esith.refused_records[0]["reasons"])
        assert esith_2.state == "refused" and "type inattendu" in esith_2.reason
        assert _store(ministry) == _store(alone)
        assert len(_store(ministry)["internship"]) == 3 + 1 + 2  # ECC's deleted one is kept, marked
        assert sorted(p.name for p in (tmp_path / "receipts-1").iterdir()) == \
            sorted(p.name for p in (tmp_path / "receipts-2").iterdir())
    finally:
        close_national_store(alone)


def test_what_the_worker_prepared_is_not_used_once_the_key_is_revoked(ministry, schools, identities,
                                                                      tmp_path) -> None:
    ecc = schools["ECC"]
    ecc.populate()
    path = ecc.export()
    data = path.read_bytes()
    head = peek(data)
    store = national_store(ministry)
    with store.read() as conn:
        key = signing_key(conn, "ECC", head.signer_key_id)
    prefetch._start(identities["MIC"])  # what the worker process runs, run here
    try:
        prepared = prefetch._prepare_bytes(data, key, prefetch.DEFAULT_LIMITS)
    finally:
        prefetch._start(None)  # type: ignore[arg-type]
    assert prepared is not None and prepared.error is None and prepared.forms["internship"].total == 2
    revoke(ministry, "ECC")  # between the worker's reading and the bundle's turn
    outcome = apply_file(store, identities["MIC"], head, data, str(path), prepared=prepared)
    assert outcome.state == "refused" and "révoquée" in outcome.reason
    assert national_rows(ministry, "internship", "ECC") == {}
