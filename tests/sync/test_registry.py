"""The ministry's registry of enrolled establishments and the establishment's trusted recipients:
a key, once trusted, is never silently replaced."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sync.errors import DocumentInvalid, SyncError
from sync.keys import Identity, public_document
from sync.ministry import enroll, enrolled, list_enrolled, registry_dir
from sync.ministry.registry import list_keys
from sync.ministry.store import close_national_store, national_store
from sync.ministry.tables import registry_keys
from sync.recipients import add_recipient, list_recipients, read_recipient_file, recipients_dir


def test_enrollment_is_idempotent_and_never_replaces_a_key(mic, identities) -> None:
    before = [k.describe() for k in list_keys(mic)]
    public, new = enroll(mic, public_document(identities["ECC"]))
    assert not new and public.key_id == identities["ECC"].public.key_id
    impostor = Identity.generate("establishment", "ECC", "École Centrale Casablanca")
    with pytest.raises(SyncError, match="déjà enregistré avec une autre clé"):
        enroll(mic, public_document(impostor))
    assert [k.describe() for k in list_keys(mic)] == before
    assert enrolled(mic, "ECC").key_id == identities["ECC"].public.key_id


def test_enrollment_refusals(mic, identities) -> None:
    unknown = Identity.generate("establishment", "NOPE", "Inconnu")
    with pytest.raises(DocumentInvalid, match="établissement inconnu"):
        enroll(mic, public_document(unknown))
    with pytest.raises(DocumentInvalid, match="n'est pas celui d'un établissement"):
        enroll(mic, public_document(identities["MTNRA"]))
    assert [p.code for p in list_enrolled(mic)] == ["ECC", "ESITH"]
    assert enrolled(mic, "../ECC") is None and enrolled(mic, "NOPE") is None


def test_a_tampered_registry_row_is_an_error_not_a_skip(mic) -> None:
    store = national_store(mic)
    with store.write() as conn:
        document = conn.execute(select(registry_keys.c.document).where(registry_keys.c.establishment == "ESITH")).scalar()
        conn.execute(registry_keys.update().where(registry_keys.c.establishment == "ESITH")
                     .values(document=document.replace("ESITH", "ESITX", 1)))
    with pytest.raises(DocumentInvalid):
        list_enrolled(mic)


def test_an_old_registry_folder_is_imported_into_the_store(tmp_path, identities) -> None:
    """Ministry folders made before the national store kept ``registry/CODE.json``: opening the store imports
    every file (verified) and renames the folder; a tampered file stops the import (nothing imported)."""
    from forms.workspace import MINISTRY, Workspace

    ws = Workspace.create(tmp_path / "old", MINISTRY, ministry="MIC")
    registry_dir(ws).mkdir()
    (registry_dir(ws) / "ECC.json").write_bytes(public_document(identities["ECC"]))
    (registry_dir(ws) / "ESITH.json").write_bytes(public_document(identities["ESITH"]).replace(b"ESITH", b"ESITX", 1))
    with pytest.raises(DocumentInvalid):
        list_enrolled(ws)
    assert registry_dir(ws).is_dir()
    (registry_dir(ws) / "ESITH.json").write_bytes(public_document(identities["ESITH"]))
    assert [p.code for p in list_enrolled(ws)] == ["ECC", "ESITH"]
    assert not registry_dir(ws).exists() and (tmp_path / "old" / "registry.importe" / "ECC.json").exists()
    close_national_store(ws)
    reopened = Workspace.open(tmp_path / "old")
    assert [p.key_id for p in list_enrolled(reopened)] == [identities["ECC"].public.key_id,
                                                          identities["ESITH"].public.key_id]


def test_recipient_keys_are_never_silently_replaced(est, identities, tmp_path) -> None:
    other = Identity.generate("ministry", "MIC", "Ministère de l'Industrie et du Commerce")
    path = tmp_path / "autre.json"
    path.write_bytes(public_document(other))
    with pytest.raises(SyncError, match="une autre clé est déjà enregistrée pour MIC"):
        add_recipient(est, *read_recipient_file(path))
    assert [r.key_id for r in list_recipients(est)] == [identities["MIC"].public.key_id]
    same = tmp_path / "mic.json"
    same.write_bytes(public_document(identities["MIC"]))
    assert add_recipient(est, *read_recipient_file(same)) is False
    assert len(list(recipients_dir(est).iterdir())) == 1
