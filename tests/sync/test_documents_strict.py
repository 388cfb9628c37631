"""Every signed document from outside (public key files, enrolment requests, receipts, programme keys) is
parsed as strictly as a bundle: duplicate names, unknown members, extra signatures, control characters
refused (issue « Bundle format 2 », finding 4 and 5)."""

from __future__ import annotations

import orjson
import pytest

from sync.encoding import b64e, dumps
from sync.errors import DocumentInvalid
from sync.keys import (
    PUBLIC_DOC_DOMAIN,
    PUBLIC_DOC_TYPE,
    parse_public_document,
    public_document,
    sign_document,
)
from sync.pseudonym import dump_key, new_key, read_key
from sync.receipts import RECEIPT_DOMAIN, RECEIPT_TYPE, read_receipt


def _public_body(identity, **change):
    pub = identity.public
    body = {"role": pub.role, "code": pub.code, "name": pub.name, "created_at": "2026-01-01T00:00:00Z",
            "keys": {alg: b64e(v) for alg, v in pub.keys.items()}}
    return {**body, **change}


def test_a_public_key_file_with_anything_extra_is_refused(identities) -> None:
    ecc = identities["ECC"]
    good = public_document(ecc)
    assert parse_public_document(good, "f").code == "ECC"
    doc = orjson.loads(good)
    for changed in ({**doc, "note": "x"},
                    {**doc, "signatures": {**doc["signatures"], "rsa": doc["signatures"]["ed25519"]}}):
        with pytest.raises(DocumentInvalid):
            parse_public_document(orjson.dumps(changed), "f")
    duplicated = good.replace(b'"type":', b'"type":"autre","type":', 1)
    with pytest.raises(DocumentInvalid, match="double"):
        parse_public_document(duplicated, "f")
    for body in (_public_body(ecc, name="\x1b]0;titre\x07ECC"), _public_body(ecc, extra=1),
                 _public_body(ecc, code="ecc minuscule"), _public_body(ecc, created_at="hier")):
        with pytest.raises(DocumentInvalid):
            parse_public_document(sign_document(ecc, PUBLIC_DOC_TYPE, PUBLIC_DOC_DOMAIN, body), "f")


def test_a_receipt_with_unknown_members_or_bad_types_is_refused(identities) -> None:
    mic = identities["MIC"]
    body = {"ministry": "MIC", "ministry_key_id": mic.public.key_id_hex, "establishment": "ECC",
            "bundle_id": "00000000-0000-4000-8000-000000000001", "sequence": 1, "bundle_hash": "ab" * 32,
            "accepted": {"offering": 1}, "refused": {"offering": 0}, "problems": [], "issued_at": "2026-01-01T00:00:00Z"}
    read_receipt(sign_document(mic, RECEIPT_TYPE, RECEIPT_DOMAIN, body), "r")
    for changed in ({**body, "bonus": True}, {**body, "accepted": {"offering": True}},
                    {**body, "refused": {"offering": 0.0}}, {**body, "problems": [1]},
                    {k: v for k, v in body.items() if k != "problems"}):
        with pytest.raises(DocumentInvalid):
            read_receipt(sign_document(mic, RECEIPT_TYPE, RECEIPT_DOMAIN, changed), "r")


def test_a_programme_key_file_is_read_strictly() -> None:
    key = new_key(3)
    assert read_key(dump_key(key), "k") == key
    doc = orjson.loads(dump_key(key))
    for changed in ({**doc, "x": 1}, {**doc, "key_version": True}, {**doc, "key_version": 0},
                    {**doc, "created_at": "2026"}, {**doc, "key": b64e(b"court")}):
        with pytest.raises(DocumentInvalid):
            read_key(dumps(changed), "k")
