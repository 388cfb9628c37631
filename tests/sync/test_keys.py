"""Keys at rest, passphrase changes, self-signed public documents, fingerprints."""

from __future__ import annotations

import os
import stat

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.errors import DocumentInvalid, KeyFileInvalid, KeysExist, WrongPassphrase
from sync.keys import (
    SCRYPT_CEILING,
    SCRYPT_FLOOR,
    Identity,
    change_passphrase,
    create_keys,
    has_keys,
    key_path,
    load_identity,
    load_public,
    parse_public_document,
    public_document,
    seal_identity,
    unseal_identity,
)
from sync.receipts import read_receipt
from tests.sync.conftest import PASSPHRASE


def test_create_keys_then_load_with_the_passphrase(workspace) -> None:
    public = create_keys(workspace, "une phrase assez longue")
    assert has_keys(workspace)
    assert stat.S_IMODE(os.stat(key_path(workspace)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(workspace.keys_dir).st_mode) == 0o700
    identity = load_identity(workspace, "une phrase assez longue")
    assert identity.public.key_id == public.key_id == load_public(workspace).key_id
    assert identity.code == "ECC" and identity.role == "establishment"
    raw = key_path(workspace).read_bytes()
    for secret in identity.private.values():  # no private byte string appears in the file
        assert secret.hex() not in raw.decode() and secret not in raw
    with pytest.raises(KeysExist):
        create_keys(workspace, "une autre phrase longue")
    assert key_path(workspace).read_bytes() == raw


def test_wrong_passphrase_changes_nothing(est) -> None:
    before = key_path(est).read_bytes()
    with pytest.raises(WrongPassphrase, match="phrase de passe incorrecte"):
        load_identity(est, "pas la bonne phrase")
    with pytest.raises(WrongPassphrase):
        change_passphrase(est, "pas la bonne phrase", "nouvelle phrase longue")
    assert key_path(est).read_bytes() == before


def test_passphrase_change(est, identities) -> None:
    change_passphrase(est, PASSPHRASE, "nouvelle phrase longue")
    with pytest.raises(WrongPassphrase):
        load_identity(est, PASSPHRASE)
    assert load_identity(est, "nouvelle phrase longue").private == identities["ECC"].private


def test_short_passphrase_refused(workspace) -> None:
    with pytest.raises(WrongPassphrase, match="trop courte"):
        create_keys(workspace, "court")
    assert not has_keys(workspace)


@pytest.mark.parametrize(("member", "value", "message"), [
    ("log2_n", SCRYPT_FLOOR["log2_n"] - 1, "sous le minimum"),
    ("log2_n", SCRYPT_CEILING["log2_n"] + 1, "au-dessus du maximum"),
    ("r", SCRYPT_FLOOR["r"] - 1, "sous le minimum"),
    ("p", SCRYPT_CEILING["p"] + 1, "au-dessus du maximum"),
    ("log2_n", "17", "invalide"),
])
def test_kdf_parameters_outside_the_bounds_are_refused(sealed, member, value, message) -> None:
    doc = orjson.loads(sealed["ECC"])
    doc["kdf"][member] = value
    with pytest.raises(KeyFileInvalid, match=message):
        unseal_identity(orjson.dumps(doc), PASSPHRASE)


def test_kdf_memory_is_bounded_even_within_each_parameter_bound(sealed) -> None:
    doc = orjson.loads(sealed["ECC"])
    doc["kdf"].update(log2_n=SCRYPT_CEILING["log2_n"], r=SCRYPT_CEILING["r"])  # 2 GiB: each bound alone holds
    with pytest.raises(KeyFileInvalid, match="plus de 1024 Mio"):
        unseal_identity(orjson.dumps(doc), PASSPHRASE)


def test_the_key_file_header_is_authenticated(sealed) -> None:
    doc = orjson.loads(sealed["ECC"])
    doc["code"] = "ESITH"  # claim another establishment: the AEAD's associated data no longer matches
    with pytest.raises(WrongPassphrase):
        unseal_identity(orjson.dumps(doc), PASSPHRASE)
    with pytest.raises(KeyFileInvalid):
        unseal_identity(b"not json", PASSPHRASE)


def test_stored_parameters_are_used(identities) -> None:
    stronger = {"log2_n": 18, "r": 8, "p": 1}
    data = seal_identity(identities["ECC"], PASSPHRASE, stronger)
    assert orjson.loads(data)["kdf"]["log2_n"] == 18
    assert unseal_identity(data, PASSPHRASE).private == identities["ECC"].private


def test_public_document_round_trip_and_tampering(identities) -> None:
    doc = public_document(identities["MIC"])
    public = parse_public_document(doc, "mic.json", "ministry")
    assert public.key_id == identities["MIC"].public.key_id
    assert public.can_receive
    with pytest.raises(DocumentInvalid, match="n'est pas celui d'un établissement"):
        parse_public_document(doc, "mic.json", "establishment")
    outer = orjson.loads(doc)
    outer["signed"] = outer["signed"].replace('"MIC"', '"MTNRA"')
    with pytest.raises(DocumentInvalid, match="signature invalide"):
        parse_public_document(orjson.dumps(outer), "mic.json")
    # keys of one identity with the signature of another
    other = orjson.loads(public_document(identities["MTNRA"]))
    outer = orjson.loads(doc)
    outer["signatures"] = other["signatures"]
    with pytest.raises(DocumentInvalid, match="signature invalide"):
        parse_public_document(orjson.dumps(outer), "mic.json")
    with pytest.raises(DocumentInvalid, match="trop grand"):
        parse_public_document(b" " * 70_000, "big.json")


def test_fingerprint_reads_aloud() -> None:
    a = Identity.generate("establishment", "ECC", "École").public
    b = Identity.generate("establishment", "ECC", "École").public
    groups = a.fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert a.fingerprint != b.fingerprint and a.key_id != b.key_id


JSONISH = st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=30),
                       lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                       max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(body=JSONISH, sigs=JSONISH, blob=st.binary(max_size=300))
def test_hostile_documents_only_raise_document_invalid(body, sigs, blob) -> None:
    signed = orjson.dumps(body).decode()
    for data in (blob, orjson.dumps({"type": "kafaat-public-key", "version": 1, "signed": signed, "signatures": sigs}),
                 orjson.dumps({"type": "kafaat-public-key", "version": 1, "signed": signed,
                               "signatures": {"ed25519": "AAAA", "ml-dsa-65": sigs}})):
        with pytest.raises(DocumentInvalid):
            parse_public_document(data, "document")
        with pytest.raises(DocumentInvalid):
            read_receipt(data.replace(b"kafaat-public-key", b"kafaat-receipt"), "accusé")


def test_cli_modules_never_import_qt() -> None:
    import subprocess
    import sys

    code = ("import sys, desktop.cli; desktop.cli.build_parser(); import sync.outbox, sync.ministry; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
