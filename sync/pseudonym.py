"""Pseudonyms for the fields declared ``Sharing.PSEUDONYMISED`` (the student's national code).

A ministry must be able to count distinct students and follow one student across bundles, establishments
and years, without learning who the student is, and without being able to test a list of national codes.
So the pseudonym is keyed: ``HMAC-SHA256(programme key, domain || normalised code)``, truncated to 128 bits,
written ``p<key version>-<26 base32 letters>``. The **programme key** is held by establishments only: it is
created once by the programme's custodian (``kafaat programme-key create``), carried to every establishment
like a reference update, imported with ``kafaat programme-key import`` (its fingerprint read aloud to check
it), and never installed in a ministry's folder. A newer key version replaces an older one, never the
reverse. Without a programme key, pseudonymised fields are not sent at all. ``docs/bundle-format.md`` § 7.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forms.atomic import write_atomic
from forms.messages import Message
from sync.encoding import b64d, b64e, dumps, loads_strict, now_utc, spoken_fingerprint
from sync.errors import DocumentInvalid

KEY_TYPE = "kafaat-programme-key"
KEY_FILE = "programme-key.json"
PSEUDONYM_DOMAIN = b"kafaat/student-pseudonym/v1\x00"
KEY_ID_DOMAIN = b"kafaat/programme-key-id/v1\x00"
MAX_BYTES = 4096
MAX_VERSION = 9999
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


@dataclass(frozen=True)
class ProgrammeKey:
    version: int
    key: bytes
    created_at: str

    @property
    def key_id(self) -> bytes:
        """Identifies the key without revealing it: SHA-256 of a domain, the version and the key."""
        return hashlib.sha256(KEY_ID_DOMAIN + self.version.to_bytes(2, "big") + self.key).digest()

    @property
    def fingerprint(self) -> str:
        return spoken_fingerprint(self.key_id)

    def describe(self) -> dict[str, Any]:
        return {"version": self.version, "key_id": self.key_id.hex(), "fingerprint": self.fingerprint,
                "created_at": self.created_at}

    def pseudonym(self, value: str) -> str:
        return pseudonym(self.key, self.version, value)


def normalise(value: str) -> str:
    """The form of a code that is hashed: trimmed, upper case (« r130234567 » and « R130234567 » are one)."""
    return value.strip().upper()


def pseudonym(key: bytes, version: int, value: str) -> str:
    tag = hmac.new(key, PSEUDONYM_DOMAIN + normalise(value).encode("utf-8"), hashlib.sha256).digest()[:16]
    return f"p{version}-" + base64.b32encode(tag).decode("ascii").rstrip("=").lower()


def new_key(version: int = 1) -> ProgrammeKey:
    if not 1 <= version <= MAX_VERSION:
        raise ValueError("version de clé de programme hors limites")
    return ProgrammeKey(version, os.urandom(32), now_utc())


def dump_key(key: ProgrammeKey) -> bytes:
    return dumps({"type": KEY_TYPE, "version": 1, "key_version": key.version, "created_at": key.created_at,
                  "key": b64e(key.key)}) + b"\n"


def read_key(data: bytes, what: str) -> ProgrammeKey:
    """A programme key file, parsed strictly (exact members and types)."""
    if len(data) > MAX_BYTES:
        raise DocumentInvalid(Message("programme_key.too_large", what=what))
    doc = loads_strict(data, what, DocumentInvalid)
    if not isinstance(doc, dict) or doc.get("type") != KEY_TYPE:
        raise DocumentInvalid(Message("programme_key.not_a_key", what=what))
    if set(doc) != {"type", "version", "key_version", "created_at", "key"} or doc.get("version") != 1:
        raise DocumentInvalid(Message("programme_key.members", what=what))
    version, created = doc["key_version"], doc["created_at"]
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= MAX_VERSION:
        raise DocumentInvalid(Message("programme_key.version", what=what))
    if not isinstance(created, str) or not TIMESTAMP.fullmatch(created):
        raise DocumentInvalid(Message("programme_key.date", what=what))
    return ProgrammeKey(version, b64d(doc["key"], Message("part.of", what=what, part=Message("part.programme_key")), DocumentInvalid,
                                           length=32), created)


def key_path(workspace: Any) -> Path:
    return Path(workspace.keys_dir) / KEY_FILE


def installed_key(workspace: Any) -> ProgrammeKey | None:
    path = key_path(workspace)
    if not path.exists():
        return None
    return read_key(path.read_bytes(), str(path))


def install_key(workspace: Any, data: bytes, what: str) -> tuple[ProgrammeKey, bool]:
    """Install a programme key in an establishment's folder. Returns (key, changed). The same key again is
    a no-op; an older version never replaces a newer one; a ministry's folder refuses it."""
    if getattr(workspace, "role", None) != "establishment":
        raise DocumentInvalid(Message("programme_key.ministry"))
    key = read_key(data, what)
    current = installed_key(workspace)
    if current is not None:
        if current.version == key.version and hmac.compare_digest(current.key, key.key):
            return current, False
        if key.version <= current.version:
            raise DocumentInvalid(Message("programme_key.older", what=what, version=key.version,
                                          current=current.version))
    folder = Path(workspace.keys_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(key_path(workspace), dump_key(key), private=True)
    return key, True
