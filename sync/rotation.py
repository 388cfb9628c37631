"""Key rotation that keeps an establishment's chain of bundles.

The establishment (``rotate_keys``) makes a new identity and a request signed by both keys: the new key
signs a body naming the establishment, the old key's id and the new public key file; the old key signs
that whole document. The ministry (``sync.ministry.registry.apply_rotation``) checks the old signature
with the key it has enrolled, the new one with the key in the request, and replaces the key without
starting a new chain. The old key file is kept in ``keys/`` (``identity-avant-rotation-…json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from forms.atomic import write_atomic
from forms.messages import Message
from sync.encoding import now_utc
from sync.errors import DocumentInvalid
from sync.keys import (
    ESTABLISHMENT,
    Identity,
    PublicKeys,
    key_path,
    load_identity,
    open_document,
    parse_public_document,
    public_document,
    save_identity,
    sign_document,
)

ROTATION_TYPE = "kafaat-key-rotation"
INNER_TYPE = "kafaat-key-rotation-new"
OLD_DOMAIN = b"kafaat/key-rotation/old/v1\x00"
NEW_DOMAIN = b"kafaat/key-rotation/new/v1\x00"


@dataclass
class RotationRequest:
    establishment: str
    old_key_id: str
    new: PublicKeys
    new_document: bytes
    created_at: str
    outer_signed: bytes
    outer_signatures: dict[str, bytes]

    def verify_old(self, old: PublicKeys, what: str) -> None:
        old.verify(OLD_DOMAIN, self.outer_signed, self.outer_signatures, DocumentInvalid, what)


def rotation_request(old: Identity, new: Identity, created_at: str | None = None) -> bytes:
    inner = sign_document(new, INNER_TYPE, NEW_DOMAIN, {
        "establishment": old.code, "old_key_id": old.public.key_id_hex,
        "new_key": public_document(new).decode("utf-8"), "created_at": created_at or now_utc()})
    return sign_document(old, ROTATION_TYPE, OLD_DOMAIN, {"request": inner.decode("utf-8")})


def is_rotation(data: bytes) -> bool:
    """Whether ``data`` is a rotation request (rather than an enrollment request); nothing verified."""
    import orjson

    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return False
    return isinstance(doc, dict) and doc.get("type") == ROTATION_TYPE


def read_rotation(data: bytes, what: str) -> RotationRequest:
    """Parse a rotation request and verify the new key's signature (the old one needs the registry)."""
    outer, outer_signed, outer_sigs = open_document(data, ROTATION_TYPE, what)
    inner_text = outer.get("request")
    if not isinstance(inner_text, str):
        raise DocumentInvalid(Message("rotation.invalid", what=what))
    body, signed, sigs = open_document(inner_text.encode("utf-8"), INNER_TYPE, what)
    try:
        establishment, old_key_id, new_key, created_at = (body["establishment"], body["old_key_id"],
                                                          body["new_key"], body["created_at"])
        if not all(isinstance(v, str) for v in (establishment, old_key_id, new_key, created_at)):
            raise TypeError
    except (KeyError, TypeError) as exc:
        raise DocumentInvalid(Message("rotation.invalid", what=what)) from exc
    new_document = new_key.encode("utf-8")
    new = parse_public_document(new_document, what, ESTABLISHMENT)
    if new.code != establishment:
        raise DocumentInvalid(Message("rotation.other_code", what=what, code=new.code, establishment=establishment))
    new.verify(NEW_DOMAIN, signed, sigs, DocumentInvalid, what)
    return RotationRequest(establishment, old_key_id, new, new_document, created_at, outer_signed, outer_sigs)


def rotate_keys(workspace: Any, passphrase: str, out: Path | None = None) -> tuple[PublicKeys, PublicKeys, Path]:
    """New keys for this establishment and the request for its ministries. Returns (old, new, request path).
    The request and a copy of the old key file are written before the new key replaces the old one."""
    old = load_identity(workspace, passphrase)
    if old.role != ESTABLISHMENT:
        raise DocumentInvalid(Message("rotation.ministry"))
    new = Identity.generate(old.role, old.code, old.name)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    request = out or Path(workspace.keys_dir) / f"rotation-{old.code}-{stamp}.json"
    write_atomic(request, rotation_request(old, new))
    previous = Path(workspace.keys_dir) / f"identity-avant-rotation-{stamp}.json"
    write_atomic(previous, key_path(workspace).read_bytes(), private=True)
    save_identity(workspace, new, passphrase)
    return old.public, new.public, request
