"""The registry's life: key rotation that keeps the chain, revocation of rotated keys with the active one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sync.errors import DocumentInvalid, SyncError
from sync.keys import Identity, load_public
from sync.ministry.consolidation import consolidate
from sync.ministry.registry import apply_rotation, list_keys, revoke
from sync.ministry.store import national_store
from sync.ministry.tables import chains
from sync.rotation import read_rotation, rotate_keys, rotation_request
from tests.sync.conftest import PASSPHRASE
from tests.sync.ministry.conftest import national_rows


def test_rotation_keeps_the_chain(ministry, schools, identities, tmp_path) -> None:
    ecc = schools["ECC"]
    ids = ecc.populate()
    one = ecc.export(tmp_path / "b1")
    old_public, new_public, request = rotate_keys(ecc.ws, PASSPHRASE, tmp_path / "rotation.json")
    assert load_public(ecc.ws).key_id == new_public.key_id != old_public.key_id
    from sync.keys import load_identity

    ecc.identity = load_identity(ecc.ws, PASSPHRASE)
    ecc.edit("internship", ids["internships"][0], host_city="Tétouan")
    two = ecc.export(tmp_path / "b2")

    # Before the rotation is applied, n° 2 (new key) is refused; n° 1 (old key) is fine.
    report = consolidate(ministry, identities["MIC"], [one, two])
    assert [o.state for o in report.outcomes] == ["applied", "refused"]
    old, new, applied = apply_rotation(ministry, request.read_bytes())
    assert old.key_id == old_public.key_id
    assert applied and new.key_id == new_public.key_id
    assert apply_rotation(ministry, request.read_bytes())[2] is False  # idempotent
    states = {k.public.key_id: k.state for k in list_keys(ministry) if k.public.code == "ECC"}
    assert states == {old_public.key_id: "rotated", new_public.key_id: "active"}
    report = consolidate(ministry, identities["MIC"], [one, two])
    assert [o.state for o in report.outcomes] == ["duplicate", "applied"]
    with national_store(ministry).read() as conn:
        chain = conn.execute(select(chains).where(chains.c.establishment == "ECC")).one()
    assert chain.chain == 1 and chain.last_sequence == 2
    assert national_rows(ministry, "internship", "ECC")[ids["internships"][0]]["host_city"] == "Tétouan"
    # Revoking ECC now revokes the rotated key too.
    revoke(ministry, "ECC")
    assert {k.state for k in list_keys(ministry) if k.public.code == "ECC"} == {"revoked"}


def test_rotation_requests_are_checked(ministry, schools_identities, identities) -> None:
    old = schools_identities["ESITH"]
    new = Identity.generate("establishment", "ESITH", "ESITH")
    stranger = Identity.generate("establishment", "ESITH", "ESITH")
    # Signed by a key the ministry never enrolled.
    with pytest.raises(SyncError, match="n'a pas enregistrée"):
        apply_rotation(ministry, rotation_request(stranger, new))
    # The new key's signature broken.
    good = rotation_request(old, new)
    request = read_rotation(good, "demande")
    assert request.new.key_id == new.public.key_id
    with pytest.raises(DocumentInvalid):
        apply_rotation(ministry, good.replace(b"ESITH", b"ESITX", 1))
    # Another establishment's key as the « new » key.
    with pytest.raises(DocumentInvalid):
        apply_rotation(ministry, rotation_request(old, schools_identities["ECC"]))
    assert {k.state for k in list_keys(ministry)} == {"active"}


def test_a_reference_update_number_some_file_carries_is_never_given_back(ministry, identities, tmp_path,
                                                                           monkeypatch) -> None:
    """A write refused before the file exists gives its serial back (nothing changed); one that fails after the
    rename (the folder's fsync: a failing USB key) leaves a file carrying the serial: it stays used, and the
    next update takes the next one — two different lists never share a number."""
    import errno

    import forms.atomic
    from sync.ministry.establishments import write_reference_update
    from sync.ministry.store import get_meta

    def serial() -> str | None:
        with national_store(ministry).read() as conn:
            return get_meta(conn, "reference_serial")

    def failing(folder) -> None:
        raise OSError(errno.EIO, "Input/output error")

    blocked = tmp_path / "fichier"
    blocked.write_text("")
    with pytest.raises(OSError):
        write_reference_update(ministry, identities["MIC"], blocked / "liste.json")  # no folder there
    assert serial() is None
    monkeypatch.setattr(forms.atomic, "_fsync_dir", failing)
    out = tmp_path / "cle" / "liste.json"
    with pytest.raises(OSError):
        write_reference_update(ministry, identities["MIC"], out)
    assert out.is_file() and serial() == "1"
    monkeypatch.undo()
    assert write_reference_update(ministry, identities["MIC"], tmp_path / "suivante.json")[0] == 2
