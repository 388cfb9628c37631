"""The ministry's registry of enrolled establishments and the establishment's trusted recipients:
a key, once trusted, is never silently replaced."""

from __future__ import annotations

import pytest

from sync.errors import DocumentInvalid, SyncError
from sync.keys import Identity, public_document
from sync.ministry import enroll, enrolled, list_enrolled, registry_dir
from sync.recipients import add_recipient, list_recipients, read_recipient_file, recipients_dir


def test_enrollment_is_idempotent_and_never_replaces_a_key(mic, identities) -> None:
    before = (registry_dir(mic) / "ECC.json").read_bytes()
    public, new = enroll(mic, public_document(identities["ECC"]))
    assert not new and public.key_id == identities["ECC"].public.key_id
    impostor = Identity.generate("establishment", "ECC", "École Centrale Casablanca")
    with pytest.raises(SyncError, match="déjà enregistré avec une autre clé"):
        enroll(mic, public_document(impostor))
    assert (registry_dir(mic) / "ECC.json").read_bytes() == before
    assert enrolled(mic, "ECC").key_id == identities["ECC"].public.key_id


def test_enrollment_refusals(mic, identities) -> None:
    unknown = Identity.generate("establishment", "NOPE", "Inconnu")
    with pytest.raises(DocumentInvalid, match="établissement inconnu"):
        enroll(mic, public_document(unknown))
    with pytest.raises(DocumentInvalid, match="n'est pas celui d'un établissement"):
        enroll(mic, public_document(identities["MTNRA"]))
    assert [p.code for p in list_enrolled(mic)] == ["ECC", "ESITH"]
    assert enrolled(mic, "../ECC") is None and enrolled(mic, "NOPE") is None


def test_a_tampered_registry_file_is_an_error_not_a_skip(mic) -> None:
    path = registry_dir(mic) / "ESITH.json"
    path.write_bytes(path.read_bytes().replace(b"ESITH", b"ESITX", 1))
    with pytest.raises(DocumentInvalid):
        list_enrolled(mic)


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
