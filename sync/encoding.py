"""Small encodings shared by the formats: base64, strict JSON, key identifiers, spoken fingerprints."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import struct
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from forms.messages import Message


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: Any, what: str | Message, error: Callable[[Any], Exception], *, length: int | None = None) -> bytes:
    """Strict standard base64 (with padding) or ``error``; ``length`` checks the decoded size."""
    if not isinstance(text, str):
        raise error(Message("b64.expected", what=what))
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise error(Message("b64.invalid", what=what)) from exc
    if b64e(data) != text:
        raise error(Message("b64.not_canonical", what=what))
    if length is not None and len(data) != length:
        raise error(Message("b64.length", what=what, size=len(data), length=length))
    return data


def dumps(value: Any) -> bytes:
    """Compact JSON, keys sorted (the writers' output is deterministic)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def loads_strict(data: bytes, what: str, error: Callable[[Any], Exception]) -> Any:
    """UTF-8 JSON; duplicate members, NaN and Infinity refused (two readers must never disagree)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise error(Message("json.duplicate", what=what, key=key[:40]))
            out[key] = value
        return out

    def constant(name: str) -> Any:
        raise error(Message("json.constant", what=what, name=name))

    try:
        text = data.decode("utf-8")
        return json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except UnicodeDecodeError as exc:
        raise error(Message("document.not_utf8", what=what)) from exc
    except (ValueError, RecursionError) as exc:
        raise error(Message("document.not_json", what=what)) from exc


def read_limited(path: Path, limit: int, what: str, error: Callable[[Any], Exception]) -> bytes:
    """The bytes of a file from outside, refused with ``error`` when it is larger than ``limit``: never
    more than ``limit + 1`` bytes are read, so a huge (or endless) file cannot exhaust memory first.
    ``OSError`` (missing, unreadable) is left to the caller."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size  # a regular file's size; 0 for a pipe or a device
        data = handle.read(limit + 1) if size <= limit else b""
        if size > limit or len(data) > limit:
            raise error(Message("file.beyond_limit", what=what, size=max(size, len(data)), limit=limit))
    return data


def u64(value: int) -> bytes:
    return struct.pack(">Q", value)


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def spoken_fingerprint(key_id: bytes) -> str:
    """Six groups of five digits, easy to read aloud on the phone (as Signal's safety numbers):
    group i is the big-endian integer of bytes [5i, 5i+5) of the key id, modulo 100 000."""
    groups = [int.from_bytes(key_id[5 * i:5 * i + 5], "big") % 100_000 for i in range(6)]
    return " ".join(f"{g:05d}" for g in groups)


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()
