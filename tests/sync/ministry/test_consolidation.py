"""Consolidation end to end through real files: three establishments, real keys, real bundles, the
national store read back after every run (SQLite and PostgreSQL alike)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from sync.ministry.consolidation import consolidate
from sync.ministry.store import national_store
from sync.ministry.tables import bundles_received, chains, consolidation_audit, held_bundles
from sync.receipts import read_receipt
from tests.sync.ministry.conftest import national_rows


def _states(ministry) -> dict[tuple[str, int], str]:
    with national_store(ministry).read() as conn:
        return {(r.establishment, r.sequence): r.state for r in conn.execute(select(bundles_received))}


def _chain(ministry, code: str):
    with national_store(ministry).read() as conn:
        return conn.execute(select(chains).where(chains.c.establishment == code)).one()


def test_three_establishments_in_order_then_a_second_month(ministry, schools, identities, tmp_path) -> None:
    ids = {code: s.populate() for code, s in schools.items()}
    files = [s.export() for s in schools.values()]
    report = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"], tmp_path / "receipts")
    assert [o.state for o in report.outcomes] == ["applied"] * 3 and not report.failed
    for code in schools:
        rows = national_rows(ministry, "internship", code)
        assert set(rows) == set(ids[code]["internships"])
        row = rows[ids[code]["internships"][0]]
        assert row["bundle_sequence"] == 1 and row["deleted"] is False and row["version"] == 1
        assert "last_name" not in row  # withheld: never stored
        assert national_rows(ministry, "offering", code)[ids[code]["offering"]]["domains"] == ("CYBER", "CLOUD")
        assert _chain(ministry, code).last_sequence == 1
    receipt = tmp_path / "receipts" / "accuse-MIC-ECC-1.json"
    body, _, _ = read_receipt(receipt.read_bytes(), "accusé")
    assert body["accepted"] == {"offering": 1, "cohort": 1, "internship": 2} and body["refused_records"] == []
    assert body["bundle_hash"] == _chain(ministry, "ECC").last_hash

    # Month 2 at ECC: one internship changed, one deleted.
    ecc = schools["ECC"]
    changed, gone = ids["ECC"]["internships"]
    ecc.edit("internship", changed, host_city="Rabat")
    ecc.records().delete("internship", [gone])
    second = ecc.export()
    report = consolidate(ministry, identities["MIC"], [second])
    assert [(o.state, o.sequence, o.accepted_total) for o in report.outcomes] == [("applied", 2, 2)]
    rows = national_rows(ministry, "internship", "ECC")
    assert rows[changed]["host_city"] == "Rabat" and rows[changed]["version"] == 2
    assert rows[changed]["bundle_sequence"] == 2
    assert rows[gone]["deleted"] is True
    # ESITH's records were not touched.
    assert all(r["bundle_sequence"] == 1 for r in national_rows(ministry, "internship", "ESITH").values())
    del files


def test_shuffled_replayed_and_a_gap_filled_in_a_later_run(ministry, schools, identities, tmp_path,
                                                           monkeypatch) -> None:
    ecc = schools["ECC"]
    first = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.edit("internship", first["internships"][0], host_city="Tanger")
    two = ecc.export(tmp_path / "b2")
    ecc.edit("internship", first["internships"][0], host_city="Fès")
    three = ecc.export(tmp_path / "b3")

    # n° 3 then n° 2 arrive first: both held (n° 1 missing), their bytes kept in the store.
    report = consolidate(ministry, identities["MIC"], [three, two])
    assert [(o.sequence, o.state, o.waiting_for) for o in report.outcomes] == [(2, "held", 1), (3, "held", 1)]
    assert national_rows(ministry, "internship", "ECC") == {}
    with national_store(ministry).read() as conn:
        assert len(conn.execute(select(held_bundles)).all()) == 2
    # The files are gone from the inbox: the store holds them.
    shutil.rmtree(tmp_path / "b2")
    shutil.rmtree(tmp_path / "b3")
    # A later run brings n° 1: n° 2 and n° 3 follow from the store, in order.
    report = consolidate(ministry, identities["MIC"], [one])
    assert [(o.sequence, o.state, o.applied_later) for o in report.outcomes] == [
        (1, "applied", False), (2, "applied", True), (3, "applied", True)]
    row = national_rows(ministry, "internship", "ECC")[first["internships"][0]]
    assert row["host_city"] == "Fès" and row["version"] == 3 and row["bundle_sequence"] == 3
    assert _states(ministry) == {("ECC", 1): "applied", ("ECC", 2): "applied", ("ECC", 3): "applied"}
    with national_store(ministry).read() as conn:
        assert conn.execute(select(held_bundles)).all() == []

    # Replaying the whole inbox: recognised by hash, nothing decrypted.
    import sync.ministry.consolidation as consolidation

    def no_decryption(*_a, **_k):
        raise AssertionError("a bundle already consolidated was decrypted")
    monkeypatch.setattr(consolidation, "open_verified", no_decryption)
    report = consolidate(ministry, identities["MIC"], [one])
    assert [o.state for o in report.outcomes] == ["duplicate"] and not report.failed


def test_fork_and_rollback_are_refused_as_security_incidents(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ids = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    two = ecc.export(tmp_path / "b2")
    assert not consolidate(ministry, identities["MIC"], [one, two]).failed
    before = national_rows(ministry, "internship", "ECC")

    # Another n° 2 (same key, same previous hash, other content): a fork.
    from sync.bundle import parse_envelope
    from sync.outbox import bundle_file_name
    from tests.sync.helpers import resign

    forged_two = resign(two.read_bytes(), ecc.identity, lambda h: h.update(created_at="2026-01-01T00:00:00Z"))
    fork = tmp_path / "fork" / bundle_file_name("ECC", 2)
    fork.parent.mkdir()
    fork.write_bytes(forged_two)
    # An older n° 1 with another hash: a rollback.
    forged_one = resign(one.read_bytes(), ecc.identity, lambda h: h.update(created_at="2026-01-01T00:00:00Z"))
    rollback = tmp_path / "rollback.kfb"
    rollback.write_bytes(forged_one)
    assert parse_envelope(forged_one).header["sequence"] == 1

    report = consolidate(ministry, identities["MIC"], [fork, rollback])
    assert report.failed
    by_seq = {o.sequence: o for o in report.outcomes}
    # The header was re-signed but the encrypted manifest still says the old created_at: the reader refuses
    # such a file before the chain is even looked at. Either way nothing is applied.
    assert all(o.state in ("fork", "rollback", "refused") for o in by_seq.values())
    assert national_rows(ministry, "internship", "ECC") == before


def test_tampered_misaddressed_and_unknown_bundles_touch_nothing(ministry, schools, identities, tmp_path) -> None:
    from sync.keys import Identity

    ecc = schools["ECC"]
    ecc.populate()
    good = ecc.export(tmp_path / "ok")
    data = bytearray(good.read_bytes())
    data[-5] ^= 1
    tampered = tmp_path / "tampered.kfb"
    tampered.write_bytes(bytes(data))
    # Addressed to another ministry only.
    other = schools["ESITH"]
    other.populate()
    (other.ws.keys_dir / "recipients" / "MIC.json").unlink()
    from tests.sync.conftest import trust

    trust(other.ws, identities["MTNRA"], tmp_path)
    misaddressed = other.export(tmp_path / "mis")
    # Signed by a key the registry does not know for ECC (mis-attributed).
    impostor = Identity.generate("establishment", "ISCAE", "Imposteur")
    iscae = schools["ISCAE"]
    iscae.identity = impostor
    iscae.populate()
    misattributed = iscae.export(tmp_path / "imp")

    report = consolidate(ministry, identities["MIC"], [tampered, misaddressed, misattributed])
    assert [o.state for o in report.outcomes] == ["refused"] * 3 and report.failed
    reasons = " | ".join(o.reason for o in report.outcomes)
    assert "pas adressé à MIC" in reasons and "modifié" in reasons and "clé" in reasons
    for code in ("ECC", "ESITH", "ISCAE"):
        assert national_rows(ministry, "internship", code) == {}
        assert _chain(ministry, code).last_sequence == 0
    # The genuine bundle is still accepted afterwards.
    assert [o.state for o in consolidate(ministry, identities["MIC"], [good]).outcomes] == ["applied"]


def test_revoked_key_and_re_enrolment_start_a_new_chain(ministry, schools, identities, schools_identities,
                                                         tmp_path) -> None:
    from sync.keys import Identity, public_document
    from sync.ministry import enroll
    from sync.ministry.registry import list_keys, revoke

    ecc = schools["ECC"]
    ids = ecc.populate()
    assert not consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b1")]).failed
    revoke(ministry, "ECC")
    ecc.edit("internship", ids["internships"][0], host_city="Tanger")
    report = consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b2")])
    assert report.outcomes[0].state == "refused" and "révoquée" in report.outcomes[0].reason
    assert national_rows(ministry, "internship", "ECC")[ids["internships"][0]]["host_city"] == "Casablanca"

    # A new PC: new keys, a new data folder whose bundles start again at n° 1.
    new_key = Identity.generate("establishment", "ECC", "École Centrale Casablanca")
    enroll(ministry, public_document(new_key), replace=True)
    states = {(k.public.key_id, k.state) for k in list_keys(ministry) if k.public.code == "ECC"}
    assert (schools_identities["ECC"].public.key_id, "revoked") in states and (new_key.public.key_id, "active") in states
    fresh = ecc.ws.root.parent / "ecc-new"
    from forms.workspace import ESTABLISHMENT, Workspace
    from tests.sync.conftest import trust
    from tests.sync.ministry.conftest import School

    ws = Workspace.create(fresh, ESTABLISHMENT, establishment="ECC")
    trust(ws, identities["MIC"], tmp_path)
    school = School(ws, new_key, tmp_path / "new")
    new_ids = school.populate(prefix="N")
    report = consolidate(ministry, identities["MIC"], [school.export()])
    assert [(o.state, o.sequence) for o in report.outcomes] == [("applied", 1)]
    chain = _chain(ministry, "ECC")
    assert chain.chain == 2 and chain.last_sequence == 1
    rows = national_rows(ministry, "internship", "ECC")
    assert set(new_ids["internships"]) <= set(rows) and set(ids["internships"]) <= set(rows)
    ws.close()


def test_a_first_bundle_that_is_not_number_one_waits(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ecc.populate()
    one = ecc.export(tmp_path / "b1")
    ecc.populate(prefix="B")
    two = ecc.export(tmp_path / "b2")
    report = consolidate(ministry, identities["MIC"], [two])
    assert [(o.state, o.waiting_for) for o in report.outcomes] == [("held", 1)]
    assert not report.failed
    again = consolidate(ministry, identities["MIC"], [two])
    assert [(o.state, o.waiting_for) for o in again.outcomes] == [("already_held", 1)]
    assert [o.state for o in consolidate(ministry, identities["MIC"], [one]).outcomes] == ["applied", "applied"]
    assert len(national_rows(ministry, "internship", "ECC")) == 4


def test_consolidation_audit_and_cancel(ministry, schools, identities, tmp_path) -> None:
    from forms.tasks import Cancelled, TaskState

    for s in schools.values():
        s.populate()
        s.export()
    state = TaskState()
    seen = []

    def progress(done, total, text):
        seen.append(text)
        if "ESITH" in text:
            state.cancel()
    state._on_progress = progress
    with pytest.raises(Cancelled):
        consolidate(ministry, identities["MIC"], [tmp_path / "inbox"], state=state)
    # ECC was applied whole before the cancel; ESITH and ISCAE not at all.
    assert _states(ministry) == {("ECC", 1): "applied"}
    assert national_rows(ministry, "internship", "ESITH") == {}
    report = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"])
    assert sorted(o.state for o in report.outcomes) == ["applied", "applied", "duplicate"]
    with national_store(ministry).read() as conn:
        actions = [r.action for r in conn.execute(select(consolidation_audit).order_by(consolidation_audit.c.id))]
    assert actions.count("applied") == 3 and actions.count("enrolled") == 3


def test_a_restore_at_the_establishment_then_a_complete_export_converges(ministry, schools, identities,
                                                                         tmp_path) -> None:
    """After a restore, versions go back and records made since the backup are gone: the ministry applies by
    chain order (not by version) and a complete export removes what the establishment no longer has."""
    from forms.backup import backup, restore
    from sync.outbox import export_bundle

    ecc = schools["ECC"]
    ids = ecc.populate(internships=2)
    assert not consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b1")]).failed
    saved = backup(ecc.ws, tmp_path / "saved.db")
    ecc.edit("internship", ids["internships"][0], host_city="Oujda")
    later = ecc.populate(internships=1, prefix="L")
    assert not consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b2")]).failed
    assert national_rows(ministry, "internship", "ECC")[ids["internships"][0]]["version"] == 2

    restore(ecc.ws, saved)
    ecc.edit("internship", ids["internships"][1], host_city="Safi")
    full = export_bundle(ecc.ws, ecc.identity, tmp_path / "b3", full=True).path
    report = consolidate(ministry, identities["MIC"], [full])
    assert [(o.state, o.sequence) for o in report.outcomes] == [("applied", 3)]

    live = {rid: row for rid, row in national_rows(ministry, "internship", "ECC").items() if not row["deleted"]}
    assert set(live) == set(ids["internships"])
    for rid, row in live.items():  # the establishment's current data, field by field
        current = ecc.records().get("internship", rid)
        assert (row["version"], row["host_city"], row["start_date"]) == (
            current.version, current.values["host_city"], current.values["start_date"])
    assert live[ids["internships"][0]]["host_city"] == "Casablanca" and live[ids["internships"][0]]["version"] == 1
    assert live[ids["internships"][1]]["host_city"] == "Safi"
    gone = national_rows(ministry, "internship", "ECC")[later["internships"][0]]
    assert gone["deleted"] is True and gone["bundle_sequence"] == 3
    assert national_rows(ministry, "offering", "ECC")[later["offering"]]["deleted"] is True


def test_each_bundle_read_again_when_applied_and_refused_if_its_file_changed(ministry, schools, identities,
                                                                              tmp_path) -> None:
    """The inbox is not held in memory: each file is read when its turn comes. A file replaced or removed
    between the first look and its turn is refused (nothing of it stored), the others are applied."""
    from forms.tasks import TaskState

    files = {}
    for code, s in schools.items():
        s.populate()
        files[code] = s.export()
    swapped = False

    def progress(done, total, text):
        nonlocal swapped
        if "ESITH" in text and not swapped:  # ESITH's turn: its file now holds ECC's bundle, ISCAE's is gone
            swapped = True
            files["ESITH"].write_bytes(files["ECC"].read_bytes())
            files["ISCAE"].unlink()
    report = consolidate(ministry, identities["MIC"], [tmp_path / "inbox"], state=TaskState(progress))
    outcomes = {o.establishment: o for o in report.outcomes}
    assert swapped and outcomes["ECC"].state == "applied"
    assert outcomes["ESITH"].state == "refused" and "le fichier a changé" in outcomes["ESITH"].reason
    assert outcomes["ISCAE"].state == "refused" and "illisible" in outcomes["ISCAE"].reason
    assert _states(ministry) == {("ECC", 1): "applied"}
    assert national_rows(ministry, "internship", "ESITH") == {} and national_rows(ministry, "internship", "ISCAE") == {}


def test_held_bundles_are_bounded_per_establishment(ministry, schools, identities, tmp_path) -> None:
    """Bundles waiting for a number that does not come were kept without bound (an establishment, or a thief of
    its key, could fill the ministry's disk): beyond ``max_held_bundles`` or ``max_held_bytes`` per
    establishment a bundle is refused, not kept, with the reason in the report; another establishment is not
    affected; once the gap fills, the held ones are applied and the refused file is accepted when consolidated
    again."""
    from dataclasses import replace

    from sync.bundle import DEFAULT_LIMITS

    ecc, esith = schools["ECC"], schools["ESITH"]
    first = ecc.populate()
    bundles = [ecc.export(tmp_path / "b1")]
    for i in range(2, 6):
        ecc.edit("internship", first["internships"][0], host_city=f"Ville {i}")
        bundles.append(ecc.export(tmp_path / f"b{i}"))
    esith.populate(prefix="E")
    esith_one, _ = esith.export(tmp_path / "e1"), esith.populate(prefix="F")
    esith_two = esith.export(tmp_path / "e2")
    limits = replace(DEFAULT_LIMITS, max_held_bundles=2)

    # n° 2 and 3 held (n° 1 missing); n° 4 and 5 are refused: two already wait for ECC
    report = consolidate(ministry, identities["MIC"], [*bundles[1:], esith_two], limits=limits)
    states = [(o.establishment, o.sequence, o.state) for o in report.outcomes]
    assert states == [("ECC", 2, "held"), ("ECC", 3, "held"), ("ECC", 4, "refused"), ("ECC", 5, "refused"),
                      ("ESITH", 2, "held")], states
    refused = report.outcomes[2]
    assert refused.reason.startswith("ECC a déjà 2 lots en attente du lot n° 1 (")
    assert "au plus 2 lots et 1024 Mo en attente par établissement : ce lot n'est pas gardé" in refused.reason
    assert "demandez à l'établissement le lot n° 1" in refused.line("fr")
    assert "ECC already has 2 bundles held waiting for bundle no. 1" in refused.line("en")
    assert "لدى ECC من قبل 2 حزم في انتظار الحزمة رقم 1" in refused.line("ar")
    assert report.failed
    with national_store(ministry).read() as conn:
        assert len(conn.execute(select(held_bundles)).all()) == 3  # ECC's two, ESITH's one
    assert _states(ministry)[("ECC", 4)] == "refused"

    # by bytes: what is held already plus this bundle, over the bound
    size = sum(p.stat().st_size for p in bundles[1:3])
    tight = replace(DEFAULT_LIMITS, max_held_bytes=size + bundles[3].stat().st_size - 1)
    again = consolidate(ministry, identities["MIC"], [bundles[3], esith_one], limits=tight)
    assert (again.outcomes[0].establishment, again.outcomes[0].state) == ("ECC", "refused")
    assert "ce lot n'est pas gardé" in again.outcomes[0].reason

    # n° 1 arrives: 2 and 3 follow from the store; 4 and 5, consolidated again, are applied
    report = consolidate(ministry, identities["MIC"], [bundles[0]], limits=limits)
    assert [(o.sequence, o.state) for o in report.outcomes] == [(1, "applied"), (2, "applied"), (3, "applied")]
    report = consolidate(ministry, identities["MIC"], bundles[3:], limits=limits)
    assert [(o.sequence, o.state) for o in report.outcomes] == [(4, "applied"), (5, "applied")]
    assert national_rows(ministry, "internship", "ECC")[first["internships"][0]]["host_city"] == "Ville 5"


def test_deleted_records_listed_are_those_the_store_held(ministry, schools, identities, tmp_path) -> None:
    """``ministry records --deleted`` lists the deletions of records the national store held. A record made
    and deleted at the establishment between two bundles reaches the ministry as a bare tombstone: it is kept
    (it closes a refusal of that record, if any) but it is not a deleted record of the national data, and
    is not listed (not as a row of empty values)."""
    from sync.ministry.extract import iter_records
    from sync.ministry.status import establishments_status
    from tests.conftest import internship_values

    ecc = schools["ECC"]
    ids = ecc.populate(internships=2)
    assert not consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b1")]).failed
    held = ids["internships"][0]
    never, _ = ecc.records().save("internship", internship_values(ids["offering"], ids["cohort"],
                                                                  student_code="RECC99999"))
    ecc.records().delete("internship", [held, never.id])
    report = consolidate(ministry, identities["MIC"], [ecc.export(tmp_path / "b2")])
    assert [(o.state, o.accepted_total, o.refused_total) for o in report.outcomes] == [("applied", 2, 0)]

    listed = {r["id"]: r for r in iter_records(ministry, "internship", "ECC", deleted=True)}
    assert set(listed) == set(ids["internships"])
    assert listed[held]["deleted"] is True and listed[held]["host_city"] == "Casablanca"
    assert national_rows(ministry, "internship", "ECC")[never.id]["deleted"] is True  # kept, not listed
    assert [r["id"] for r in iter_records(ministry, "internship", "ECC")] == [ids["internships"][1]]
    assert next(s for s in establishments_status(ministry) if s.code == "ECC").records["internship"] == 1
